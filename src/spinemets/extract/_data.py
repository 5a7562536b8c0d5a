"""The pattern files in extract/patterns, read once with importlib.resources and compiled where they are regexes."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Parse `extract/patterns/<name>.yaml` (cached: each file is read once per process)."""
    import yaml

    text = resources.files("spinemets.extract").joinpath("patterns", f"{name}.yaml").read_text(encoding="utf-8")
    # libyaml's loader when built in: parsing the pattern files is a tenth of a second faster at start-up.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=None)
def rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A compiled regex with the shared placeholders NUM (a number in digits or words) and UNIT filled in."""
    if "NUM" in pattern:
        pattern = pattern.replace("NUM", number_pattern())
    if "UNIT" in pattern:
        pattern = pattern.replace("UNIT", unit_pattern())
    return re.compile(pattern, flags)


# list's identity -> (the list, held so its identity is never reused; flags; its pattern). The rules pass the lists of
# the loaded pattern files, which live as long as the process and are never changed: joining a list again to find its cached regex cost
# a few microseconds per rule per text.
_ANY_OF: dict[int, tuple[list[str], int, re.Pattern[str]]] = {}
_ANY_OF_MAX = 512  # a caller building new lists each time cannot grow the memo without bound


def any_of(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex matching any of several (each wrapped as a group so their alternations stay apart)."""
    known = _ANY_OF.get(id(patterns))
    if known is not None and known[0] is patterns and known[1] == flags:
        return known[2]
    compiled = rx("|".join(f"(?:{p})" for p in patterns), flags)
    if len(_ANY_OF) >= _ANY_OF_MAX:
        _ANY_OF.clear()
    _ANY_OF[id(patterns)] = (patterns, flags, compiled)
    return compiled


@lru_cache(maxsize=1)
def number_pattern() -> str:
    numbers = load("language")["number_words"]
    words = sorted(numbers, key=len, reverse=True)
    # "twenty-six", "thirty one": a tens word and a units word make one number (normalize.number adds them).
    tens = "|".join(w for w in words if numbers[w] in (20, 30, 40, 50, 60, 70, 80, 90))
    units = "|".join(w for w in words if 2 <= numbers[w] <= 9 or w == "one")
    compound = rf"(?:{tens})[- ](?:{units})"
    # Whole words only: "an" is a number in "an 8-week history" but not inside "and".
    # a mixed number first: "2 1/2 years" is two and a half, not the 2 of "1/2"
    return r"(?<![\w.])(?:\d+\s+1/2|\d+\s*½|\d+(?:\.\d+)?|" + compound + "|" + "|".join(words) + r")(?![\w])"


@lru_cache(maxsize=1)
def unit_pattern() -> str:
    forms = [form for forms in load("followup")["units"].values() for form in forms]
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


def phrase_alternation(forms: list[str]) -> str:
    """Regex forms joined longest first, so 'lymph nodes' wins over 'lymph'."""
    return "|".join(sorted(forms, key=len, reverse=True))
