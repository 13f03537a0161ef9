"""Making a saved deck the same bytes every time: document properties from the outline,
no stranger's name, and a zip with fixed entry times and a stable order."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from ..files import fixed_zip
from .pptx_internals import package_entries as package_entries_into
from .pptx_internals import package_relationships
from .runs import lang_tag

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)


def _short(text: str, limit: int = 255) -> str:
    """Core properties hold at most 255 characters; the full text is on the slides."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def set_properties(prs, title: str, subject: str, lang: str, keywords: str) -> None:
    props = prs.core_properties
    props.title = _short(title)
    props.subject = _short(subject)
    props.author = "debatekit"
    props.last_modified_by = "debatekit"
    props.comments = ""
    props.keywords = _short(keywords)
    props.category = ""
    props.language = lang_tag(lang)
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME


def drop_thumbnail(prs) -> None:
    """The base's (or a template's) preview picture shows other slides than ours: drop it."""
    package = prs.part.package
    for rId, rel in list(package_relationships(package).items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            package.drop_rel(rId)


def app_properties(slides: int, notes: int) -> bytes:
    """docProps/app.xml without the base template's application name and 4:3 format."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{escape('debatekit')}</Application>"
        "<PresentationFormat>Custom</PresentationFormat>"
        f"<Slides>{slides}</Slides><Notes>{notes}</Notes><HiddenSlides>0</HiddenSlides>"
        "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode("utf-8")


class _Entries:
    """Stands in for python-pptx's zip writer: keeps each (name, bytes) in the order
    written, so the package is compressed once, by ``save``, not twice."""

    def __init__(self):
        self.items: list[tuple[str, bytes]] = []

    def write(self, pack_uri, blob: bytes) -> None:
        self.items.append((pack_uri.membername, blob))


def package_entries(prs) -> list[tuple[str, bytes]]:
    """The files of the saved presentation, as python-pptx's ``save`` would zip them."""
    entries = _Entries()
    package_entries_into(prs.part.package, entries)
    return entries.items


def save(prs, slides: int, notes: int) -> bytes:
    """The presentation as bytes, with fixed times and a stable entry order."""
    items = package_entries(prs)
    ordered = [item for item in items if item[0] == "[Content_Types].xml"] + \
        [item for item in items if item[0] != "[Content_Types].xml"]
    return fixed_zip((name, app_properties(slides, notes) if name == "docProps/app.xml" else data)
                     for name, data in ordered)
