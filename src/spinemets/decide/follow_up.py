"""The follow-up plan: what to watch after surgery, radiotherapy and chemotherapy, when, why, and from where.

Items live in data/follow_up.yaml; each has a trigger. An item applies when the case records the treatment
("done"), when a recommendation for it fired ("recommended"), or, shown as such, when only a conditional
recommendation calls for it ("if recommended"). Each item keeps its source, or says it is our synthesis.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ..anatomy import Segment
from ..case import Case, CompressedStructure, RtTechnique
from ..knowledge._yaml import load_data_file
from .evidence import CONFIDENCE, Citation, resolve_refs
from .rules import Pathway

TRIGGERS = ("instrumentation", "cement", "radiotherapy", "cord_radiotherapy", "stereotactic", "anthracycline",
            "sarcoma", "always")

# Which recommended pathways call for which trigger's follow-up.
_PATHWAY_TRIGGERS: dict[str, tuple[str, ...]] = {
    "instrumentation": (Pathway.SEPARATION_SURGERY_SRS.value, Pathway.SURGICAL_APPROACH.value),
    "cement": (Pathway.CEMENT_AUGMENTATION.value,),
    "radiotherapy": (Pathway.CEBRT.value, Pathway.SRS.value, Pathway.SEPARATION_SURGERY_SRS.value),
    "stereotactic": (Pathway.SRS.value, Pathway.SEPARATION_SURGERY_SRS.value),
}
_PATHWAY_TRIGGERS["cord_radiotherapy"] = _PATHWAY_TRIGGERS["radiotherapy"]


@dataclass(frozen=True)
class FollowUpItem:
    id: str
    what: str
    when: str
    when_months: tuple[float, ...] | None
    why: str
    citations: tuple[Citation, ...]
    confidence: str
    applies_if: str

    @property
    def source(self) -> str:
        cited = "; ".join(c.full for c in self.citations)
        return f"our synthesis of: {cited}" if self.confidence == "our_synthesis" else cited


@lru_cache(maxsize=1)
def _plan() -> tuple[tuple[FollowUpItem, ...], frozenset[str]]:
    raw = load_data_file("follow_up.yaml")
    items = []
    for entry in raw["items"]:
        if entry["applies_if"] not in TRIGGERS:
            raise ValueError(f"follow_up.yaml {entry['id']}: applies_if must be one of {TRIGGERS}")
        if entry["confidence"] not in CONFIDENCE:
            raise ValueError(f"follow_up.yaml {entry['id']}: confidence must be one of {CONFIDENCE}")
        months = entry.get("when_months")
        items.append(FollowUpItem(
            id=entry["id"], what=entry["what"], when=entry["when"],
            when_months=None if months is None else tuple(float(m) for m in months),
            why=" ".join(str(entry["why"]).split()), citations=resolve_refs(entry["refs"]),
            confidence=entry["confidence"], applies_if=entry["applies_if"]))
    return tuple(items), frozenset(a.lower() for a in raw["anthracyclines"])


def items() -> tuple[FollowUpItem, ...]:
    return _plan()[0]


def _done(case: Case, trigger: str) -> str | None:
    """Why the case's own treatments call for this trigger's follow-up, or None."""
    tx = case.treatments
    if trigger == "instrumentation":
        fixed = [s for s in tx.surgery if s.instrumentation or s.reconstruction]
        return f"instrumented surgery recorded ({fixed[0].procedure or 'surgery'})" if fixed else None
    if trigger == "cement":
        levels = sorted({lvl.name for s in tx.surgery for lvl in s.cement_augmentation})
        in_cage = [s for s in tx.surgery if s.reconstruction and "pmma" in s.reconstruction.lower()]
        if levels or in_cage:
            return "PMMA recorded" + (f" in {', '.join(levels)}" if levels else "") + (" and in the reconstruction" if in_cage else "")
        return None
    if trigger == "radiotherapy":
        return f"radiotherapy recorded ({tx.radiotherapy[0].total_dose_gy:g} Gy in {tx.radiotherapy[0].fractions} fractions)" \
            if tx.radiotherapy else None
    if trigger == "stereotactic":
        srs = [c for c in tx.radiotherapy if c.technique in (RtTechnique.SRS, RtTechnique.SBRT)]
        return "stereotactic radiotherapy recorded" if srs else None
    if trigger == "anthracycline":
        names = _plan()[1]
        for course in tx.chemotherapy:
            given = [a.lower() for a in course.agents] + ([course.regimen.lower()] if course.regimen else [])
            hit = next((n for n in names for g in given if n in g), None)
            if hit:
                return f"{hit} recorded" + (f" ({course.cycles} cycles)" if course.cycles else "")
        return None
    if trigger == "sarcoma":
        from ..knowledge.histologies import lookup

        histology = case.primary.histology or case.pathology.diagnosis
        entry = lookup(histology, case.primary.site) if histology else None
        # Catalogue keys name sarcomas as such (leiomyosarcoma, liposarcoma, ...): a reading of the key, not
        # of the case's free text.
        return f"{entry.name} is a sarcoma" if entry is not None and "sarcoma" in entry.key else None
    raise ValueError(trigger)


def _field(recommendation: Any, name: str) -> Any:
    """Recommendations come as objects (decide()) or as their JSON (an analysis section)."""
    return recommendation[name] if isinstance(recommendation, dict) else getattr(recommendation, name)


def _recommended(recommendations: Iterable[Any], trigger: str) -> tuple[str | None, str | None]:
    pathways = _PATHWAY_TRIGGERS.get(trigger, ())
    relevant = [r for r in recommendations if _field(r, "pathway") in pathways]
    fired = [_field(r, "id") for r in relevant if _field(r, "status") == "fired"]
    conditional = [_field(r, "id") for r in relevant if _field(r, "status") == "conditional"]
    return (fired[0] if fired else None, conditional[0] if conditional else None)


def _cord_level(case: Case) -> str | None:
    """The treated level where the cord lies, if the index level is one; None for the cauda equina."""
    from .facts import index_lesion

    lesion = index_lesion(case)
    if lesion is None:
        return None
    structure = lesion.compressed_structure
    if structure is CompressedStructure.CAUDA_EQUINA:
        return None
    if structure in (CompressedStructure.CORD, CompressedStructure.CONUS) or lesion.level.segment in (
            Segment.CERVICAL, Segment.THORACIC):
        return lesion.level.name
    return None


def follow_up_plan(case: Case, recommendations: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """The items that apply to this case, each with what, when, why, source and why it applies."""
    recommendations = list(recommendations)
    plan = []
    for item in items():
        if item.applies_if == "always":
            plan.append(_entry(item, "always", "every patient"))
            continue
        if item.applies_if == "cord_radiotherapy" and _cord_level(case) is None:
            continue
        done = _done(case, "radiotherapy" if item.applies_if == "cord_radiotherapy" else item.applies_if)
        fired, conditional = _recommended(recommendations, item.applies_if)
        if done:
            applies, because = "done", done
        elif fired:
            applies, because = "recommended", f"recommendation {fired}"
        elif conditional:
            applies, because = "if recommended", f"conditional recommendation {conditional}"
        else:
            continue
        plan.append(_entry(item, applies, because))
    return plan


def _entry(item: FollowUpItem, applies: str, because: str) -> dict[str, Any]:
    return {"id": item.id, "what": item.what, "when": item.when,
            "when_months": list(item.when_months) if item.when_months is not None else None,
            "why": item.why, "source": item.source, "confidence": item.confidence,
            "citations": [c.as_dict() for c in item.citations], "applies": applies, "because": because}
