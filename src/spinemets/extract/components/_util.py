"""Small helpers the components share."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Callable, Iterable, Iterator

from ..facts import Extraction, Fact, Sentence
from .._prefix import beginning_scanner, first_characters, folded_text, prefixes
from .._required import finder
from .._triggers import SHARED


class SentencePool(list):
    """Sentences a component reads, with their lower-case texts joined once for every gate that scans them."""

    joined: str | None = None
    ends: list[int] | None = None
    found: set[str] | None = None  # the known triggers the joined text holds (_triggers.Triggers)
    found_version: int = -1
    # the whole text the sentences come from, folded (_prefix.folded_text): the triggers it holds are a superset of
    # the pool's, read once per text for every pool (each trigger is then looked for in the pool itself)
    source: str | None = None

    def index_text(self) -> tuple[str, list[int]]:
        """The lower-case sentences joined by NUL (which no trigger holds), and where each one ends in it."""
        if self.joined is None:
            self.joined = "\0".join(s.lower for s in self)
            self.ends = list(accumulate(len(s.lower) + 1 for s in self))
        return self.joined, self.ends  # type: ignore[return-value]


def patient_sentences(extraction: Extraction) -> SentencePool:
    """Sentences about the index patient (not literature sections, not generic statements); built once per text,
    read-only for the components."""
    pool = extraction.memo.get("patient_sentences")
    if pool is None:
        pool = extraction.memo["patient_sentences"] = SentencePool(s for s in extraction.sentences if s.about_patient)
        pool.source = folded_text(extraction.text)
    return pool


def all_sentences(extraction: Extraction) -> SentencePool:
    """Every sentence of the text, as a pool (built once per text, read-only)."""
    pool = extraction.memo.get("all_sentences")
    if pool is None:
        pool = extraction.memo["all_sentences"] = SentencePool(extraction.sentences)
        pool.source = folded_text(extraction.text)
    return pool


def gate(sentences: Iterable[Sentence], triggers: Iterable[str]) -> list[Sentence]:
    """The sentences holding at least one trigger string (lower case): a rule's regexes run only on those."""
    pool = sentences if isinstance(sentences, SentencePool) else SentencePool(sentences)
    wanted = SHARED.of(triggers)
    if wanted:
        if pool.found is None or pool.found_version != SHARED.version():
            pool.found_version, pool.found = SHARED.found_in(pool.source if pool.source is not None
                                                                 else pool.index_text()[0])
        present = pool.found.intersection(wanted)
    else:
        present = set()
    # Each present trigger's sentences found with str.find, jumping to the next sentence after a hit.
    joined, ends = pool.index_text()
    if not present:
        return []
    hit: set[int] = set()
    for trigger in present:
        at = joined.find(trigger)
        while at != -1:
            index = bisect_right(ends, at)
            hit.add(index)
            at = joined.find(trigger, ends[index])
    return [pool[i] for i in sorted(hit)]


_WORD_START = re.compile(r"(?<![\w-])[\w-]|(?<=-)\w")


def word_starts(sentence: Sentence) -> list[int]:
    if sentence.word_starts is None:
        sentence.word_starts = [m.start() for m in _WORD_START.finditer(sentence.text)]
    return sentence.word_starts


# What the match loops need of a pattern, found by one dict look-up on its identity per call: (the pattern, held so
# its identity is never reused; the first characters a match can begin with; the test for the strings every match
# holds; its beginning scanners, for any text and for ASCII text, or None). The memoised functions behind them cost
# a call each, and a keyword key (`after_hyphen`) a sort: a third of a microsecond or more, a hundred times per text.
_Plan = tuple[re.Pattern[str], frozenset[str] | None, Callable[[str], bool] | None,
              tuple[re.Pattern[str], re.Pattern[str]] | None]
# by the scanner asked for: beginning_scanner's `after_hyphen` (True, False), or None for `_word_scanner`
_PLANS: dict[bool | None, dict[int, _Plan]] = {None: {}, True: {}, False: {}}
_WORD = re.compile(r"\w+")


def _word_scanner(pattern: re.Pattern[str]) -> bool:
    """Whether to use beginning_scanner(pattern): when each of the pattern's beginnings is word characters only: no
    word start then lies inside a beginning the scan finds, where the scan would skip it (a beginning 'a b' would
    hide the word start of 'b'), and the places tried are the word starts `word_starts` gives that a match can
    begin at, fewer than a first-character test leaves."""
    found = prefixes(pattern)
    return found is not None and all(_WORD.fullmatch(b) for group in found for b in group)


def _plan(pattern: re.Pattern[str], after_hyphen: bool | None) -> _Plan:
    plans = _PLANS[after_hyphen]
    plan = plans.get(id(pattern))
    if plan is None:
        hyphen = True if after_hyphen is None else after_hyphen
        scanner = beginning_scanner(pattern, after_hyphen=hyphen) \
            if after_hyphen is not None or _word_scanner(pattern) else None
        scanners = None if scanner is None \
            else (scanner, beginning_scanner(pattern, after_hyphen=hyphen, ascii_text=True))
        plan = plans[id(pattern)] = (pattern, first_characters(pattern), finder(pattern), scanners)
    return plan


def _starts(first: frozenset[str] | None, scanners: tuple[re.Pattern[str], re.Pattern[str]] | None,
            sentence: Sentence) -> list[int]:
    text = sentence.text
    if scanners is not None:  # sentence.lower is folded (_prefix.fold): the same length, offsets shared
        lower = sentence.lower
        return [m.start() for m in scanners[lower.isascii()].finditer(lower)]
    starts = word_starts(sentence)
    if first is not None:  # only where the word's first character can begin a match: a set test, not a regex
        starts = [i for i in starts if text[i] in first or text[i] > "\x7f"]
    return starts


def matches(pattern: re.Pattern[str], sentences: Iterable[Sentence],
            vocabulary: bool = False) -> Iterator[tuple[Sentence, re.Match[str]]]:
    """Non-overlapping matches that start at a word start (every rule's patterns begin with a word), tried
    there only: several times faster than a search that tries each character. A pattern is tried only where a
    word begins with one of its beginnings (up to three characters), found by one regex scan of the sentence
    rather than a test at each word: a `vocabulary` (a long list of words) always, another pattern when its
    beginnings are known and are word characters only (`_word_scanner`), else at each word start whose first
    character can begin a match."""
    _, first, holds, scanners = _plan(pattern, True if vocabulary else None)
    for sentence in sentences:
        if holds is not None and not holds(sentence.lower):
            continue  # none of the strings every match holds
        last_end = -1
        text = sentence.text
        for start in _starts(first, scanners, sentence):
            if start < last_end:
                continue
            match = pattern.match(text, start)
            if match and match.end() > match.start():
                yield sentence, match
                last_end = match.end()


def windows_around(cue: re.Pattern[str], text: str, before: int, after: int) -> list[tuple[int, int]]:
    """The stretches of text within `before`/`after` characters of a cue's matches, overlapping ones merged."""
    return windows_of([hit.span() for hit in cue.finditer(text)], len(text), before, after)


def windows_of(spans: list[tuple[int, int]], length: int, before: int, after: int) -> list[tuple[int, int]]:
    """The stretches within `before`/`after` characters of the spans (in order of their starts), merged."""
    windows: list[list[int]] = []
    for start, end in spans:
        low, high = max(0, start - before), min(length, end + after)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    return [(low, high) for low, high in windows]


def matches_in_windows(pattern: re.Pattern[str], sentence: Sentence, windows: list[tuple[int, int]],
                       after_hyphen: bool = True, bounded: bool = False) -> list[re.Match[str]]:
    """Non-overlapping matches of `pattern` that start at a word start inside the windows, tried only where one
    of its beginnings stands (one scan, _prefix.py). Without `after_hyphen` a word after a hyphen is no start
    ("small" in "non-small cell"); `bounded` keeps each match inside its window."""
    _, _, holds, scanners = _plan(pattern, after_hyphen)
    if holds is not None and not holds(sentence.lower):
        return []  # none of the strings every match holds
    text = sentence.text
    starts = None
    scanner = None if scanners is None else scanners[sentence.lower.isascii()]
    if scanner is None:
        starts = word_starts(sentence)
        if not after_hyphen:
            starts = [i for i in starts if i == 0 or text[i - 1] != "-"]
    found, last_end = [], -1
    for low, high in windows:
        if scanner is not None:
            places = [place.start() for place in scanner.finditer(sentence.lower, low, high)]
        else:
            places = starts[bisect_left(starts, low):bisect_left(starts, high)]
        for start in places:
            if start < last_end:
                continue
            match = pattern.match(text, start, high) if bounded else pattern.match(text, start)
            if match:
                found.append(match)
                last_end = match.end()
    return found


def fact(key: str, value: object, sentence: Sentence, start: int, end: int, **detail: object) -> Fact:
    """A fact at sentence-relative offsets [start, end)."""
    return Fact(key=key, value=value, start=sentence.start + start, end=sentence.start + end,
                sentence=sentence.index, detail=dict(detail))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
