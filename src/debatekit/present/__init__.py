"""The presentation layer, shared by every output format and free of any drawing toolkit:
argument-map layout (``argmap``, ``layered``, ``mapboxes``), figure data and cited titles
(``figures``), kind counts (``balance``) and the resolution of debate points (``points``).

The drawing of its results lives beside each writer: ``slides.map_drawing`` and
``slides.charts`` for python-pptx, ``pdf.drawings`` for reportlab. Nothing here imports
python-pptx, reportlab or lxml.
"""
