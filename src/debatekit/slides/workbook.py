"""The spreadsheet embedded in each chart: the chart's numbers, which PowerPoint opens
when a teacher edits the chart's data.

python-pptx writes it with XlsxWriter. A chart's sheet is a dozen cells, and importing
XlsxWriter takes longer than writing every chart of a deck; it also writes the time of
the build, which the deck would have to rewrite for equal builds to give equal bytes.
So the deck writes the sheet itself: the smallest package that spreadsheet programs
open, laid out as python-pptx lays it out (the categories in column A from row 2, each
series' name in row 1 above its values), since the chart's cell references
(``Sheet1!$B$2:$B$4``) are python-pptx's.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from pptx.chart.data import CategoryChartData

from ..files import fixed_zip

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# the number formats the charts use, by the ids every spreadsheet program builds in
_FORMATS = {"General": 0, "0": 1}

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_MAIN}" '
    f'xmlns:r="{_DOC}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# one font, the two fills and the border every sheet needs, and a cell style per number
# format (in the order of _FORMATS' ids)
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs></styleSheet>"
)


class ChartData(CategoryChartData):
    """python-pptx's category chart data, whose embedded workbook the deck writes."""

    @property
    def xlsx_blob(self) -> bytes:
        return sheet_xlsx([category.label for category in self.categories],
                          [(series.name, series.values) for series in self],
                          self.number_format)


def sheet_xlsx(categories: list, series: list[tuple[str, tuple]], number_format: str) -> bytes:
    """A workbook of one sheet, "Sheet1": ``categories`` down column A from row 2, each
    series' name in row 1 and its values below it, from column B on."""
    style = _FORMATS[number_format]
    rows = ['<row r="1">' + "".join(_text(f"{_column(i + 2)}1", name)
                                    for i, (name, _) in enumerate(series)) + "</row>"]
    for r, category in enumerate(categories, 2):
        cells = [_text(f"A{r}", category)]
        for i, (_, values) in enumerate(series):
            value = values[r - 2] if r - 2 < len(values) else None
            if value is not None:
                cells.append(f'<c r="{_column(i + 2)}{r}" s="{style}"><v>{_number(value)}</v></c>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}">'
             f'<sheetData>{"".join(rows)}</sheetData></worksheet>')
    parts = [("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _PACKAGE_RELS),
             ("xl/workbook.xml", _WORKBOOK), ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
             ("xl/styles.xml", _STYLES), ("xl/worksheets/sheet1.xml", sheet)]
    return fixed_zip([(name, text.encode("utf-8")) for name, text in parts])


def _text(ref: str, value) -> str:
    text = escape(str(value))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _number(value) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def _column(number: int) -> str:
    """The letters of the 1-based column ``number`` ("A", ..., "Z", "AA", ...)."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
