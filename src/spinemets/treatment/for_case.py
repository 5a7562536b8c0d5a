"""The `treatment` analysis section: the case's recorded radiotherapy and chemotherapy, computed.

Radiotherapy courses give BED/EQD2 and tolerance checks (a later course to an overlapping segment is
checked as re-irradiation); chemotherapy courses give doses (mg when height and weight are known); the BSA
block says what is missing when it cannot be computed. Unknown facts stay unknown and are named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..calculators.bsa import DEFAULT_CAP_POLICY, DEFAULT_FORMULA, all_bsa_m2
from ..errors import SpinemetsError
from ..knowledge.regimens import regimens
from ..units import DAYS_PER_MONTH
from .chemotherapy import ChemoPlan, custom_regimen, plan_from_regimen
from .radiotherapy import PriorCourse, rt_plan

if TYPE_CHECKING:
    from ..case import Case, ChemotherapyCourse, RadiotherapyCourse


def _bsa(case: "Case") -> dict[str, Any]:
    patient = case.patient
    missing = [name for name, value in (("patient.height_cm", patient.height_cm),
                                        ("patient.weight_kg", patient.weight_kg)) if value is None]
    if missing:
        return {"bsa_m2": None, "missing": missing,
                "note": f"{' and '.join(missing)} not known: chemotherapy doses stay per m2"}
    every = all_bsa_m2(patient.height_cm, patient.weight_kg)
    return {"bsa_m2": round(every[DEFAULT_FORMULA], 4), "formula": DEFAULT_FORMULA, "policy": DEFAULT_CAP_POLICY,
            "all_formulas_m2": {k: round(v, 4) for k, v in every.items()}}


def _overlaps(a: "RadiotherapyCourse", b: "RadiotherapyCourse") -> bool | None:
    if not a.levels or not b.levels:
        return None
    return bool(set(a.levels) & set(b.levels))


def _radiotherapy(case: "Case") -> list[dict[str, Any]]:
    out = []
    courses = case.treatments.radiotherapy
    for i, course in enumerate(courses):
        prior, notes = [], []
        for earlier in courses[:i]:
            overlap = _overlaps(earlier, course)
            if overlap is False:
                continue
            months = None
            if earlier.start_date and course.start_date:
                months = (course.start_date - earlier.start_date).days / DAYS_PER_MONTH
                notes.append("interval measured between the two courses' start dates")
            prior.append(PriorCourse(earlier.total_dose_gy, earlier.fractions, months))
            if overlap is None:
                notes.append("an earlier course's levels are not known: checked as re-irradiation of the same segment")
        plan = rt_plan(course.total_dose_gy, course.fractions, levels=course.levels,
                       technique=course.technique.value if course.technique else None,
                       start=course.start_date, prior_courses=prior).to_dict()
        plan["notes"] = notes + plan["notes"]
        if course.timing:
            plan["course"]["timing"] = course.timing
        out.append(plan)
    return out


def _chemo_options(case: "Case") -> dict[str, Any]:
    prior_chemo = case.primary.prior_chemotherapy
    return {"height_cm": case.patient.height_cm, "weight_kg": case.patient.weight_kg,
            "bilirubin_mg_dl": case.labs.bilirubin_mg_dl,
            # No chemotherapy before presentation means no prior anthracycline; otherwise the amount is unknown.
            "prior_anthracycline_mg_per_m2": 0.0 if prior_chemo is False else None}


def _chemotherapy_course(case: "Case", course: "ChemotherapyCourse") -> dict[str, Any]:
    table = regimens()
    key = (course.regimen or "").strip().lower()
    notes: list[str] = []
    if key in table:
        reg = table[key]
        recorded = course.dose_mg_per_m2
        if recorded is not None and len(reg.drugs) == 1 and abs(reg.drugs[0].dose - recorded) > 1e-9:
            notes.append(f"the case records {recorded:g} mg/m2 but regimen {key} has {reg.drugs[0].dose:g}; "
                         "the regimen table is used")
    elif course.dose_mg_per_m2 is not None and course.days and course.cycle_length_days and len(course.agents) == 1:
        reg = custom_regimen(course.agents[0], course.dose_mg_per_m2, course.days, course.cycle_length_days,
                             course.regimen or f"{course.agents[0]} as recorded")
        notes.append("regimen not in the table: computed from the dose, days and cycle length the case records")
    else:
        missing = [name for name, value in (("dose_mg_per_m2", course.dose_mg_per_m2), ("days", course.days),
                                            ("cycle_length_days", course.cycle_length_days)) if not value]
        if len(course.agents) != 1:
            missing.append("a single agent (or a regimen name from the table)")
        return {"regimen": course.regimen, "agents": list(course.agents), "computed": False,
                "missing": missing, "notes": [f"cannot compute doses: {', '.join(missing)} not known"]}
    cycles_known = course.cycles is not None
    plan: ChemoPlan = plan_from_regimen(reg, course.cycles if cycles_known else 1, start=course.start_date,
                                        **_chemo_options(case))
    data = plan.to_dict()
    if not cycles_known:
        data["cycles"] = None
        for drug in data["drugs"]:
            drug["cumulative"] = None
            drug.pop("cumulative_mg", None)
        data["anthracycline"] = []
        data["warnings"] = [w for w in data["warnings"] if "lifetime" not in w]
        notes.append("number of cycles not known: per-dose and per-cycle figures only; no cumulative dose")
    data["computed"] = True
    data["notes"] = notes + data["notes"]
    return data


def treatment_section(case: "Case") -> dict[str, Any]:
    """Everything the case's treatments allow computing; each missing fact named."""
    notes = []
    if not case.treatments.radiotherapy:
        notes.append("no radiotherapy course recorded")
    if not case.treatments.chemotherapy:
        notes.append("no chemotherapy course recorded")
    chemo = []
    for course in case.treatments.chemotherapy:
        try:
            chemo.append(_chemotherapy_course(case, course))
        except SpinemetsError as exc:  # a recorded value the calculators refuse: say which, keep the rest
            chemo.append({"regimen": course.regimen, "computed": False, "notes": [exc.render()]})
    return {"bsa": _bsa(case), "radiotherapy": _radiotherapy(case), "chemotherapy": chemo, "notes": notes}
