"""The fake `handout` writer (see test_build_fakes)."""

from test_build_fakes import _renderer

VERSION = "1"
render = _renderer("handout")
