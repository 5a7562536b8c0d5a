"""A chemotherapy plan: mg per dose, per cycle and cumulative; lifetime anthracycline; hepatic band; calendar.

Numbers only, each with its source. Where the cumulative anthracycline dose reaches a published threshold
the plan says so (a warning), because that is part of the number asked for; it does not choose a regimen.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..calculators.bsa import CAP_POLICIES, DEFAULT_CAP_POLICY, DEFAULT_FORMULA, FORMULAS, all_bsa_m2, dosing_bsa_m2, \
    formula_key
from ..calculators.dosing import Dose, cumulative, per_cycle, scaled
from ..calculators._checks import positive, whole
from ..errors import InputError, Problem
from ..knowledge.regimens import Regimen, anthracyclines, hepatic_bands, regimen
from ._plan import Plan, rounded
from .calendar import cycle_day_dates



class ChemoPlan(Plan):
    """A chemotherapy plan (see Plan)."""


# --- hepatic band ------------------------------------------------------------------------------------------
def hepatic_fraction(agent: str, bilirubin_mg_dl: float | None, reading: str | None = None) -> dict[str, Any] | None:
    """The fraction of the dose given at this bilirubin (None when the agent has no published bands)."""
    bands = hepatic_bands().get(agent)
    if bands is None:
        return None
    reading = reading or bands.default_reading
    if reading not in bands.readings:
        raise InputError([Problem(field="hepatic_reading", value=reading, allowed=", ".join(bands.readings))])
    if bilirubin_mg_dl is None:
        return {"bilirubin_mg_dl": None, "fraction_given": None, "reading": reading, "source": bands.citation,
                "note": "bilirubin not known: the hepatic band cannot be applied (full dose shown)"}
    bilirubin = float(bilirubin_mg_dl)
    if bilirubin < 0:
        raise InputError([Problem(field="bilirubin_mg_dl", value=bilirubin_mg_dl, allowed="a number >= 0 mg/dL")])
    band = next(b for b in bands.bands if b.up_to_mg_dl is None or bilirubin <= b.up_to_mg_dl)
    alternative = {k: v for k, v in band.fraction_given.items() if k != reading}
    return {"bilirubin_mg_dl": bilirubin, "band": f">{band.above_mg_dl:g}" + (f" to {band.up_to_mg_dl:g}" if band.up_to_mg_dl else "")
            + " mg/dL", "label_figure": band.label_figure, "reading": reading,
            "fraction_given": band.fraction_given[reading], "alternative_readings": alternative,
            "source": bands.citation}


# --- anthracycline -----------------------------------------------------------------------------------------
def _bracket(table: dict[float, Any], dose: float) -> dict[str, Any]:
    """The published rows at or around a cumulative dose; no interpolation between rows."""
    keys = sorted(table)
    if dose in table:
        return {"at_mg_per_m2": dose, "value": table[dose]}
    below = [k for k in keys if k < dose]
    above = [k for k in keys if k > dose]
    return {"at_mg_per_m2": None,
            "below": {"mg_per_m2": below[-1], "value": table[below[-1]]} if below else None,
            "above": {"mg_per_m2": above[0], "value": table[above[0]]} if above else None}


def anthracycline_summary(agent: str, course_mg_per_m2_by_cycle: list[float], prior_mg_per_m2: float | None,
                          cardiac_exposure: bool | None) -> tuple[dict[str, Any], list[str], list[str]]:
    """Lifetime dose, the published cardiac risk at it, and warnings where a published limit is reached."""
    data = anthracyclines()[agent]
    warnings: list[str] = []
    notes: list[str] = []
    prior = 0.0 if prior_mg_per_m2 is None else float(prior_mg_per_m2)
    if prior_mg_per_m2 is None:
        notes.append(f"prior {agent} exposure not known: the lifetime dose counts this course only")
    elif prior < 0:
        raise InputError([Problem(field="prior_anthracycline_mg_per_m2", value=prior_mg_per_m2, allowed=">= 0")])
    running, by_cycle = prior, []
    for dose in course_mg_per_m2_by_cycle:
        running += dose
        by_cycle.append(round(running, 2))
    lifetime = running
    limit = float(data["lifetime_limit_mg_per_m2"])
    reduced = float(data["lifetime_limit_with_cardiac_exposure_mg_per_m2"])
    applicable = reduced if cardiac_exposure else limit
    monitoring = float(data["monitoring_threshold_mg_per_m2"])

    def first_cycle_reaching(threshold: float) -> int | None:
        return next((i + 1 for i, v in enumerate(by_cycle) if v >= threshold), None)

    if lifetime >= applicable:
        warnings.append(f"lifetime {agent} {lifetime:g} mg/m2 reaches the label limit of {applicable:g} mg/m2"
                        + (" (with other cardiotoxic exposure)" if cardiac_exposure else "")
                        + f" at cycle {first_cycle_reaching(applicable)}")
    elif cardiac_exposure is None and lifetime >= reduced:
        warnings.append(f"lifetime {agent} {lifetime:g} mg/m2 reaches {reduced:g} mg/m2, the label limit when there "
                        "is other cardiotoxic exposure (cyclophosphamide, irradiation of the cardiac region); "
                        "whether there is such exposure is not known")
    if lifetime > monitoring:
        warnings.append(f"lifetime {agent} above {monitoring:g} mg/m2 (from cycle {first_cycle_reaching(monitoring + 1e-9)}): "
                        "the label asks for more frequent LVEF assessment above this dose")
    label = data["label_risk_percent"]
    swain = data["swain_chf_percent"]
    summary = {
        "agent": agent, "prior_mg_per_m2": prior_mg_per_m2, "this_course_mg_per_m2": round(sum(course_mg_per_m2_by_cycle), 2),
        "lifetime_mg_per_m2": round(lifetime, 2), "lifetime_after_each_cycle_mg_per_m2": by_cycle,
        "label_cardiomyopathy_risk_percent": {**_bracket(label["by_cumulative_mg_per_m2"], lifetime),
                                              "schedule": "every 3 weeks", "source": label["citation"]},
        "swain_chf_percent": {**_bracket(swain["by_cumulative_mg_per_m2"], lifetime), "source": swain["citation"]},
        "limit_mg_per_m2": applicable, "limit_without_other_exposure_mg_per_m2": limit,
        "limit_with_other_cardiotoxic_exposure_mg_per_m2": reduced, "other_cardiotoxic_exposure": cardiac_exposure,
        "limit_sources": data["limit_citations"],
    }
    return summary, warnings, notes


# --- the plan ----------------------------------------------------------------------------------------------
def chemo_plan(regimen_name: str, *, cycles: int, height_cm: float | None = None, weight_kg: float | None = None,
               bsa_formula: str = DEFAULT_FORMULA, bsa_policy: str = DEFAULT_CAP_POLICY, start: dt.date | None = None,
               bilirubin_mg_dl: float | None = None, hepatic_reading: str | None = None,
               prior_anthracycline_mg_per_m2: float | None = None,
               cardiac_exposure: bool | None = None) -> ChemoPlan:
    """Doses of a named regimen for one patient; without height and weight, the doses stay per m2."""
    reg = regimen(regimen_name)
    n_cycles = whole(cycles, "cycles", lower=1, upper=100)
    return _plan(reg, n_cycles, height_cm, weight_kg, bsa_formula, bsa_policy, start, bilirubin_mg_dl,
                 hepatic_reading, prior_anthracycline_mg_per_m2, cardiac_exposure)


def _plan(reg: Regimen, cycles: int, height_cm: float | None, weight_kg: float | None, bsa_formula: str,
          bsa_policy: str, start: dt.date | None, bilirubin_mg_dl: float | None, hepatic_reading: str | None,
          prior_anthracycline_mg_per_m2: float | None, cardiac_exposure: bool | None) -> ChemoPlan:
    notes: list[str] = []
    warnings: list[str] = []
    bsa_block: dict[str, Any]
    bsa_used: float | None = None
    if height_cm is not None and weight_kg is not None:
        bsa_formula = formula_key(bsa_formula)
        every = all_bsa_m2(height_cm, weight_kg)
        raw = every[bsa_formula]
        bsa_used, capped = dosing_bsa_m2(raw, bsa_policy)
        bsa_block = {"formula": bsa_formula, "formula_citation": FORMULAS[bsa_formula].citation,
                     "bsa_m2": rounded(raw, 4), "policy": bsa_policy, "policy_citation": CAP_POLICIES[bsa_policy].citation,
                     "bsa_used_m2": rounded(bsa_used, 4), "capped": capped, "height_cm": height_cm, "weight_kg": weight_kg,
                     "all_formulas_m2": {k: rounded(v, 4) for k, v in every.items()}}
        if capped:
            notes.append(f"BSA capped at {bsa_used:g} m2 by policy '{bsa_policy}' (ASCO 2012 recommends full "
                         "weight-based dosing; choose policy 'actual' for it)")
    else:
        missing = [name for name, value in (("height_cm", height_cm), ("weight_kg", weight_kg)) if value is None]
        bsa_block = {"formula": bsa_formula, "bsa_m2": None, "missing": missing}
        notes.append(f"{' and '.join(missing)} not known: doses are given per m2 (or per kg), not in mg")

    drugs_out = []
    anthracycline_cycles: dict[str, list[float]] = {}
    for drug in reg.drugs:
        dose = Dose(drug.dose, drug.unit)
        hepatic = hepatic_fraction(drug.agent, bilirubin_mg_dl, hepatic_reading)
        fraction = 1.0 if not hepatic or hepatic.get("fraction_given") is None else hepatic["fraction_given"]
        given = scaled(dose, fraction)
        if hepatic and hepatic.get("fraction_given") is not None and fraction < 1:
            warnings.append(f"{drug.agent}: bilirubin {hepatic['bilirubin_mg_dl']:g} mg/dL is in the label band "
                            f"{hepatic['band']} ('{hepatic['label_figure']}'); read as giving {fraction:.0%} of the "
                            f"dose ({hepatic['reading']} reading; alternative: {hepatic['alternative_readings']})")
        elif hepatic and hepatic.get("note"):
            notes.append(f"{drug.agent}: {hepatic['note']}")
        entry: dict[str, Any] = {"agent": drug.agent, "route": drug.route, "days": list(drug.days),
                                 "dose_per_administration": {"value": drug.dose, "unit": drug.unit}, "hepatic": hepatic}
        if given is None:
            entry.update({"given": False, "per_cycle": None, "cumulative": None})
        else:
            cycle_dose = per_cycle(given, len(drug.days))
            total = cumulative(cycle_dose, cycles)
            entry.update({"given": True, "fraction_of_dose_given": fraction,
                          "per_administration": {"value": rounded(given.value), "unit": given.unit},
                          "per_cycle": {"value": rounded(cycle_dose.value), "unit": cycle_dose.unit},
                          "cumulative": {"value": rounded(total.value), "unit": total.unit}})
            if drug.unit == "mg" or (drug.unit == "mg/m2" and bsa_used is not None) or \
                    (drug.unit == "mg/kg" and weight_kg is not None):
                per_admin_mg = given.to_mg(bsa_m2=bsa_used, weight_kg=weight_kg)
                entry.update({"per_administration_mg": rounded(per_admin_mg), "per_cycle_mg": rounded(per_admin_mg * len(drug.days)),
                              "cumulative_mg": rounded(per_admin_mg * len(drug.days) * cycles)})
            if drug.agent in anthracyclines() and drug.unit == "mg/m2":
                previous = anthracycline_cycles.get(drug.agent, [0.0] * cycles)
                anthracycline_cycles[drug.agent] = [a + cycle_dose.value for a in previous]
        drugs_out.append(entry)

    anthracycline_out = []
    for agent, by_cycle in anthracycline_cycles.items():
        summary, warn, note = anthracycline_summary(agent, by_cycle, prior_anthracycline_mg_per_m2, cardiac_exposure)
        anthracycline_out.append(summary)
        warnings.extend(warn)
        notes.extend(note)

    if reg.max_cycles is not None and cycles > reg.max_cycles:
        notes.append(f"{cycles} cycles is more than the {reg.max_cycles} of the source regimen")
    calendar = None
    if start is not None:
        days_by_agent: dict[int, list[str]] = {}
        for drug in reg.drugs:
            for d in drug.days:
                days_by_agent.setdefault(d, []).append(drug.agent)
        calendar = [{"cycle": i + 1, "administrations": [{"day": d, "date": day.isoformat(), "agents": days_by_agent[d]}
                                                          for d, day in cycle]}
                    for i, cycle in enumerate(cycle_day_dates(start, reg.cycle_length_days, cycles, list(days_by_agent)))]
        last_cycle_end = start + dt.timedelta(days=cycles * reg.cycle_length_days - 1)
        notes.append(f"calendar from {start.isoformat()}; cycle {cycles} ends {last_cycle_end.isoformat()} "
                     "(delays for blood counts or toxicity are not modelled)")
    data = {"regimen": {"key": reg.key, "label": reg.label, "cycle_length_days": reg.cycle_length_days,
                        "max_cycles": reg.max_cycles, "source": reg.citation, "evidence": reg.evidence},
            "cycles": cycles, "bsa": bsa_block, "drugs": drugs_out, "anthracycline": anthracycline_out,
            "calendar": calendar}
    return ChemoPlan(data, warnings, notes)


def custom_regimen(agent: str, dose_mg_per_m2: float, days: list[int], cycle_length_days: int, label: str) -> Regimen:
    """A regimen as a case records it (agent, dose per m2, days, cycle length), for courses not in the table."""
    from ..knowledge.regimens import DrugDose

    positive(dose_mg_per_m2, "dose_mg_per_m2", "mg/m2", upper=20000)
    length = whole(cycle_length_days, "cycle_length_days", lower=1, upper=365)
    if not days or any(not 1 <= d <= length for d in days):
        raise InputError([Problem(field="days", value=days, allowed=f"days 1..{length} of the cycle")])
    return Regimen(key="as-recorded", label=label, cycle_length_days=length,
                   drugs=(DrugDose(agent.lower(), float(dose_mg_per_m2), "mg/m2", tuple(days)),),
                   source="case", citation="as recorded in the case", evidence="the case's own record")


def plan_from_regimen(reg: Regimen, cycles: int, **options: Any) -> ChemoPlan:
    return _plan(reg, whole(cycles, "cycles", lower=1, upper=100), options.get("height_cm"), options.get("weight_kg"),
                 options.get("bsa_formula", DEFAULT_FORMULA), options.get("bsa_policy", DEFAULT_CAP_POLICY),
                 options.get("start"), options.get("bilirubin_mg_dl"), options.get("hepatic_reading"),
                 options.get("prior_anthracycline_mg_per_m2"), options.get("cardiac_exposure"))
