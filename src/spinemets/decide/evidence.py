"""The evidence statements behind recommendations (data/evidence.yaml), resolved to citations once.

A statement is our wording of what one or more publications say; a citation is rendered from the shared
bibliography (data/references.yaml) or from the few works only recommendations cite (evidence.yaml's own
`references`). Every key is checked at load, so a typo in the data fails the first call, not a report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..knowledge._yaml import load_data_file

CONFIDENCE = ("confirmed", "secondary", "our_synthesis")


@dataclass(frozen=True)
class Citation:
    key: str
    text: str  # "Laufer I, et al. The NOMS framework... Oncologist 2013;18(6):744-751." (DOI kept apart)
    short: str  # "Laufer I, et al. Oncologist 2013"
    doi: str | None
    url: str | None
    locator: str | None = None

    @property
    def full(self) -> str:
        """The citation with its DOI (or address), for places that print it as one string."""
        where = f" doi:{self.doi}" if self.doi else f" {self.url}" if self.url else ""
        return self.text + where

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "citation": self.text, "short": self.short, "doi": self.doi, "url": self.url,
                "locator": self.locator}


@dataclass(frozen=True)
class Statement:
    key: str
    text: str
    citations: tuple[Citation, ...]
    confidence: str

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "statement": self.text, "confidence": self.confidence,
                "citations": [c.as_dict() for c in self.citations]}


def _short_authors(authors: str | None) -> str:
    if not authors:
        return ""
    names = [a.strip() for a in authors.split(",") if a.strip() and a.strip() != "et al."]
    return names[0] + (", et al." if len(names) > 1 or "et al" in authors else ".") if names else authors


def _render(entry: dict[str, Any]) -> str:
    parts = [_short_authors(entry.get("authors")), str(entry.get("title") or "").rstrip(".") + "."]
    where = str(entry.get("journal") or "")
    if entry.get("year"):
        where += f" {entry['year']}"
    if entry.get("volume"):
        where += f";{entry['volume']}"
    parts.append(where.strip() + ".")
    return " ".join(p for p in parts if p and p != ".")


@lru_cache(maxsize=1)
def bibliography() -> dict[str, dict[str, Any]]:
    """The shared references plus those only recommendations cite; a key defined twice is an error."""
    shared = load_data_file("references.yaml") or {}
    own = load_data_file("evidence.yaml").get("references") or {}
    clash = sorted(set(shared) & set(own))
    if clash:
        raise ValueError(f"evidence.yaml redefines references.yaml keys: {', '.join(clash)}")
    return {**shared, **own}


def citation(key: str, locator: str | None = None) -> Citation:
    entries = bibliography()
    if key not in entries:
        raise KeyError(f"no reference {key!r} in references.yaml or evidence.yaml")
    entry = entries[key]
    short = " ".join(p for p in (_short_authors(entry.get("authors")), str(entry.get("journal") or ""),
                                 str(entry.get("year") or "")) if p)
    return Citation(key=key, text=_render(entry), short=short, doi=entry.get("doi"), url=entry.get("url"),
                    locator=locator)


def resolve_refs(refs: list[dict[str, Any]]) -> tuple[Citation, ...]:
    return tuple(citation(ref["key"], ref.get("locator")) for ref in refs)


@lru_cache(maxsize=1)
def statements() -> dict[str, Statement]:
    raw = load_data_file("evidence.yaml")["statements"]
    out: dict[str, Statement] = {}
    for key, entry in raw.items():
        if entry.get("confidence") not in CONFIDENCE:
            raise ValueError(f"evidence.yaml statement {key}: confidence must be one of {CONFIDENCE}")
        out[key] = Statement(key=key, text=" ".join(str(entry["text"]).split()),
                             citations=resolve_refs(entry["refs"]), confidence=entry["confidence"])
    return out


def statement(key: str) -> Statement:
    known = statements()
    if key not in known:
        raise KeyError(f"no evidence statement {key!r} in evidence.yaml")
    return known[key]


@lru_cache(maxsize=1)
def parameters() -> dict[str, Any]:
    """The categorical cut-offs the rules use (ESCC groups, cervical regions, ...), each sourced in the file."""
    return load_data_file("evidence.yaml")["parameters"]
