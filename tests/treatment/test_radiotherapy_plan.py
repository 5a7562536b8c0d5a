"""Radiotherapy plans: the seed course, tolerance checks against the published limits, re-irradiation, calendar."""

import datetime as dt

import pytest

from spinemets.errors import InputError
from spinemets.treatment.radiotherapy import PriorCourse, rt_plan


def _tissue(plan, key):
    return next(t for t in plan["tissues"] if t["tissue"] == key)


def _checks(plan, structure):
    return [c for c in plan["tolerance_checks"] if c["structure"] == structure]


def test_seed_course_bed_eqd2_and_scheme():
    # Sun 2014: 50 Gy in 25 fractions over five weeks, post-operative, cervical spine.
    plan = rt_plan(50, 25, levels=["C6"]).to_dict()
    assert _tissue(plan, "tumour")["bed_gy"] == 60.0
    assert _tissue(plan, "spinal_cord")["eqd2_gy"] == 50.0
    assert plan["matched_scheme"]["name"] == "50Gy/25"
    assert plan["course"]["dose_per_fraction_gy"] == 2.0


def test_seed_course_within_cord_and_plexus_limits():
    plan = rt_plan(50, 25, levels=["C6"]).to_dict()
    structures = {c["structure"] for c in plan["tolerance_checks"]}
    assert structures == {"spinal_cord", "brachial_plexus"}  # C6: cord and plexus roots, no cauda
    cord54 = next(c for c in _checks(plan, "spinal_cord") if c.get("limit_eqd2_gy") == 54)
    # QUANTEC: 54 Gy in 2-Gy fractions (<1% myelopathy) is 52.62 Gy in 25 fractions at alpha/beta 2.
    assert cord54["max_point_dose_gy_in_this_course"] == pytest.approx(52.62, abs=0.01)
    assert all(c["prescription_within"] for c in plan["tolerance_checks"])
    assert plan["warnings"] == []


def test_conventional_overdose_warns():
    plan = rt_plan(66, 33, levels=["T6"]).to_dict()  # EQD2 66 Gy to the cord if it sat in the field
    assert any("spinal cord" in w for w in plan["warnings"])


def test_sbrt_uses_the_sahgal_table_not_conventional_limits():
    plan = rt_plan(24, 2, levels=["T8"]).to_dict()
    cord = _checks(plan, "spinal_cord")
    assert len(cord) == 1 and cord[0]["max_point_dose_gy_in_this_course"] == 17.0  # Sahgal 2013, 2 fractions
    assert plan["warnings"] == []  # in SBRT the cord is outside the target: a constraint, noted
    assert any("17 Gy" in n for n in plan["notes"])


def test_lumbar_course_checks_cauda_not_cord():
    plan = rt_plan(8, 1, levels=["L3"]).to_dict()
    assert {c["structure"] for c in plan["tolerance_checks"]} == {"cauda_equina"}
    assert plan["tolerance_checks"][0]["max_point_dose_gy_in_this_course"] == 16  # TG-101, 1 fraction


def test_reirradiation_conditions_hytec():
    # 30 Gy/10 earlier (cord EQD2 37.5 Gy, alpha/beta 2), then SBRT 24 Gy/2 to the same segment 6 months later.
    plan = rt_plan(24, 2, levels=["T8"], prior_courses=[PriorCourse(30, 10, 6)]).to_dict()
    re = plan["reirradiation"]
    assert re["prior_cord_eqd2_gy"] == 37.5
    met = {c["condition"].split(" <=")[0].split(" >=")[0]: c["met"] for c in re["checks"]}
    assert met["cumulative cord EQD2"] is False and met["interval"] is True
    # the highest cord point dose keeping cumulative <= 70, re-irradiation <= 25 and ratio <= 0.5
    assert re["max_cord_point_dose_gy_in_this_course"] == pytest.approx(12.28, abs=0.01)


def test_reirradiation_interval_unknown_is_not_assumed():
    plan = rt_plan(20, 5, levels=["T8"], prior_courses=[PriorCourse(20, 5, None)]).to_dict()
    interval = next(c for c in plan["reirradiation"]["checks"] if "interval" in c["condition"])
    assert interval["met"] is None


def test_calendar_skips_weekends():
    plan = rt_plan(50, 25, start=dt.date(2026, 3, 2)).to_dict()  # a Monday
    dates = [dt.date.fromisoformat(d) for d in plan["calendar"]["dates"]]
    assert len(dates) == 25 and all(d.weekday() < 5 for d in dates)
    assert plan["calendar"]["last"] == "2026-04-03"  # five weeks, as the seed reports
    saturday = rt_plan(8, 1, start=dt.date(2026, 3, 7)).to_dict()
    assert saturday["calendar"]["first"] == "2026-03-09"


def test_user_alpha_beta():
    plan = rt_plan(24, 2, alpha_beta_gy=3).to_dict()
    assert _tissue(plan, "tumour")["eqd2_gy"] == pytest.approx(24 * (12 + 3) / (2 + 3))


@pytest.mark.parametrize("dose,fractions", [(-50, 25), (50, 0), (5000, 25)])
def test_bad_courses(dose, fractions):
    with pytest.raises(InputError):
        rt_plan(dose, fractions)
