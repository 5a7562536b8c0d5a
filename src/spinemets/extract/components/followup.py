"""Follow-up durations ('a 13-month follow-up', 'followed for 2 years', 'died 2 months later', 'at 6, 12 and
24 months and again at 7 years'), in months; the assembly reports the longest, the last the text tells."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any, Iterator

from .._data import load, rx
from .._prefix import first_characters
from .._required import required, search
from .._triggers import automaton_of
from ..facts import Extraction, Fact, Sentence
from ..normalize import number, to_months, unit_name
from ._util import SentencePool, fact, gate, matches, patient_sentences, word_starts


@lru_cache(maxsize=1)
def _rules() -> tuple[list[re.Pattern[str]], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load("followup")
    # Every pattern, and the series, holds a number (or an ordinal) followed by a time unit: a sentence without one is skipped
    # by one scan instead of being tried by every pattern.
    duration = rx(r"NUM(?:[- ]|\s*)UNIT|\b\d{1,2}(?:st|nd|rd|th)[- ]UNIT")  # "4th year follow-up" too
    return [rx(p) for p in data["patterns"]], rx(data["series"]), rx(data["follow_cue"]), duration


# Patterns that begin with their duration, each beginning written so that it matches only where `duration` does
# (a number, one of its separators, a unit): they are tried only where a duration begins, not at every word that
# begins like a number ("a", "an", "one", "to"... most words of a sentence).
_DURATION_FIRST = ("(?P<n>NUM)[- ]?(?P<unit>UNIT)", r"\b(?P<n>NUM)(?:\s*|-)(?P<unit>UNIT)",
                   r"(?P<n>NUM)\s*(?P<unit>weeks?|wks?|months?|mos?|mths?|years?|yrs?)\s",
                   r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)[- ](?P<unit>years?|months?)")


@lru_cache(maxsize=1)
def _plans() -> tuple[tuple[int, re.Pattern[str], frozenset[str] | None, bool], ...]:
    """(rank, pattern, the strings one of which every match holds or None, whether it begins with a duration) of
    each pattern, read once: forty look-ups per text cost more than a tenth of the component on real texts."""
    patterns = _rules()[0]
    return tuple((rank, pattern, None if required(pattern) is None else frozenset(required(pattern)),
                  source.startswith(_DURATION_FIRST))
                 for rank, (pattern, source) in enumerate(zip(patterns, load("followup")["patterns"])))


@lru_cache(maxsize=1)
def _required_strings() -> Any:
    """The strings the patterns require (_required.required), all in one Aho-Corasick automaton."""
    return automaton_of({string for _, _, strings, _ in _plans() for string in strings or ()})


def _strings_held(sentences: list[Sentence]) -> list[set[str]]:
    """The patterns' required strings each sentence's lower case holds, found in one pass over the sentences joined
    by NUL (which no string holds): a pattern is then tried on the sentences holding one of its own, where a test
    per pattern scanned the sentences once for each."""
    joined, ends = SentencePool(sentences).index_text()
    held: list[set[str]] = [set() for _ in sentences]
    for last, string in _required_strings().iter(joined):
        held[bisect_right(ends, last)].add(string)
    return held


# A duration's unit follows its number after a space or a hyphen (the number ends before a non-word
# character): where one of those stands before a unit word, a duration may end.
_UNIT_AFTER_GAP = rx(r"[\s-]UNIT")
# the most word starts a number holds: "10 1/2 years", "twenty-five years", "1.5 years"
_NUMBER_WORD_STARTS = 3


def _duration_starts(sentence: Sentence, duration: re.Pattern[str], first: frozenset[str] | None) -> list[int]:
    """Where a duration begins in the sentence, in order. A duration begins at a word start (its number is
    preceded by no word character) with a digit or a number word's first letter (`first`; a letter outside ASCII
    may fold to one), among the last few word starts before a unit word (the units found by one scan), and is
    tried there only: the same places `search(duration, ...)` would find."""
    text = sentence.text
    if first is None:
        return [at for at in range(len(text)) if duration.match(text, at)]
    units = list(_UNIT_AFTER_GAP.finditer(text))
    if not units:
        return []
    starts = word_starts(sentence)
    near_units: set[int] = set()
    for unit in units:
        before = bisect_left(starts, unit.start() + 1)
        near_units.update(starts[max(0, before - _NUMBER_WORD_STARTS):before])
    return [at for at in sorted(near_units)
            if (text[at] in first or text[at] > "\x7f") and duration.match(text, at)]


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


def _matches_at(pattern: re.Pattern[str], sentences: list[Sentence],
                starts: dict[int, list[int]]) -> Iterator[tuple[Sentence, re.Match[str]]]:
    """_util.matches for a pattern that begins with a duration, tried only where a duration begins (`starts`, by
    sentence index): every place where it can match is one of those, so the matches are the same."""
    for sentence in sentences:
        last_end = -1
        text = sentence.text
        for start in starts[sentence.index]:
            if start < last_end:
                continue
            match = pattern.match(text, start)
            if match and match.end() > match.start():
                yield sentence, match
                last_end = match.end()


def find(extraction: Extraction) -> list[Fact]:
    patterns, series, cue, duration = _rules()
    first = first_characters(duration)
    # Only sentences holding a duration: every pattern holds one.
    starts: dict[int, list[int]] = {}
    sentences = []
    for sentence in gate(patient_sentences(extraction), load("followup")["triggers"]):
        found_starts = _duration_starts(sentence, duration, first)
        if found_starts:
            starts[sentence.index] = found_starts
            sentences.append(sentence)
    # Each pattern over all the sentences at once (one call each, not one per sentence); the facts are then put
    # back in the order of the text, pattern by pattern within a sentence.
    found: list[tuple[int, int, Fact]] = []
    # A pattern is tried only on the sentences holding one of the strings its matches hold (most patterns name
    # words most texts lack).
    held = _strings_held(sentences)
    held_by_any = set().union(*held)
    for rank, pattern, strings, at_durations in _plans():
        if strings is None:
            holding = sentences
        elif held_by_any.isdisjoint(strings):
            continue
        else:
            holding = [sentence for sentence, own in zip(sentences, held) if not own.isdisjoint(strings)]
        pairs = _matches_at(pattern, holding, starts) if at_durations else matches(pattern, holding)
        for sentence, match in pairs:
            months = _months(match.group("n"), match.group("unit"))
            if months is not None and not _ENDED_BY_ILLNESS.match(sentence.text, match.end()):
                found.append((sentence.index, rank, fact("follow_up", months, sentence, match.start(), match.end())))
    # (the cue begins with a word boundary, which the regex engine tries at every character: searched for where one
    # of its beginnings stands, _required.search)
    for sentence, match in matches(series, [s for s in sentences if search(cue, s.text)]):
        values = [number(v) for v in re.split(r"\s*(?:,\s*and|,|and)\s*", match.group("list")) if v.strip()]
        unit = unit_name(match.group("unit"))
        if unit and values and all(v is not None for v in values) and not _ENDED_BY_ILLNESS.match(sentence.text, match.end()):
            found.append((sentence.index, len(patterns),
                          fact("follow_up", to_months(max(values), unit), sentence, match.start(), match.end())))
    found.sort(key=lambda item: item[:2])
    return [item[2] for item in found]
