"""Follow-up durations ('a 13-month follow-up', 'followed for 2 years', 'died 2 months later', 'at 6, 12 and
24 months and again at 7 years'), in months; the assembly reports the longest, the last the text tells."""

from __future__ import annotations

import re
from functools import lru_cache

from .._data import load, rx
from .._required import search
from ..facts import Extraction, Fact
from ..normalize import number, to_months, unit_name
from ._util import fact, gate, matches, patient_sentences


@lru_cache(maxsize=1)
def _rules() -> tuple[list[re.Pattern[str]], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load("followup")
    # Every pattern, and the series, holds a number (or an ordinal) followed by a time unit: a sentence without one is skipped
    # by one scan instead of being tried by every pattern.
    duration = rx(r"NUM(?:[- ]|\s*)UNIT|\b\d{1,2}(?:st|nd|rd|th)[- ]UNIT")  # "4th year follow-up" too
    return [rx(p) for p in data["patterns"]], rx(data["series"]), rx(data["follow_cue"]), duration


# A well interval that the illness ended is history, not follow-up: "remained well for 3 years after surgery, but
# then developed neck pain"
# ... and so is a time point that opens the telling of the presentation: "Seven months after the surgery, he
# consulted our department because of ..."
_ENDED_BY_ILLNESS = re.compile(r"[^.;]{0,20}?\b(?:but|until|when|before)\s+(?:(?:then|later|subsequently|eventually|she|he|the\s+patient)\s+)*"
                               r"(?:developed|presented|noticed|complained|experienced|relapsed|recurred|was\s+(?:found|diagnosed|admitted))\b"
                               r"|\s*,?\s*(?:he|she|the\s+patient|our\s+patient)\s+(?:(?:again|then|later)\s+)?(?:presented|consulted|suffered|complained|noticed|experienced|"
                               r"visited|returned|came\s+(?:back|to)|was\s+(?:admitted|referred|readmitted))\b"
                               # ... or the imaging that found the spinal disease: "after five years of follow-up, spine
                               # MRI reported a single lesion in the first dorsal vertebra"
                               r"|[^.;]{0,30}?\b(?:revealed|reported|showed|detected|demonstrated|disclosed)\s+(?!no\b|any\b)"
                               r"(?:a|an|the)\s+(?:(?!no\b)[\w-]+\s+){0,2}(?:lesion|metasta\w*|mass)\b", re.IGNORECASE)


def _months(value_text: str, unit_text: str) -> float | None:
    value, unit = number(value_text), unit_name(unit_text)
    if value is None or unit is None:
        return None
    months = to_months(value, unit)
    return months if 0 < months <= 600 else None


def find(extraction: Extraction) -> list[Fact]:
    patterns, series, cue, duration = _rules()
    # (searched where a number or a number word begins: the pattern begins with a look-behind)
    sentences = [s for s in gate(patient_sentences(extraction), load("followup")["triggers"]) if search(duration, s.text)]
    # Each pattern over all the sentences at once (one call each, not one per sentence); the facts are then put
    # back in the order of the text, pattern by pattern within a sentence.
    found: list[tuple[int, int, Fact]] = []
    for rank, pattern in enumerate(patterns):
        for sentence, match in matches(pattern, sentences):
            months = _months(match.group("n"), match.group("unit"))
            if months is not None and not _ENDED_BY_ILLNESS.match(sentence.text, match.end()):
                found.append((sentence.index, rank, fact("follow_up", months, sentence, match.start(), match.end())))
    for sentence, match in matches(series, [s for s in sentences if cue.search(s.text)]):
        values = [number(v) for v in re.split(r"\s*(?:,\s*and|,|and)\s*", match.group("list")) if v.strip()]
        unit = unit_name(match.group("unit"))
        if unit and values and all(v is not None for v in values) and not _ENDED_BY_ILLNESS.match(sentence.text, match.end()):
            found.append((sentence.index, len(patterns),
                          fact("follow_up", to_months(max(values), unit), sentence, match.start(), match.end())))
    found.sort(key=lambda item: item[:2])
    return [item[2] for item in found]
