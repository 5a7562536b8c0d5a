"""What was done in practice (case.treatments) beside what a rule suggests, said plainly.

Each function returns one sentence starting "Done:", or None when the case records no treatment the rule
speaks to. A departure from the framework is named as such; agreement is named too, with the reason the
rule gives (the rule's rationale), so a reader sees why the team's choice fits or does not.
"""

from __future__ import annotations

from ..anatomy import format_levels
from ..case import Approach, Case, RadiotherapyCourse, RtTechnique, Surgery
from .rules import Facts

STEREOTACTIC = (RtTechnique.SRS, RtTechnique.SBRT)


def describe_surgery(surgery: Surgery) -> str:
    parts = [f"{surgery.approach.value} " if surgery.approach else ""]
    parts.append(surgery.procedure or "surgery")
    if surgery.reconstruction:
        parts.append(f", reconstruction with {surgery.reconstruction}")
    if surgery.instrumentation:
        parts.append(f", {surgery.instrumentation}")
    if surgery.cement_augmentation:
        parts.append(f", PMMA into {format_levels(surgery.cement_augmentation)}")
    return "".join(parts)


def describe_course(course: RadiotherapyCourse) -> str:
    technique = course.technique.value if course.technique else "technique not recorded"
    timing = f", {course.timing}" if course.timing else ""
    return f"{course.total_dose_gy:g} Gy in {course.fractions} fractions ({technique}{timing})"


def _surgeries(case: Case) -> str:
    return "; ".join(describe_surgery(s) for s in case.treatments.surgery)


def _courses(case: Case) -> str:
    return "; ".join(describe_course(c) for c in case.treatments.radiotherapy)


def _conventional(case: Case) -> list[RadiotherapyCourse]:
    return [c for c in case.treatments.radiotherapy if c.technique is RtTechnique.CONVENTIONAL]


def _stereotactic(case: Case) -> list[RadiotherapyCourse]:
    return [c for c in case.treatments.radiotherapy if c.technique in STEREOTACTIC]


def _radiotherapy_note(wanted: tuple[RtTechnique, ...], word: str, otherwise: str):
    """Compare the recorded courses with the technique a rule suggests; `otherwise` follows the courses
    when another technique was given."""
    def note(case: Case, facts: Facts) -> str | None:
        courses = case.treatments.radiotherapy
        if not courses:
            return None
        if any(c.technique in wanted for c in courses):
            return f"Done: {_courses(case)}, as this recommendation suggests."
        if any(c.technique is not None for c in courses):
            return f"Done: {_courses(case)}{otherwise}"
        return f"Done: {_courses(case)}; whether it was {word} is not recorded."
    return note


radiotherapy_conventional = _radiotherapy_note(
    (RtTechnique.CONVENTIONAL,), "conventional", ": stereotactic where conventional radiotherapy would do by NOMS.")
radiotherapy_stereotactic = _radiotherapy_note(
    STEREOTACTIC, "stereotactic", ". This departs from NOMS, which suggests stereotactic radiosurgery for a "
                                  "radioresistant histology.")
sbrt_option = _radiotherapy_note(
    STEREOTACTIC, "stereotactic", ": conventional fractionation, which NOMS supports for this histology; SBRT was "
                                  "the alternative.")


def separation_surgery_then_srs(case: Case, facts: Facts) -> str | None:
    surgery, courses = case.treatments.surgery, case.treatments.radiotherapy
    if not surgery and not courses:
        return None
    if surgery and _conventional(case) and not _stereotactic(case):
        return (f"Done: {_surgeries(case)}, then {_courses(case)}. The operation follows the framework; the "
                "radiotherapy departs from it: NOMS suggests stereotactic radiosurgery after separation surgery "
                "for a radioresistant histology, and conventional fractionation was given instead.")
    if surgery and _stereotactic(case):
        return f"Done: {_surgeries(case)}, then {_courses(case)}, as the framework suggests."
    if surgery and courses:
        return f"Done: {_surgeries(case)}, then {_courses(case)}; the radiotherapy technique is not recorded."
    if surgery:
        return f"Done: {_surgeries(case)}; no radiotherapy is recorded after it."
    return f"Done: {_courses(case)} without surgery; the framework suggests separation surgery first if tolerated."


def radiotherapy_instead_of_surgery(case: Case, facts: Facts) -> str | None:
    if case.treatments.surgery:
        return (f"Done: {_surgeries(case)}; the team judged the patient fit for surgery, so this branch was not "
                "taken.")
    return radiotherapy_conventional(case, facts)


def surgery_done(case: Case, facts: Facts) -> str | None:
    if not case.treatments.surgery:
        return None
    return f"Done: {_surgeries(case)}."


def cement_done(case: Case, facts: Facts) -> str | None:
    cemented = [s for s in case.treatments.surgery if s.cement_augmentation or s.approach is Approach.PERCUTANEOUS]
    if cemented:
        return f"Done: {'; '.join(describe_surgery(s) for s in cemented)}."
    return None


def _approach_note(matching: set[Approach], different: str):
    def note(case: Case, facts: Facts) -> str | None:
        if not case.treatments.surgery:
            return None
        approaches = {s.approach for s in case.treatments.surgery}
        if approaches & matching:
            return f"Done: {_surgeries(case)}, consistent with this consideration."
        if approaches == {None}:
            return f"Done: {_surgeries(case)}; the approach is not recorded."
        return f"Done: {_surgeries(case)}, {different}."
    return note


approach_anterior = _approach_note({Approach.ANTERIOR, Approach.COMBINED}, "a different approach from this consideration")
approach_posterior = _approach_note({Approach.POSTERIOR, Approach.COMBINED}, "without posterior fixation")


def adjacent_cement(case: Case, facts: Facts) -> str | None:
    if not case.treatments.surgery:
        return None
    cemented = sorted({level for s in case.treatments.surgery for level in s.cement_augmentation})
    if not cemented:
        return f"Done: {_surgeries(case)}; no cement augmentation of the adjacent vertebrae is recorded."
    return f"Done: {_surgeries(case)}, consistent with this consideration."
