"""IHC marker vocabulary: canonical names and their synonyms, from data/markers.yaml.

`canonical_marker("smooth muscle actin")` gives "SMA"; a name spinemets does not know gives None, and
`require_marker` turns that into an UnknownNameError that suggests the closest known names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import UnknownNameError
from ._yaml import load_data_file

_GREEK = {"α": "alpha", "β": "beta", "Δ": "delta", "δ": "delta", "γ": "gamma", "κ": "kappa", "λ": "lambda"}
# Characters that only spell a name differently: "S-100" = "S 100" = "s100", "AE1/AE3" = "AE1-AE3".
_SEPARATORS = re.compile(r"[\s\-_./()\[\]'’,:]+")


def marker_key(name: str) -> str:
    """The spelling-insensitive key two written forms of one marker share."""
    text = name.strip().lower()
    for letter, spelled in _GREEK.items():
        text = text.replace(letter, spelled)
    # "cluster of differentiation 34" is how some reports spell CD34 out.
    return _SEPARATORS.sub("", text).replace("clusterofdifferentiation", "cd")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, ...], dict[str, str]]:
    entries = load_data_file("markers.yaml")["vocabulary"]
    names: list[str] = []
    by_key: dict[str, str] = {}
    for entry in entries:
        canonical = entry["name"]
        names.append(canonical)
        for written in [canonical, *(entry.get("synonyms") or [])]:
            key = marker_key(str(written))
            if not key:
                raise ValueError(f"markers.yaml: empty synonym under {canonical!r}")
            if by_key.get(key, canonical) != canonical:
                raise ValueError(f"markers.yaml: {written!r} is listed under both {by_key[key]!r} and {canonical!r}")
            by_key[key] = canonical
    return tuple(names), by_key


def marker_names() -> list[str]:
    """Canonical marker names, in the order of the data file."""
    return list(_vocabulary()[0])


def marker_synonyms() -> dict[str, list[str]]:
    """Canonical name -> every written form in the data file (canonical first), for pattern builders."""
    entries = load_data_file("markers.yaml")["vocabulary"]
    return {e["name"]: [e["name"], *(str(s) for s in (e.get("synonyms") or []))] for e in entries}


def canonical_marker(name: str) -> str | None:
    """The canonical name of a written marker name, or None when it is not in the vocabulary."""
    if not isinstance(name, str):
        return None
    return _canonical_of(name)


@lru_cache(maxsize=4096)  # the extractor asks for the same few written names again and again
def _canonical_of(name: str) -> str | None:
    return _vocabulary()[1].get(marker_key(name))


def require_marker(name: str, field: str = "marker") -> str:
    """Like canonical_marker, but an unknown name is an error listing the closest known names."""
    found = canonical_marker(name)
    if found is None:
        raise UnknownNameError(field, name, marker_names(), what="IHC marker")
    return found


# --- the marker-by-tumour positivity table ---------------------------------------------------------------
@dataclass(frozen=True)
class Observation:
    """One published statement about how often a tumour stains for a marker."""

    source: str
    k: int | None = None  # cases positive (or, with stain == "loss", cases with loss)
    n: int | None = None
    percent: float | None = None
    qualitative: str | None = None
    stain: str = "positive"  # "positive" or "loss" (H3K27me3 is reported as loss)
    note: str | None = None


@dataclass(frozen=True)
class TumourProfile:
    key: str
    label: str
    markers: dict[str, tuple[Observation, ...]]


@dataclass(frozen=True)
class PositivityTable:
    tumours: tuple[TumourProfile, ...]
    qualitative_rates: dict[str, float]
    sources: dict[str, str]
    rate_floor: float
    focal_weight: float
    priors: str

    def tumour(self, key: str) -> TumourProfile:
        for profile in self.tumours:
            if profile.key == key:
                return profile
        raise UnknownNameError("diagnosis", key, [t.key for t in self.tumours], what="diagnosis")

    @property
    def markers(self) -> list[str]:
        """Every marker with at least one published rate, in vocabulary order."""
        used = {m for t in self.tumours for m in t.markers}
        return [m for m in marker_names() if m in used]


def _observation(raw: dict, where: str, qualitative_rates: dict[str, float], sources: dict[str, str]) -> Observation:
    allowed = {"source", "k", "n", "percent", "qualitative", "stain", "note"}
    if set(raw) - allowed:
        raise ValueError(f"markers.yaml {where}: unknown keys {sorted(set(raw) - allowed)}")
    obs = Observation(**raw)
    if obs.source not in sources:
        raise ValueError(f"markers.yaml {where}: source {obs.source!r} is not in `sources`")
    kinds = [obs.k is not None, obs.percent is not None, obs.qualitative is not None]
    if sum(kinds) != 1:
        raise ValueError(f"markers.yaml {where}: give exactly one of k/n, percent or qualitative")
    if obs.k is not None and (obs.n is None or not 0 <= obs.k <= obs.n):
        raise ValueError(f"markers.yaml {where}: k must come with n and lie in 0..n")
    if obs.percent is not None and not 0 <= obs.percent <= 100:
        raise ValueError(f"markers.yaml {where}: percent out of 0..100")
    if obs.qualitative is not None and obs.qualitative not in qualitative_rates:
        raise ValueError(f"markers.yaml {where}: qualitative {obs.qualitative!r} is not a bin of qualitative_rates")
    if obs.stain not in ("positive", "loss"):
        raise ValueError(f"markers.yaml {where}: stain is 'positive' or 'loss'")
    return obs


@lru_cache(maxsize=1)
def positivity_table() -> PositivityTable:
    """The marker-by-tumour table, validated: markers canonical, every source cited, every count sane."""
    data = load_data_file("markers.yaml")
    qualitative_rates = {str(k): float(v) for k, v in data["qualitative_rates"].items()}
    sources = {str(k): str(v) for k, v in data["sources"].items()}
    tumours = []
    for key, entry in data["tumours"].items():
        markers: dict[str, tuple[Observation, ...]] = {}
        for written, observations in entry["markers"].items():
            canonical = canonical_marker(str(written))
            if canonical != written:
                raise ValueError(f"markers.yaml tumours.{key}: {written!r} is not a canonical marker name")
            markers[canonical] = tuple(_observation(o, f"tumours.{key}.{written}", qualitative_rates, sources)
                                       for o in observations)
        tumours.append(TumourProfile(key=key, label=entry["label"], markers=markers))
    model = data["model"]
    return PositivityTable(tumours=tuple(tumours), qualitative_rates=qualitative_rates, sources=sources,
                           rate_floor=float(model["rate_floor"]), focal_weight=float(model["focal_weight"]),
                           priors=str(model["priors"]))
