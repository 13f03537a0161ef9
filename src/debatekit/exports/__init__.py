"""Exports into the tools schools already use: quizzes for learning platforms (GIFT,
Moodle XML, QTI 1.2) and argument maps for mapping tools (Argdown, GraphML).

Each format is one writer module registered in ``debatekit.registry`` in the `exports`
group, outside the default build. The quiz formats share ``quiz_items``, which turns the
exercise into format-free questions; the map formats share ``map_items``.
"""
