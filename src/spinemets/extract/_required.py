"""What a rule's regex cannot match without: a few lower-case strings, one of which every match of the pattern
holds, read from the parse tree of Python's own regex parser. A sentence whose folded lower case holds none of
them is skipped without a call into the regex engine (a substring test in C costs a fraction of one match
attempt, and most patterns are tried on sentences their key words are not in)."""

from __future__ import annotations

import re
from typing import Callable, Iterator

from ._prefix import by_identity, fold, place_scanner
from ._triggers import automaton_of

SHORTEST = 3  # strings shorter than this sit in most sentences: no gate
MOST = 64  # a substring test costs about a tenth of a match attempt at one word start: past this many, no gate


class _Unknown(Exception):
    """A parser shape not read here: no requirement is claimed."""


# A requirement: a set of strings, one of which every match holds; None when nothing is required.
Need = frozenset[str] | None


def _better(a: Need, b: Need) -> Need:
    """The more selective of two requirements (both hold, so either may be kept): longer strings, then fewer."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda need: (min(map(len, need)), -len(need)))


def _sequence(items: list) -> Need:
    from re import _constants as c

    best: Need = None
    run = ""
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            best = _better(best, frozenset({run}))
            run = ""
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # take no character; a lookahead's content is not required
            continue
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, frozenset({run}))
    return best


def _item(op: object, av: object) -> Need:
    from re import _constants as c

    if op is c.SUBPATTERN:
        return _sequence(av[3])
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            need = _sequence(branch)
            if need is None:
                return None  # this alternative requires nothing: neither does the whole
            union |= need
        return frozenset(union)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(body) if low >= 1 else None
    if op in (c.IN, c.ANY, c.NOT_LITERAL, c.CATEGORY, c.GROUPREF, c.GROUPREF_EXISTS, c.RANGE):
        return None
    raise _Unknown(op)


@by_identity
def required(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case strings (at least SHORTEST characters, at most MOST of them) one of which every match of
    `pattern` holds, compared with a folded lower case (_prefix.fold); None when no such short list is known."""
    try:
        from re import _parser

        need = _sequence(_parser.parse(pattern.pattern, pattern.flags).data)
    except (_Unknown, RecursionError, AttributeError, TypeError, ValueError):
        return None
    if need is None or len(need) > MOST or min(map(len, need)) < SHORTEST:
        return None
    # A string holding another is implied by it: keep the shorter, one fewer test.
    kept = [s for s in need if not any(o != s and o in s for o in need)]
    return tuple(sorted(kept, key=len))


_FEW = 3  # up to this many strings are tested one by one; more are looked for in one pass (Aho-Corasick)


@by_identity
def finder(pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """A test of whether a folded text holds one of the strings every match of `pattern` holds (None: no such
    strings are known, every text may hold a match)."""
    need = required(pattern)
    if need is None:
        return None
    # one to three strings: tested by `in` one by one, written out (a generator costs more than the tests)
    if len(need) == 1:
        (one,) = need
        return lambda folded: one in folded
    if len(need) == 2:
        one, two = need
        return lambda folded: one in folded or two in folded
    if len(need) <= _FEW:
        one, two, three = need
        return lambda folded: one in folded or two in folded or three in folded
    automaton = automaton_of(need)
    return lambda folded: next(automaton.iter(folded), None) is not None


def may_match(pattern: re.Pattern[str], folded: str) -> bool:
    """False when `folded` (a folded lower case, _prefix.fold) holds none of the strings every match of
    `pattern` holds: then the pattern cannot match there."""
    holds = finder(pattern)
    return holds is None or holds(folded)


def may_begin(pattern: re.Pattern[str], folded: str) -> bool:
    """False when no place in `folded` (a folded lower case) holds one of the beginnings a match of `pattern` must
    start with (_prefix.place_scanner; beginnings outside ASCII are not told apart in a text that is not ASCII):
    one scan of a sentence instead of a search in each window of it."""
    places = _search_plan(pattern)[1]
    if places is None or (places[1] and not folded.isascii()):
        return True
    return places[0].search(folded) is not None


def search(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """pattern.search(text, pos, endpos), without calling the regex engine when that stretch of text holds none of
    the strings every match holds (for the short windows rules search around a mention, where the test costs
    less than one search of a long alternation); else tried only where one of the pattern's beginnings stands
    (_prefix.place_scanner): the first match found there is the leftmost, the one the search gives."""
    holds, places = _search_plan(pattern)
    if holds is None and places is None:
        return pattern.search(text, pos) if endpos is None else pattern.search(text, pos, endpos)
    folded = fold(text[pos:endpos])
    if holds is not None and not holds(folded):
        return None
    if places is None or (places[1] and not folded.isascii()) or pos < 0 or (endpos is not None and endpos < pos):
        # (a negative or crossed bound: the engine's own clamping, not the window's offsets)
        return pattern.search(text, pos) if endpos is None else pattern.search(text, pos, endpos)
    scanner, end = places[0], len(text) if endpos is None else endpos
    place = scanner.search(folded)
    while place is not None:
        at = place.start()
        match = pattern.match(text, pos + at, end)
        if match:
            return match
        place = scanner.search(folded, at + 1)  # the next place, overlapping this one's beginning or not
    return None


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), tried only where one of the pattern's beginnings stands (as `search`). The
    beginnings are known only of a pattern that cannot match the empty string: each next match is then the first
    one from the end of the last, as finditer finds it."""
    holds, places = _search_plan(pattern)
    folded = fold(text) if holds is not None or places is not None else ""
    if holds is not None and not holds(folded):
        return
    if places is None or (places[1] and not folded.isascii()):
        yield from pattern.finditer(text)
        return
    scanner = places[0]
    place = scanner.search(folded)
    while place is not None:
        at = place.start()
        match = pattern.match(text, at)
        if match:
            yield match
            place = scanner.search(folded, match.end())
        else:
            place = scanner.search(folded, at + 1)


# pattern's identity -> (the pattern, held so its identity is never reused; finder(pattern); place_scanner(pattern))
_SEARCH_PLANS: dict[int, tuple[re.Pattern[str], Callable[[str], bool] | None,
                               tuple[re.Pattern[str], bool] | None]] = {}


def _search_plan(pattern: re.Pattern[str]) -> tuple[Callable[[str], bool] | None, tuple[re.Pattern[str], bool] | None]:
    plan = _SEARCH_PLANS.get(id(pattern))
    if plan is None:
        plan = _SEARCH_PLANS[id(pattern)] = (pattern, finder(pattern), place_scanner(pattern))
    return plan[1], plan[2]
