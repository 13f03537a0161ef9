"""Exports into the tools schools already use: quizzes for learning platforms (GIFT,
Moodle XML, QTI 1.2) and argument maps for mapping tools (Argdown, GraphML).

Each format is one writer module registered in ``debatekit.registry`` in the `exports`
group, outside the default build. The quiz formats share ``quiz_items``, which turns the
exercise into format-free questions; the map formats share ``map_items``.
"""

import re


def plain(text: str) -> str:
    """One line of text: a teacher's line breaks inside a claim are not structure, and
    GIFT would end an answer at one."""
    return re.sub(r"\s+", " ", text).strip()
