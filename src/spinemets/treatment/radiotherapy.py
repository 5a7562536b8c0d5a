"""A radiotherapy course: BED/EQD2 per tissue, checks against published tolerances, re-irradiation, calendar.

Without a treatment plan's dose-volume histogram, spinemets cannot know what dose a structure receives.
Each check therefore gives the number that matters for the course as prescribed: the highest point dose
the structure may receive in this number of fractions under the published limit, and whether the
prescription itself stays under it (the worst case: the structure inside the target at full dose).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from ..anatomy import Vertebra, parse_level
from ..calculators.radiobiology import bed_gy, dose_per_fraction_gy, eqd2_gy, total_dose_for_eqd2_gy
from ..calculators._checks import positive
from ..errors import InputError, Problem
from ..knowledge.radiobiology import Structure, alpha_beta, alpha_betas, reirradiation, schemes, structures
from ._plan import Plan, rounded
from .calendar import HOLIDAY_NOTE, fraction_dates

ASSUMPTION = ("no dose-volume histogram: each structure is checked as if it received the full prescription "
              "(point maximum = prescription), and the highest point dose it may receive is given")



@dataclass(frozen=True)
class PriorCourse:
    """An earlier course to the same segment, for re-irradiation."""

    total_dose_gy: float
    fractions: int
    months_before: float | None = None  # interval from the end of that course to the new one
    cord_max_dose_gy: float | None = None  # the cord's point maximum in that course, when the plan gives it


class RtPlan(Plan):
    """A radiotherapy plan (see Plan)."""


def _levels(levels: Iterable[Vertebra | str] | None) -> list[Vertebra]:
    return sorted(level if isinstance(level, Vertebra) else parse_level(str(level)) for level in (levels or []))


def _structures_for(levels: list[Vertebra]) -> list[Structure]:
    table = structures()
    if not levels:
        return list(table.values())
    chosen = []
    for structure in table.values():
        low, high = parse_level(structure.level_from), parse_level(structure.level_to)
        if any(low <= level <= high for level in levels):
            chosen.append(structure)
    return chosen


def _check(structure: Structure, total_dose_gy: float, fractions: int) -> list[dict[str, Any]]:
    ab = structure.alpha_beta.value_gy
    course_eqd2 = eqd2_gy(total_dose_gy, fractions, ab)
    out = []
    for limit in structure.limits:
        if fractions < limit.min_fractions:
            continue  # a conventional-fractionation limit says nothing about a 1-5 fraction course
        row: dict[str, Any] = {"structure": structure.key, "label": structure.label, "setting": limit.setting,
                               "risk": limit.risk, "source": limit.citation, "evidence": limit.evidence,
                               "alpha_beta_gy": ab}
        if limit.kind == "eqd2_max_gy":
            allowed = total_dose_for_eqd2_gy(limit.value_gy, fractions, ab)
            row.update({"limit": f"EQD2 <= {limit.value_gy:g} Gy (alpha/beta {ab:g})", "limit_eqd2_gy": limit.value_gy,
                        "prescription_eqd2_gy": rounded(course_eqd2),
                        "max_point_dose_gy_in_this_course": rounded(allowed),
                        "prescription_within": total_dose_gy <= allowed + 1e-9})
        else:
            table = limit.values_by_fractions_gy or {}
            if fractions not in table:
                row.update({"limit": f"point maximum by fractions {table}", "applicable": False,
                            "reason": f"no published value for {fractions} fraction(s) in this table"})
                if fractions > max(table, default=0):
                    continue  # an SBRT table says nothing about a conventional course
            else:
                allowed = table[fractions]
                row.update({"limit": f"point maximum <= {allowed:g} Gy in {fractions} fraction(s)",
                            "max_point_dose_gy_in_this_course": allowed,
                            "prescription_within": total_dose_gy <= allowed + 1e-9})
        out.append(row)
    return out


def _reirradiation(total_dose_gy: float, fractions: int, prior: list[PriorCourse]) -> dict[str, Any]:
    rule = reirradiation()
    ab = rule.alpha_beta.value_gy
    prior_eqd2 = 0.0
    assumed_full = False
    for course in prior:
        positive(course.total_dose_gy, "prior total_dose_gy", "Gy", upper=200)
        cord = course.cord_max_dose_gy
        if cord is None:
            cord, assumed_full = course.total_dose_gy, True
        prior_eqd2 += eqd2_gy(cord, course.fractions, ab)
    new_eqd2 = eqd2_gy(total_dose_gy, fractions, ab)
    cumulative = prior_eqd2 + new_eqd2
    intervals = [c.months_before for c in prior]
    shortest = None if any(i is None for i in intervals) else min(intervals)  # type: ignore[type-var]
    # Highest cord point dose in this course that keeps all three dose conditions.
    budget_eqd2 = min(rule.reirradiation_eqd2_max_gy, rule.cumulative_eqd2_max_gy - prior_eqd2,
                      prior_eqd2 * rule.reirradiation_fraction_of_cumulative_max
                      / (1 - rule.reirradiation_fraction_of_cumulative_max))
    allowed = total_dose_for_eqd2_gy(budget_eqd2, fractions, ab) if budget_eqd2 > 0 else 0.0
    checks = [
        {"condition": f"cumulative cord EQD2 <= {rule.cumulative_eqd2_max_gy:g} Gy", "value_gy": rounded(cumulative),
         "met": cumulative <= rule.cumulative_eqd2_max_gy},
        {"condition": f"re-irradiation cord EQD2 <= {rule.reirradiation_eqd2_max_gy:g} Gy", "value_gy": rounded(new_eqd2),
         "met": new_eqd2 <= rule.reirradiation_eqd2_max_gy},
        {"condition": f"re-irradiation / cumulative EQD2 <= {rule.reirradiation_fraction_of_cumulative_max:g}",
         "value": rounded(new_eqd2 / cumulative, 3), "met": new_eqd2 / cumulative <= rule.reirradiation_fraction_of_cumulative_max},
        {"condition": f"interval >= {rule.minimum_interval_months:g} months", "value_months": shortest,
         "met": None if shortest is None else shortest >= rule.minimum_interval_months},
    ]
    return {"alpha_beta_gy": ab, "prior_cord_eqd2_gy": rounded(prior_eqd2), "this_course_cord_eqd2_gy": rounded(new_eqd2),
            "checks": checks, "max_cord_point_dose_gy_in_this_course": rounded(allowed),
            "prior_cord_dose_assumed_equal_to_prescription": assumed_full,
            "setting": "SBRT re-irradiation after conventional radiotherapy (thecal sac point maximum)",
            "sources": list(rule.citations)}


def rt_plan(total_dose_gy: float, fractions: int, *, alpha_beta_gy: float | None = None,
            levels: Iterable[Vertebra | str] | None = None, technique: str | None = None,
            start: dt.date | None = None, prior_courses: Iterable[PriorCourse] = ()) -> RtPlan:
    """BED/EQD2 of a course for the tumour and every tissue in the data, tolerance checks, calendar."""
    dose_per_fraction = dose_per_fraction_gy(total_dose_gy, fractions)  # validates dose and fractions
    notes: list[str] = [ASSUMPTION]
    warnings: list[str] = []
    tumour = alpha_beta("tumour")
    if alpha_beta_gy is None:
        tumour_ab, tumour_note = tumour.value_gy, f"default tumour alpha/beta ({tumour.citation})"
        notes.append(f"tumour alpha/beta {tumour.value_gy:g} Gy by default; {tumour.note}")
    else:
        tumour_ab = positive(alpha_beta_gy, "alpha_beta_gy", "Gy", upper=100)
        tumour_note = "given by the user"
    tissues = [{"tissue": "tumour", "label": "tumour", "alpha_beta_gy": tumour_ab, "basis": tumour_note,
                "bed_gy": rounded(bed_gy(total_dose_gy, fractions, tumour_ab)),
                "eqd2_gy": rounded(eqd2_gy(total_dose_gy, fractions, tumour_ab))}]
    for key, ab in alpha_betas().items():
        if key == "tumour":
            continue
        tissues.append({"tissue": key, "label": ab.label, "alpha_beta_gy": ab.value_gy, "basis": ab.citation,
                        "bed_gy": rounded(bed_gy(total_dose_gy, fractions, ab.value_gy)),
                        "eqd2_gy": rounded(eqd2_gy(total_dose_gy, fractions, ab.value_gy))})

    level_list = _levels(levels)
    if not level_list:
        notes.append("treated levels not known: every structure in the tolerance table is checked")
    checks = [row for structure in _structures_for(level_list) for row in _check(structure, total_dose_gy, fractions)]
    # A conventional field usually contains the cord or plexus at full dose, so a prescription above the limit
    # is worth a warning; in SBRT the structures sit outside the target and the limit is a planning constraint.
    for row in checks:
        if row.get("prescription_within") is False and fractions > 5:
            warnings.append(f"{row['label']}: the prescription ({total_dose_gy:g} Gy in {fractions}) exceeds {row['limit']} "
                            f"({row['setting']}); the {row['label']} point maximum must stay at or below "
                            f"{row['max_point_dose_gy_in_this_course']:g} Gy in this course")
        elif row.get("prescription_within") is False:
            notes.append(f"{row['label']}: point maximum at most {row['max_point_dose_gy_in_this_course']:g} Gy in "
                         f"{fractions} fraction(s) ({row['setting']}; {row['risk'] or 'see source'})")

    prior = list(prior_courses)
    reirr = _reirradiation(total_dose_gy, fractions, prior) if prior else None
    if reirr:
        for check in reirr["checks"]:
            if check["met"] is False:
                warnings.append(f"re-irradiation: {check['condition']} not met")
            elif check["met"] is None:
                notes.append(f"re-irradiation: {check['condition']} cannot be checked (interval not known)")

    scheme = next((s for s in schemes() if abs(s.total_dose_gy - total_dose_gy) < 1e-9 and s.fractions == fractions),
                  None)
    calendar = None
    if start is not None:
        dates = fraction_dates(start, fractions)
        calendar = {"first": dates[0].isoformat(), "last": dates[-1].isoformat(),
                    "overall_days": (dates[-1] - dates[0]).days + 1, "dates": [d.isoformat() for d in dates],
                    "note": HOLIDAY_NOTE}
        if dates[0] != start:
            notes.append(f"start {start.isoformat()} is a weekend day; the first fraction is {dates[0].isoformat()}")
    data = {"course": {"total_dose_gy": total_dose_gy, "fractions": fractions,
                       "dose_per_fraction_gy": rounded(dose_per_fraction, 3), "technique": technique,
                       "levels": [level.name for level in level_list]},
            "matched_scheme": None if scheme is None else {"name": scheme.name, "setting": scheme.setting,
                                                           "technique": scheme.technique, "source": scheme.citation,
                                                           "evidence": scheme.evidence},
            "tissues": tissues, "tolerance_checks": checks, "reirradiation": reirr, "calendar": calendar,
            "formulas": {"bed": "n d (1 + d / (alpha/beta))", "eqd2": "BED / (1 + 2 / (alpha/beta))"}}
    return RtPlan(data, warnings, notes)


def prior_course(total_dose_gy: float | None, fractions: int | None, months_before: float | None) -> list[PriorCourse]:
    """The CLI's --prior-dose/--prior-fractions pair as a list (empty when neither is given)."""
    if total_dose_gy is None and fractions is None:
        return []
    if total_dose_gy is None or fractions is None:
        raise InputError([Problem(field="prior course", value={"dose": total_dose_gy, "fractions": fractions},
                                  allowed="both the prior dose (Gy) and its number of fractions")])
    return [PriorCourse(total_dose_gy, fractions, months_before)]
