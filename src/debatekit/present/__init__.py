"""The presentation layer, shared by every output format and free of any drawing toolkit:
argument-map layout (``argmap``, ``layered``, ``mapboxes``), figure data and cited titles
(``figures``), kind counts (``balance``), the resolution of debate points (``points``),
the phases of a lesson plan (``lessonplan``), a strand's key-claims map (``keymap``) and
the text alternatives of maps and charts (``descriptions``).

The drawing of its results lives beside each writer: ``slides.map_drawing`` and
``slides.charts`` for python-pptx, ``pdf.drawings`` for reportlab, ``web.svgmaps`` and
``web.svgcharts`` for the web pages' SVG. Nothing here imports
python-pptx, reportlab or lxml.
"""
