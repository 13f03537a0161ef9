"""The PDF layer shared by the handout, answer key and debate cards.

Typical use in a writer::

    from debatekit.pdf import document_for
    from debatekit.pdf.badges import KindBadge, StatusMark

    def render(job) -> bytes:
        doc = document_for(job, header_right=labels["debate_cards"])  # fonts, styles, paper
        story = [doc.styles.para(user_text, "h1"),                    # escaped, font runs
                 KindBadge("fact", doc.labels["fact"], doc.fonts),
                 doc.table(rows, widths)]                             # splits, repeats header
        return doc.build(story, subject="...")                        # furnished, invariant

Modules: ``fonts`` (TrueType discovery, registration, per-character font runs, escaping
via ``FontSet.markup``, the CID fallback and its warning), ``styles`` (paragraph styles;
``para``, ``label``), ``cjkwrap`` (the language profile's line-start rules for reportlab),
``badges`` (kind badges and status marks), ``tables`` (ruled tables that split across
pages), ``ruled_lines`` (ruled lines to write on), ``stacked`` (flowables placed one under
another inside a flowable), ``document`` (page geometry, header and footer with "page x
of y", ``build_pdf``), ``job_document`` (``document_for``: all of it for a Job),
``drawings`` (what every drawing shares: text in font runs), ``mapdrawing`` (argument
maps) and ``chartdrawing`` (figures, the kind balance), drawn with reportlab's graphics
from ``debatekit.present``; ``reportlab_internals`` (the reportlab internals relied on,
and why).
"""

from .job_document import PdfDocument, document_for, source_citation

__all__ = ["PdfDocument", "document_for", "source_citation"]
