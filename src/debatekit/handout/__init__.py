"""The printable handouts: the student handout (``student``) and the teacher's answer
key (``answer_key``), built on the shared PDF layer in ``debatekit.pdf``."""
