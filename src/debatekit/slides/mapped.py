"""The claims the lesson's strand maps draw in any language of the kit.

A bilingual class gets a deck per language, and each language's maps hold what fits its
words, so a claim may be on the English map and not on the Chinese one. What the exit
ticket may ask about must not depend on the deck's language: it asks about none of these.
"""

from __future__ import annotations

from ..labels import labels_for
from ..present import argmap
from ..present.keymap import key_maps
from .deck import Deck
from .visual_slides import LESSON_MAP_STYLE

# (outline's id, language, width, height, titles) -> the claims its maps draw; a kit's
# decks are usually built in one process, so the second deck finds the first's maps
_CACHE: dict[tuple, tuple[object, frozenset[str]]] = {}
_CACHE_SIZE = 16


def mapped_in_any_language(deck: Deck) -> frozenset[str]:
    """Every claim some language's strand maps draw (as a claim or a reference box), the
    maps laid out as that language's deck lays them out (``strand_map_slides``): its own
    titles, the body region below the tallest of them, the same style."""
    o = deck.outline
    drawn: set[str] = set()
    for lang in o.languages:
        w = labels_for(o, lang)
        titles = [argmap.titled(f"{w['strand']} {i}", s.title[lang], lang)
                  for i, s in enumerate(o.strands, 1)]
        box = min((deck.body_for(title) for title in titles), key=lambda b: b.height)
        drawn |= _drawn(o, lang, box.width, box.height, titles)
    return frozenset(drawn)


def _drawn(outline, lang: str, width: float, height: float, titles: list[str]) -> frozenset[str]:
    key = (id(outline), lang, width, height, tuple(titles))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is outline:
        return hit[1]
    maps = key_maps(outline, lang, width, height, LESSON_MAP_STYLE, titles)
    drawn = frozenset(node.id for m in maps for node in m.page.nodes if node.kind)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (outline, drawn)
    return drawn
