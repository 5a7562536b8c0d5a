"""Named ECOG <-> Karnofsky mappings (data/performance_mappings.yaml); conversions always carry the name."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import UnknownNameError
from ._yaml import load_data_file

ECOG_GRADES = tuple(range(6))
KPS_VALUES = tuple(range(0, 101, 10))


@dataclass(frozen=True)
class PerformanceMapping:
    key: str
    label: str
    source: str
    ecog_to_kps: dict[int, tuple[int, ...]]

    def kps_for(self, ecog: int) -> tuple[int, ...]:
        return self.ecog_to_kps[ecog]

    def ecog_for(self, kps: int) -> tuple[int, ...]:
        return tuple(e for e, values in self.ecog_to_kps.items() if kps in values)


@dataclass(frozen=True)
class MappingSet:
    variant: str
    default: str
    why: str
    mappings: dict[str, PerformanceMapping]

    def get(self, key: str | None) -> PerformanceMapping:
        key = key or self.default
        if key not in self.mappings:
            raise UnknownNameError(f"variant {self.variant}", key, self.mappings, what="ECOG/KPS mapping")
        return self.mappings[key]


@lru_cache(maxsize=1)
def performance_mappings() -> MappingSet:
    raw = load_data_file("performance_mappings.yaml")
    mappings = {}
    for key, data in raw["mappings"].items():
        table = {int(e): tuple(int(k) for k in values) for e, values in data["ecog_to_kps"].items()}
        if tuple(sorted(table)) != ECOG_GRADES:
            raise ValueError(f"performance_mappings.yaml: {key} must map every ECOG grade 0-5")
        covered = sorted(k for values in table.values() for k in values)
        if covered != list(KPS_VALUES):
            raise ValueError(
                f"performance_mappings.yaml: {key} must place every KPS value 0-100 exactly once"
            )
        mappings[key] = PerformanceMapping(
            key=key, label=data["label"], source=data["source"], ecog_to_kps=table
        )
    if raw["default"] not in mappings:
        raise ValueError("performance_mappings.yaml: default is not one of the mappings")
    return MappingSet(variant=raw["variant"], default=raw["default"], why=raw["why"], mappings=mappings)
