"""Debate prompts: the Markdown writer (``markdown``, escaping in ``mdtext``) and the
printable cards (``cards``, laid out by ``cardlayout``, the teacher's overview card in
``overview``), both built on one resolution of each debate point
(``debatekit.present.points``) and the cards on the PDF layer in ``debatekit.pdf``."""
