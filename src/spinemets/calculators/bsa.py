"""Body-surface area (m2) from height (cm) and weight (kg): five published formulas and the cap policy.

Each formula is a row of FORMULAS with its citation; the coefficients are the published ones (equations as
listed in clinical_kb C5, cross-checked against globalrph.com/bsa2.htm). Which BSA a dose is computed on is
a policy, not a formula: `dosing_bsa_m2` applies it and says which one it applied.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from ..errors import InputError, Problem, UnknownNameError
from ._checks import positive

# Plausibility bounds (not clinical values): the same limits the case model puts on height and weight.
MAX_HEIGHT_CM = 272.0
MAX_WEIGHT_KG = 650.0
MIN_HEIGHT_CM = 30.0


@dataclass(frozen=True)
class BsaFormula:
    name: str
    equation: str
    citation: str
    compute: Callable[[float, float], float]  # (height_cm, weight_kg) -> m2


def _boyd(height_cm: float, weight_kg: float) -> float:
    weight_g = weight_kg * 1000.0  # Boyd's formula takes the weight in grams
    return 0.0003207 * height_cm ** 0.3 * weight_g ** (0.7285 - 0.0188 * math.log10(weight_g))


FORMULAS: dict[str, BsaFormula] = {f.name: f for f in (
    BsaFormula("mosteller", "sqrt(H_cm * W_kg / 3600)",
               "Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098. "
               "doi:10.1056/NEJM198710223171717",
               lambda h, w: math.sqrt(h * w / 3600.0)),
    BsaFormula("dubois", "0.007184 * H_cm^0.725 * W_kg^0.425",
               "Du Bois D, Du Bois EF. A formula to estimate the approximate surface area if height and weight be "
               "known. Arch Intern Med 1916;17:863-71",
               lambda h, w: 0.007184 * h ** 0.725 * w ** 0.425),
    BsaFormula("haycock", "0.024265 * H_cm^0.3964 * W_kg^0.5378",
               "Haycock GB, Schwartz GJ, Wisotsky DH. Geometric method for measuring body surface area: a "
               "height-weight formula validated in infants, children, and adults. J Pediatr 1978;93:62-6",
               lambda h, w: 0.024265 * h ** 0.3964 * w ** 0.5378),
    BsaFormula("gehan-george", "0.0235 * H_cm^0.42246 * W_kg^0.51456",
               "Gehan EA, George SL. Estimation of human body surface area from height and weight. Cancer "
               "Chemother Rep 1970;54:225-35",
               lambda h, w: 0.0235 * h ** 0.42246 * w ** 0.51456),
    BsaFormula("boyd", "0.0003207 * H_cm^0.3 * W_g^(0.7285 - 0.0188 * log10(W_g))",
               "Boyd E. The growth of the surface area of the human body. University of Minnesota Press, 1935",
               _boyd),
)}
DEFAULT_FORMULA = "mosteller"


def formula_key(formula: str) -> str:
    """The key of a BSA formula as written ("Gehan George" -> "gehan-george"); unknown -> suggestions."""
    key = str(formula).strip().lower().replace("_", "-").replace(" ", "-")
    if key not in FORMULAS:
        raise UnknownNameError("formula", formula, FORMULAS, what="BSA formula")
    return key


def bsa_m2(height_cm: float, weight_kg: float, formula: str = DEFAULT_FORMULA) -> float:
    """Body-surface area in m2 by the named formula."""
    key = formula_key(formula)
    height = positive(height_cm, "height_cm", "cm", upper=MAX_HEIGHT_CM,
                      hint="height is in centimetres (e.g. 170)")
    if height < MIN_HEIGHT_CM:
        raise InputError([Problem(field="height_cm", value=height_cm, message="out of range",
                                  allowed=f"{MIN_HEIGHT_CM:g} to {MAX_HEIGHT_CM:g} cm")])
    weight = positive(weight_kg, "weight_kg", "kg", upper=MAX_WEIGHT_KG, hint="weight is in kilograms (e.g. 70)")
    return FORMULAS[key].compute(height, weight)


def all_bsa_m2(height_cm: float, weight_kg: float) -> dict[str, float]:
    """Every formula's BSA for one patient (the spread is itself information: clinical_kb C5)."""
    return {name: bsa_m2(height_cm, weight_kg, name) for name in FORMULAS}


# --- which BSA a dose is computed on ---------------------------------------------------------------------
@dataclass(frozen=True)
class CapPolicy:
    name: str
    cap_m2: float | None
    citation: str


CAP_POLICIES: dict[str, CapPolicy] = {p.name: p for p in (
    # Default: ASCO recommends full weight-based (actual-weight) dosing, also in obesity.
    CapPolicy("actual", None,
              "Griggs JJ, Mangu PB, Anderson H, et al. Appropriate chemotherapy dosing for obese adult patients "
              "with cancer: ASCO clinical practice guideline. J Clin Oncol 2012;30:1553-61. "
              "doi:10.1200/JCO.2011.39.9436 (reaffirmed 2021)"),
    # The routine practice ASCO argues against, kept selectable because many centres still apply it.
    CapPolicy("cap-2.0", 2.0,
              "Capping BSA at 2.0 m2 as routine practice: Sci Rep 2021;11:2431. doi:10.1038/s41598-021-81792-6"),
)}
DEFAULT_CAP_POLICY = "actual"


def dosing_bsa_m2(bsa: float, policy: str = DEFAULT_CAP_POLICY) -> tuple[float, bool]:
    """(BSA used for dosing, whether the cap changed it) under the named policy."""
    if policy not in CAP_POLICIES:
        raise UnknownNameError("bsa_policy", policy, CAP_POLICIES, what="BSA cap policy")
    value = positive(bsa, "bsa_m2", "m2", upper=5.0)
    cap = CAP_POLICIES[policy].cap_m2
    if cap is not None and value > cap:
        return cap, True
    return value, False
