"""Stored cases: create, list, read, update, delete, each with its history of analyses and its audit trail.

A case id that is not the caller's answers 404, exactly like one that does not exist.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response

from .. import __version__
from ..analysis import Analysis
from ..casefile import case_to_data
from ..store.repository import CaseRecord, Repository, TokenRecord
from .auth import repository, require_token
from .responses import PlainJSON
from .models import StoreCaseRequest, UpdateCaseRequest
from .running import run, validated_case

router = APIRouter(prefix="/v1/cases", tags=["cases"])

NOT_FOUND = HTTPException(404, "no such case for this token")


def _analysis_entry(record_id: int, created_at: str, version: str, analysis: dict[str, Any]) -> dict[str, Any]:
    return {"id": record_id, "created_at": created_at, "spinemets_version": version, "analysis": analysis}


def _case_body(record: CaseRecord) -> dict[str, Any]:
    return {**record.summary(), "case": record.case, "from_note": record.source_text is not None}


def store_new_case(repo: Repository, owner: TokenRecord, *, case: dict[str, Any] | None, text: str | None,
                   title: str | None) -> tuple[CaseRecord, Analysis]:
    """Analyse and store in one step, so a stored case always has at least one analysis."""
    result = run(case=case, text=text)
    record = repo.create_case(owner, case_to_data(result.case), title or result.case.title,
                              analysis=result.to_json(), version=__version__, source_text=text)
    return record, result


@router.post("", status_code=201, summary="store a case (or a note's extracted case) and its first analysis",
             response_model=dict[str, Any])
def create_case(body: StoreCaseRequest, owner: TokenRecord = Depends(require_token),
                repo: Repository = Depends(repository)) -> PlainJSON:
    record, result = store_new_case(repo, owner, case=body.case, text=body.text, title=body.title)
    return PlainJSON({**_case_body(record), "analysis": result.to_json()}, status_code=201)


@router.get("", summary="this token's cases, newest first")
def list_cases(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000),
               owner: TokenRecord = Depends(require_token), repo: Repository = Depends(repository)
               ) -> dict[str, Any]:
    return {"cases": [r.summary() for r in repo.list_cases(owner, limit=limit, offset=offset)],
            "limit": limit, "offset": offset}


@router.get("/{case_id}", summary="one case")
def read_case(case_id: uuid.UUID, owner: TokenRecord = Depends(require_token),
              repo: Repository = Depends(repository)) -> dict[str, Any]:
    record = repo.get_case(owner, str(case_id))
    if record is None:
        raise NOT_FOUND
    return _case_body(record)


@router.put("/{case_id}", summary="replace a case; it is analysed again and the analysis added to its history",
            response_model=dict[str, Any])
def update_case(case_id: uuid.UUID, body: UpdateCaseRequest, owner: TokenRecord = Depends(require_token),
                repo: Repository = Depends(repository)) -> PlainJSON:
    # Ownership first: a stranger learns nothing, not even whether their case body would have been valid.
    if not repo.owns(owner, str(case_id)):
        raise NOT_FOUND
    result = run(case=body.case)
    record = repo.update_case(owner, str(case_id), case_to_data(result.case), body.title or result.case.title,
                              analysis=result.to_json(), version=__version__)
    if record is None:  # deleted meanwhile
        raise NOT_FOUND
    return PlainJSON({**_case_body(record), "analysis": result.to_json()})


@router.delete("/{case_id}", status_code=204, summary="delete a case and its analyses (the audit trail stays)")
def delete_case(case_id: uuid.UUID, owner: TokenRecord = Depends(require_token),
                repo: Repository = Depends(repository)) -> Response:
    if not repo.delete_case(owner, str(case_id)):
        raise NOT_FOUND
    return Response(status_code=204)


@router.get("/{case_id}/analyses", summary="the case's analyses, oldest first", response_model=dict[str, Any])
def list_analyses(case_id: uuid.UUID, owner: TokenRecord = Depends(require_token),
                  repo: Repository = Depends(repository)) -> PlainJSON:
    records = repo.analyses(owner, str(case_id))
    if records is None:
        raise NOT_FOUND
    return PlainJSON({"case_id": str(case_id), "analyses": [
        _analysis_entry(r.id, r.created_at.isoformat(), r.spinemets_version, r.analysis) for r in records]})


@router.post("/{case_id}/analyses", status_code=201, response_model=dict[str, Any],
             summary="analyse the stored case again (e.g. after an upgrade) and add it to the history")
def reanalyze(case_id: uuid.UUID, owner: TokenRecord = Depends(require_token),
              repo: Repository = Depends(repository)) -> PlainJSON:
    record = repo.get_case(owner, str(case_id), action=None)  # audited below as "analyze"
    if record is None:
        raise NOT_FOUND
    from ..analysis import analyze

    analysis = analyze(validated_case(record.case)).to_json()
    stored = repo.add_analysis(owner, str(case_id), analysis, __version__)
    if stored is None:
        raise NOT_FOUND
    return PlainJSON(_analysis_entry(stored.id, stored.created_at.isoformat(), __version__, analysis),
                     status_code=201)


@router.get("/{case_id}/audit", summary="who read or changed this case, and when")
def audit_trail(case_id: uuid.UUID, owner: TokenRecord = Depends(require_token),
                repo: Repository = Depends(repository)) -> dict[str, Any]:
    events = repo.audit_trail(owner, str(case_id))
    if events is None:
        raise NOT_FOUND
    return {"case_id": str(case_id), "events": [
        {"at": e.at.isoformat(), "token": e.token_name, "action": e.action} for e in events]}
