"""LQ arithmetic: the seed and SC.24 worked examples (clinical_kb B2), Sahgal 2013's iso-effect, properties."""

import pytest
from hypothesis import given, strategies as st

from spinemets.calculators.radiobiology import bed_gy, dose_per_fraction_gy, eqd2_gy, eqdx_gy, total_dose_for_eqd2_gy
from spinemets.errors import InputError


def test_seed_course_50_gy_in_25():
    # Sun 2014 seed: 50 Gy / 25 fractions -> BED 60 Gy (a/b 10), EQD2 50 Gy for any a/b (d = 2 Gy).
    assert bed_gy(50, 25, 10) == pytest.approx(60.0)
    assert bed_gy(50, 25, 2) == pytest.approx(100.0)
    assert eqd2_gy(50, 25, 2) == pytest.approx(50.0)
    assert eqd2_gy(50, 25, 10) == pytest.approx(50.0)


def test_sc24_24_gy_in_2():
    # SC.24 (Sahgal 2021): 12 Gy x 2 -> BED10 52.8 Gy, EQD2 44.0 Gy (a/b 10), 84.0 Gy (a/b 2).
    assert bed_gy(24, 2, 10) == pytest.approx(52.8)
    assert eqd2_gy(24, 2, 10) == pytest.approx(44.0)
    assert eqd2_gy(24, 2, 2) == pytest.approx(84.0)


@pytest.mark.parametrize("fractions,pmax", [(1, 12.4), (2, 17.0), (3, 20.3), (4, 23.0), (5, 25.3)])
def test_sahgal_2013_cord_limits_are_isoeffective(fractions, pmax):
    # Sahgal 2013's thecal-sac Pmax limits all sit near EQD2 44.6 Gy (a/b 2), as clinical_kb B3 computes.
    assert eqd2_gy(pmax, fractions, 2) == pytest.approx(44.6, abs=0.15)


def test_palliative_schemes_table_b1():
    assert bed_gy(8, 1, 10) == pytest.approx(14.4)
    assert eqd2_gy(8, 1, 2) == pytest.approx(20.0)
    assert eqd2_gy(30, 10, 10) == pytest.approx(32.5)
    assert eqd2_gy(27, 3, 2) == pytest.approx(74.25)


def test_eqdx_with_x_2_is_eqd2_and_bed_is_eqd0():
    assert eqdx_gy(30, 5, 3, 2) == pytest.approx(eqd2_gy(30, 5, 3))
    assert bed_gy(30, 5, 3) == pytest.approx(eqd2_gy(30, 5, 3) * (1 + 2 / 3))


@given(st.floats(0.5, 100), st.integers(1, 40), st.floats(0.5, 20), st.floats(0.01, 10))
def test_bed_increases_with_dose(dose, fractions, alpha_beta, extra):
    assert bed_gy(dose + extra, fractions, alpha_beta) > bed_gy(dose, fractions, alpha_beta)


@given(st.floats(1, 60), st.integers(1, 40), st.floats(0.5, 20))
def test_inverse_gives_back_the_dose(dose, fractions, alpha_beta):
    assert total_dose_for_eqd2_gy(eqd2_gy(dose, fractions, alpha_beta), fractions, alpha_beta) == pytest.approx(dose)


def test_dose_per_fraction():
    assert dose_per_fraction_gy(30, 10) == 3.0


@pytest.mark.parametrize("dose,fractions,ab,match", [
    (-50, 25, 10, "total_dose_gy"), (50, 0, 10, "fractions"), (50, 2.5, 10, "fractions"),
    (5000, 25, 10, "cGy"), (50, 25, 0, "alpha_beta_gy"), ("fifty", 25, 10, "not a number"),
])
def test_bad_input(dose, fractions, ab, match):
    with pytest.raises(InputError, match=match):
        bed_gy(dose, fractions, ab)
