"""The slide deck writer (``slides``): a 16:9 PowerPoint deck with native, editable text.

``writer`` renders the deck; ``deck`` and ``template`` hold the presentation and its
layouts; ``runs`` and ``textbox`` write styled text; ``sections``, ``quiz``, ``debates``
and ``visual_slides`` make the slides; ``map_drawing`` and ``charts`` draw the argument
maps and charts that ``debatekit.present`` lays out; ``pptx_internals`` holds every
python-pptx internal the deck relies on.
"""

# Before anything imports python-pptx: the modules it imports but a deck seldom uses
# are loaded when first used (see pptx_imports).
from . import pptx_imports  # noqa: E402,F401
