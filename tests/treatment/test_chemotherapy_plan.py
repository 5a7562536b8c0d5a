"""Chemotherapy plans: the seed regimen, the label's anthracycline risk and limits, hepatic bands, calendars."""

import datetime as dt

import pytest

from spinemets.errors import InputError, UnknownNameError
from spinemets.treatment.chemotherapy import chemo_plan


def test_seed_regimen_six_cycles():
    # Sun 2014: adriamycin 25 mg/m2 days 1-3 every 28 days, six courses: 75 mg/m2 per cycle, 450 cumulative.
    plan = chemo_plan("doxorubicin-25x3-q28", cycles=6, height_cm=170, weight_kg=70).to_dict()
    drug = plan["drugs"][0]
    assert drug["per_cycle"] == {"value": 75.0, "unit": "mg/m2"}
    assert drug["cumulative"] == {"value": 450.0, "unit": "mg/m2"}
    # clinical_kb C5 worked table: Mosteller 1.8181 m2 -> 45.5 mg per day, 136.4 mg per cycle
    assert drug["per_administration_mg"] == pytest.approx(45.45, abs=0.01)
    assert drug["per_cycle_mg"] == pytest.approx(136.36, abs=0.01)
    anthra = plan["anthracycline"][0]
    assert anthra["lifetime_mg_per_m2"] == 450.0
    assert anthra["label_cardiomyopathy_risk_percent"]["value"] == [5, 8]  # label: 5-8% at 450 mg/m2


def test_75_q21_six_cycles_is_also_450():
    plan = chemo_plan("doxorubicin-75-q21", cycles=6).to_dict()
    assert plan["anthracycline"][0]["lifetime_mg_per_m2"] == 450.0
    assert plan["drugs"][0].get("per_administration_mg") is None  # no height/weight: stays per m2
    assert any("not known" in n for n in plan["notes"])


def test_lifetime_limit_warning_names_the_cycle():
    plan = chemo_plan("doxorubicin-75-q21", cycles=6, prior_anthracycline_mg_per_m2=150, cardiac_exposure=False).to_dict()
    assert plan["anthracycline"][0]["lifetime_mg_per_m2"] == 600.0
    assert any("550" in w and "cycle 6" in w for w in plan["warnings"])
    assert plan["anthracycline"][0]["swain_chf_percent"]["below"]["value"] == 26  # Swain 2003: 26% at 550


def test_lower_limit_with_cardiac_exposure():
    plan = chemo_plan("doxorubicin-75-q21", cycles=6, cardiac_exposure=True).to_dict()
    assert plan["anthracycline"][0]["limit_mg_per_m2"] == 400
    assert any("400" in w and "cycle 6" in w for w in plan["warnings"])


def test_below_thresholds_no_warning():
    plan = chemo_plan("doxorubicin-75-q21", cycles=3, prior_anthracycline_mg_per_m2=0, cardiac_exposure=False).to_dict()
    assert plan["warnings"] == []


@pytest.mark.parametrize("bilirubin,reading,fraction", [
    (1.0, None, 1.0), (2.0, None, 0.5), (4.0, None, 0.25), (4.0, "dose_given", 0.75), (6.0, None, None)])
def test_hepatic_bands(bilirubin, reading, fraction):
    plan = chemo_plan("doxorubicin-75-q21", cycles=1, bilirubin_mg_dl=bilirubin, hepatic_reading=reading).to_dict()
    drug = plan["drugs"][0]
    if fraction is None:
        assert drug["given"] is False  # label: bilirubin > 5 mg/dL, do not initiate
    else:
        assert drug["per_administration"]["value"] == pytest.approx(75 * fraction)


def test_cap_policy_changes_mg_only_when_chosen():
    full = chemo_plan("doxorubicin-75-q21", cycles=1, height_cm=180, weight_kg=120).to_dict()
    capped = chemo_plan("doxorubicin-75-q21", cycles=1, height_cm=180, weight_kg=120, bsa_policy="cap-2.0").to_dict()
    assert full["drugs"][0]["per_administration_mg"] == pytest.approx(75 * 2.4495, abs=0.05)  # clinical_kb C5
    assert capped["drugs"][0]["per_administration_mg"] == 150.0
    assert capped["bsa"]["capped"] is True


def test_flat_dose_regimen_ignores_bsa():
    plan = chemo_plan("pazopanib", cycles=1, height_cm=170, weight_kg=70).to_dict()
    assert plan["drugs"][0]["per_administration_mg"] == 800
    assert plan["anthracycline"] == []


def test_combination_regimen():
    plan = chemo_plan("gemcitabine-docetaxel", cycles=2, height_cm=170, weight_kg=70).to_dict()
    by_agent = {d["agent"]: d for d in plan["drugs"]}
    assert by_agent["gemcitabine"]["per_cycle"]["value"] == 1800  # 900 mg/m2 on days 1 and 8
    assert by_agent["docetaxel"]["cumulative"]["value"] == 200


def test_calendar():
    plan = chemo_plan("doxorubicin-25x3-q28", cycles=6, start=dt.date(2026, 1, 5)).to_dict()
    assert [c["administrations"][0]["date"] for c in plan["calendar"]][:2] == ["2026-01-05", "2026-02-02"]
    assert [a["date"] for a in plan["calendar"][0]["administrations"]] == ["2026-01-05", "2026-01-06", "2026-01-07"]


def test_bad_input():
    with pytest.raises(UnknownNameError) as info:
        chemo_plan("doxorubicn", cycles=6)
    assert info.value.suggestions
    with pytest.raises(InputError):
        chemo_plan("doxorubicin-75-q21", cycles=0)
    with pytest.raises(InputError):
        chemo_plan("doxorubicin-75-q21", cycles=6, height_cm=500, weight_kg=70)
