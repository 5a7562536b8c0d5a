"""What every plan returns: its numbers, the warnings where a published threshold is reached, and notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


@dataclass
class Plan:
    data: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**self.data, "warnings": list(self.warnings), "notes": list(self.notes)}
