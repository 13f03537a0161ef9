"""The deck's framing slides: cover, about the source, thesis and objectives, the badge
key, strand sections with their claims, discussion questions, glossary, sources."""

from __future__ import annotations


from ..language import profile
from ..looks import ACCENT, KIND_LOOK, MUTED, STATUS_LOOK
from ..model import Strand
from ..present.balance import strand_counts
from .blocks import (
    COLUMN_GAP,
    add_badge,
    add_kind_badge,
    badge_height,
    badge_width,
    kind_label,
    status_label,
)
from .deck import Deck, Page
from .flow import flow_claims, flow_paras
from .geometry import BADGE, BODY, BODY_MIN, LEAD, Box
from .notes import claims_notes
from .textbox import Para, Span, para, paras_height


def labelled(deck: Deck, label: str, value: str, size: float = BODY, space: float = 8.0,
             value_lang: str | None = None) -> Para:
    sep = profile(deck.lang).colon
    return Para((Span(f"{label}{sep}", bold=True, colour=ACCENT if not deck.custom else None),
                 Span(value, lang=value_lang)), size, deck.lang, space_before=space)


def heading(deck: Deck, text: str, space: float = 14.0) -> Para:
    return para(text, BODY_MIN, deck.lang, bold=True, colour=None if deck.custom else ACCENT,
                space_before=space)._replace(keep_with_next=True)


def cover(deck: Deck) -> None:
    o, w = deck.outline, deck.labels
    notes = deck.note_paras(
        [
            (w["article"], f"{o.source.title} ({o.source.publisher})", o.source.language),
            (
                w["level"],
                deck.t(o.lesson.level) if o.lesson and o.lesson.level is not None else None,
                None,
            ),
            (w["thesis"], deck.t(o.thesis), None),
        ]
    )
    page = deck.new_slide(deck.t(o.title), "cover", notes=notes)
    if not deck.custom:
        deck.panel(page, Box(0, 0, 18, deck.grid.height), ACCENT, name="Accent band")
    title_box, _ = deck.title_layout(deck.t(o.title), "cover")
    inset = title_box.left - page.body.left
    page.body = Box(
        title_box.left, page.body.top + 6, page.body.width - inset, page.body.height - 6
    )
    paras = []
    if o.subtitle is not None:
        paras.append(
            para(deck.t(o.subtitle), LEAD, deck.lang, colour=None if deck.custom else MUTED)
        )
    src = o.source
    paras.append(para(src.title, BODY, src.language, space_before=18, bold=True))
    meta = ", ".join([src.publisher] + ([src.published] if src.published else []))
    paras.append(
        para(meta, BODY_MIN, deck.lang, colour=None if deck.custom else MUTED, space_before=4)
    )
    if o.lesson and (o.lesson.level is not None or o.lesson.minutes):
        bits = [deck.t(o.lesson.level)] if o.lesson.level is not None else []
        if o.lesson.minutes:
            bits.append(deck.say("minutes", n=o.lesson.minutes))
        paras.append(
            para(
                " · ".join(bits),
                BODY_MIN,
                deck.lang,
                colour=None if deck.custom else MUTED,
                space_before=4,
            )
        )
    _place_or_flow(deck, page, paras, deck.t(o.title), notes)


def _place_or_flow(deck: Deck, page: Page, paras: list[Para], title: str, notes) -> None:
    """Put paragraphs in the page's body; any that do not fit go on continuation slides."""
    body = page.body
    placed: list[Para] = []
    rest = list(paras)
    while rest and paras_height(placed + [rest[0]], body.width) <= body.height:
        placed.append(rest.pop(0))
    while rest and len(placed) > 1 and placed[-1].keep_with_next:
        rest.insert(0, placed.pop())
    if placed:
        deck.text(
            page, Box(body.left, body.top, body.width, paras_height(placed, body.width)), placed
        )
    if rest:
        flow_paras(deck, title, rest, notes, continuing=True)


def about_source(deck: Deck) -> None:
    w, src = deck.labels, deck.outline.source
    paras = [labelled(deck, w["article"], src.title, space=0, value_lang=src.language),
             labelled(deck, w["publisher"], src.publisher)]
    if src.author:
        paras.append(labelled(deck, w["author"], src.author))
    if src.published:
        paras.append(labelled(deck, w["published"], src.published))
    if src.url:
        paras.append(labelled(deck, w["url"], src.url, size=BODY_MIN))
    if src.perspective is not None:
        paras.append(heading(deck, w["perspective"], space=18))
        paras.append(para(deck.t(src.perspective), BODY, deck.lang, space_before=4))
    notes = deck.note_paras(
        [
            (w["article"], f"{src.title} ({src.publisher})", src.language),
            (
                w["perspective"],
                deck.t(src.perspective) if src.perspective is not None else None,
                None,
            ),
            (w["accessed"], src.accessed, None),
            (w["url"], src.url, None),
        ]
    )
    flow_paras(deck, w["about_source"], paras, notes)


def thesis(deck: Deck) -> None:
    o, w = deck.outline, deck.labels
    paras = [heading(deck, w["thesis"], space=0),
             para(deck.t(o.thesis), LEAD, deck.lang, bold=True, space_before=6)]
    lesson = o.lesson
    if lesson and lesson.objectives:
        paras.append(heading(deck, w["objectives"], space=22))
        paras.extend(
            para(f"•  {deck.t(obj)}", BODY, deck.lang, space_before=6)
            for obj in lesson.objectives
        )
    title = (
        w["thesis"] if not (lesson and lesson.objectives) else f"{w['thesis']} · {w['objectives']}"
    )
    notes = deck.note_paras(
        [(w["thesis"], deck.t(o.thesis), None)]
        + [(w["objectives"], deck.t(obj), None) for obj in (lesson.objectives if lesson else ())]
    )
    flow_paras(deck, title, paras, notes)


def badge_key(deck: Deck) -> None:
    """What each badge means and the test a student applies; then the fact statuses."""
    w = deck.labels
    notes = deck.note_paras([(w[k], w[f"{k}_test"], None) for k in KIND_LOOK] +
                            [(w["status"], ", ".join(w[s] for s in STATUS_LOOK), None)])
    title = w["badge_key"]
    body = deck.body_for(deck.continued(title))
    badge_w = badge_width(deck)
    text_w = body.width - badge_w - COLUMN_GAP
    rows = []
    for kind in KIND_LOOK:
        paras = [para(w[f"{kind}_test"], BODY, deck.lang)]
        h = max(paras_height(paras, text_w), badge_height(kind_label(deck, kind), badge_w, BADGE,
                                                          KIND_LOOK[kind].shape))
        rows.append((kind, paras, h))
    status_w = max(badge_width(deck), 150.0)
    per_line = max(int((body.width + 12) // (status_w + 12)), 1)
    status_h = max(badge_height(status_label(deck, s), status_w) for s in STATUS_LOOK)
    status_lines = -(-len(STATUS_LOOK) // per_line)
    status_block = 8 + paras_height([heading(deck, w["status"], 0)], body.width) + 6 + \
        status_lines * (status_h + 10)
    page = deck.new_slide(title, notes=notes)
    top, gap = page.body.top, 16.0
    for kind, paras, h in rows:
        if top + h > page.body.bottom:
            page = deck.new_slide(deck.continued(title), notes=notes)
            top = page.body.top
        add_kind_badge(deck, page, page.body.left, top + (h - badge_height(
            kind_label(deck, kind), badge_w, BADGE, KIND_LOOK[kind].shape)) / 2, badge_w, kind)
        deck.text(page, Box(page.body.left + badge_w + COLUMN_GAP, top, text_w, h), paras,
                  name=f"Key {kind}", anchor="middle")
        top += h + gap
    if top + status_block > page.body.bottom:
        page = deck.new_slide(deck.continued(title), notes=notes)
        top = page.body.top
    top += 8
    head = [heading(deck, w["status"], 0)]
    deck.text(
        page,
        Box(page.body.left, top, page.body.width, paras_height(head, page.body.width)),
        head,
        name="Key status heading",
    )
    top += paras_height(head, page.body.width) + 6
    for i, status in enumerate(STATUS_LOOK):
        col, line = i % per_line, i // per_line
        look = STATUS_LOOK[status]
        add_badge(
            deck,
            page,
            page.body.left + col * (status_w + 12),
            top + line * (status_h + 10),
            status_w,
            status_label(deck, status),
            "rectangle",
            "FFFFFF",
            look.colour,
            look.colour,
            f"Status {status}",
        )


def strand_section(deck: Deck, strand: Strand, number: int, total: int) -> None:
    """The section slide opening a strand: its number, title, summary and kind counts."""
    w = deck.labels
    counts = strand_counts(deck.outline)[deck.outline.strand_number(strand.id) - 1]
    title = deck.t(strand.title)
    notes = deck.note_paras(
        [
            (w["summary"], deck.t(strand.summary) if strand.summary is not None else None, None),
            ("", deck.say("counts", **counts), None),
        ]
    )
    page = deck.new_slide(title, "section", notes=notes)
    if not deck.custom:
        deck.panel(page, Box(0, 0, deck.grid.width, 10), ACCENT, name="Accent band")
    title_box, _ = deck.title_layout(title, "section")
    label = [para(f"{w['strand']} {number}/{total}", BODY, deck.lang, bold=True,
                  colour=None if deck.custom else MUTED)]
    label_h = paras_height(label, title_box.width)
    if title_box.top - label_h - 4 > 20:
        deck.text(
            page,
            Box(title_box.left, title_box.top - label_h - 4, title_box.width, label_h),
            label,
            name="Strand number",
        )
    inset = title_box.left - page.body.left
    page.body = Box(title_box.left, page.body.top, page.body.width - inset, page.body.height)
    count_line = para(deck.say("counts", **counts), BODY_MIN, deck.lang,
                      colour=None if deck.custom else MUTED, space_before=14)
    paras = [count_line]
    for size in (LEAD, BODY):
        paras = (
            [para(deck.t(strand.summary), size, deck.lang)] if strand.summary is not None else []
        ) + [count_line]
        if paras_height(paras, page.body.width) <= page.body.height:
            break
    _place_or_flow(deck, page, paras, title, notes)


def strand_claims(deck: Deck, strand: Strand) -> None:
    """A strand's claims beside their badges, over as many slides as they need."""
    flow_claims(
        deck, deck.t(strand.title), strand.claims, lambda claims: claims_notes(deck, claims)
    )


def numbered(deck: Deck, title: str, items: list[str], notes) -> None:
    paras = [Para((Span(f"{i}. ", bold=True, colour=None if deck.custom else ACCENT), Span(text)),
                  BODY, deck.lang, space_before=12) for i, text in enumerate(items, 1)]
    flow_paras(deck, title, paras, notes)


def discussion(deck: Deck) -> None:
    o, w = deck.outline, deck.labels
    if not o.questions:
        return
    notes = deck.note_paras([(w["thesis"], deck.t(o.thesis), None)])
    numbered(deck, w["discussion"], [deck.t(q) for q in o.questions], notes)


def glossary(deck: Deck) -> None:
    o, w = deck.outline, deck.labels
    if not o.glossary:
        return
    sep = profile(deck.lang).term_separator
    paras = [
        Para(
            (
                Span(deck.t(e.term) + sep, bold=True, colour=None if deck.custom else ACCENT),
                Span(deck.t(e.definition)),
            ),
            BODY,
            deck.lang,
            space_before=12,
        )
        for e in o.glossary
    ]
    terms = [
        f"{e.term[o.source.language] if o.source.language in e.term.languages else deck.t(e.term)}"
        for e in o.glossary
    ]
    notes = deck.note_paras([(w["glossary"], ", ".join(terms), None)])
    flow_paras(deck, w["glossary"], paras, notes)


def appendix_section(deck: Deck) -> None:
    """The section slide that opens the claim-by-claim appendix of a full deck."""
    notes = deck.note_paras([(deck.labels["thesis"], deck.t(deck.outline.thesis), None)])
    page = deck.new_slide(deck.labels["appendix"], "section", notes=notes)
    if not deck.custom:
        deck.panel(page, Box(0, 0, deck.grid.width, 10), ACCENT, name="Accent band")


def objectives(deck: Deck) -> None:
    """The lesson's objectives (the lesson deck: the article's central claim is in the
    notes, for the teacher to bring in when the class reaches the argument)."""
    o, w = deck.outline, deck.labels
    lesson = o.lesson
    if not (lesson and lesson.objectives):
        return
    paras = [para(f"•  {deck.t(obj)}", BODY, deck.lang, space_before=10)
             for obj in lesson.objectives]
    notes = deck.note_paras([(w["thesis"], deck.t(o.thesis), None)]
                            + [(w["objectives"], deck.t(obj), None) for obj in lesson.objectives])
    flow_paras(deck, w["objectives"], paras, notes)


def central_claim(deck: Deck) -> None:
    """The article's central claim, opening the argument: the strands' maps follow."""
    o, w = deck.outline, deck.labels
    paras = [para(deck.t(o.thesis), LEAD, deck.lang, bold=True)]
    notes = deck.note_paras([(w["thesis"], deck.t(o.thesis), None)]
                            + [(f"{w['strand']} {i}", deck.t(s.title), None)
                               for i, s in enumerate(o.strands, 1)])
    flow_paras(deck, w["thesis"], paras, notes)
