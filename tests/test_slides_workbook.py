"""Each chart's embedded workbook holds the chart's numbers where the chart's cell
references point, and spreadsheet programs open it."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from debatekit.slides.workbook import sheet_xlsx

from support import read, render

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _cells(xlsx: bytes) -> dict[str, str]:
    sheet = etree.fromstring(zipfile.ZipFile(io.BytesIO(xlsx)).read("xl/worksheets/sheet1.xml"))
    return {c.get("r"): (c.findtext(f"{S}is/{S}t") if c.get("t") == "inlineStr"
                         else c.findtext(f"{S}v")) for c in sheet.iter(f"{S}c")}


def _range(ref: str) -> list[str]:
    """'Sheet1!$B$2:$B$4' -> ['B2', 'B3', 'B4']."""
    cells = ref.split("!")[1].replace("$", "").split(":")
    col, first = cells[0][0], int(cells[0][1:])
    last = int(cells[-1][1:])
    return [f"{col}{row}" for row in range(first, last + 1)]


def test_every_chart_finds_its_numbers_in_its_workbook(sample):
    charts = [shape.chart for slide in read(render(sample.outline, "en")).slides
              for shape in slide.shapes if shape.has_chart]
    assert charts
    for chart in charts:
        cells = _cells(chart.part.chart_workbook.xlsx_part.blob)
        for ser in chart._chartSpace.iter(f"{C}ser"):
            name_ref = ser.findtext(f"{C}tx/{C}strRef/{C}f")
            cat_ref = ser.findtext(f"{C}cat/{C}strRef/{C}f")
            val_ref = ser.findtext(f"{C}val/{C}numRef/{C}f")
            assert cells[_range(name_ref)[0]] == ser.findtext(f"{C}tx/{C}strRef/{C}strCache/{C}pt/{C}v")
            labels = [pt.findtext(f"{C}v") for pt in ser.iter(f"{C}cat")
                      for pt in pt.iter(f"{C}pt")]
            assert [cells[ref] for ref in _range(cat_ref)] == labels
            values = {int(pt.get("idx")): float(pt.findtext(f"{C}v"))
                      for pt in ser.find(f"{C}val").iter(f"{C}pt")}
            assert {i: float(cells[ref]) for i, ref in enumerate(_range(val_ref)) if ref in cells} == values


def test_a_workbook_escapes_text_and_keeps_numbers_exact():
    cells = _cells(sheet_xlsx(["a < b & c", " padded "], [("R&D", (0.1, 1e20)), ("n", (3, None))],
                              "General"))
    assert cells == {"B1": "R&D", "C1": "n", "A2": "a < b & c", "B2": "0.1", "C2": "3",
                     "A3": " padded ", "B3": "100000000000000000000"}


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_calc_opens_the_workbook(tmp_path):
    path = tmp_path / "chart.xlsx"
    path.write_bytes(sheet_xlsx(["2024", "美国"], [("用户", (170, 200.5)), ("two", (1, 2))], "0"))
    done = subprocess.run(["soffice", "--headless", "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76',
                           "--outdir", str(tmp_path), str(path)], capture_output=True, text=True, timeout=120)
    assert (tmp_path / "chart.csv").exists(), done.stdout + done.stderr
    rows = list(csv.reader((tmp_path / "chart.csv").read_text("utf-8").splitlines()))
    assert rows == [["", "用户", "two"], ["2024", "170", "1"], ["美国", "201", "2"]]
