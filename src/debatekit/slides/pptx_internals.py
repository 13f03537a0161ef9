"""Every internal of python-pptx the deck relies on, and why; nowhere else in debatekit.

python-pptx's public API covers shapes, text and charts, but not the XML of a text body,
paragraph or run, the package's parts and writer, or its shape-id bookkeeping. Where the
deck needs those, it goes through this module, so an upgrade of python-pptx (pinned to
``>=1.0.2,<1.1`` in pyproject.toml) is checked here and by the slide tests. Public
equivalents are used wherever one exists: ``shape.element``, ``slide.element``,
``shapes.element`` (the ``p:spTree``) and ``slides.element`` (the ``p:sldIdLst``).

The ``oxml`` and ``opc`` names re-exported below are python-pptx's XML and package
layers: documented for its developers, not as its API.
"""

from __future__ import annotations

from functools import lru_cache

from pptx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.text.text import _Run

__all__ = [
    "CONTENT_TYPE",
    "RELATIONSHIP_TYPE",
    "PackURI",
    "NotesSlidePart",
    "parse_xml",
    "nsdecls",
    "qn",
    "text_body",
    "paragraph_element",
    "run_element",
    "wrap_run",
    "font_properties",
    "line_properties",
    "axis_element",
    "next_shape_id",
    "count_shape_id",
    "defer_group_extents",
    "package_relationships",
    "package_entries",
    "replace_part_blob",
    "add_slide_part",
    "relate_new",
]


# -- text: runs are written as XML in one go, many times faster than child by child ----

def text_body(frame):
    """A text frame's ``a:txBody`` (no public accessor)."""
    return frame._txBody


def paragraph_element(paragraph):
    """A paragraph's ``a:p`` (no public accessor)."""
    return paragraph._p


def run_element(run):
    """A run's ``a:r`` (no public accessor)."""
    return run._r


def wrap_run(r, paragraph):
    """The python-pptx run object for an ``a:r`` written as XML."""
    return _Run(r, paragraph)


def font_properties(font):
    """A font's ``a:rPr``: the east-asian face, language tags and ``altLang`` have no
    public setters."""
    return font._rPr


def line_properties(line):
    """A line's ``a:ln``, for arrow heads (no public setter)."""
    return line._get_or_add_ln()


def axis_element(axis):
    """A chart axis's XML: python-pptx has no setter for the value axis's own crossing."""
    return axis._element


# -- shape ids: the deck adds shapes as XML, and maps add hundreds of shapes ------------

def next_shape_id(shapes) -> int:
    return shapes._next_shape_id


def count_shape_id(shapes, shape_id: int) -> None:
    """Tell a turbo-add shape collection about an id it handed out without counting it
    (freeforms), instead of having it search the slide again."""
    shapes._cached_max_shape_id = max(shapes._cached_max_shape_id, shape_id)


def defer_group_extents(group_shapes) -> None:
    """python-pptx recomputes a group's extents after every shape added (quadratic in
    the shapes of a map); the caller recomputes them once, with
    ``group.element.recalculate_extents()``, when the group is complete."""
    group_shapes._recalculate_extents = lambda: None


# -- the package: fixed timestamps, no thumbnail, one compression pass -------------------

def package_relationships(package):
    """The package-level relationships (to drop the thumbnail; no public remover)."""
    return package._rels


def package_entries(package, sink) -> None:
    """Write every part of the package to ``sink.write(pack_uri, blob)``, as python-pptx's
    own save would, so the deck zips them once with fixed timestamps."""
    parts = tuple(package.iter_parts())
    PackageWriter(None, package._rels, parts)._write_content_types_stream(sink)
    # what the writer's _write_pkg_rels and _write_parts write, the relationships by
    # relationships_xml (python-pptx parses a snippet of XML for each one)
    sink.write(PackURI("/").rels_uri, relationships_xml(package._rels))
    for part in parts:
        sink.write(part.partname, part.blob)
        if part._rels:
            sink.write(part.partname.rels_uri, relationships_xml(part._rels))


_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"


def relationships_xml(relationships) -> bytes:
    """A ``.rels`` file as python-pptx writes it (lxml's serialisation, written out as
    text: a deck has a hundred of them): each relationship's Id, Type, Target and, for an
    external one, TargetMode, in the order of their rId numbers."""
    def number(rId: str) -> int:
        return int(rId[3:]) if rId.startswith("rId") and rId[3:].isdigit() else 0

    items = []
    for rId in sorted(relationships.keys(), key=lambda rId: (number(rId), rId)):
        rel = relationships[rId]
        if rel.is_external:
            items.append(f'<Relationship Id={_attr(rel.rId)} Type={_attr(rel.reltype)} '
                         f'Target={_attr(rel.target_ref)} TargetMode="External"/>')
        else:
            target = _relative(rel.target_partname, rel._base_uri)
            items.append(f'<Relationship Id={_attr(rel.rId)} Type={_attr(rel.reltype)} '
                         f'Target={_attr(target)}/>')
    body = f'>{"".join(items)}</Relationships>' if items else "/>"
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<Relationships xmlns="{_RELATIONSHIPS}"{body}').encode("utf-8")


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                          "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _attr(value: str) -> str:
    """An attribute's value in double quotes, escaped as lxml writes it."""
    return f'"{value.translate(_ESCAPES)}"'


@lru_cache(maxsize=1024)
def _relative(partname: str, base: str) -> str:
    """What python-pptx's ``target_ref`` gives for a part (``posixpath.relpath`` of two
    normalised absolute names), computed directly and remembered: every slide relates
    to the same few layouts, and relpath normalises both paths on each call."""
    if base == "/":
        return partname[1:]
    path = [step for step in partname.split("/") if step]
    start = [step for step in base.split("/") if step]
    common = 0
    while common < min(len(path), len(start)) and path[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + path[common:]) or "."


def remember_partnames(package) -> None:
    """Make ``package.next_partname`` (the name of a new chart or embedded workbook)
    walk the package's parts once per kind of name, then remember the names it gave:
    python-pptx walks every part for each new chart and each workbook. Only the charts
    ask for such names in a deck, so what it remembers stays what a walk would find."""
    taken: dict[str, set[str]] = {}

    def next_partname(template: str) -> PackURI:
        names = taken.get(template)
        if names is None:
            prefix = template[: (template % 42).find("42")]
            names = taken[template] = {str(part.partname) for part in package.iter_parts()
                                       if part.partname.startswith(prefix)}
        # python-pptx's choice: the highest free number up to one more than those taken
        name = next(template % n for n in range(len(names) + 1, 0, -1) if template % n not in names)
        names.add(name)
        return PackURI(name)

    package.next_partname = next_partname


def replace_part_blob(part, blob: bytes) -> None:
    """Replace a plain part's bytes (the theme: no XML part class, no public setter)."""
    part._blob = blob


# -- parts: new slides and notes pages related without searching what is related already --

def relate_new(source, target, reltype: str) -> str:
    """Relate ``source`` to a part it has no relationship with yet, as ``relate_to`` does
    (the next free rId), without its search of every relationship of ``source`` for one
    to reuse: the presentation is related to each new slide of a deck in turn."""
    return source._rels._add_relationship(reltype, target)


def add_slide_part(prs, layout, element):
    """A new slide made of ``element`` (a ``p:sld`` that already holds the shapes the
    layout gives it), added as python-pptx's ``prs.slides.add_slide`` adds one: the next
    slide file, related to its layout, then related to and listed in the presentation.
    Returns the slide."""
    presentation = prs.part
    part = SlidePart(presentation._next_slide_partname, CONTENT_TYPE.PML_SLIDE,
                     presentation.package, element)
    relate_new(part, layout.part, RELATIONSHIP_TYPE.SLIDE_LAYOUT)
    prs.slides.element.add_sldId(relate_new(presentation, part, RELATIONSHIP_TYPE.SLIDE))
    return part.slide


# -- python-pptx's XML lookups: the same answers, without redoing the same work ----------

def keep_compiled_lookups() -> None:
    """python-pptx compiles an XPath expression again on every ``element.xpath(...)`` call
    and builds a namespace-prefixed tag object on every child lookup (``qn`` in its
    ``xmlchemy`` layer); a deck makes tens of thousands of both, a sixth of its drawing
    time. Keep each compiled expression and each tag's name once made: the lookups find
    the same elements, so the XML written is unchanged. (lxml's compiled XPath locks
    itself while it runs, so this is safe in threads too.)"""
    from functools import lru_cache

    from lxml import etree
    from pptx.oxml import xmlchemy
    from pptx.oxml.ns import _nsmap

    if getattr(xmlchemy.BaseOxmlElement.xpath, "keeps_compiled", False):
        return

    @lru_cache(maxsize=512)
    def compiled(expression: str):
        return etree.XPath(expression, namespaces=_nsmap)

    def xpath(self, xpath_str: str):
        return compiled(xpath_str)(self)

    xpath.keeps_compiled = True
    xmlchemy.BaseOxmlElement.xpath = xpath
    xmlchemy.qn = lru_cache(maxsize=None)(xmlchemy.qn)


keep_compiled_lookups()
