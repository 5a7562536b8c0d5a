"""Calendars: radiotherapy fractions on weekdays, chemotherapy administrations by cycle day.

Public holidays are not known to spinemets and are not skipped; the output says so.
"""

from __future__ import annotations

import datetime as dt

from ..calculators._checks import whole

WEEKEND = (5, 6)  # Saturday, Sunday (date.weekday())
HOLIDAY_NOTE = "public holidays are not skipped; move fractions that fall on one"


def first_weekday(start: dt.date) -> dt.date:
    while start.weekday() in WEEKEND:
        start += dt.timedelta(days=1)
    return start


def fraction_dates(start: dt.date, fractions: int) -> list[dt.date]:
    """One fraction a day, Monday to Friday, from the first weekday on or after `start`."""
    count = whole(fractions, "fractions", lower=1, upper=60)
    day, dates = first_weekday(start), []
    while len(dates) < count:
        if day.weekday() not in WEEKEND:
            dates.append(day)
        day += dt.timedelta(days=1)
    return dates


def cycle_day_dates(start: dt.date, cycle_length_days: int, cycles: int, days: list[int]) -> list[list[tuple[int, dt.date]]]:
    """For each cycle, (cycle day, date) of every administration day; cycle 1 day 1 is `start`."""
    length = whole(cycle_length_days, "cycle_length_days", lower=1, upper=365)
    n = whole(cycles, "cycles", lower=1, upper=100)
    return [[(d, start + dt.timedelta(days=c * length + d - 1)) for d in sorted(set(days))] for c in range(n)]
