"""Helpers for the score tests: build cases from a few facts, and find inputs reaching a target total."""

from __future__ import annotations

import itertools
from typing import Any

from spinemets.casefile import case_from_data


def case(**sections: Any):
    """A Case from keyword sections (patient=..., lesions=[...], ...), validated like a case file."""
    return case_from_data(dict(sections))


def inputs_for_total(table, target: float) -> dict[str, str] | None:
    """Some full set of item options whose points sum to `target` (default variants), or None."""
    items = table.items
    for combo in itertools.product(*[item.options for item in items]):
        if sum(o.points for o in combo) == target:
            return {item.key: option.key for item, option in zip(items, combo)}
    return None
