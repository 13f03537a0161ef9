"""Escaping user text for CommonMark, so it renders as the words the teacher wrote.

Inline specials are escaped wherever they occur; characters that only matter where a
line or block starts (headings, quotes, list markers) are escaped there. Backslash
escapes are part of CommonMark, so an over-cautious escape still renders cleanly.
"""

from __future__ import annotations

import re

from ..present.points import Source, one_line

# Emphasis, code, links, raw HTML, strikethrough (GFM): special anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>~|])")
# Only entity-shaped ampersands are special (`&amp;`, `&#123;`); `R&D` is plain text.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# At the start of a block: headings, quotes, list items, thematic breaks, setext lines.
_BLOCK_START = re.compile(r"^([#>+=-])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")
# A heading's closing sequence: trailing #s after a space would vanish.
_TRAILING_HASHES = re.compile(r"(\s)(#+)$")


def inline(text: str) -> str:
    """User text on one line, safe inside a paragraph, list item or heading after
    something of ours (a marker, a label)."""
    text = _INLINE.sub(r"\\\1", one_line(text))
    text = _ENTITY.sub(r"\\&", text)
    return _TRAILING_HASHES.sub(lambda m: m.group(1) + "\\#" * len(m.group(2)), text)


def leading(text: str) -> str:
    """User text that opens a block's content (a quote's line, a list item's text), where
    `>`, `-` or `1.` would otherwise start a nested quote or list."""
    text = _BLOCK_START.sub(r"\\\1", inline(text))
    return _ORDERED_START.sub(r"\1\\\2", text)


def _destination(url: str) -> str:
    """A link destination; angle brackets keep unbalanced brackets and backslashes literal,
    and characters a destination cannot hold are percent-encoded."""
    url = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    if url.count("(") != url.count(")") or "\\" in url:
        return f"<{url}>"
    return url


def source_link(source: Source) -> str:
    """A source as a link when it holds a URL, its words as the link text."""
    if source.url is None:
        return inline(source.text)
    if not source.before:
        link = f"<{_destination(source.url).strip('<>')}>"
    else:
        link = f"[{inline(source.before)}]({_destination(source.url)})"
    if not source.after:
        return link
    return f"{link}{source.gap}{inline(source.after)}"
