"""The bibliography (data/references.yaml): key -> authors, title, journal, year, DOI/PMID."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import UnknownNameError
from ._yaml import load_data_file

_REQUIRED = ("authors", "title", "journal", "year", "doi", "verified")


@lru_cache(maxsize=1)
def references() -> dict[str, dict[str, Any]]:
    data = load_data_file("references.yaml")
    for key, entry in data.items():
        missing = [name for name in _REQUIRED if name not in entry]
        if missing:
            raise ValueError(f"references.yaml: {key} lacks {', '.join(missing)}")
        if entry["verified"] not in ("confirmed", "partial"):
            raise ValueError(f"references.yaml: {key} verified must be confirmed or partial")
    return data


def reference(key: str) -> dict[str, Any]:
    """One bibliography entry (a copy), or UnknownNameError."""
    table = references()
    if key not in table:
        raise UnknownNameError("reference", key, table, what="reference")
    return dict(table[key])


def citation(key: str, locator: str | None = None) -> dict[str, Any]:
    """The citation a result carries: authors, year, title, journal, doi (and pmid/url/locator when known)."""
    entry = reference(key)
    out = {
        "key": key,
        "authors": entry["authors"],
        "year": entry["year"],
        "title": entry["title"],
        "journal": entry["journal"],
        "doi": entry["doi"],
        "locator": locator,
    }
    for extra in ("volume", "pmid", "url", "note"):
        if entry.get(extra):
            out[extra] = entry[extra]
    if entry["verified"] != "confirmed":
        out["verified"] = entry["verified"]
    return out
