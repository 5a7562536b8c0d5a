"""Tomita (2001): primary growth, visceral metastases, bone metastases."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from . import _facts
from ._engine import Context, Finding

TABLE = "tomita"


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    primary = _facts.primary(case)
    growth = primary.entry.tomita if primary.entry else None
    out = [Finding("primary_growth", growth, primary.words,
                   "growth class from the histology catalogue" if growth and len(growth) == 1
                   else "Tomita does not place this primary in one growth class; the clinician chooses",
                   notes=primary.notes,
                   missing=[("primary.histology", "Is this primary's growth slow, moderate or rapid (clinician's "
                                                  "choice where Tomita gives no class)?")])]
    found = _facts.visceral(case)
    notes = ["Interpretive: 'treatable' visceral metastases read from the case's resectable field."]
    if found.present:
        treatable = _facts.resectability(found.present)
        options = {True: ("treatable",), False: ("untreatable",), None: ("treatable", "untreatable")}[treatable]
        ask = [(f"metastases[{m.organ}].resectable", f"Are the {m.organ} metastases treatable (resectable or controllable)?")
               for m in found.present if m.resectable is None]
        out.append(Finding("visceral", options, found.words,
                           "treatability not recorded" if treatable is None else ("treatable" if treatable else "untreatable"),
                           missing=ask or None, notes=notes))
    elif found.none_for_sure:
        out.append(Finding("visceral", ("none",), found.words, "no visceral metastases"))
    else:
        out.append(Finding("visceral", None, found.words, "visceral metastases not known",
                           missing=[("staging_complete", _facts.STAGING_QUESTION)]))
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
    return Finding(item, None if burden.total_min == 0 else (solitary, multiple), burden.words,
                   "whether other skeletal metastases exist is not known",
                   missing=burden.missing or [("staging_complete", _facts.STAGING_QUESTION)])
