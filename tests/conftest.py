"""Shared fixtures: readings of the sample and flagship outlines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from debatekit.problems import OutlineError
from debatekit.reader import read_outline

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FLAGSHIP = ROOT / "outlines" / "tiktok-us-deal.yaml"


@pytest.fixture(scope="session")
def sample():
    """A small valid two-language outline (zh, en) over the seed article."""
    return read_outline(DATA / "sample.yaml")


@pytest.fixture(scope="session")
def flagship():
    """The shipped outline; skipped while it is missing or invalid."""
    if not FLAGSHIP.exists():
        pytest.skip("the flagship outline is not there yet")
    try:
        return read_outline(FLAGSHIP)
    except OutlineError as exc:
        pytest.skip(f"the flagship outline does not validate yet: {exc.problems[0]}")


SEED = ROOT / "seeds" / "000_a952fc97f30bb34a.txt"


@pytest.fixture
def sample_project(tmp_path):
    """A project folder: seeds/ with the article and outlines/sample.yaml pointing at it."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    (tmp_path / "outlines").mkdir()
    sample = (DATA / "sample.yaml").read_text("utf-8").replace("../../seeds/", "../seeds/")
    (tmp_path / "outlines" / "sample.yaml").write_text(sample, "utf-8")
    return tmp_path


def needs(*programs: str):
    """Skip a test unless every program is on PATH (CI installs them)."""
    missing = [p for p in programs if shutil.which(p) is None]
    return pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)}")
