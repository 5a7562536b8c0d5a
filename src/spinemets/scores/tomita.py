"""Tomita (2001): primary growth, visceral metastases, bone metastases."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from . import _facts
from ._engine import Context, Finding

TABLE = "tomita"


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    ask = "Is this primary's growth slow, moderate or rapid (clinician's choice where Tomita gives no class)?"
    out = [
        _facts.primary_finding(
            case,
            "primary_growth",
            "tomita",
            "Tomita does not place this primary in one growth class; the clinician chooses",
            missing=[("primary.histology", ask)],
        )
    ]
    out.append(
        _facts.organ_finding(
            "visceral",
            _facts.visceral(case),
            yes="treatable",
            no="untreatable",
            word="treatable",
            notes=["Interpretive: 'treatable' visceral metastases read from the case's resectable field."],
        )
    )
    out.append(skeletal_finding(case, "bone", ("solitary", "multiple")))
    return out


def skeletal_finding(case: Case, item: str, options: tuple[str, str]) -> Finding:
    """Solitary versus multiple skeletal metastases; `options` = (solitary option, multiple option)."""
    burden = _facts.bone_burden(case)
    solitary, multiple = options
    if burden.total_min >= 2:
        return Finding(item, (multiple,), burden.words, "more than one skeletal metastasis")
    if burden.total_min == 1 and burden.exact:
        return Finding(item, (solitary,), burden.words, "a single skeletal metastasis on complete staging")
    return Finding(
        item,
        None if burden.total_min == 0 else (solitary, multiple),
        burden.words,
        "whether other skeletal metastases exist is not known",
        missing=burden.missing or [("staging_complete", _facts.STAGING_QUESTION)],
    )
