"""Debate prompts: the Markdown writer (``markdown``) and the printable cards (``cards``),
both built on one resolution of each debate point (``points``)."""
