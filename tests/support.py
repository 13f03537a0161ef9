"""Helpers shared by the tests: paths, outlines built in code, and small runners.

Test modules import from here, never from one another, and pytest collects nothing here.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from debatekit.cli import main
from debatekit.model import Debate, Outline
from debatekit.reader import read_outline
from debatekit.shape import validate

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FLAGSHIP = ROOT / "outlines" / "tiktok-us-deal.yaml"
SEED = ROOT / "seeds" / "000_a952fc97f30bb34a.txt"
SAMPLE = (DATA / "sample.yaml").read_text(encoding="utf-8")


def needs(*programs: str):
    """Skip a test unless every program is on PATH (CI installs them)."""
    missing = [p for p in programs if shutil.which(p) is None]
    return pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)}")


# -- validating edited copies of the sample outline ------------------------------------

def outline_text(edits: list[tuple[str, str]]) -> str:
    """The sample outline with each (old, new) edit applied once, reading the real seed."""
    text = SAMPLE.replace("../../seeds/000_a952fc97f30bb34a.txt", SEED.as_posix())
    for old, new in edits:
        assert old in text, f"test edit does not apply: {old!r}"
        text = text.replace(old, new, 1)
    return text


@contextmanager
def inside(directory: Path):
    """Run in a folder, so that messages name files as a user in that folder sees them."""
    before = os.getcwd()
    os.chdir(directory)
    try:
        yield directory
    finally:
        os.chdir(before)


def run_validate(edits, *args: str, raw: bytes | None = None, tmp: Path | None = None):
    """`debatekit validate o.yaml ARGS` on an edited sample: (exit code, stdout, stderr)."""
    with tempfile.TemporaryDirectory(dir=tmp) as folder, inside(Path(folder)):
        Path("o.yaml").write_bytes(raw if raw is not None else outline_text(edits).encode("utf-8"))
        result = CliRunner().invoke(main, ["validate", "o.yaml", *args])
    return result.exit_code, result.stdout, result.stderr


# -- debates ---------------------------------------------------------------------------

def with_debates(outline, *debates: dict):
    """The outline with its debates replaced (claims from the sample stay available)."""
    return outline.model_copy(update={"debates": tuple(validate(Debate, d) for d in debates)})


NASTY = {
    "id": "nasty",
    "motion": {"zh": "本院认为 *星号* 与 _下划线_ ##", "en": "This house believes *stars* and _lines_ are [not](links) ##"},
    "context": {"zh": "<b>不是HTML</b> &amp; R&D", "en": "<b>not html</b> &amp; R&D `no code`"},
    "pro": [
        {"point": {"zh": "- 不是列表\n第二行", "en": "- not a list\nsecond line"}, "kind": "opinion"},
        {"point": {"zh": "# 不是标题", "en": "# not a heading ~~nor struck~~"}, "kind": "prediction"},
        {"claim": "deal-stake", "use": {"zh": "1. 不是编号", "en": "1. not numbered | pipe"}},
    ],
    "con": [
        {"point": {"zh": "> 不是引用", "en": "> not a quote \\ backslash"}, "kind": "fact", "status": "disputed",
         "sources": ["Reuters, Deal (signed), 2025, https://example.com/a_(b)_c.", "a book without a URL [p. 3]"]},
    ],
    "questions": [{"zh": "1. 不是编号？", "en": "1. not numbered?"}, {"zh": "> 引用？", "en": "+ plus?"}],
}


# -- outlines built in the tests ------------------------------------------------------

def sample_dict() -> dict:
    data = yaml.safe_load((DATA / "sample.yaml").read_text("utf-8"))
    data["source"]["accessed"] = str(data["source"]["accessed"])   # YAML reads it as a date
    return data


LONG_EN = ("The article says that the deal was shaped by many forces at once, including the "
           "courts, Congress, the users, the advertisers and the negotiators on both sides, and "
           "that none of them alone explains the outcome. ")


def long_outline() -> Outline:
    """One language, plain strings, very long texts and many claims."""
    claims = []
    for i in range(14):
        kind = ("fact", "opinion", "prediction")[i % 3]
        text = f"Claim {i}: " + (LONG_EN * 3 if i % 4 == 0 else "a short statement about the deal.")
        claim = {"id": f"c{i}", "kind": kind, "text": text,
                 "quote": f"quote {i}", "why": "Because it can be checked." * (1 + i % 2)}
        if kind == "fact":
            claim["status"] = ("stated", "verified", "disputed", "false")[i % 4]
            if claim["status"] != "stated":
                claim["check"] = {"note": "Checked against the filing.", "sources": ["Court record, 2025"]}
        if i == 5:
            claim["text"] = "A single very long claim. " + LONG_EN * 30
            claim["speaker"] = "an unnamed analyst"
        claims.append(claim)
    return validate(Outline, {
        "format": "debatekit/1", "id": "long-en", "languages": ["en"],
        "title": "A very long outline " + LONG_EN,
        "source": {"path": "none.txt", "title": "Some article", "publisher": "example.org",
                   "language": "en", "published": "2026", "perspective": LONG_EN * 4},
        "lesson": {"level": "upper secondary", "minutes": 50, "objectives": [LONG_EN] * 6},
        "thesis": LONG_EN * 3,
        "strands": [
            {"id": "s1", "title": "A strand with a rather long title that goes on " * 3,
             "summary": LONG_EN * 6, "claims": claims[:9]},
            {"id": "s2", "title": "Second strand", "claims": claims[9:]},
        ],
        "debates": [{
            "id": "d1", "motion": "This house believes " + LONG_EN, "context": LONG_EN * 3,
            "pro": [{"claim": "c0", "use": LONG_EN}, {"claim": "c5"}] +
                   [{"point": LONG_EN * (1 + i % 3), "kind": "opinion"} for i in range(5)],
            "con": [{"point": LONG_EN * 2, "kind": "fact", "sources": ["A report"], "status": "verified"}],
            "questions": [LONG_EN] * 8,
        }],
        "questions": [f"Question {i}? " + LONG_EN for i in range(12)],
        "glossary": [{"term": f"term {i}", "definition": LONG_EN} for i in range(20)],
    })


LONG_ZH = "文章认为，这项协议是在法院、国会、用户、广告商以及双方谈判者的共同作用下形成的，任何单一因素都无法解释最终结果。"


def zh_only_outline() -> Outline:
    claims = [{"id": f"z{i}", "kind": ("fact", "opinion", "prediction")[i % 3],
               "text": f"第{i}条：" + LONG_ZH * (1 + i % 5), "quote": f"原文{i}"} for i in range(10)]
    return validate(Outline, {
        "format": "debatekit/1", "id": "zh-only", "languages": ["zh"], "title": "只有中文的大纲",
        "source": {"path": "none.txt", "title": "一篇文章", "publisher": "示例网", "language": "zh"},
        "thesis": LONG_ZH * 2,
        "strands": [{"id": "a", "title": "第一条线索", "summary": LONG_ZH * 5, "claims": claims}],
        "debates": [{"id": "d", "motion": "本院认为" + LONG_ZH,
                     "pro": [{"claim": "z1"}, {"claim": "z4"}], "con": [{"point": LONG_ZH * 4, "kind": "opinion"}]}],
        "glossary": [{"term": "合资公司", "definition": LONG_ZH}],
    })


# -- reading decks back ---------------------------------------------------------------

def render(outline: Outline, lang: str, **job) -> bytes:
    """The deck for one language (python-pptx is imported only by the tests that ask)."""
    from debatekit.slides import writer
    from debatekit.job import Job

    return writer.render(Job(outline, lang, **job))


@functools.lru_cache(maxsize=None)
def deck_bytes(name: str, lang: str, deck: str = "lesson") -> bytes:
    """Decks rendered once per test session, shared with the LibreOffice tests: the
    lesson, or with ``deck="full"`` the lesson and its claim-by-claim appendix."""
    readings = {"sample": DATA / "sample.yaml", "flagship": FLAGSHIP}
    if name in readings:
        reading = read_outline(readings[name])
        return render(reading.outline, lang, article=reading.article, deck=deck)
    outlines = {"long": long_outline, "zh-only": zh_only_outline}
    return render(outlines[name](), lang, deck=deck)


def read(data: bytes):
    """A deck's bytes as python-pptx reads them (imported only by the tests that ask)."""
    import io

    from pptx import Presentation

    return Presentation(io.BytesIO(data))


def title_of(slide) -> str:
    """A slide's title, from its title placeholder or the shape named Title."""
    if slide.shapes.title is not None:
        return slide.shapes.title.text_frame.text
    return next(s.text_frame.text for s in slide.shapes if s.name == "Title")
