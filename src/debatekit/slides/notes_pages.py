"""Notes pages for a deck's slides, made quickly and exactly as python-pptx makes them.

python-pptx builds each notes page by cloning the notes master's placeholders one by one
and finds the page's file name by listing every part of the package: ~4 ms a slide. The
clone is the same for every page of a deck, so the first page is made by python-pptx and
kept, blank, as a pattern; later pages are copies of it, related the same way (so the
relationship ids and file names come out the same, and the file is unchanged).
"""

from __future__ import annotations

import copy

from .pptx_internals import CONTENT_TYPE as CT
from .pptx_internals import RELATIONSHIP_TYPE as RT
from .pptx_internals import NotesSlidePart, PackURI, relate_new

_TEMPLATE = "/ppt/notesSlides/notesSlide%d.xml"


class NotesPages:
    def __init__(self):
        self._pattern = None         # a blank notes page's element, after the first page
        self._names: set[str] = set()
        self._master = None          # the notes master part, which every page relates to
        self._body_place = 0         # where the notes placeholder is among a page's shapes

    def frame(self, slide):
        """The notes text frame of ``slide``, its notes page made if need be."""
        if self._pattern is None or slide.part.has_notes_slide:
            notes = slide.notes_slide
            if self._pattern is None:
                self._pattern = copy.deepcopy(notes.element)
                prefix = _TEMPLATE.split("%")[0]
                self._names = {str(p.partname) for p in slide.part.package.iter_parts()
                               if str(p.partname).startswith(prefix)}
                self._master = slide.part.package.presentation_part.notes_master_part
                body = notes.notes_placeholder.element
                self._body_place = [s.element for s in notes.shapes].index(body)
            return notes.notes_text_frame
        slide_part = slide.part
        part = NotesSlidePart(
            self._next_name(), CT.PML_NOTES_SLIDE, slide_part.package,
            copy.deepcopy(self._pattern)
        )
        # new relationships, as python-pptx makes them, without its search for old ones
        relate_new(part, self._master, RT.NOTES_MASTER)
        relate_new(part, slide_part, RT.SLIDE)
        relate_new(slide_part, part, RT.NOTES_SLIDE)
        # the copy's notes placeholder is where the pattern's is (python-pptx would look
        # at each placeholder's type for it)
        return part.notes_slide.shapes[self._body_place].text_frame

    def _next_name(self) -> PackURI:
        # python-pptx's rule (package.next_partname): the highest free number up to one
        # past the count of existing pages, searched downwards
        for n in range(len(self._names) + 1, 0, -1):
            name = _TEMPLATE % n
            if name not in self._names:
                self._names.add(name)
                return PackURI(name)
        raise AssertionError("no free notes page name")     # the range always holds one
