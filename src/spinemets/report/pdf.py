"""The standalone HTML report printed to PDF with WeasyPrint (needs Debian's pango; see README)."""

from __future__ import annotations

from typing import Any

from .html import render_document


def render_pdf(analysis: dict[str, Any]) -> bytes:
    import weasyprint  # heavy, and needs system libraries: only when a PDF is asked for

    return weasyprint.HTML(string=render_document(analysis)).write_pdf()
