"""Performance status: ECOG (WHO, Zubrod) grade and Karnofsky score, as written."""

from __future__ import annotations

import re
from functools import lru_cache

from .._data import load
from ..facts import Extraction, Fact
from ._util import fact, gate, matches, patient_sentences


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    data = load("performance")
    return {"ecog": re.compile(data["ecog"], re.IGNORECASE), "kps": re.compile(data["kps"], re.IGNORECASE)}


def find(extraction: Extraction) -> list[Fact]:
    sentences = gate(patient_sentences(extraction), load("performance")["triggers"])
    out: list[Fact] = []
    for key, pattern in _rules().items():
        for sentence, match in matches(pattern, sentences):
            out.append(fact(key, int(match.group("value")), sentence, match.start(), match.end()))
    return out
