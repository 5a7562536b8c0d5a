"""Stateless routes: analyse, extract, one score, the IHC differential, RT and chemotherapy plans."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path

from .auth import require_token
from .responses import PlainJSON
from .models import AnalyzeRequest, ChemoPlanRequest, IhcRequest, RtPlanRequest, ScoreRequest, TextRequest
from .running import run

router = APIRouter(prefix="/v1", tags=["analysis"], dependencies=[Depends(require_token)])


@router.post("/analyze", summary="the full analysis of a note or a structured case (as `spinemets analyze --json`)",
             response_model=dict[str, Any])
async def analyze_route(body: AnalyzeRequest) -> PlainJSON:
    # CPU-bound and a few milliseconds: run on the event loop rather than hop to the thread pool (the hop
    # cost about 2 ms a request; one worker process serves one analysis at a time either way, by the GIL).
    return PlainJSON(run(case=body.case, text=body.text, name=body.name).to_json())


@router.post("/extract", summary="the case extracted from a note, each fact with the text it came from",
             response_model=dict[str, Any])
def extract_route(body: TextRequest) -> PlainJSON:
    from ..casefile import case_to_data
    from ..extract import extract_text, to_case, to_schema

    extraction = extract_text(body.text, name=body.name)
    return PlainJSON({"case": case_to_data(to_case(extraction, name=body.name)), "schema": to_schema(extraction),
                      "facts": [fact.as_dict(extraction.text) for fact in extraction.facts],
                      "warnings": list(extraction.warnings)})


@router.post("/scores/{name}", summary="one published score, from a case or from its items (calculator)")
def score_route(body: ScoreRequest, name: str = Path(max_length=40, examples=["sins"])) -> dict[str, Any]:
    from ..scores import calculate, score_case, score_level
    from ..scores._engine import Context  # carries the named variants; score_case takes no other form

    if body.inputs is not None:
        return calculate(name, body.inputs, body.variants).to_json()
    case = body.case
    assert case is not None  # ScoreRequest allows exactly one of case and inputs
    if body.level is not None:
        return score_level(case, name, body.level).to_json()
    return score_case(case, name, Context(body.variants)).to_json()


@router.post("/plan/rt", summary="a radiotherapy course: BED/EQD2 per tissue, tolerance checks, re-irradiation, dates")
def rt_plan_route(body: RtPlanRequest) -> dict[str, Any]:
    from ..treatment.radiotherapy import PriorCourse, rt_plan

    prior = [PriorCourse(p.total_dose_gy, p.fractions, p.months_before, p.cord_max_dose_gy)
             for p in body.prior_courses]
    return rt_plan(body.total_dose_gy, body.fractions, alpha_beta_gy=body.alpha_beta_gy, levels=body.levels,
                   technique=body.technique, start=body.start, prior_courses=prior).to_dict()


@router.post("/plan/chemo", summary="a chemotherapy regimen's doses per administration, cycle and lifetime")
def chemo_plan_route(body: ChemoPlanRequest) -> dict[str, Any]:
    from ..treatment.chemotherapy import chemo_plan

    options = body.model_dump(exclude={"regimen", "cycles"}, exclude_none=True)
    return chemo_plan(body.regimen, cycles=body.cycles, **options).to_dict()


@router.post("/ihc", summary="the IHC differential: diagnoses ranked with each marker's contribution, next markers")
def ihc_route(body: IhcRequest) -> dict[str, Any]:
    from ..pathology import differential

    return differential(body.positive, body.negative, body.focal, priors=body.priors, morphology=body.morphology,
                        top_candidates=body.top_candidates, next_count=body.next_count).to_dict()
