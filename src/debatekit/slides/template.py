"""Where a deck's masters and layouts come from: a 16:9 base made from python-pptx's
default, or a teacher's own ``.pptx`` (its slides dropped, its layouts found by name and
by placeholder type)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from ..language import profile
from .geometry import SLIDE_H, SLIDE_W, emu
from .pptx_internals import RELATIONSHIP_TYPE as RT
from .pptx_internals import qn, remember_partnames, replace_part_blob
from .runs import DeckFonts

_DEFAULT_W = 9144000      # python-pptx's default template is 4:3, 10 x 7.5 in


class TemplateError(ValueError):
    """A template that cannot be used; the message says what to do."""


def default_base(fonts: DeckFonts):
    """python-pptx's default presentation made 16:9, its masters and layouts widened so
    that slides a teacher adds later are laid out for the wide slide too."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = emu(SLIDE_W), emu(SLIDE_H)
    scale = emu(SLIDE_W) / _DEFAULT_W
    for master in prs.slide_masters:
        _widen(master.element, scale)
        for layout in master.slide_layouts:
            _widen(layout.element, scale)
        _set_theme_fonts(master, fonts)
    remember_partnames(prs.part.package)
    return prs


def _widen(element, scale: float) -> None:
    for off in element.iter(qn("a:off")):
        off.set("x", str(int(round(int(off.get("x")) * scale))))
    for ext in element.iter(qn("a:ext")):
        if ext.get("cx") is not None:
            ext.set("cx", str(int(round(int(ext.get("cx")) * scale))))


def _set_theme_fonts(master, fonts: DeckFonts) -> None:
    """Name the deck's faces in the theme, so text a teacher types later matches."""
    theme = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for group in ("a:majorFont", "a:minorFont"):
        for font in root.iter(qn(group)):
            font.find(qn("a:latin")).set("typeface", fonts.latin)
            font.find(qn("a:ea")).set("typeface", fonts.east_asian)
    replace_part_blob(
        theme, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    )


def with_theme_fonts(fonts: DeckFonts, prs, chosen) -> DeckFonts:
    """A template's own body faces stand in for the defaults; ``style.fonts`` still wins.

    The east-asian face is the theme's ``<a:ea>`` if it names one, else its face for the
    deck's CJK script (``<a:font script="Hans">``: how Office themes name it)."""
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    minor = etree.fromstring(theme.blob).find(f".//{qn('a:minorFont')}")
    if minor is None:
        return fonts

    def usable(element) -> str | None:
        name = element.get("typeface", "") if element is not None else ""
        return name if name and not name.startswith("+") else None

    script = profile(fonts.cjk_lang).theme_script
    by_script = next((usable(f) for f in minor.iter(qn("a:font")) if script and f.get("script") == script), None)
    latin = chosen.latin or usable(minor.find(qn("a:latin"))) or fonts.latin
    east_asian = chosen.east_asian or usable(minor.find(qn("a:ea"))) or by_script or fonts.east_asian
    return DeckFonts(latin, east_asian, fonts.cjk_lang)


def open_template(path: Path):
    """A teacher's template with its own slides removed."""
    path = Path(path)
    if path.suffix.lower() == ".potx":
        raise TemplateError(f"{path}: .potx templates are not supported; open it in PowerPoint "
                            f"and save it as a .pptx presentation, then use that file")
    if not path.is_file():
        raise TemplateError(f"{path}: template not found")
    try:
        with zipfile.ZipFile(path) as archive:
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise TemplateError(f"{path}: not a PowerPoint .pptx file ({exc})") from None
    if "presentationml.template.main" in types:
        raise TemplateError(f"{path}: this is a PowerPoint template (.potx) renamed; open it in "
                            f"PowerPoint and save it as a .pptx presentation")
    try:
        prs = Presentation(str(path))
    except Exception as exc:  # python-pptx raises many kinds on a damaged package
        raise TemplateError(f"{path}: cannot read this template: {exc}") from None
    slide_ids = prs.slides.element
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    remember_partnames(prs.part.package)
    return prs


def placeholder_kind(shape) -> str:
    kind = shape.placeholder_format.type
    if kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE):
        return "title"
    if kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE):
        return "body"
    return "other"


# Layout names in English and Chinese Office builds, most wanted first.
_NAMES = {
    "cover": ("title slide", "标题幻灯片"),
    "section": ("section header", "节标题"),
    "content": ("title only", "仅标题"),
}


def choose_layouts(prs, warn: Callable[[str], None]) -> dict[str, object]:
    """One layout per slide role. By name first; otherwise by placeholder types, with a
    warning that says which layout stands in."""
    layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]
    if not layouts:
        raise TemplateError("the template has no slide layouts; save a presentation whose slide "
                            "master has at least one layout")
    kinds: dict[int, list[str]] = {}      # a layout's placeholder kinds, looked up if needed

    def kinds_of(layout) -> list[str]:
        if id(layout) not in kinds:
            kinds[id(layout)] = [placeholder_kind(p) for p in layout.placeholders]
        return kinds[id(layout)]

    def by_name(role):
        for name in _NAMES[role]:
            for layout in layouts:
                if layout.name.strip().lower() == name:
                    return layout
        return None

    def has_title(layout):
        return "title" in kinds_of(layout)

    def by_type(role):
        titled = [lay for lay in layouts if has_title(lay)]
        if role == "cover":
            centred = [lay for lay in layouts if any(
                p.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE for p in lay.placeholders)]
            return (centred or titled or [None])[0]
        if role == "section":
            return next((lay for lay in layouts if "section" in lay.name.lower()), None) or (
                [lay for lay in titled if "body" not in kinds_of(lay)] or titled or [None])[0]
        return ([lay for lay in titled if "body" not in kinds_of(lay)] or titled or [None])[0]

    chosen: dict[str, object] = {}
    for role in ("cover", "section", "content"):
        layout = by_name(role)
        if layout is None:
            layout = by_type(role)
            wanted = _NAMES[role][0].title()
            if layout is None:
                layout = layouts[0]
                warn(
                    f"template has no layout with a title placeholder for {role} slides "
                    f'(wanted "{wanted}"); using "{layout.name}" and drawing titles as text boxes'
                )
            else:
                warn(f"template has no \"{wanted}\" layout; {role} slides use \"{layout.name}\"")
        chosen[role] = layout
    return chosen
