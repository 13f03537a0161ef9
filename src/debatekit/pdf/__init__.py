"""The PDF layer shared by the handout, answer key and debate cards.

Typical use in a writer::

    from debatekit.pdf import document_for
    doc = document_for(job, header_right=words["handout"])
    story = [doc.styles.para(text, "h1"), KindBadge("fact", words["fact"], doc.fonts)]
    return doc.build(story, subject="...")

Modules: ``fonts`` (discovery, registration, font runs, escaping), ``styles`` (paragraph
styles, ``para``), ``badges`` (kind badges and status marks), ``document`` (page
geometry, header and footer, ``build_pdf``), ``tables`` (worksheet tables that split
across pages).
"""

from .setup import PdfDocument, document_for, source_citation

__all__ = ["PdfDocument", "document_for", "source_citation"]
