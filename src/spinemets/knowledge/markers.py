"""IHC marker vocabulary: canonical names and their synonyms, from data/markers.yaml.

`canonical_marker("smooth muscle actin")` gives "SMA"; a name spinemets does not know gives None, and
`require_marker` turns that into an UnknownNameError that suggests the closest known names.
"""

from __future__ import annotations

import re
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
    return _vocabulary()[1].get(marker_key(name))


def require_marker(name: str, field: str = "marker") -> str:
    """Like canonical_marker, but an unknown name is an error listing the closest known names."""
    found = canonical_marker(name)
    if found is None:
        raise UnknownNameError(field, name, marker_names(), what="IHC marker")
    return found
