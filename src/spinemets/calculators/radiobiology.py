"""Linear-quadratic model: BED and EQD2 of a course, from total dose (Gy), fractions and alpha/beta (Gy).

    d    = D / n
    BED  = n d (1 + d / (a/b))                     Jones et al., Clin Oncol 2001;13:71-81
    EQDX = D (d + a/b) / (X + a/b)                 ICRP EQDX (EQD2: X = 2 Gy)

Doses are in Gy only; convert cGy with spinemets.units.dose_to_gy first.
"""

from __future__ import annotations

from ._checks import positive, whole

# Plausibility bounds, not clinical values: a course above 200 Gy is almost surely cGy given as Gy.
MAX_TOTAL_DOSE_GY = 200.0
MAX_FRACTIONS = 60
MAX_ALPHA_BETA_GY = 100.0
CGY_HINT = "doses are in Gy; a value in cGy must be converted (e.g. 5000 cGy = 50 Gy)"


def _course(total_dose_gy: float, fractions: int) -> tuple[float, int]:
    dose = positive(total_dose_gy, "total_dose_gy", "Gy", upper=MAX_TOTAL_DOSE_GY, hint=CGY_HINT)
    return dose, whole(fractions, "fractions", lower=1, upper=MAX_FRACTIONS)


def dose_per_fraction_gy(total_dose_gy: float, fractions: int) -> float:
    dose, n = _course(total_dose_gy, fractions)
    return dose / n


def bed_gy(total_dose_gy: float, fractions: int, alpha_beta_gy: float) -> float:
    """Biologically effective dose (Gy, for the given alpha/beta)."""
    dose, n = _course(total_dose_gy, fractions)
    ab = positive(alpha_beta_gy, "alpha_beta_gy", "Gy", upper=MAX_ALPHA_BETA_GY)
    return dose * (1 + (dose / n) / ab)


def eqdx_gy(total_dose_gy: float, fractions: int, alpha_beta_gy: float, reference_dose_per_fraction_gy: float) -> float:
    """Equieffective dose in fractions of `reference_dose_per_fraction_gy` (ICRP EQDX)."""
    dose, n = _course(total_dose_gy, fractions)
    ab = positive(alpha_beta_gy, "alpha_beta_gy", "Gy", upper=MAX_ALPHA_BETA_GY)
    x = positive(reference_dose_per_fraction_gy, "reference_dose_per_fraction_gy", "Gy", upper=MAX_TOTAL_DOSE_GY)
    return dose * ((dose / n) + ab) / (x + ab)


def eqd2_gy(total_dose_gy: float, fractions: int, alpha_beta_gy: float) -> float:
    """Equivalent dose in 2-Gy fractions: BED / (1 + 2 / (a/b))."""
    return eqdx_gy(total_dose_gy, fractions, alpha_beta_gy, 2.0)


def total_dose_for_eqd2_gy(eqd2: float, fractions: int, alpha_beta_gy: float) -> float:
    """The physical total dose in `fractions` fractions that has the given EQD2 (inverse of eqd2_gy)."""
    n = whole(fractions, "fractions", lower=1, upper=MAX_FRACTIONS)
    target = positive(eqd2, "eqd2_gy", "Gy", upper=10 * MAX_TOTAL_DOSE_GY)
    ab = positive(alpha_beta_gy, "alpha_beta_gy", "Gy", upper=MAX_ALPHA_BETA_GY)
    # D^2/n + ab D - target (2 + ab) = 0, the positive root.
    c = target * (2 + ab)
    return (-ab + (ab * ab + 4 * c / n) ** 0.5) / (2 / n)
