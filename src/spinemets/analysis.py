"""One input in, the full analysis out: the case and every section the case supports.

Sections are computed in order by small functions over the case; each later capability (scores,
recommendations, differential, plans, follow-up) adds one entry to SECTIONS. Imports of the layers below
happen inside those functions, so importing spinemets stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import __version__
from .case import Case
from .casefile import case_to_data, is_case_file, load_case

DISCLAIMER = ("Decision support, not a decision: every figure below shows the facts and the published source it "
              "rests on; unknown facts are shown as ranges, never guessed. The treating team decides.")


@dataclass
class Analysis:
    case: Case
    sections: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    source_text: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"spinemets_version": __version__, "disclaimer": DISCLAIMER,
                               "case": case_to_data(self.case)}
        out.update(self.sections)
        out["warnings"] = list(self.warnings)
        return out


Section = Callable[[Case, Analysis], Any]

# (key in the JSON output, function computing it). Order matters: later sections may read earlier ones.
SECTIONS: list[tuple[str, Section]] = []


def _scores(case: Case, analysis: Analysis) -> Any:
    """Every published score (spinemets.scores), as JSON-ready dicts keyed like SCORE_KEYS."""
    from .scores import score_all

    return {key: result.to_json() for key, result in score_all(case).items()}


SECTIONS.append(("scores", _scores))


def _recommendations(case: Case, analysis: Analysis) -> Any:
    """NOMS and surgical recommendations (spinemets.decide), fired or conditional, each with its evidence."""
    from .decide import decide

    return [rec.to_json() for rec in decide(case).recommendations]


def _follow_up(case: Case, analysis: Analysis) -> Any:
    """What to watch and when (spinemets.decide.follow_up), for the treatments done or recommended."""
    from .decide import follow_up_plan

    return follow_up_plan(case, analysis.sections.get("recommendations") or [])


SECTIONS.append(("recommendations", _recommendations))
SECTIONS.append(("follow_up", _follow_up))


def analyze(case: Case) -> Analysis:
    """Every section the case supports, in order."""
    result = Analysis(case=case)
    for key, compute in SECTIONS:
        result.sections[key] = compute(case, result)
    return result


def analyze_path(path: Path | str) -> Analysis:
    """Analyse a case file (.yaml/.yml/.json)."""
    return analyze(load_case(path))


def is_structured_input(path: Path | str) -> bool:
    return is_case_file(path)


# --- IHC differential and treatment (spinemets.pathology, spinemets.treatment) ------------------------------
def _ihc_differential(case: Case, result: Analysis) -> list[dict[str, Any]]:
    """Diagnoses, most probable first, each with its probability and every marker's contribution."""
    if not case.pathology.markers:
        result.warnings.append("ihc_differential: no IHC markers in the case, so no differential is computed")
        return []
    from .pathology import differential_for_case

    return [d.to_dict() for d in differential_for_case(case).diagnoses]


def _ihc_details(case: Case, result: Analysis) -> dict[str, Any] | None:
    """The rest of the differential: stains used, next markers, notes on rates not reported, the model."""
    if not case.pathology.markers:
        return None
    from .pathology import differential_for_case

    detail = differential_for_case(case).to_dict()  # milliseconds; recomputed rather than passed around
    detail.pop("diagnoses")
    return detail


def _treatment(case: Case, result: Analysis) -> dict[str, Any]:
    from .treatment.for_case import treatment_section

    return treatment_section(case)


SECTIONS.extend([("ihc_differential", _ihc_differential), ("ihc_details", _ihc_details), ("treatment", _treatment)])
