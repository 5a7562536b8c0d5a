"""Alpha/beta ratios, fractionation schemes (data/radiobiology.yaml) and tolerances (data/tolerances.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import UnknownNameError
from ._yaml import load_data_file


@dataclass(frozen=True)
class AlphaBeta:
    tissue: str
    value_gy: float
    label: str
    citation: str
    note: str = ""


@dataclass(frozen=True)
class Scheme:
    name: str
    total_dose_gy: float
    fractions: int
    technique: str
    setting: str
    citation: str
    evidence: str = "confirmed"


@lru_cache(maxsize=1)
def _radiobiology() -> dict[str, Any]:
    return load_data_file("radiobiology.yaml")


@lru_cache(maxsize=1)
def alpha_betas() -> dict[str, AlphaBeta]:
    data = _radiobiology()
    return {k: AlphaBeta(k, float(v["value"]), v["label"], data["sources"][v["source"]], v.get("note", ""))
            for k, v in data["alpha_beta_gy"].items()}


def alpha_beta(tissue: str) -> AlphaBeta:
    table = alpha_betas()
    if tissue not in table:
        raise UnknownNameError("tissue", tissue, table, what="tissue")
    return table[tissue]


@lru_cache(maxsize=1)
def schemes() -> tuple[Scheme, ...]:
    data = _radiobiology()
    return tuple(Scheme(s["name"], float(s["total_dose_gy"]), int(s["fractions"]), s["technique"], s["setting"],
                        data["sources"][s["source"]], s.get("evidence", "confirmed")) for s in data["schemes"])


def eqd2_reference_dose_per_fraction_gy() -> float:
    return float(_radiobiology()["eqd2_reference_dose_per_fraction_gy"])


# --- tolerances --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Limit:
    kind: str  # eqd2_max_gy or dmax_by_fractions
    setting: str
    citation: str
    value_gy: float | None = None
    values_by_fractions_gy: dict[int, float] | None = None
    risk: str | None = None
    evidence: str = "confirmed"
    min_fractions: int = 1


@dataclass(frozen=True)
class Structure:
    key: str
    label: str
    level_from: str
    level_to: str
    alpha_beta: AlphaBeta
    limits: tuple[Limit, ...]


@dataclass(frozen=True)
class Reirradiation:
    alpha_beta: AlphaBeta
    cumulative_eqd2_max_gy: float
    reirradiation_eqd2_max_gy: float
    reirradiation_fraction_of_cumulative_max: float
    minimum_interval_months: float
    citations: tuple[str, ...]


@lru_cache(maxsize=1)
def _tolerances() -> dict[str, Any]:
    return load_data_file("tolerances.yaml")


@lru_cache(maxsize=1)
def structures() -> dict[str, Structure]:
    data = _tolerances()
    sources = data["sources"]
    out = {}
    for key, entry in data["structures"].items():
        limits = []
        for raw in entry["limits"]:
            if raw["kind"] not in ("eqd2_max_gy", "dmax_by_fractions"):
                raise ValueError(f"tolerances.yaml {key}: unknown limit kind {raw['kind']!r}")
            limits.append(Limit(raw["kind"], raw["setting"], sources[raw["source"]],
                                float(raw["value"]) if "value" in raw else None,
                                {int(n): float(v) for n, v in raw["values_gy"].items()} if "values_gy" in raw else None,
                                raw.get("risk"), raw.get("evidence", "confirmed"), int(raw.get("min_fractions", 1))))
        out[key] = Structure(key, entry["label"], entry["levels"]["from"], entry["levels"]["to"],
                             alpha_beta(entry["alpha_beta"]), tuple(limits))
    return out


@lru_cache(maxsize=1)
def reirradiation() -> Reirradiation:
    data = _tolerances()
    entry = data["reirradiation"]
    return Reirradiation(alpha_beta(entry["alpha_beta"]), float(entry["cumulative_eqd2_max_gy"]),
                         float(entry["reirradiation_eqd2_max_gy"]),
                         float(entry["reirradiation_fraction_of_cumulative_max"]),
                         float(entry["minimum_interval_months"]),
                         tuple(data["sources"][s] for s in entry["sources"]))
