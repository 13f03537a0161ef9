"""The deck being built: its base (a 16:9 default or a teacher's template), its layouts,
and slides with a fitted title, a footer, a slide number and speaker notes.

Writers of individual sections ask ``Deck.new_slide`` for a slide and get back the body
region (a ``Box``) they may fill; nothing is drawn outside it but the title and footer.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Mapping

from pptx.enum.shapes import MSO_SHAPE

from .. import textfit
from ..job import Job
from ..labels import fill, labels_for
from ..language import profile
from ..looks import ACCENT, INK, MUTED, RULE
from ..present.figures import cited_title
from . import shape_xml
from . import template as base
from .copies import Copies
from .geometry import (
    BODY_GAP,
    COVER_TITLE,
    FOOTER,
    INSET_X,
    INSET_Y,
    LINE_PITCH,
    NOTES,
    SECTION_TITLE,
    TITLE,
    TITLE_MIN,
    Box,
    Grid,
    pt,
)
from .notes_pages import NotesPages
from .access import mark_decorative, reading_order
from .pptx_internals import next_shape_id, nsdecls, parse_xml, qn, text_body
from .runs import DeckFonts, deck_fonts
from .textbox import Para, Span, add_field, add_text, fill_frame, para

ROLES = ("cover", "section", "content")


@dataclass
class Page:
    """A slide under construction: where its title ended and where the body may go."""

    slide: object
    title: str
    body: Box


class Deck:
    def __init__(self, job: Job):
        self.job = job
        self.outline = job.outline
        self.lang = job.lang
        self.labels: Mapping[str, str] = labels_for(job.outline, job.lang)
        self.fonts: DeckFonts = deck_fonts(job.outline, job.lang)
        self.custom = job.template is not None
        if self.custom:
            self.prs = base.open_template(job.template)
            self.fonts = base.with_theme_fonts(self.fonts, self.prs, job.outline.style.fonts)
        else:
            self.prs = base.default_base(self.fonts)
        self.grid = Grid(pt(self.prs.slide_width), pt(self.prs.slide_height))
        self.layouts = base.choose_layouts(self.prs, job.warn if self.custom else (lambda m: None))
        self.notes_pages = NotesPages()
        self._title_layouts: dict[tuple[str, str], tuple[Box, float]] = {}
        self._source_lines: dict[float, str] = {}
        self._footer_pattern: list | None = None
        self._title_places: dict[str, int | None] = {}     # role -> index among the shapes
        self.copies = Copies()
        self._bases: dict[str, str] = {}           # continued title -> the title it continues
        self.titles: list[tuple[object, object, str, str]] = []   # slide, shape, base, role
        self.part_of: dict[str, str] = {}     # a numbered title ("... (2/3)"): its part's
        # claims whose kind a lesson slide has shown (the maps): the exit ticket avoids them
        self.labelled: set[str] = set()

    # -- labels ----------------------------------------------------------------

    def t(self, text) -> str:
        """A text of the outline in the deck's language."""
        return text[self.lang]

    def parts(self) -> int:
        """How many parts the slides make: a continuation ("Glossary (2/2)", the
        exercise's second slide) adds to its part rather than starting one."""
        return len(dict.fromkeys(self.part_of.get(base, base) for _, _, base, _ in self.titles))

    def continued(self, title: str) -> str:
        """The title of a continuation slide. ``finish`` numbers every run of slides that
        share a title, so "Glossary (continued)" ends as "Glossary (2/2)"."""
        title = " ".join(title.split())
        marked = profile(self.lang).remark(title, self.labels["continued"])
        self._bases[marked] = self._bases.get(title, title)
        return marked

    def say(self, key: str, **values) -> str:
        """One of the tool's words with its ``{placeholders}`` filled in. Words an outline
        supplies may hold other braces: they are left as written, never an error."""
        text = self.labels[key]
        try:
            return fill(text, self.lang, **values)      # counts' words agree: "1 minute", "45 minutes"
        except (ValueError, KeyError, IndexError, AttributeError):
            for name, value in values.items():
                text = text.replace("{" + name + "}", str(value))
            return text

    # -- slides ----------------------------------------------------------------

    def new_slide(self, title: str, role: str = "content", *, notes: list[Para] | None = None,
                  footer: bool = True) -> Page:
        title = " ".join(title.split())      # stray spaces and line breaks from the outline
        layout = self.layouts[role]
        slide = self.copies.blank_slide(self.prs, layout, role, _title_only)
        title_shape = self._title_placeholder(slide, role)
        # Shape ids count up from the highest one so far; python-pptx would search the
        # whole slide for it before every shape. Everything on the slide is added through
        # this one collection (the argument map refreshes it after drawing its group).
        slide.shapes.turbo_add_enabled = True
        title_box, title_shape = self._place_title(slide, title_shape, title, role)
        self.titles.append((slide, title_shape, self._bases.get(title, title), role))
        if role == "content" and not self.custom:
            rule_box = Box(title_box.left + INSET_X, title_box.bottom + 4, 56, 3).emu()
            self.copies.shape(slide, "title rule", rule_box[0], rule_box[1],
                              lambda: self._title_rule(slide, rule_box))
        body = self.body_for(title, role)
        if footer:
            self._footer(slide)
        self.write_notes(slide, notes or [])
        return Page(slide, title, body)

    def _title_placeholder(self, slide, role: str):
        """The slide's title placeholder, if its layout has one. Every slide of a role
        starts with the same shapes (``Copies.blank_slide``), so the title's place among
        them is looked up once."""
        if role not in self._title_places:
            self._title_places[role] = next(
                (i for i, s in enumerate(slide.shapes)
                 if s.is_placeholder and base.placeholder_kind(s) == "title"), None)
        place = self._title_places[role]
        return None if place is None else slide.shapes[place]

    @staticmethod
    def _title_rule(slide, box: tuple[int, int, int, int]):
        rule = shape_xml.add_shape(slide.shapes, "Title rule", box,
                                   shape_xml.preset(MSO_SHAPE.RECTANGLE), _panel_look(ACCENT))
        mark_decorative(rule)
        return rule

    def title_layout(self, title: str, role: str = "content") -> tuple[Box, float]:
        """Where a title goes and at which size: the layout's title box (or the deck's),
        at the largest title size that fits, grown downwards if even the smallest does not."""
        key = (title, role)
        if key not in self._title_layouts:     # asked for each slide and for each body probe
            self._title_layouts[key] = self._measure_title(title, role)
        return self._title_layouts[key]

    def _measure_title(self, title: str, role: str) -> tuple[Box, float]:
        size, lowest, box = self._title_style(role)
        if self.custom:
            layout_title = next((p for p in self.layouts[role].placeholders
                                 if base.placeholder_kind(p) == "title"), None)
            if layout_title is not None:
                box = Box(pt(layout_title.left), pt(layout_title.top), pt(layout_title.width),
                          pt(layout_title.height))
        width = box.width - 2 * INSET_X
        # a template's title style may set capitals: measure them, as they are wider
        measured = title.upper() if self.custom else title
        fitted = textfit.fit_size(
            measured,
            width,
            box.height - 2 * INSET_Y,
            _sizes(size, lowest),
            bold=True,
            leading=LINE_PITCH,
        )
        if fitted is None:
            fitted = lowest
            box = Box(box.left, box.top, box.width,
                      textfit.text_height(measured, width, lowest, True, LINE_PITCH) + 2 * INSET_Y)
        if role in ("section", "cover"):
            # cover and section titles sit on their text, so what follows comes right below
            box = Box(box.left, box.top, box.width,
                      textfit.text_height(measured, width, fitted, True, LINE_PITCH) + 2 * INSET_Y)
        return box, fitted

    def body_for(self, title: str, role: str = "content") -> Box:
        """The body region a slide with this title will have."""
        box, _ = self.title_layout(title, role)
        gap = BODY_GAP if role == "content" else 12.0
        return self.grid.body_below(box.bottom + gap)

    def _place_title(self, slide, shape, title: str, role: str):
        box, fitted = self.title_layout(title, role)
        colour = None if self.custom else (INK if role != "section" else ACCENT)
        paras = [para(title, fitted, self.lang, bold=True, colour=colour)]
        # the measure is pessimistic: a cover title that needs fewer lines than counted
        # sits on the subtitle rather than leaving a gap above it
        anchor = "bottom" if role == "cover" else "top"
        if shape is None:
            add_text(slide, box, paras, self.fonts, name="Title", anchor=anchor)
            shape = slide.shapes[-1]            # python-pptx's shape for it: the last one
        else:
            shape_xml.place(shape, box.emu())
            fill_frame(shape.text_frame, paras, self.fonts, anchor, inherit_colour=self.custom)
            if not self.custom:
                first = text_body(shape.text_frame).find(qn("a:p"))  # the base layout sets capitals
                for run in first.iterfind(qn("a:r")):
                    run.get_or_add_rPr().set("cap", "none")
        return box, shape

    def finish(self) -> None:
        """Number the slides that share a title ("Glossary (1/2)", "(2/2)"), so every
        title is unique, and put each slide's shapes in reading order."""
        groups: dict[str, list[int]] = {}
        for i, (_, _, shared, _) in enumerate(self.titles):
            groups.setdefault(shared, []).append(i)
        for shared, members in groups.items():
            if len(members) < 2:
                continue
            for n, i in enumerate(members, 1):
                _, shape, _, role = self.titles[i]
                self._retitle(shape, profile(self.lang).remark(shared, f"{n}/{len(members)}"),
                              role)
        for slide in self.prs.slides:
            reading_order(slide)

    def _retitle(self, shape, title: str, role: str) -> None:
        """Write a new title into a slide's title shape, at the size that fits the height
        the slide was laid out for."""
        box = Box(pt(shape.left), pt(shape.top), pt(shape.width), pt(shape.height))
        size, lowest, _ = self._title_style(role)
        measured = title.upper() if self.custom else title
        fitted = textfit.fit_size(measured, box.width - 2 * INSET_X, box.height - 2 * INSET_Y,
                                  _sizes(size, lowest), bold=True, leading=LINE_PITCH)
        fitted = fitted or textfit.fit_size(measured, box.width - 2 * INSET_X,
                                            box.height - 2 * INSET_Y, _sizes(lowest, 18.0),
                                            bold=True, leading=LINE_PITCH) or 18.0
        colour = None if self.custom else (INK if role != "section" else ACCENT)
        body = text_body(shape.text_frame)
        for old in body.findall(qn("a:p")):
            body.remove(old)
        body.append(parse_xml(f'<a:p {nsdecls("a")}/>'))
        anchor = "bottom" if role == "cover" else "top"
        fill_frame(shape.text_frame, [para(title, fitted, self.lang, bold=True, colour=colour)],
                   self.fonts, anchor, inherit_colour=self.custom)
        if not self.custom:
            for run in body.find(qn("a:p")).iterfind(qn("a:r")):
                run.get_or_add_rPr().set("cap", "none")

    def _title_style(self, role: str) -> tuple[float, float, Box]:
        g = self.grid
        if role == "cover":
            return (
                COVER_TITLE,
                28.0,
                Box(g.margin_x + 24, g.height * 0.24, g.width - 2 * g.margin_x - 24, 132),
            )
        if role == "section":
            return (
                SECTION_TITLE,
                26.0,
                Box(g.margin_x + 24, g.height * 0.24, g.width - 2 * g.margin_x - 24, 100),
            )
        return TITLE, TITLE_MIN, g.title

    def _footer(self, slide) -> None:
        """The source line and the slide number field. They are the same on every slide
        but for their ids and the number shown before a viewer fills in the field, so the
        first slide's are drawn and later slides get copies."""
        shapes = slide.shapes
        if self._footer_pattern is None:
            self._draw_footer(slide)
            self._footer_pattern = [copy.deepcopy(e) for e in list(shapes.element)[-2:]]
            return
        for pattern in self._footer_pattern:
            sp = copy.deepcopy(pattern)
            sp.nvSpPr.cNvPr.id = next_shape_id(shapes)
            shapes.element.insert_element_before(sp, "p:extLst")
        field_text = shapes.element[-1].find(f".//{qn('a:fld')}/{qn('a:t')}")
        field_text.text = str(len(self.prs.slides))

    def _draw_footer(self, slide) -> None:
        g = self.grid
        box = g.footer
        number_w = 60.0
        colour = None if self.custom else MUTED  # a template's own text colour suits its background
        line = self.source_line(box.width - number_w - 12)
        add_text(
            slide,
            Box(box.left, box.top, box.width - number_w - 12, box.height),
            [para(line, FOOTER, self.lang, colour=colour)],
            self.fonts,
            name="Footer",
            anchor="middle",
        )
        number = slide.shapes.add_textbox(
            *Box(box.right - number_w, box.top, number_w, box.height).emu()
        )
        number.name = "Slide number"
        fill_frame(
            number.text_frame, [para("", FOOTER, self.lang, align="right")], self.fonts, "middle"
        )
        add_field(number.text_frame.paragraphs[0], "slidenum", str(len(self.prs.slides)),
                  self.fonts, self.lang, FOOTER, colour)

    def source_line(self, width: float) -> str:
        """The footer's short source line: the longest of title + publisher + date,
        publisher + date, publisher, that fits on the footer's one line. (The full source
        is on the about and sources slides, so a shorter footer loses nothing.)"""
        if width not in self._source_lines:
            self._source_lines[width] = self._source_line(width)
        return self._source_lines[width]

    def _source_line(self, width: float) -> str:
        src = self.outline.source
        parts = [src.publisher] + ([src.published] if src.published else [])
        # cited in marks as the PDFs cite it: a headline's '？' never meets the comma
        title = cited_title(src.title, self.lang)
        candidates = [", ".join([title] + parts), ", ".join(parts), src.publisher]
        for source in candidates:
            line = self.say("source_line", source=source)
            if textfit.line_count(line, width - 2 * INSET_X, FOOTER) == 1:
                return line
        return ""

    def write_notes(self, slide, paras: list[Para]) -> None:
        if not paras:
            return
        self.notes_pages.write(slide, paras, self.fonts)

    # -- shapes ------------------------------------------------------------------

    def text(self, page: Page, box: Box, paras, *, name: str = "Text", anchor: str = "top"):
        return add_text(page.slide, box, paras, self.fonts, name=name, anchor=anchor,
                        inherit_colour=self.custom)

    def panel(self, page: Page, box: Box, fill: str, *, line: str | None = None,
              shape=MSO_SHAPE.RECTANGLE, name: str = "Panel"):
        """A filled shape without text (backgrounds, bands); returns its XML element."""
        s = shape_xml.add_shape(page.slide.shapes, name, box.emu(), shape_xml.preset(shape),
                                _panel_look(fill, line))
        mark_decorative(s)      # bands, bars and the panels behind labels carry no meaning
        return s

    def note_paras(self, items: list[tuple[str, str | None, str | None]]) -> list[Para]:
        """Notes from (label, text, language) triples; empty texts are skipped."""
        out: list[Para] = []
        for label, text, lang in items:
            if not text:
                continue
            spans_lang = lang or self.lang
            if label:
                out.append(
                    Para(
                        (
                            Span(f"{label}: ", bold=True, lang=self.lang),
                            Span(text, lang=spans_lang),
                        ),
                        NOTES,
                        self.lang,
                    )
                )
            else:
                out.append(para(text, NOTES, spans_lang))
        return out


def _title_only(slide) -> None:
    """Drop a new slide's placeholders but its (first) title: the deck draws its own."""
    title_seen = False
    for shape in list(slide.placeholders):
        if base.placeholder_kind(shape) == "title" and not title_seen:
            title_seen = True
        else:
            shape.element.getparent().remove(shape.element)


def _sizes(largest: float, smallest: float) -> tuple[float, ...]:
    sizes = []
    size = largest
    while size >= smallest:
        sizes.append(size)
        size -= 2
    return tuple(sizes)


def _panel_look(fill: str | None, line: str | None = None) -> str:
    """A panel's look: filled (or not), outlined (or not), no shadow."""
    return shape_xml.look(fill, line, 1.25)


__all__ = ["Deck", "Page", "ROLES", "RULE"]
