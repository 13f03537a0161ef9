"""The credits slides: the article cited in full and the sources the checks cite (the
lesson's closing slide, and every source in the full deck's appendix)."""

from __future__ import annotations

from ..looks import MUTED
from ..present.figures import cited_title
from .credits import distinct_sources
from .deck import Deck
from .flow import flow_paras
from .geometry import BODY, BODY_MIN
from .sections import heading, labelled
from .textbox import para, paras_height


def _citation(src, lang: str | None = None) -> str:
    """The article as the credits slides cite it, its title in citation marks (《…》,
    “…”) as the footer and the PDFs cite it; without ``lang`` the plain wording the
    checks' sources are compared with."""
    title = src.title if lang is None else cited_title(src.title, lang)
    return ", ".join(x for x in [src.author, title, src.publisher, src.published, src.url] if x)


def _checked_sources(o, citation: str) -> list[str]:
    """Every source the fact checks and debate points cite, once each, the article aside."""
    cited = [s for c in o.claims if c.check for s in c.check.sources]
    cited += [s for d in o.debates for p in (*d.pro, *d.con) for s in p.sources]
    return distinct_sources(cited, article=citation)


def _article_paras(deck: Deck, citation: str, size: float) -> list:
    """The article cited in full, and when it was read."""
    w, src = deck.labels, deck.outline.source
    paras = [heading(deck, w["article"], 0), para(citation, size, deck.lang, space_before=4)]
    if src.accessed:
        paras.append(labelled(deck, w["accessed"], src.accessed, size=BODY_MIN, space=4))
    return paras


def _source_list(deck: Deck, checked: list[str]) -> list:
    return [heading(deck, deck.labels["sources"])] + [
        para(f"•  {s}", BODY_MIN, deck.lang, space_before=4) for s in checked]


def _credit(deck: Deck):
    return para(deck.labels["generated_by"], BODY_MIN, deck.lang,
                colour=None if deck.custom else MUTED, space_before=18)


def sources(deck: Deck, title: str | None = None) -> None:
    o, w, src = deck.outline, deck.labels, deck.outline.source
    citation = _citation(src, deck.lang)
    paras = _article_paras(deck, citation, BODY_MIN)
    checked = _checked_sources(o, _citation(src))
    if checked:
        paras += _source_list(deck, checked)
    paras.append(_credit(deck))
    notes = deck.note_paras([(w["article"], citation, None), (w["accessed"], src.accessed, None)])
    flow_paras(deck, title or w["source_credits"], paras, notes)


def lesson_sources(deck: Deck) -> None:
    """The article in full and how many sources the checks cite; the sources themselves
    are in the notes (a list of citations is not read from the back of a room; the full
    deck's appendix and the answer key list them)."""
    o, w, src = deck.outline, deck.labels, deck.outline.source
    citation = _citation(src, deck.lang)
    paras = _article_paras(deck, citation, BODY)
    checked = _checked_sources(o, _citation(src))
    credit = _credit(deck)
    if checked:
        listed = paras + _source_list(deck, checked) + [credit]
        body = deck.body_for(w["source_credits"])
        if paras_height(listed, body.width) <= body.height:
            paras = listed[:-1]         # a short list fits the slide: shown in full
        else:
            paras.append(heading(deck, w["sources"]))
            paras.append(para(deck.say("sources_in_notes", n=len(checked)), BODY, deck.lang,
                              space_before=4))
    paras.append(credit)
    notes = deck.note_paras([(w["article"], citation, None), (w["accessed"], src.accessed, None)]
                            + [("", f"•  {s}", None) for s in checked])
    flow_paras(deck, w["source_credits"], paras, notes)
