"""The strings a pattern cannot match without (extract/_required.py): a gate that skips the regex engine must
never skip a text the pattern matches."""

import re
from pathlib import Path

import pytest

from spinemets.extract._prefix import fold
from spinemets.extract._required import required, search

DEV = Path(__file__).resolve().parents[3] / "shared" / "cases" / "dev"


def test_a_literal_run_and_the_alternatives_of_a_group():
    assert required(re.compile(r"\bfollow[- ]?ups?\b", re.I)) == ("follow",)
    assert set(required(re.compile(r"(?:died|succumbed)\s+after", re.I))) in ({"after"}, {"died", "succumbed"})


def test_nothing_is_claimed_where_an_alternative_or_an_optional_part_holds_no_string():
    assert required(re.compile(r"(?:cord|\d+)\s*mm")) is None or "mm" in required(re.compile(r"(?:cord|\d+)\s*mm"))
    assert required(re.compile(r"(?:metastasis)?\d+")) is None
    assert required(re.compile(r"a|bc")) is None  # too short to be a useful gate


def test_a_string_that_holds_another_is_not_tested_twice():
    assert required(re.compile(r"(?:metasta|metastasis)\w*")) == ("metasta",)


def test_search_gives_what_the_regex_gives():
    pattern = re.compile(r"\bsurvival\s+of\s+(\d+)\s+months", re.I)
    text = "Overall SURVIVAL of 14 months was reached."
    assert search(pattern, text).group(1) == "14"
    assert search(pattern, "She was alive at 14 months.") is None
    assert search(pattern, text, 10) is None and pattern.search(text, 10) is None


def _patterns_in_use(texts: list[str]) -> list[re.Pattern[str]]:
    """Every compiled pattern alive after the extractor has read the texts (its rules' and the libraries')."""
    import gc

    from spinemets.extract import extract_texts

    list(extract_texts(texts))
    return [item for item in gc.get_objects() if isinstance(item, re.Pattern) and isinstance(item.pattern, str)]


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared beside the clone holds the development reports")
def test_every_match_in_the_development_reports_holds_one_of_the_strings():
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*.txt"))]
    patterns = [p for p in _patterns_in_use(texts) if required(p)]
    assert len(patterns) > 30
    checked = 0
    for pattern in patterns:
        need = required(pattern)
        for text in texts:
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    assert any(word in fold(match.group(0)) for word in need), (pattern.pattern[:60], match.group(0))
                    checked += 1
    assert checked > 200


def test_the_first_text_a_process_reads_has_its_general_statements_told_apart() -> None:
    """The one-pass word finders (extract/_triggers.py) are built on first use: the very first text of a fresh
    interpreter must be read as every later one."""
    import subprocess
    import sys

    code = ("from spinemets.extract import extract_text, to_schema; "
            "print(to_schema(extract_text('Metastases usually involve the T5 vertebra. "
            "A 50-year-old man had an L2 metastasis.'))['spinal_levels'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "['L2']", out.stderr[-500:]


def test_search_tried_at_the_beginnings_finds_the_leftmost_match_the_engine_finds():
    # search tries the pattern only where one of its beginnings stands (_prefix.place_scanner); beginnings that
    # overlap, a match inside a word, a look-behind, bounds and the letters case-insensitive matching equates
    # with ASCII ones (the Kelvin sign) must give what pattern.search gives
    cases = [
        (re.compile(r"\b(?:radiation|brain)\s+(?:to|of)\b|(?:whole[- ]brain|brain)\s+RT\b", re.I),
         ["midbrain RT and whole-brain RT", "radiation of the spine", "no radiation to", "BRAIN  rt"]),
        (re.compile(r"aba\d"), ["ababa1", "abab", "xaba7aba8"]),
        (re.compile(r"(?<!body\s)\bgamma[- ]?knife\b", re.I), ["body gamma knife, then gamma-knife", "Gamma Knife"]),
        (re.compile(r"\bkappa\b", re.I), ["\u212aappa light chains", "lambda"]),
        (re.compile(r"\b\d+\s*gy\b", re.I), ["\u0663\u0660 Gy in 10 fractions", "30 Gy", "no dose"]),
        # beginnings with other letters: only an ASCII text is scanned, for the ASCII ones; a long s is an s
        (re.compile(r"\b(?:serum|[\u00b5u]g/l)\b", re.I), ["5 ug/L", "5 \u00b5g/L", "5 \u03bcg/L", "SERUM"]),
        (re.compile(r"\u017f[a-z]+", re.I), ["SERUM", "1 serum and ſerum"]),
    ]
    for pattern, texts in cases:
        for text in texts:
            for pos in range(len(text) + 1):
                for endpos in (None, len(text), pos + 5):
                    mine = search(pattern, text, pos, endpos)
                    theirs = pattern.search(text, pos) if endpos is None else pattern.search(text, pos, endpos)
                    assert (mine and mine.span()) == (theirs and theirs.span()), (pattern.pattern, text, pos, endpos)


def test_finditer_tried_at_the_beginnings_gives_every_match_the_engine_gives():
    from spinemets.extract._required import finditer

    cases = [
        (re.compile(r"\b(?:(?P<month>january|may)\s+(?:\d{1,2},?\s+)?)?(?P<year>(?:19|20)\d\d)\b", re.I),
         ["In May 2019 and in 2020, then 2021 and MAY 12, 1999; 20200 is no year", "\u0661\u0669\u0669\u0669 2001"]),
        (re.compile(r"aba"), ["ababa abab aba"]),  # overlapping beginnings: the next match starts after the last
        (re.compile(r"(?:metasta\w+|spread)\s+to\s+", re.I), ["metastases to the lung and SPREAD to bone"]),
    ]
    for pattern, texts in cases:
        for text in texts:
            assert [(m.span(), m.groups()) for m in finditer(pattern, text)] == \
                   [(m.span(), m.groups()) for m in pattern.finditer(text)], (pattern.pattern, text)
