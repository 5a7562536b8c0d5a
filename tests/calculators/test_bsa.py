"""Body-surface area: each formula against a published or hand-worked example, the cap policy, bad input."""

import math

import pytest

from spinemets.calculators.bsa import CAP_POLICIES, FORMULAS, all_bsa_m2, bsa_m2, dosing_bsa_m2
from spinemets.errors import InputError, UnknownNameError


def test_mosteller_by_hand():
    # Mosteller NEJM 1987: sqrt(cm x kg / 3600). 170 x 70 = 11900; / 3600 = 3.3056; sqrt = 1.8181 m2
    # (the hand calculation written out in clinical_kb C5).
    assert bsa_m2(170, 70, "mosteller") == pytest.approx(1.8181, abs=5e-5)


def test_mosteller_metric_and_imperial_forms_agree():
    # Mosteller gave an inch/pound form with the constant 3131; both must describe the same person. The exact
    # conversion would be 3600 / (2.54 x 0.45359237) = 3124.6, so the published constant differs by ~0.2%.
    height_in, weight_lb = 70.0, 160.0
    imperial = math.sqrt(height_in * weight_lb / 3131)
    assert bsa_m2(height_in * 2.54, weight_lb * 0.45359237) == pytest.approx(imperial, rel=3e-3)


def test_dubois_child_example_from_hp46_applications():
    # HP-46 Sample Applications (Medicine, p. 66), DuBois log form: 4 kg, 35 cm -> 0.170 m2.
    assert bsa_m2(35, 4, "dubois") == pytest.approx(0.170, abs=0.0015)


# 170 cm / 70 kg and 180 cm / 120 kg, every formula (clinical_kb C5 worked table, 4 decimals).
@pytest.mark.parametrize("height,weight,expected", [
    (170, 70, {"mosteller": 1.8181, "dubois": 1.8097, "haycock": 1.8257, "gehan-george": 1.8313, "boyd": 1.8347}),
    (180, 120, {"mosteller": 2.4495, "dubois": 2.3719, "haycock": 2.4955, "gehan-george": 2.4757, "boyd": 2.4995}),
])
def test_every_formula_against_the_worked_table(height, weight, expected):
    got = all_bsa_m2(height, weight)
    assert set(got) == set(FORMULAS)
    for name, value in expected.items():
        assert got[name] == pytest.approx(value, abs=6e-4), name


def test_bsa_grows_with_weight_and_height():
    for name in FORMULAS:
        assert bsa_m2(170, 80, name) > bsa_m2(170, 70, name)
        assert bsa_m2(180, 70, name) > bsa_m2(170, 70, name)


def test_cap_policy_is_explicit():
    assert dosing_bsa_m2(2.4495, "actual") == (2.4495, False)  # ASCO 2012: full weight-based dosing
    assert dosing_bsa_m2(2.4495, "cap-2.0") == (2.0, True)
    assert dosing_bsa_m2(1.8, "cap-2.0") == (1.8, False)
    assert CAP_POLICIES["cap-2.0"].cap_m2 == 2.0


@pytest.mark.parametrize("height,weight", [(500, 70), (-170, 70), (170, 0), (170, -5), (10, 70), (170, 5000)])
def test_implausible_input_is_refused(height, weight):
    with pytest.raises(InputError):
        bsa_m2(height, weight)


def test_unknown_formula_suggests():
    with pytest.raises(UnknownNameError) as info:
        bsa_m2(170, 70, "mostellar")
    assert "mosteller" in info.value.suggestions


@pytest.mark.parametrize("height,weight", [(170, 70), (180, 120), (150, 45), (100, 15)])
def test_boyd_grams_form_matches_the_kilogram_form(height, weight):
    # Boyd is published with the weight in grams; the form rewritten for kilograms,
    # 0.0333 x W_kg^(0.6157 - 0.0188 log10 W_kg) x H^0.3, is a second reading that must agree (rounded constants).
    kilogram_form = 0.0333 * weight ** (0.6157 - 0.0188 * math.log10(weight)) * height ** 0.3
    assert bsa_m2(height, weight, "boyd") == pytest.approx(kilogram_form, rel=5e-4)


def test_dubois_metre_form_matches_centimetre_form():
    # DuBois is also written 0.20247 x H_m^0.725 x W^0.425 (globalrph); both constants describe one formula.
    assert bsa_m2(170, 70, "dubois") == pytest.approx(0.20247 * 1.70 ** 0.725 * 70 ** 0.425, rel=2e-4)
