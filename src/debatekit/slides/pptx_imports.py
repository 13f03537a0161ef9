"""Modules python-pptx imports that a deck without pictures never uses, loaded on first use.

python-pptx imports, when it is first imported:

- ``xml.sax.saxutils``, only for ``escape`` (the deck's runs also use ``quoteattr``);
  but that module imports
  ``urllib.request``, which brings ``http.client``, ``email``, ``ssl`` and ``socket``:
  about a twentieth of a second, a tenth of a deck build's whole time;
- ``PIL.Image`` (for picture parts) and ``PIL.ImageFont`` (for ``fit_text``), a few
  milliseconds more, which a deck with no pictures and no fitted text never calls;
- ``xlsxwriter``, for the workbooks embedded in charts, which the deck writes itself
  (``workbook``): its stand-in's ``Workbook`` loads it when called, should anything
  still ask python-pptx for a workbook.

So before python-pptx is imported (``debatekit.slides`` imports this module first), each
of them is put in ``sys.modules`` as a stand-in: an empty module that loads the real one
the first time any of its attributes is asked for, and hands that attribute over (a
template or a slide with a picture makes python-pptx ask for ``PIL.Image.open``, and so
loads Pillow as before). The stand-in for ``xml.sax.saxutils`` holds its own ``escape``
and ``quoteattr``, a few lines that do what the standard library's do (a test compares
them), since python-pptx and ``runs`` copy those functions when they are imported.

``importlib.util.LazyLoader`` cannot do this: the import system reads ``__spec__`` of a
module it finds in ``sys.modules``, and a lazily loaded module loads itself on that.
A stand-in here is a plain module whose missing attributes alone trigger the load.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Mapping

__all__ = ["DEFERRED", "defer"]

DEFERRED = ("xml.sax.saxutils", "PIL.Image", "PIL.ImageFont", "xlsxwriter")


class _StandIn(types.ModuleType):
    """Stands for the module of the same name until one of its attributes is needed."""

    def __getattr__(self, attribute: str):
        # only called for attributes the stand-in does not have itself
        if attribute.startswith("__"):
            raise AttributeError(attribute)   # copy, pickle and the like probing a module
        return getattr(self._real(), attribute)

    def _real(self) -> types.ModuleType:
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        # the import system puts the real module in sys.modules and on its package
        return importlib.import_module(name)


def _escape(data: str, entities: Mapping[str, str] | None = None) -> str:
    """``xml.sax.saxutils.escape``: &, > and < as entities, then ``entities``' keys by
    their values, in that order."""
    data = data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for key, value in (entities or {}).items():
        data = data.replace(key, value)
    return data


def _quoteattr(data: str, entities: Mapping[str, str] | None = None) -> str:
    """``xml.sax.saxutils.quoteattr``: escaped, line ends and tabs as character
    references, in double quotes, or single ones when the value holds only double."""
    data = _escape(data, {**(entities or {}), "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"{}"'.format(data.replace('"', "&quot;"))


def _loaded_when_called(module: str, name: str):
    """A stand-in for the class ``module.name``, which python-pptx copies when it is
    imported: it loads the module when called and makes the real class's object."""
    def make(*args, **kwargs):
        found = sys.modules.get(module)
        real = found._real() if isinstance(found, _StandIn) else importlib.import_module(module)
        return getattr(real, name)(*args, **kwargs)

    return make


def defer(name: str, **own) -> None:
    """Put a stand-in for module ``name`` in ``sys.modules`` (and on its package), holding
    the attributes ``own``; nothing when the module is already imported."""
    if name in sys.modules:
        return
    package, _, child = name.rpartition(".")
    stand_in = _StandIn(name)
    stand_in.__dict__.update(own)
    sys.modules[name] = stand_in
    if package:
        # ``import PIL.Image`` then ``PIL.Image.open`` looks the stand-in up on the package
        setattr(importlib.import_module(package), child, stand_in)


defer("xml.sax.saxutils", escape=_escape, quoteattr=_quoteattr)
defer("PIL.Image")
defer("PIL.ImageFont")
defer("xlsxwriter", Workbook=_loaded_when_called("xlsxwriter", "Workbook"))
