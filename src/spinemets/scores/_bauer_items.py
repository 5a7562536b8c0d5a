"""The items the original and the modified Bauer score share (the modified one drops the fracture item)."""

from __future__ import annotations

from ..case import Case
from . import _facts
from ._engine import Context, Finding
from .tomita import skeletal_finding

_YES, _NO, _EITHER = ("yes",), ("no",), ("yes", "no")


def shared(case: Case, ctx: Context) -> list[Finding]:
    brain = ctx.variant("bauer_brain") == "visceral_or_brain"
    found = _facts.visceral(case, include_brain=brain)
    if found.present:
        visceral = Finding("no_visceral", _NO, found.words, "visceral metastases present")
    elif found.none_for_sure:
        visceral = Finding("no_visceral", _YES, found.words, "no visceral metastases on complete staging")
    else:
        visceral = Finding(
            "no_visceral",
            _EITHER,
            found.words,
            "visceral metastases not known",
            missing=[("staging_complete", _facts.STAGING_QUESTION)],
        )
    primary = _facts.primary(case)
    entry = primary.entry
    lung = None if entry is None else entry.bauer_lung
    favourable = None if entry is None else entry.bauer_favourable
    return [
        visceral,
        skeletal_finding(case, "solitary_skeletal", ("yes", "no")),
        Finding(
            "not_lung_cancer",
            {True: _NO, False: _YES, None: _EITHER}[lung],
            primary.words,
            {
                True: "lung cancer",
                False: "not a lung cancer",
                None: "whether the primary is a lung cancer is not known",
            }[lung],
            notes=_facts.primary_notes(primary, "bauer"),
        ),
        Finding(
            "favourable_primary",
            {True: _YES, False: _NO, None: _EITHER}[favourable],
            primary.words,
            {
                True: "breast, kidney, lymphoma or myeloma",
                False: "not breast, kidney, lymphoma or myeloma",
                None: "primary not known",
            }[favourable],
        ),
    ]


def fracture(case: Case) -> Finding:
    fractured = [lesion.level for lesion in case.lesions if lesion.fractured]
    if fractured:
        levels = ", ".join(str(level) for level in fractured)
        return Finding(
            "no_pathological_fracture",
            _NO,
            f"pathological fracture at {levels}",
            "pathological fracture present",
        )
    if case.lesions and all(lesion.pathological_fracture is False for lesion in case.lesions):
        return Finding(
            "no_pathological_fracture",
            _YES,
            "no pathological fracture at any involved vertebra",
            "no pathological fracture recorded at any involved level",
            notes=["Interpretive: a fracture outside the spine (e.g. a long bone) is not modelled."],
        )
    return Finding(
        "no_pathological_fracture",
        _EITHER,
        "fracture status not recorded for every level",
        "pathological fracture not excluded",
        missing=[("lesions[].pathological_fracture", "Is there a pathological fracture anywhere?")],
    )
