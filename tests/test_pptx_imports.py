"""python-pptx's seldom used imports (urllib.request through xml.sax.saxutils, Pillow) are
loaded only when something uses them, and then work as before."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import subprocess
import sys
import xml.sax

from hypothesis import given
from hypothesis import strategies as st

from debatekit.slides import pptx_imports

from support import ROOT

# the PNG of one white pixel
PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082")


def run_python(code: str) -> str:
    """Run code in a fresh interpreter (this one has imported everything already)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    return done.stdout


LOADED = """
import sys
from debatekit.slides.pptx_imports import DEFERRED
real = [name for name in ("urllib.request", "http.client") + DEFERRED
        if name in sys.modules and type(sys.modules[name]).__name__ != "_StandIn"]
print(" ".join(real))
"""


def test_a_deck_build_loads_neither_urllib_request_nor_pillow(tmp_path):
    build = (f"from debatekit.cli import main\n"
             f"try:\n    main(['build', 'outlines/tiktok-us-deal.yaml', '--only', 'slides',"
             f" '--lang', 'zh', '--out', {str(tmp_path)!r}, '--quiet'])\nexcept SystemExit:\n    pass\n")
    assert run_python(build + LOADED).split() == []
    assert list(tmp_path.rglob("*.pptx"))


def test_the_deferred_modules_work_when_asked_for():
    out = run_python(
        "import io\nimport debatekit.slides.writer\n"
        "from urllib.request import urlopen\nprint(urlopen.__module__)\n"
        "import PIL.Image\n"
        f"image = PIL.Image.open(io.BytesIO({PIXEL_PNG!r}))\nprint(image.size)\n"
        "from PIL import ImageFont\nprint(type(ImageFont.load_default()).__name__)\n"
        "import xml.sax.saxutils\nprint(xml.sax.saxutils.XMLGenerator.__name__)\n"
        + LOADED)
    lines = out.splitlines()
    assert lines[:2] == ["urllib.request", "(1, 1)"]
    assert lines[2].endswith("Font") and lines[3] == "XMLGenerator"
    assert set(lines[4].split()) >= {"urllib.request", "PIL.Image", "PIL.ImageFont"}


def test_a_picture_in_a_deck_loads_pillow_through_the_stand_in(tmp_path):
    """python-pptx reads a picture's size with Pillow: the stand-in loads it then."""
    out = run_python(
        "import io, sys\nimport debatekit.slides.writer\nfrom pptx import Presentation\n"
        "assert type(sys.modules['PIL.Image']).__name__ == '_StandIn'\n"
        "deck = Presentation()\nslide = deck.slides.add_slide(deck.slide_layouts[6])\n"
        f"picture = slide.shapes.add_picture(io.BytesIO({PIXEL_PNG!r}), 0, 0)\n"
        f"deck.save({str(tmp_path / 'picture.pptx')!r})\n"
        f"print(len(Presentation({str(tmp_path / 'picture.pptx')!r}).slides[0].shapes[0].image.blob))\n")
    assert out.split() == [str(len(PIXEL_PNG))]


def real_saxutils():
    """The standard library's module itself, whatever stands in sys.modules."""
    origin = importlib.machinery.PathFinder.find_spec("saxutils", xml.sax.__path__).origin
    spec = importlib.util.spec_from_file_location("xml.sax.saxutils_as_shipped", origin)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REAL = real_saxutils()
texts = st.text(alphabet=st.sampled_from("ab&<>\"'\n\r\t&amp; 中"), max_size=30)
entities = st.dictionaries(st.sampled_from(["a", "b", '"', "中", "&"]),
                           st.sampled_from(["&x;", "Q", ""]), max_size=3)


@given(texts, entities)
def test_the_stand_in_escapes_as_the_standard_library_does(text, extra):
    assert pptx_imports._escape(text) == REAL.escape(text)
    assert pptx_imports._escape(text, extra) == REAL.escape(text, extra)
    assert pptx_imports._quoteattr(text) == REAL.quoteattr(text)
    assert pptx_imports._quoteattr(text, extra) == REAL.quoteattr(text, extra)


def test_python_pptx_still_writes_its_own_workbooks_through_the_stand_in():
    """The deck writes its charts' workbooks itself; python-pptx's own writer, should
    anything call it, loads XlsxWriter through the stand-in and works as before."""
    out = run_python(
        "import io, zipfile\nimport debatekit.slides.writer\n"
        "from pptx.chart.data import CategoryChartData\n"
        "data = CategoryChartData()\ndata.categories = ['a', 'b']\ndata.add_series('s', (1, 2))\n"
        "names = zipfile.ZipFile(io.BytesIO(data.xlsx_blob)).namelist()\n"
        "print('xl/worksheets/sheet1.xml' in names)\n" + LOADED)
    assert out.split() == ["True", "xlsxwriter"]
