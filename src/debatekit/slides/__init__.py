"""The slide deck writer (``slides``): a 16:9 PowerPoint deck with native, editable text.

``writer`` renders the deck; ``runs`` styles text runs (shared with the visuals);
``visual_slides`` holds the slides whose content the visuals draw.
"""
