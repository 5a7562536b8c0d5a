"""A stored case's latest analysis as a standalone HTML report or a PDF."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, HTTPException, Response
from fastapi.responses import HTMLResponse

from ..store.repository import Repository, TokenRecord
from .auth import repository, require_token

router = APIRouter(prefix="/v1/cases", tags=["reports"])


def _latest_analysis(repo: Repository, owner: TokenRecord, case_id: uuid.UUID) -> dict:
    records = repo.analyses(owner, str(case_id), action="report")
    if not records:  # None: not this token's case; []: cannot happen, a stored case always has one
        raise HTTPException(404, "no such case for this token")
    return records[-1].analysis


@router.get("/{case_id}/report.html", response_class=HTMLResponse, summary="the latest analysis as one HTML file")
def report_html(case_id: uuid.UUID, owner: TokenRecord = Depends(require_token),
                repo: Repository = Depends(repository)) -> HTMLResponse:
    from ..report.html import render_document

    return HTMLResponse(render_document(_latest_analysis(repo, owner, case_id)))


@router.get("/{case_id}/report.pdf", summary="the latest analysis as a PDF",
            responses={200: {"content": {"application/pdf": {}}}})
def report_pdf(case_id: uuid.UUID, owner: TokenRecord = Depends(require_token),
               repo: Repository = Depends(repository)) -> Response:
    from ..report.pdf import render_pdf

    pdf = render_pdf(_latest_analysis(repo, owner, case_id))
    return Response(pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="spinemets-{case_id}.pdf"'})
