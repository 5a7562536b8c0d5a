"""ASIA Impairment Scale grade: recorded, or narrowed by the neurology; never forced from a root deficit."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case
from ._engine import Context, Finding

TABLE = "asia"


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    n = case.neurology
    if n.asia is not None:
        return [Finding("grade", (n.asia.value,), f"AIS {n.asia.value} recorded", "recorded grade")]
    if n.any_deficit is False:
        return [
            Finding(
                "grade",
                ("E",),
                "no motor, sensory or sphincter deficit",
                "no deficit recorded: AIS E",
                notes=[
                    "Interpretive: AIS E is for patients with prior deficits; a patient never injured "
                    "strictly receives no AIS grade."
                ],
            )
        ]
    notes = []
    if n.radiculopathy and not n.myelopathy and n.motor_deficit is not True:
        notes.append(
            "Interpretive: a radicular (root) deficit is not a spinal cord injury grade; AIS is left open "
            "rather than forced to D."
        )
    if n.motor_deficit is True:
        return [
            Finding(
                "grade",
                ("A", "B", "C", "D"),
                "motor deficit recorded",
                "motor deficit: AIS A to D",
                notes=notes,
            )
        ]
    return [Finding("grade", None, "AIS not recorded", "no ISNCSCI examination recorded", notes=notes)]
