"""What a rule's regex can begin with: the lower-case strings (up to three characters) every match starts with,
read from the parse tree of Python's own regex parser; and where in a text a match can begin, found from them.
The rules try their patterns only at word starts whose first characters are one of these: a set lookup, or one
scan of the text, instead of a call into the regex engine at every word."""

from __future__ import annotations

import re
from functools import wraps
from typing import Callable, TypeVar

T = TypeVar("T")

LENGTH = 3  # three characters tell most vocabulary words apart; longer keys would cost more than they save
_LIMIT = 4096  # more alternative beginnings than this: the pattern is tried at every word start


def by_identity(function: Callable[..., T]) -> Callable[..., T]:
    """Memoise a function of a compiled pattern (and flags) by the pattern's identity: hashing a compiled pattern
    hashes its whole program (7 us for the histology vocabulary), which functools.lru_cache would do per call.
    The patterns are compiled once per process and kept, so identities are stable; each is held here too."""
    memo: dict[object, tuple[object, T]] = {}

    @wraps(function)
    def memoised(pattern: re.Pattern[str], *args: object, **options: object) -> T:
        # the pattern alone (most calls) keys by its identity only: this runs hundreds of times per text
        key = (id(pattern), args, tuple(sorted(options.items()))) if args or options else id(pattern)
        hit = memo.get(key)
        if hit is None:
            hit = memo[key] = (pattern, function(pattern, *args, **options))
        return hit[1]

    return memoised


class _Unknown(Exception):
    """The beginnings cannot be enumerated (too many, or an internal parser shape we do not know)."""


@by_identity
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


@by_identity
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


# The only characters outside ASCII that Python's case-insensitive matching equates with an ASCII letter (and the
# only one whose lower case is two characters long, U+0130): folded to that letter, a text's lower case keeps its
# length, and an ASCII beginning found in it is found wherever the pattern itself could match.
_FOLDED = "\u0130\u0131\u017f\u212a"
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """The text in lower case, as long as the text (offsets are shared), with the four non-ASCII letters that
    case-insensitive matching equates with ASCII ones written as those."""
    if text.isascii() or not any(c in text for c in _FOLDED):  # isascii is a flag test; translate is slow
        return text.lower()
    return text.translate(_FOLD).lower()


def folds_by_slices(text: str) -> bool:
    """Whether fold(text[i:j]) == fold(text)[i:j] for every slice: folded, each character becomes one character
    of its own, except the capital sigma, which lower case makes final or not by the letters after it (the only
    rule of Python's lower case that looks at a character's neighbours)."""
    return text.isascii() or "\u03a3" not in text


@by_identity
def beginning_scanner(pattern: re.Pattern[str], after_hyphen: bool = True,
                      ascii_text: bool = False) -> re.Pattern[str] | None:
    """A regex finding, in folded text (`fold`), the word starts where `pattern` can begin a match: one of its
    beginnings not preceded by a word character (nor by a hyphen, unless `after_hyphen`: "small" in "non-small
    cell" is not a word start for a name), or any digit where a beginning is a digit. None when the beginnings
    are not known or do not all begin with an ASCII letter or digit (a mark's word start depends on more).
    With `ascii_text`, a scanner for folded texts that are ASCII (`str.isascii`), finding the same places in
    them with the same matches: when every beginning is a digit, there the only digits are the ten ASCII ones,
    and the scanner begins with them, where the other's `\\d` makes it begin with its look-behind, tried at every
    place (2.5 times slower). With words among the beginnings the look-behind first is as fast or faster (it
    fails at once inside a word; most letters would begin an alternative): the general scanner."""
    found = prefixes(pattern)
    if found is None:
        return None
    beginnings = sorted(set().union(*found), key=len, reverse=True)
    if not all(b[:1].isascii() and b[:1].isalnum() for b in beginnings):
        return None
    # A digit may stand for \d, which matches other scripts' digits too: any digit is then a candidate place.
    words = [b for b in beginnings if not b[:1].isdigit()]
    before = r"\w" if after_hyphen else r"[\w-]"
    if not words and ascii_text:
        return re.compile(alternation_by_first(list("0123456789"), f"(?<!{before}.)"))
    if len(words) < len(beginnings):
        return re.compile(rf"(?<!{before})(?:{'|'.join(map(re.escape, words)) or '(?!)'}|\d)")
    # Without digits, the look-behind is written after each beginning's first character (alternation_by_first)
    return re.compile(alternation_by_first(words, f"(?<!{before}.)"))


def alternation_by_first(words: list[str], after_first: str = "") -> str:
    """An alternation of the words (in their order), grouped by their first character, with `after_first` (a
    look-behind) written after it. Every alternative then begins with a character, and the regex engine skips
    ahead to those, where a pattern that begins with a look-behind is tried at every place (two to three times
    slower). The matches are the same: words with other first characters never match at the same place."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{re.escape(first)}{after_first}(?:{'|'.join(map(re.escape, rests))})"
                    for first, rests in groups.items()) or "(?!)"


@by_identity
def place_scanner(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool] | None:
    """(a regex finding, in folded text, the places where one of `pattern`'s beginnings stands, word start or not;
    whether it finds them all only in an ASCII text). A match of the pattern can begin only at such a place: a
    search need try the pattern only there, where `pattern.search` tries every character when the pattern begins
    with `\\b` or a look-behind. Beginnings may overlap ("aba" in "ababa"): search the scanner again from each place
    plus one, not with finditer. Only the ASCII beginnings are looked for (folded as the text is): one with another
    letter (its case-insensitive equals need not be its lower case: Greek sigma and final sigma) never stands in an
    ASCII text, and a digit may stand for `\\d`, which other scripts' digits match too. None when the beginnings are
    not known."""
    found = prefixes(pattern)
    if found is None:
        return None
    beginnings = {fold(b) for group in found for b in group}
    ascii_ones = sorted((b for b in beginnings if b.isascii()), key=len, reverse=True)
    ascii_only = len(ascii_ones) < len(beginnings) or any(c.isdigit() for b in ascii_ones for c in b)
    return re.compile(alternation_by_first(ascii_ones)), ascii_only


_LAST_FOLDED: tuple[str | None, str] = (None, "")


def folded_text(text: str) -> str:
    """fold(text), the same string object for the same text asked again (the last one is kept): the splitter and
    the rules' gates then scan one string, which the trigger finder reads once (_triggers.Triggers.found_in)."""
    global _LAST_FOLDED
    last_text, last_folded = _LAST_FOLDED
    if last_text is text:
        return last_folded
    folded = fold(text)
    _LAST_FOLDED = (text, folded)
    return folded


def search_at_word_starts(pattern: re.Pattern[str], text: str, folded: str) -> re.Match[str] | None:
    """The first match of `pattern` in `text` that begins at a word start, tried only where one of its beginnings
    stands (`folded` is fold(text)); a plain search when its beginnings are not known."""
    scanner = beginning_scanner(pattern, True, folded.isascii())
    if scanner is None:
        return pattern.search(text)
    for place in scanner.finditer(folded):
        match = pattern.match(text, place.start())
        if match:
            return match
    return None
