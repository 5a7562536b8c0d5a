"""Neurological state at presentation: deficits (motor, sensory, reflex signs, sphincter), explicit
intactness, Frankel and ASIA grades, and pain (which alone means no deficit in the schema)."""

from __future__ import annotations

import re
from functools import lru_cache

from .._data import any_of, load, rx
from ..facts import Extraction, Fact
from ._util import fact, gate, matches, patient_sentences


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load("neurology")
    return {"deficit": {kind: any_of(forms) for kind, forms in data["deficit"].items()},
            "intact": any_of(data["intact"]), "pain": any_of(data["pain"]),
            "frankel": rx(data["frankel"]), "asia": rx(data["asia"], 0), "triggers": data["triggers"],
            "motor_not_after": rx(data["motor_not_after"])}


def find(extraction: Extraction) -> list[Fact]:
    rules = _rules()
    sentences = patient_sentences(extraction)
    out: list[Fact] = []
    intact_spans = []
    triggers = rules["triggers"]
    for sentence, match in matches(rules["intact"], gate(sentences, triggers["intact"])):
        out.append(fact("intact", True, sentence, match.start(), match.end()))
        intact_spans.append((sentence.start + match.start(), sentence.start + match.end()))
    for kind, pattern in rules["deficit"].items():
        for sentence, match in matches(pattern, gate(sentences, triggers[kind]), vocabulary=True):
            start = sentence.start + match.start()
            if any(a <= start < b for a, b in intact_spans):
                continue
            if kind == "motor" and rules["motor_not_after"].match(sentence.text, match.end()):
                continue
            out.append(fact("deficit", kind, sentence, match.start(), match.end()))
    for key in ("frankel", "asia"):
        for sentence, match in matches(rules[key], gate(sentences, triggers[key])):
            out.append(fact(key, match.group("grade").upper(), sentence, match.start(), match.end()))
    for sentence, match in matches(rules["pain"], gate(sentences, triggers["pain"])):
        out.append(fact("pain", True, sentence, match.start(), match.end()))
    return out
