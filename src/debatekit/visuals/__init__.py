"""Pictures for the deck and the handout: argument maps, figure charts, kind balance.

The layout (``argmap``, ``layered``), counting (``balance``) and figure data
(``figures``) modules are pure Python; ``pptx_visuals`` and ``pdf_visuals`` draw their
results with python-pptx and reportlab and are imported only by the writers.
"""
