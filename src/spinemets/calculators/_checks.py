"""Argument checks shared by the calculators: a wrong number is an InputError naming the field."""

from __future__ import annotations

import math

from ..errors import InputError, Problem


def positive(value: float, field: str, unit: str, *, upper: float | None = None, hint: str = "") -> float:
    """`value` as a float, > 0 (and <= upper when given); otherwise an InputError saying what is allowed."""
    allowed = f"a number > 0 {unit}" + (f" and at most {upper:g} {unit}" if upper is not None else "")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError([Problem(field=field, value=value, allowed=allowed, message="not a number")]) from None
    if not math.isfinite(number) or number <= 0 or (upper is not None and number > upper):
        too_high = upper is not None and math.isfinite(number) and number > upper
        message = "out of range" + (f"; {hint}" if hint and too_high else "")
        raise InputError([Problem(field=field, value=value, allowed=allowed, message=message)])
    return number


def whole(value: int, field: str, *, lower: int = 1, upper: int | None = None) -> int:
    """`value` as an int within [lower, upper]; floats with a fraction and booleans are refused."""
    allowed = f"a whole number >= {lower}" + (f" and <= {upper}" if upper is not None else "")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or float(value) != int(value):
        raise InputError([Problem(field=field, value=value, allowed=allowed, message="not a whole number")])
    number = int(value)
    if number < lower or (upper is not None and number > upper):
        raise InputError([Problem(field=field, value=value, allowed=allowed, message="out of range")])
    return number
