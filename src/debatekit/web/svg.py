"""What the web pages' SVG drawings (maps and charts) write alike: numbers, short and
the same on every machine, and a line of text, every piece of outline text escaped."""

from __future__ import annotations

from markupsafe import escape


def coord(value: float) -> str:
    """A coordinate or size, short and the same on every machine."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def text(
    content: str,
    x: float,
    y: float,
    size: float,
    colour: str,
    anchor: str = "middle",
    bold: bool = False,
) -> str:
    """A line of text with its baseline at ``y``; ``anchor`` start | middle | end."""
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{coord(x)}" y="{coord(y)}" font-size="{coord(size)}" fill="#{colour}" '
        f'text-anchor="{anchor}"{weight}>{escape(content)}</text>'
    )
