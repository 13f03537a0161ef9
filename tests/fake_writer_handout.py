"""The fake `handout` writer (see fake_writers)."""

from fake_writers import _renderer

VERSION = "1"
render = _renderer("handout")
