"""Stateless routes: analyse, extract, one score, the IHC differential, RT and chemotherapy plans."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path

from .auth import require_token
from .responses import PlainJSON
from .models import AnalyzeRequest, CaseRequest, IhcRequest, TextRequest
from .running import analyze_note, run, validated_case

router = APIRouter(prefix="/v1", tags=["analysis"], dependencies=[Depends(require_token)])


@router.post("/analyze", summary="the full analysis of a note or a structured case (as `spinemets analyze --json`)",
             response_model=dict[str, Any])
def analyze_route(body: AnalyzeRequest) -> PlainJSON:
    return PlainJSON(run(case=body.case, text=body.text, name=body.name).to_json())


@router.post("/extract", summary="the case extracted from a note, each fact with the text it came from")
def extract_route(body: TextRequest) -> dict[str, Any]:
    result = analyze_note(body.text, body.name)
    from ..casefile import case_to_data

    return {"case": case_to_data(result.case), "warnings": list(result.warnings)}


@router.post("/ihc", summary="the IHC differential: diagnoses ranked with each marker's contribution, next markers")
def ihc_route(body: IhcRequest) -> dict[str, Any]:
    from ..pathology import differential

    return differential(body.positive, body.negative, body.focal, priors=body.priors, morphology=body.morphology,
                        top_candidates=body.top_candidates, next_count=body.next_count).to_dict()
