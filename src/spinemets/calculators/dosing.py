"""Chemotherapy arithmetic with the unit in every value: a dose in mg/m2 can never be added to one in mg.

A `Dose` is a number with one of DOSE_UNITS. `to_mg` turns it into milligrams for one patient and refuses
when the quantity it needs (BSA for mg/m2, weight for mg/kg) is missing. Per-cycle and cumulative sums are
kept in the regimen's own unit, because lifetime limits are published per m2.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError, Problem
from ._checks import positive, whole

DOSE_UNITS = ("mg/m2", "mg/kg", "mg")
_UNIT_SPELLINGS = {"mg/m2": "mg/m2", "mg/m^2": "mg/m2", "mg/m²": "mg/m2", "mg per m2": "mg/m2",
                   "mg/kg": "mg/kg", "mg per kg": "mg/kg", "mg": "mg"}


def dose_unit(text: str) -> str:
    """The canonical spelling of a dose unit, or an InputError listing the allowed units."""
    key = str(text).strip().lower()
    if key not in _UNIT_SPELLINGS:
        raise InputError([Problem(field="dose unit", value=text, allowed=", ".join(DOSE_UNITS),
                                  message="unknown dose unit")])
    return _UNIT_SPELLINGS[key]


@dataclass(frozen=True)
class Dose:
    value: float
    unit: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", dose_unit(self.unit))
        object.__setattr__(self, "value", positive(self.value, "dose", self.unit, upper=100000.0))

    def __add__(self, other: "Dose") -> "Dose":
        if not isinstance(other, Dose):
            return NotImplemented
        if other.unit != self.unit:
            raise InputError([Problem(field="dose", value=f"{other.value:g} {other.unit}", allowed=self.unit,
                                      message=f"cannot add a dose in {other.unit} to one in {self.unit}")])
        return Dose(self.value + other.value, self.unit)

    def times(self, count: int) -> "Dose":
        return Dose(self.value * whole(count, "count", lower=1), self.unit)

    def to_mg(self, *, bsa_m2: float | None = None, weight_kg: float | None = None) -> float:
        """Milligrams for one patient; mg/m2 needs the BSA, mg/kg the weight, mg needs nothing."""
        if self.unit == "mg":
            return self.value
        if self.unit == "mg/m2":
            if bsa_m2 is None:
                raise InputError([Problem(field="bsa_m2", value=None, allowed="a BSA in m2 (height and weight)",
                                          message="a dose in mg/m2 needs the body-surface area")])
            return self.value * positive(bsa_m2, "bsa_m2", "m2", upper=5.0)
        if weight_kg is None:
            raise InputError([Problem(field="weight_kg", value=None, allowed="a weight in kg",
                                      message="a dose in mg/kg needs the weight")])
        return self.value * positive(weight_kg, "weight_kg", "kg", upper=650.0)

    def __str__(self) -> str:
        return f"{self.value:g} {self.unit}"


def per_cycle(dose_per_administration: Dose, administrations_per_cycle: int) -> Dose:
    """The dose of one cycle (e.g. 25 mg/m2 on days 1-3 -> 75 mg/m2)."""
    return dose_per_administration.times(administrations_per_cycle)


def cumulative(dose_per_cycle: Dose, cycles: int) -> Dose:
    """The dose over `cycles` cycles (e.g. 75 mg/m2 x 6 -> 450 mg/m2)."""
    return dose_per_cycle.times(cycles)


def scaled(dose: Dose, fraction_given: float) -> Dose | None:
    """A dose multiplied by the fraction of it that is given (1.0 = full); None when nothing is given."""
    if not 0 <= fraction_given <= 1:
        raise InputError([Problem(field="fraction_given", value=fraction_given, allowed="0 to 1")])
    if fraction_given == 0:
        return None
    return Dose(dose.value * fraction_given, dose.unit)
