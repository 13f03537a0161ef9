"""The printable handouts: the student handout (``student``) and the teacher's answer
key (``answer_key``), with what they share (``common``) and the handout's map, figure and
balance pages (``visuals``), built on the shared PDF layer in ``debatekit.pdf``."""
