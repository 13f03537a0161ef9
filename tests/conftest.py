"""Shared fixtures: readings of the sample and flagship outlines (helpers are in support.py)."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

from debatekit.reader import read_outline
from support import DATA, FLAGSHIP, SEED

# the key that signs remembered readings lives in the user's cache folder: the tests
# (and the builds they start in subprocesses) get a folder of their own
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="debatekit-test-cache-")


@pytest.fixture(scope="session")
def sample():
    """A small valid two-language outline (zh, en) over the seed article."""
    return read_outline(DATA / "sample.yaml")


@pytest.fixture(scope="session")
def flagship():
    """The shipped outline. A flagship that no longer validates fails every test that uses
    it (read_outline raises with the located problems): it must never be skipped."""
    return read_outline(FLAGSHIP)


@pytest.fixture
def sample_project(tmp_path):
    """A project folder: seeds/ with the article and outlines/sample.yaml pointing at it."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    (tmp_path / "outlines").mkdir()
    sample = (DATA / "sample.yaml").read_text("utf-8").replace("../../seeds/", "../seeds/")
    (tmp_path / "outlines" / "sample.yaml").write_text(sample, "utf-8")
    return tmp_path


@pytest.fixture(scope="session")
def exports_hard():
    """Claim texts full of the export formats' special characters, in English and Chinese."""
    return read_outline(DATA / "exports-hard.yaml").outline
