"""Dose arithmetic keeps units apart and reproduces the seed's cumulative anthracycline dose."""

import pytest

from spinemets.calculators.dosing import Dose, cumulative, per_cycle, scaled
from spinemets.errors import InputError


def test_seed_regimen_reaches_450_mg_per_m2():
    # Sun 2014: doxorubicin 25 mg/m2 days 1-3 every 28 days, six courses -> 75 mg/m2 per cycle, 450 cumulative.
    cycle = per_cycle(Dose(25, "mg/m2"), 3)
    assert (cycle.value, cycle.unit) == (75, "mg/m2")
    total = cumulative(cycle, 6)
    assert (total.value, total.unit) == (450, "mg/m2")


def test_six_cycles_of_75_also_450():
    assert cumulative(per_cycle(Dose(75, "mg/m2"), 1), 6).value == 450


def test_mg_per_m2_needs_bsa_and_gives_mg():
    assert Dose(25, "mg/m2").to_mg(bsa_m2=1.8181) == pytest.approx(45.45, abs=0.01)  # clinical_kb C5 table
    with pytest.raises(InputError, match="body-surface area"):
        Dose(25, "mg/m2").to_mg()


def test_flat_dose_is_never_multiplied_by_bsa():
    assert Dose(800, "mg").to_mg(bsa_m2=2.0) == 800


def test_units_cannot_be_mixed():
    with pytest.raises(InputError, match="cannot add"):
        Dose(25, "mg/m2") + Dose(45, "mg")
    assert (Dose(25, "mg/m2") + Dose(50, "mg/m²")).value == 75


@pytest.mark.parametrize("value,unit", [(-25, "mg/m2"), (0, "mg"), (25, "g"), (25, "mg/m3")])
def test_bad_doses(value, unit):
    with pytest.raises(InputError):
        Dose(value, unit)


def test_scaled():
    assert scaled(Dose(75, "mg/m2"), 0.5).value == 37.5
    assert scaled(Dose(75, "mg/m2"), 0) is None
