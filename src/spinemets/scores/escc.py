"""Bilsky ESCC grade at one level, from a recorded grade or from compression and CSF findings."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from . import _facts
from ._engine import Context, Finding

TABLE = "escc"
_LOW = ("0", "1a", "1b", "1c")
_HIGH = ("2", "3")


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    lesion = case.lesion_at(level) if level is not None else None
    if lesion is None:
        return [
            Finding(
                "grade",
                None,
                None,
                "no involved vertebra recorded, so no level to grade",
                missing=_facts.NO_LESION,
            )
        ]
    at = str(level)
    if lesion.escc is not None:
        return [
            Finding(
                "grade", (lesion.escc.value,), f"ESCC {lesion.escc.value} recorded at {at}", "recorded grade"
            )
        ]
    csf = lesion.csf_visible_around_cord
    ask_csf = [
        (
            f"lesions[{at}].csf_visible_around_cord",
            f"On axial T2 MRI at {at}, is CSF still visible around the compressed cord?",
        )
    ]
    if lesion.neural_compression is True:
        if csf is True:
            return [
                Finding(
                    "grade", ("2",), f"cord compressed at {at}, CSF visible", "compression with CSF visible"
                )
            ]
        if csf is False:
            return [
                Finding(
                    "grade",
                    ("3",),
                    f"cord compressed at {at}, no CSF visible",
                    "compression without CSF visible",
                )
            ]
        return [
            Finding(
                "grade",
                _HIGH,
                f"cord compressed at {at}; CSF around the cord not recorded",
                "compression means grade 2 or 3; CSF visibility decides which",
                missing=ask_csf,
            )
        ]
    if lesion.neural_compression is False:
        return [
            Finding(
                "grade",
                _LOW,
                f"no neural compression at {at}",
                "no compression: grade 0 to 1c; the epidural extent is not recorded",
                missing=[
                    (
                        f"lesions[{at}].escc",
                        f"On axial T2 MRI at {at}, does tumour reach the epidural "
                        "space, deform the thecal sac, or abut the cord?",
                    )
                ],
            )
        ]
    return [Finding("grade", None, f"compression at {at} not recorded", "epidural extent not recorded")]
