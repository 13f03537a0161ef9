"""Writer: debate cards to print and cut, two to a page.

For each motion one card per side (continued on further cards when it does not fit),
each point with its kind badge, a fact's status, the article's quote or the teacher's
sources; then a teacher's overview card per motion with both sides side by side and a
count of each kind. A key card explaining the badges comes first.
"""

from __future__ import annotations

from typing import Mapping, Sequence
from xml.sax.saxutils import quoteattr

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..job import Job
from ..labels import labels_for
from ..language import profile
from ..looks import INK
from ..model import KINDS, STATUSES
from ..pdf import PdfDocument, document_for, source_citation
from ..pdf.badges import KindBadge, StatusMark
from ..present.points import SIDES, ShownDebate, ShownPoint, Source, resolve_debates
from .cardlayout import Card, Row, Tag, Words, pack_balanced
from .cardunits import Sentences, Unit, stack
from .overview import overview_body

VERSION = "2"

CARD_LEADING = 1.42          # line pitch as a multiple of the type size
MIN_SIZE = 9.0               # no text on a card is smaller (cards are read at arm's length)
QUOTE_SHADE = "#F2F2F2"      # light enough for black 9.5-point text to read on it
TEACHER_SHADE = "F2F2F2"   # the overview card is tinted so it is not handed out by mistake


class CardWriter:
    def __init__(self, doc: PdfDocument):
        self.doc = doc
        self.w: Mapping[str, str] = doc.labels
        self.styles = doc.styles
        self.fonts = doc.fonts
        self.slot_w = doc.page.frame_width
        self.slot_h = doc.page.frame_height / 2 - 0.05
        self.inner_w = Card.inner_width(self.slot_w)
        # a card's room under a two-line header (set exactly per card run in ``cards``)
        self.room = Card.content_height(self.slot_h, 40.0)
        self._quote_styles: dict = {}
        self._tight_styles: dict = {}

    # -- text helpers ----------------------------------------------------------------

    def para(self, text: str, style: str = "body", **kwargs) -> Paragraph:
        return self._tight(self.styles.para(text, style, **kwargs))

    def labelled(self, label: str, text: str, style: str = "body") -> Paragraph:
        return self._tight(self.styles.label(label, text, style))

    def _tight(self, paragraph: Paragraph) -> Paragraph:
        """Cards set text a little tighter than the handout's pages, so a side fits on
        fewer cards; still roomy enough for Chinese."""
        base = paragraph.style
        size = max(base.fontSize, MIN_SIZE)
        limit = round(size * CARD_LEADING, 2)
        if base.leading > limit or size != base.fontSize:
            key = (base.name, base.fontName)
            if key not in self._tight_styles:
                self._tight_styles[key] = base.clone(f"{base.name}-card", leading=limit,
                                                     fontSize=size)
            paragraph.style = self._tight_styles[key]
        return paragraph

    def sentences(self, text: str, make) -> Sentences:
        """A long text that continues on the next card only between sentences."""
        return Sentences(text, make, self.room)

    def source_markup(self, source: Source) -> str:
        """A source's words with its URL as a live link; all parts escaped."""
        markup = self.fonts.markup
        if source.url is None:
            return markup(source.text)
        link = f"<a href={quoteattr(source.url)} color=\"#1F4E79\">{markup(source.url)}</a>"
        text = f"{markup(source.before)} {link}" if source.before else link
        if source.after:
            text += source.gap + markup(source.after)
        return text

    def badges(self, point: ShownPoint, number: int | None = None) -> Row:
        items: list[Flowable] = []
        if number is not None:
            items.append(Words(f"{number}.", self.fonts, size=10, bold=True, colour=INK))
        items.append(KindBadge(point.kind, self.w[point.kind], self.fonts, size=MIN_SIZE))
        if point.status:
            items.append(StatusMark(point.status, self.w[point.status], self.fonts, size=MIN_SIZE))
        origin = self.w["from_article"] if point.from_article else self.w["own_point"]
        items.append(Words(origin, self.fonts, size=MIN_SIZE))
        row = Row(items)
        row.spaceBefore = 8
        row.spaceAfter = 1.5
        return row

    # -- one side of one motion ----------------------------------------------------------

    def point_flowables(self, point: ShownPoint, number: int) -> list[Flowable]:
        """The point as one unit: badges, its text, how the side uses it, the quote with
        who said it, its sources; never parted on two cards unless taller than a card."""
        out: list[Flowable] = [
            self.badges(point, number),
            self.sentences(point.text, lambda t, first: self.para(t, "body", bold=True)),
        ]
        if point.use:
            label = self.w["how_used"]
            out.append(self.sentences(point.use, lambda t, first: (
                self.labelled(label, t, "body") if first else self.para(t, "body"))))
        if point.quote:
            speaker = point.speaker or self.w["the_author"]
            marks = profile(self.doc.outline.source.language)

            def quote(text, first):
                paragraph = self.para(text, "quote")
                paragraph.style = self.quote_style(paragraph.style)
                return paragraph

            out.append(self.sentences(marks.quoted(point.quote), quote))
            meaning = self.quote_meaning(point)
            if meaning:
                out.append(self.sentences(profile(self.doc.lang).quoted(meaning), quote))
            out.append(self.para(f"— {self.w['quote_by'].format(speaker=speaker)}", "small"))
        # An article claim's check sources are for the answer key; a card shows the
        # sources a teacher's own fact stands on.
        if point.sources and not point.from_article:
            label = f"<b>{self.fonts.markup(self.w['sources'])}</b>{profile(self.doc.lang).colon}"
            body = "; ".join(self.source_markup(s) for s in point.sources)
            out.append(self._tight(self.styles.raw(label + body, "small", cjk=True)))
        # The quote or the sources may follow on the next card (headed by the point's
        # number); the point and how the side uses it never part.
        core = 3 if point.use else 2
        resume = Words(profile(self.doc.lang).remark(f"{number}.", self.w["continued"]), self.fonts,
                       size=MIN_SIZE, bold=True, colour=INK)
        return [Unit(out, core=core, resume=resume)]

    def quote_meaning(self, point: ShownPoint) -> str | None:
        """The quote's own translation into the card's language, when the article is in
        another language (so a student never needs the original's language)."""
        outline = self.doc.outline
        if not point.claim_id or self.doc.lang == outline.source.language:
            return None
        return outline.claim(point.claim_id).quote_translation.get(self.doc.lang)

    def quote_style(self, base):
        """The quote style on a grey ground, so the article's words stand apart."""
        key = base.name
        cache = self._quote_styles
        if key not in cache:
            cache[key] = base.clone(
                f"{base.name}-card",
                fontSize=9.5,
                leading=round(9.5 * CARD_LEADING, 2),
                backColor=QUOTE_SHADE,
                borderPadding=(3, 4, 3, 4),
                leftIndent=4,
                rightIndent=4,
                spaceBefore=4,
                spaceAfter=6.5,
            )
        return cache[key]

    def side_header(self, debate: ShownDebate, side: str) -> list[Flowable]:
        tag = Row(
            [
                Tag(self.w[side], self.fonts, filled=side == "pro"),
                Words(
                    f"{self.w['debate']} {debate.number} · {self.w['motion']}", self.fonts, size=9
                ),
            ],
            gap=6,
            keep_with_next=False,
        )
        tag.spaceAfter = 3
        motion = self.para(debate.motion, "h2")
        motion.spaceBefore = 0
        return [tag, motion]

    def side_body(self, debate: ShownDebate, side: str) -> list[Flowable]:
        body: list[Flowable] = []
        if debate.context:
            label = self.w["context"]
            body.append(self.sentences(debate.context, lambda t, first: (
                self.labelled(label, t, "small") if first else self.para(t, "small"))))
        for n, point in enumerate(debate.side(side), 1):
            body.extend(self.point_flowables(point, n))
        if debate.questions:
            # The heading travels with the first question; each question is an item.
            heading = [Spacer(1, 2 * mm), self.para(self.w["debate_questions"], "h2", bold=True),
                       self.para(self.w["questions_for_other_side"], "small")]
            for n, question in enumerate(debate.questions, 1):
                item = self.para(question, "body", prefix=f"<b>{n}.</b> ")
                body.append(Unit([*heading, item]) if n == 1 else Unit([item]))
        return body

    # -- cards ------------------------------------------------------------------------

    def cards(self, header: Sequence[Flowable], body: Sequence[Flowable], name: str,
              shade: str | None = None) -> list[Card]:
        """The cards one header and body need; each says "name — card i of n"."""
        placed_header, header_h = stack(header, self.inner_w)
        room = Card.content_height(self.slot_h, header_h)
        if len(header) > 1 and room < 0.5 * Card.content_height(self.slot_h, 0):
            # A motion too long to repeat on every card goes once into the content, where
            # it can continue; the header keeps the side and the debate's number.
            body = [*header[1:], *body]
            header = header[:1]
            placed_header, header_h = stack(header, self.inner_w)
            room = Card.content_height(self.slot_h, header_h)
        self.room = room
        packed = pack_balanced(body, self.inner_w, room)
        total = len(packed)
        cards = []
        for i, content in enumerate(packed, 1):
            number = f"{name} — {self.w['card_of'].format(card=i, cards=total)}"
            if i > 1:
                number = profile(self.doc.lang).remark(number, self.w["continued"])
            turn = f"{self.w['card_continued']} →" if i < total else None
            # every card gets its own header objects: a flowable is drawn where last wrapped
            own_header, _ = stack(header, self.inner_w) if i > 1 else (placed_header, header_h)
            cards.append(Card(self.slot_w, self.slot_h, own_header, header_h, content, number, turn,
                              self.fonts, shade))
        return cards

    def key_card(self) -> list[Card]:
        doc, w = self.doc, self.w
        header = [
            self.para(
                f"{w['debate_cards']}{profile(doc.lang).colon}{doc.text(doc.outline.title)}", "h1"
            )
        ]
        header[0].spaceBefore = 0
        body: list[Flowable] = [self.para(w["badge_key"], "h2")]
        for kind in KINDS:
            badge = Row([KindBadge(kind, w[kind], self.fonts, size=MIN_SIZE)])
            badge.spaceBefore, badge.spaceAfter = 4, 2
            body.append(badge)
            body.append(self.para(w[kind + "_test"], "body"))
        body.append(self.para(w["status_key"], "small"))
        body.append(Row([StatusMark(s, w[s], self.fonts, size=MIN_SIZE) for s in STATUSES], keep_with_next=False))
        body.append(Spacer(1, 3 * mm))
        body.append(
            self.labelled(w["based_on"], source_citation(doc.outline, doc.lang, w), "small")
        )
        return self.cards(header, body, w["debate_cards"])

    def all_cards(self) -> list[Card]:
        debates = resolve_debates(self.doc.outline, self.doc.lang)
        cards = self.key_card()
        for debate in debates:
            for side in SIDES:
                cards += self.cards(
                    self.side_header(debate, side), self.side_body(debate, side), self.w[side]
                )
        for debate in debates:
            header = self.side_header(debate, "pro")[1:]
            tag = Words(
                f"{self.w['overview']} · {self.w['debate']} {debate.number} · "
                f"{self.w['teacher_only']}",
                self.fonts,
                size=10,
                bold=True,
                colour=INK,
            )
            body = overview_body(self, debate)
            cards += self.cards([tag, *header], body, self.w["overview"], shade=TEACHER_SHADE)
        return cards


def render(job: Job) -> bytes:
    doc = document_for(job, header_right=labels_for(job.outline, job.lang)["debate_cards"])
    writer = CardWriter(doc)
    return doc.build(writer.all_cards(), subject=doc.labels["debate_cards"],
                     keywords=[doc.labels["debate"], doc.outline.id])
