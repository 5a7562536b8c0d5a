"""SINS at one level: how a lesion's recorded findings map onto the six SINS items."""

from __future__ import annotations

from ..anatomy import SinsRegion, Vertebra, sins_region
from ..case import Case, Collapse, Pain
from . import _facts
from ._engine import Context, Finding

TABLE = "sins"

_PAIN = {
    Pain.MECHANICAL: ("mechanical",),
    Pain.OCCASIONAL_NON_MECHANICAL: ("occasional",),
    Pain.NONE: ("pain_free",),
    Pain.PRESENT: ("mechanical", "occasional"),
}
_REGION_WORDS = {
    SinsRegion.JUNCTIONAL: "junctional (occiput-C2, C7-T2, T11-L1, L5-S1)",
    SinsRegion.MOBILE: "mobile spine (C3-C6, L2-L4)",
    SinsRegion.SEMIRIGID: "semirigid (T3-T10)",
    SinsRegion.RIGID: "rigid (S2-S5)",
}


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    lesion = case.lesion_at(level) if level is not None else None
    if lesion is None:
        reason = "no involved vertebra recorded, so no level to score"
        return [
            Finding(
                item=i,
                options=None,
                fact=None,
                reason=reason,
                missing=_facts.NO_LESION if i == "location" else [],
            )
            for i in ("location", "pain", "bone", "alignment", "collapse", "posterolateral")
        ]
    at = str(level)
    out = []
    region = sins_region(level)
    if region is None:
        out.append(
            Finding("location", None, f"{at}", f"{at} has no SINS location class (the table stops at S5)")
        )
    else:
        out.append(Finding("location", (region.value,), f"{at}", f"{at} is {_REGION_WORDS[region]}"))

    pain = lesion.pain
    if pain is None:
        out.append(Finding("pain", None, f"pain at {at} not recorded", "pain at this level not recorded"))
    elif pain is Pain.PRESENT:
        out.append(
            Finding(
                "pain",
                _PAIN[pain],
                f"pain at {at}: present, character not stated",
                "pain is reported but not whether it is mechanical: mechanical (3) or occasional (1)",
            )
        )
    else:
        words = {
            Pain.MECHANICAL: "mechanical pain (movement/loading, relieved lying down)",
            Pain.OCCASIONAL_NON_MECHANICAL: "occasional, non-mechanical pain",
            Pain.NONE: "pain-free lesion",
        }[pain]
        out.append(Finding("pain", _PAIN[pain], f"pain at {at}: {pain.value.replace('_', ' ')}", words))

    bone = lesion.bone
    out.append(
        Finding(
            "bone",
            None if bone is None else (bone.value,),
            f"bone at {at}: {bone.value}" if bone else f"bone character at {at} not recorded",
            f"{bone.value} lesion" if bone else "lytic, mixed or blastic not recorded",
        )
    )

    alignment = lesion.alignment
    out.append(
        Finding(
            "alignment",
            None if alignment is None else (alignment.value,),
            f"alignment at {at}: {alignment.value}" if alignment else f"alignment at {at} not recorded",
            {
                None: "alignment not reported",
                "normal": "normal alignment",
                "deformity": "de novo kyphosis or scoliosis",
                "subluxation": "subluxation or translation",
            }[alignment.value if alignment else None],
        )
    )

    collapse = lesion.collapse
    if collapse is not None:
        words = {
            Collapse.MORE_THAN_50: "more than 50% collapse",
            Collapse.LESS_THAN_50: "less than 50% collapse",
            Collapse.NONE_BUT_OVER_50_INVOLVED: "no collapse, more than 50% of the body involved",
            Collapse.NONE: "no collapse and 50% or less of the body involved",
        }[collapse]
        out.append(
            Finding(
                "collapse", (collapse.value,), f"collapse at {at}: {collapse.value.replace('_', ' ')}", words
            )
        )
    elif lesion.pathological_fracture is True:
        out.append(
            Finding(
                "collapse",
                ("more_than_50", "less_than_50"),
                f"pathological fracture at {at}, extent not recorded",
                "a pathological fracture means collapse; its extent (more or less than 50%) is not recorded",
            )
        )
    elif lesion.pathological_fracture is False:
        out.append(
            Finding(
                "collapse",
                ("none_but_over_50_involved", "none"),
                f"no fracture at {at}",
                "no fracture, so no collapse; whether more than 50% of the body is involved is not recorded",
            )
        )
    else:
        out.append(
            Finding(
                "collapse", None, f"collapse at {at} not recorded", "vertebral body collapse not recorded"
            )
        )

    posterolateral = lesion.posterolateral
    out.append(
        Finding(
            "posterolateral",
            None if posterolateral is None else (posterolateral.value,),
            f"posterolateral elements at {at}: {posterolateral.value}"
            if posterolateral
            else f"posterolateral elements at {at} not recorded",
            f"{posterolateral.value} involvement of facet, pedicle or costovertebral joint"
            if posterolateral and posterolateral.value != "none"
            else ("no posterolateral involvement" if posterolateral else "posterior elements not reported"),
        )
    )
    return out
