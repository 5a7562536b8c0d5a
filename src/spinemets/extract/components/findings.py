"""Spinal findings: pathological fracture or collapse (with the levels its sentence names), compression of
the cord, conus or cauda equina, and the bone character of the lesions (lytic, blastic, mixed)."""

from __future__ import annotations

import re
from functools import lru_cache

from .._data import any_of, load
from ..facts import Extraction, Fact
from ._util import fact, matches, patient_sentences

_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas)\s|\bwhereas\b|\bwhile\b")


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load("findings")
    return {"fracture": any_of(data["fracture"]), "compression": any_of(data["compression"]),
            "bone": {kind: any_of(forms) for kind, forms in data["bone"].items()}}


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = max([m.end() for m in _CLAUSE.finditer(text, 0, start)] or [0])
    right = min([m.start() for m in _CLAUSE.finditer(text, end)] or [len(text)])
    return left, right


def find(extraction: Extraction) -> list[Fact]:
    rules = _rules()
    sentences = list(patient_sentences(extraction))
    levels = [f for f in extraction.of("level") if "excluded" not in f.detail]
    out: list[Fact] = []
    for sentence, match in matches(rules["fracture"], sentences):
        left, right = _clause(sentence.text, match.start(), match.end())
        named = sorted({f.value for f in levels if f.sentence == sentence.index
                        and left <= f.start - sentence.start < right}, key=lambda v: v)
        out.append(fact("fracture", named, sentence, match.start(), match.end()))
    for sentence, match in matches(rules["compression"], sentences):
        structure = ("cauda_equina" if "cauda" in match.group(0).lower() else
                     "conus" if "conus" in match.group(0).lower() else "cord")
        out.append(fact("compression", structure, sentence, match.start(), match.end()))
    for kind, pattern in rules["bone"].items():
        for sentence, match in matches(pattern, sentences):
            out.append(fact("bone", kind, sentence, match.start(), match.end()))
    return out
