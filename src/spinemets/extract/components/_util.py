"""Small helpers the components share."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from functools import lru_cache
from typing import Iterable, Iterator

from ..facts import Extraction, Fact, Sentence


class SentencePool(list):
    """Sentences a component reads, with their lower-case texts joined once for every gate that scans them."""

    joined: str | None = None
    ends: list[int] | None = None

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
    return pool


def all_sentences(extraction: Extraction) -> SentencePool:
    """Every sentence of the text, as a pool (built once per text, read-only)."""
    pool = extraction.memo.get("all_sentences")
    if pool is None:
        pool = extraction.memo["all_sentences"] = SentencePool(extraction.sentences)
    return pool


def gate(sentences: Iterable[Sentence], triggers: Iterable[str]) -> list[Sentence]:
    """The sentences holding at least one trigger string (lower case): a rule's regexes run only on those."""
    pool = sentences if isinstance(sentences, SentencePool) else SentencePool(sentences)
    # The sentences joined and searched with str.find, one trigger at a time: a substring search in C skips
    # most of the text, where one regex alternating the triggers stops at every character. After a hit the
    # search jumps to the next sentence.
    joined, ends = pool.index_text()
    present = [t for t in triggers if t in joined]
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


def matches(pattern: re.Pattern[str], sentences: Iterable[Sentence]) -> Iterator[tuple[Sentence, re.Match[str]]]:
    """Non-overlapping matches that start at a word start (every rule's patterns begin with a word), tried
    there only: several times faster than a search that tries each character."""
    first = first_characters(pattern)
    for sentence in sentences:
        last_end = -1
        text = sentence.text
        starts = word_starts(sentence)
        if first is not None:  # only where the word's first character can begin a match: a set test, not a regex
            starts = [i for i in starts if text[i] in first or text[i] > "\x7f"]
        for start in starts:
            if start < last_end:
                continue
            match = pattern.match(text, start)
            if match and match.end() > match.start():
                yield sentence, match
                last_end = match.end()


@lru_cache(maxsize=512)
def first_characters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII characters (both cases) a match of the pattern can begin with, or None when that is not known
    (a class such as \\w, a back-reference) or the pattern can match nothing. Read from the parse tree of
    Python's own regex parser; lookarounds and word boundaries take no character and are skipped."""
    try:
        from re import _parser

        chars, nullable = _first_of_sequence(_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # an internal module: if its shape ever changes, match everywhere as before
        return None
    if chars is None or nullable:
        return None
    return frozenset(c for ch in chars for c in (ch.lower(), ch.upper()))


def _first_of_sequence(items: list) -> tuple[set[str] | None, bool]:
    found: set[str] = set()
    for item in items:
        chars, nullable = _first_of_item(*item)
        if chars is None:
            return None, True
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op: object, av: object) -> tuple[set[str] | None, bool]:
    from re import _constants as c

    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < 256:
                chars.update(chr(x) for x in range(value[0], value[1] + 1))
            elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:  # other scripts' digits pass the non-ASCII test
                chars.update("0123456789")
            else:  # a category (\w, \d), a negated class, a wide range
                return None, True
        return chars, False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True
    if op is c.SUBPATTERN:
        return _first_of_sequence(av[3])
    if op is c.ATOMIC_GROUP:
        return _first_of_sequence(av)
    if op is c.BRANCH:
        union: set[str] = set()
        any_nullable = False
        for branch in av[1]:
            chars, nullable = _first_of_sequence(branch)
            if chars is None:
                return None, True
            union |= chars
            any_nullable = any_nullable or nullable
        return union, any_nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        chars, nullable = _first_of_sequence(av[2])
        return chars, nullable or av[0] == 0
    return None, True  # anything else (any character, back-references, conditionals): unknown


def fact(key: str, value: object, sentence: Sentence, start: int, end: int, **detail: object) -> Fact:
    """A fact at sentence-relative offsets [start, end)."""
    return Fact(key=key, value=value, start=sentence.start + start, end=sentence.start + end,
                sentence=sentence.index, detail=dict(detail))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
