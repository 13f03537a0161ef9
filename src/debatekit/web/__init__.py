"""The classroom web pages: a student self-check and a teacher's page per kit language.

Each page is one self-contained HTML file (styles, script and drawings inline, fonts by
system name) rendered from Jinja2 templates with autoescaping on. The maps and charts are
drawn as inline SVG by ``svgmaps`` and ``svgcharts`` from the same format-neutral layout
and figure data that the deck and the handout draw; ``content`` turns the outline into
what the templates show.
"""
