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
    # Library objects behind the JSON sections (score results, the differential), so a later section reuses
    # them instead of computing them again. Not part of the output.
    computed: dict[str, Any] = field(default_factory=dict, repr=False)

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

    results = analysis.computed["scores"] = score_all(case)
    return {key: result.to_json() for key, result in results.items()}


SECTIONS.append(("scores", _scores))


def _recommendations(case: Case, analysis: Analysis) -> Any:
    """NOMS and surgical recommendations (spinemets.decide), fired or conditional, each with its evidence."""
    from .decide import decide

    return [rec.to_json() for rec in decide(case, scores=analysis.computed.get("scores")).recommendations]


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
    """Analyse a case file (.yaml/.yml/.json) or a clinical note (.txt/.md/.html: text -> case -> analysis)."""
    if Path(path).suffix.lower() in TEXT_SUFFIXES:
        from .casefile import read_text_file

        text = read_text_file(path, max_bytes=MAX_NOTE_BYTES, what="note")
        return analyze_text(text, name=Path(path).stem, kind=TEXT_SUFFIXES[Path(path).suffix.lower()])
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

    found = result.computed["ihc"] = differential_for_case(case)
    return [d.to_dict() for d in found.diagnoses]


def _ihc_details(case: Case, result: Analysis) -> dict[str, Any] | None:
    """The rest of the differential: stains used, next markers, notes on rates not reported, the model."""
    if not case.pathology.markers:
        return None
    from .pathology import differential_for_case

    found = result.computed.get("ihc") or differential_for_case(case)
    detail = found.to_dict()
    detail.pop("diagnoses")
    return detail


def _treatment(case: Case, result: Analysis) -> dict[str, Any]:
    from .treatment.for_case import treatment_section

    return treatment_section(case)


SECTIONS.extend([("ihc_differential", _ihc_differential), ("ihc_details", _ihc_details), ("treatment", _treatment)])


# --- clinical text (spinemets.extract) --------------------------------------------------------------------
TEXT_SUFFIXES: dict[str, str | None] = {".txt": None, ".text": None, ".md": "markdown", ".markdown": "markdown",
                                        ".html": "html", ".htm": "html"}
MAX_NOTE_BYTES = 1_000_000  # a case report is a few kilobytes; a larger file is refused before it is read


def analyze_text(text: str, name: str | None = None, kind: str | None = None) -> Analysis:
    """A clinical note or case report in, the full analysis out: the case is built by extraction, and the
    section `extraction` shows every fact with its spans and status, and the facts not found, each with the
    question that would settle it and the scores it would settle."""
    from .extract import extract_text, to_case, to_schema

    extraction = extract_text(text, name=name, kind=kind)
    result = analyze(to_case(extraction, name=name))
    result.source_text = text
    result.sections["extraction"] = {
        "schema": to_schema(extraction),
        "facts": [f.as_dict(extraction.text) for f in extraction.facts
                  if not (f.key == "level" and "excluded" in f.detail)],
        "not_found": _not_found(result),
    }
    result.warnings.extend(extraction.warnings)
    return result


def _not_found(result: Analysis) -> list[dict[str, Any]]:
    """Facts the scores still miss, once each, with its question and every score it would settle."""
    merged: dict[str, dict[str, Any]] = {}
    for key, score in (result.sections.get("scores") or {}).items():
        for missing in score.get("missing") or []:
            entry = merged.setdefault(missing["fact"], {"fact": missing["fact"], "question": missing["question"],
                                                        "scores": []})
            for settled in [key, *(missing.get("scores") or [])]:
                if settled not in entry["scores"]:
                    entry["scores"].append(settled)
    return sorted(merged.values(), key=lambda e: (-len(e["scores"]), e["fact"]))
