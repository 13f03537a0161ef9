"""Notes pages for a deck's slides, made quickly and exactly as python-pptx makes them.

python-pptx builds each notes page by cloning the notes master's placeholders one by one
and finds the page's file name by listing every part of the package: ~4 ms a slide. The
clone is the same for every page of a deck, so the first page is made by python-pptx and
kept, blank, as the XML before and after its notes' paragraphs; a later page is that XML
around its own paragraphs, parsed in one go, and related the same way (so the
relationship ids and file names come out the same, and the file is unchanged).
"""

from __future__ import annotations

import copy

from lxml import etree

from .pptx_internals import CONTENT_TYPE as CT
from .pptx_internals import RELATIONSHIP_TYPE as RT
from .pptx_internals import NotesSlidePart, PackURI, parse_xml, qn, relate_new, text_body
from .runs import keep_empty_texts
from .textbox import fill_frame, paragraphs_xml

_TEMPLATE = "/ppt/notesSlides/notesSlide%d.xml"
_MARK = "notes go here"


class NotesPages:
    def __init__(self):
        self._around: tuple[str, str] | None = None   # a blank page's XML around its notes
        self._names: set[str] = set()
        self._master = None          # the notes master part, which every page relates to

    def write(self, slide, paras, fonts) -> None:
        """Make ``slide``'s notes page, holding the paragraphs ``paras``."""
        if self._around is None or slide.part.has_notes_slide:
            notes = slide.notes_slide        # made by python-pptx
            frame = notes.notes_text_frame
            if self._around is None:
                self._learn(slide, notes.element, frame, fonts)
            fill_frame(frame, paras, fonts, inherit_colour=True)
            return
        xml = self._around[0] + paragraphs_xml(paras, fonts) + self._around[1]
        page = parse_xml(xml)
        if "<a:t></a:t>" in xml:
            keep_empty_texts(page)
        slide_part = slide.part
        part = NotesSlidePart(self._next_name(), CT.PML_NOTES_SLIDE, slide_part.package, page)
        # new relationships, as python-pptx makes them, without its search for old ones
        relate_new(part, self._master, RT.NOTES_MASTER)
        relate_new(part, slide_part, RT.SLIDE)
        relate_new(slide_part, part, RT.NOTES_SLIDE)

    def _learn(self, slide, page, frame, fonts) -> None:
        """Remember what every later page shares with the first, blank one: its XML before
        and after the notes' paragraphs (the notes frame set as ``fill_frame`` sets it),
        the notes master, and the pages' file names so far."""
        package = slide.part.package
        prefix = _TEMPLATE.split("%")[0]
        self._names = {str(p.partname) for p in package.iter_parts()
                       if str(p.partname).startswith(prefix)}
        self._master = package.presentation_part.notes_master_part
        fill_frame(frame, [], fonts)         # the frame's settings; its one empty paragraph stays
        blank = copy.deepcopy(page)
        body = _at(blank, _place_of(text_body(frame), page))
        (paragraph,) = body.findall(qn("a:p"))
        paragraph.addprevious(etree.Comment(_MARK))
        body.remove(paragraph)
        before, after = etree.tostring(blank, encoding="unicode").split(f"<!--{_MARK}-->")
        self._around = (before, after)

    def _next_name(self) -> PackURI:
        # python-pptx's rule (package.next_partname): the highest free number up to one
        # past the count of existing pages, searched downwards
        for n in range(len(self._names) + 1, 0, -1):
            name = _TEMPLATE % n
            if name not in self._names:
                self._names.add(name)
                return PackURI(name)
        raise AssertionError("no free notes page name")     # the range always holds one


def _place_of(element, root) -> list[int]:
    """Where ``element`` is under ``root``: the index of each ancestor among its siblings."""
    place = []
    while element is not root:
        parent = element.getparent()
        place.append(parent.index(element))
        element = parent
    return place[::-1]


def _at(root, place: list[int]):
    for index in place:
        root = root[index]
    return root
