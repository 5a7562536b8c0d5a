"""Writing the HTML and PDF reports for `spinemets analyze --html/--pdf`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ._app import err


def _write(path: Path, data: bytes, option: str) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise InputError([Problem(option, str(path), "a writable file path", f"cannot write ({exc.strerror})")]) \
            from None
    err.print(f"wrote {path}", highlight=False)


def write_reports(analysis: dict[str, Any], html_path: Path | None, pdf_path: Path | None) -> None:
    if html_path:
        from ..report.html import render_document

        _write(html_path, render_document(analysis).encode("utf-8"), "--html")
    if pdf_path:
        from ..report.pdf import render_pdf

        _write(pdf_path, render_pdf(analysis), "--pdf")
