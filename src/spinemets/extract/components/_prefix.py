"""What a rule's regex can begin with: the lower-case strings (up to three characters) every match starts with,
read from the parse tree of Python's own regex parser. The rules try their patterns only at word starts whose
first characters are one of these: a set lookup instead of a call into the regex engine."""

from __future__ import annotations

import re
from functools import lru_cache

LENGTH = 3  # three characters tell most vocabulary words apart; longer keys would cost more than they save
_LIMIT = 4096  # more alternative beginnings than this: the pattern is tried at every word start


class _Unknown(Exception):
    """The beginnings cannot be enumerated (too many, or an internal parser shape we do not know)."""


@lru_cache(maxsize=512)
def prefixes(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """(beginnings of three, two and one characters) such that every non-empty match of `pattern` begins with
    one of them (compared in lower case), or None when that is not known (a class such as \\w at the start, a
    pattern that can match the empty string). Lookarounds and word boundaries take no character: skipped."""
    try:
        from re import _parser

        states = _sequence(_parser.parse(pattern.pattern, pattern.flags).data, {("", True)})
    except (_Unknown, RecursionError, AttributeError, TypeError, ValueError):
        return None
    found = {text for text, _ in states}
    if "" in found:
        return None
    by_length = [frozenset(t for t in found if len(t) == n) for n in (3, 2, 1)]
    return by_length[0], by_length[1], by_length[2]


@lru_cache(maxsize=512)
def first_characters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII-cased characters (both cases) a match of the pattern can begin with: the first character of each
    of its beginnings; None when those are not known."""
    found = prefixes(pattern)
    if found is None:
        return None
    return frozenset(c for group in found for text in group for c in (text[0], text[0].upper()))


# A state is (the beginning read so far, whether it can still grow).
State = tuple[str, bool]


def _sequence(items: list, states: set[State]) -> set[State]:
    for item in items:
        if not any(open_ for _, open_ in states):
            break
        states = _item(*item, states)
        if len(states) > _LIMIT:
            raise _Unknown
    return states


def _grow(states: set[State], chars: set[str]) -> set[State]:
    out = {s for s in states if not s[1]}
    for text, open_ in states:
        if open_:
            out.update((text + c, len(text) + 1 < LENGTH) for c in chars)
    return out


def _close(states: set[State]) -> set[State]:
    return {(text, False) for text, _ in states}


def _item(op: object, av: object, states: set[State]) -> set[State]:
    from re import _constants as c

    if op is c.LITERAL:
        return _grow(states, {chr(av).lower()})
    if op is c.IN:
        chars = _class(av)
        return _close(states) if chars is None else _grow(states, chars)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return states
    if op is c.SUBPATTERN:
        return _sequence(av[3], states)
    if op is c.ATOMIC_GROUP:
        return _sequence(av, states)
    if op is c.BRANCH:
        closed = {s for s in states if not s[1]}
        growing = states - closed
        out = set(closed)
        for branch in av[1]:
            out |= _sequence(branch, set(growing))
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, body = av
        once = _sequence(body, set(states))
        if high != 1:  # after one pass the body may come again: what follows is not known here
            once = _close(once)
        return once | states if low == 0 else once
    return _close(states)  # any character, \w, a back-reference, a conditional: the beginning ends here


def _class(av: list) -> set[str] | None:
    from re import _constants as c

    chars: set[str] = set()
    for kind, value in av:
        if kind is c.LITERAL:
            chars.add(chr(value).lower())
        elif kind is c.RANGE and value[1] - value[0] < 128:
            chars.update(chr(x).lower() for x in range(value[0], value[1] + 1))
        elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:  # other scripts' digits pass the non-ASCII test
            chars.update("0123456789")
        else:  # \w, \s, a negated class, a wide range
            return None
    return chars


def plausible(starts: list[int], lower: str, beginnings: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> list[int]:
    """The places among `starts` where a match can begin: its first characters (in `lower`, the text in lower
    case, same length) are one of the beginnings, or hold a non-ASCII character (case folding may match it
    to an ASCII letter)."""
    three, two, one = beginnings
    return [i for i in starts
            if (key := lower[i:i + 3]) in three or key[:2] in two or key[:1] in one or not key.isascii()]
