"""Chemotherapy regimens, anthracycline cardiac data and hepatic dose bands, from data/regimens.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import UnknownNameError
from ._yaml import load_data_file


@dataclass(frozen=True)
class DrugDose:
    agent: str
    dose: float
    unit: str  # mg/m2, mg/kg or mg
    days: tuple[int, ...]
    route: str | None = None


@dataclass(frozen=True)
class Regimen:
    key: str
    label: str
    cycle_length_days: int
    drugs: tuple[DrugDose, ...]
    source: str
    citation: str
    evidence: str
    max_cycles: int | None = None
    also: str | None = None


@dataclass(frozen=True)
class HepaticBand:
    above_mg_dl: float
    up_to_mg_dl: float | None
    label_figure: str | None
    fraction_given: dict[str, float]


@dataclass(frozen=True)
class HepaticBands:
    agent: str
    bands: tuple[HepaticBand, ...]
    default_reading: str
    readings: tuple[str, ...]
    citation: str


def _data() -> dict[str, Any]:
    return load_data_file("regimens.yaml")


@lru_cache(maxsize=1)
def regimens() -> dict[str, Regimen]:
    data = _data()
    sources = data["sources"]
    out: dict[str, Regimen] = {}
    for key, entry in data["regimens"].items():
        drugs = []
        for drug in entry["drugs"]:
            if drug["unit"] not in ("mg/m2", "mg/kg", "mg"):
                raise ValueError(f"regimens.yaml {key}: unit {drug['unit']!r} is not mg/m2, mg/kg or mg")
            days = tuple(int(d) for d in drug["days"])
            if not days or min(days) < 1 or max(days) > entry["cycle_length_days"]:
                raise ValueError(f"regimens.yaml {key}: days must lie within the cycle")
            drugs.append(DrugDose(drug["agent"], float(drug["dose"]), drug["unit"], days, drug.get("route")))
        for ref in (entry["source"], entry.get("also")):
            if ref is not None and ref not in sources:
                raise ValueError(f"regimens.yaml {key}: source {ref!r} is not in `sources`")
        out[key] = Regimen(key, entry["label"], int(entry["cycle_length_days"]), tuple(drugs), entry["source"],
                           sources[entry["source"]], entry.get("evidence", ""), entry.get("max_cycles"),
                           entry.get("also"))
    return out


def regimen(name: str) -> Regimen:
    """A regimen by key (case-insensitive); an unknown name suggests the closest keys."""
    table = regimens()
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key not in table:
        raise UnknownNameError("regimen", name, table, what="regimen")
    return table[key]


@lru_cache(maxsize=1)
def anthracyclines() -> dict[str, dict[str, Any]]:
    """Per agent: label and Swain risk tables, monitoring threshold, lifetime limits, with their citations."""
    data = _data()
    sources = data["sources"]
    out = {}
    for agent, entry in data["anthracyclines"].items():
        entry = dict(entry)
        for table in ("label_risk_percent", "swain_chf_percent"):
            entry[table] = {**entry[table], "citation": sources[entry[table]["source"]],
                            "by_cumulative_mg_per_m2": {float(k): v for k, v in
                                                        entry[table]["by_cumulative_mg_per_m2"].items()}}
        entry["limit_citations"] = [sources[s] for s in entry["limit_sources"]]
        out[agent] = entry
    return out


@lru_cache(maxsize=1)
def hepatic_bands() -> dict[str, HepaticBands]:
    data = _data()
    sources = data["sources"]
    out = {}
    for agent, entry in data["hepatic_bands"].items():
        bands = tuple(HepaticBand(float(b["bilirubin_mg_dl_above"]), None if b["up_to"] is None else float(b["up_to"]),
                                  b["label_figure"], {k: float(v) for k, v in b["fraction_given"].items()})
                      for b in entry["bands"])
        readings = tuple(bands[0].fraction_given)
        if entry["default_reading"] not in readings or any(tuple(b.fraction_given) != readings for b in bands):
            raise ValueError(f"regimens.yaml hepatic_bands.{agent}: every band needs every reading")
        out[agent] = HepaticBands(agent, bands, entry["default_reading"], readings, sources[entry["source"]])
    return out
