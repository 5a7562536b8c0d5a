"""Text in, text out; written values in, schema values out.

`clean_text` makes HTML and Markdown readable to the patterns WITHOUT moving any character: tags and markup
become spaces of the same length, so every span found in the cleaned text is a span of the original.
The value helpers turn written numbers, durations and doses into the units the case model uses.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ..units import DAYS_PER_MONTH, WEEKS_PER_MONTH, dose_to_gy
from ._data import load

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^<>]{1,500}>", re.IGNORECASE | re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MARKDOWN = re.compile(r"^(?:\s{0,3}#{1,6}\s|\s*[-*+]\s|\s*>\s?)|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`",
                       re.MULTILINE)
# Characters that break regexes over clinical text, folded one for one to ASCII (so no offset moves):
# non-breaking and odd spaces and soft hyphens to a space; every dash, the non-breaking hyphen ("31\u2011year\u2011old")
# and the minus sign (a stain "(\u2212)") to "-"; typographic quotes, primes and slashes to their ASCII forms.
_FOLD = str.maketrans({
    **{c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f"
                        "\u3000\u00ad\ufeff"},
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"},
    **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032"},
    **{c: '"' for c in "\u201c\u201d\u201e\u201f\u2033"},
    **{c: "/" for c in "\u2044\u2215"},
    "\uff0b": "+", "\uff08": "(", "\uff09": ")", "\uff0c": ",", "\uff1a": ":", "\uff1b": ";",
})
_BLOCK_TAGS = re.compile(r"^<\s*/?\s*(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|title|body|html|head)\b",
                         re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    text = match.group(0)
    # A block-level tag ends a line of text: keep a newline so sentences and headers still split there.
    filler = "\n" if _BLOCK_TAGS.match(text) else " "
    return filler + " " * (len(text) - 1) if text else text


def _entity(match: re.Match[str]) -> str:
    decoded = html.unescape(match.group(0))
    if len(decoded) != 1:  # an unknown entity stays as it is
        return match.group(0)
    return decoded + " " * (len(match.group(0)) - 1)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or "<p>" in head or "<div" in head or "<br" in head or "<!doctype" in head


def clean_text(text: str, *, kind: str | None = None) -> str:
    """Same-length text for the patterns: HTML tags, entities and Markdown markup blanked out, line ends as
    newlines."""
    if "\r" in text:  # Windows line ends (and a pasted web form's): CR LF -> space LF, a lone CR -> LF
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    if kind == "html" or (kind is None and looks_like_html(text)):
        text = _TAG.sub(_blank, text)
        text = _ENTITY.sub(_entity, text)
    elif "<sup>" in text or "<sub>" in text or "<i>" in text:  # inline markup in plain text
        text = _TAG.sub(_blank, text)
    if kind == "markdown" or (kind is None and _looks_like_markdown(text)):
        text = _MARKDOWN.sub(lambda m: " " * len(m.group(0)), text)
    if not text.isascii():
        text = text.translate(_FOLD)
    return text


def _looks_like_markdown(text: str) -> bool:
    # Cheap tests first: most notes hold none of Markdown's marks, and the markup regex is slow on long text.
    return "**" in text or "__" in text or "`" in text or "\n#" in text or text.startswith("#") or "\n> " in text \
        or "\n- " in text or "\n* " in text


_AND_A_HALF = re.compile(r"(\d+)\s*(?:1/2|½)")


def number(text: str) -> float | None:
    """A number written in digits or words ('12', '2.5', 'five', 'twenty-four'); None when it is neither."""
    raw = text.strip().lower().replace(",", "")
    try:
        return float(raw)
    except ValueError:
        pass
    half = _AND_A_HALF.fullmatch(raw)
    if half:
        return int(half.group(1)) + 0.5
    words = load("language")["number_words"]
    parts = re.split(r"[- ]+", raw)
    if parts and all(p in words for p in parts):
        return float(sum(words[p] for p in parts))
    return None


_UNIT_TO_MONTHS = {"day": 1 / DAYS_PER_MONTH, "week": 1 / WEEKS_PER_MONTH, "month": 1.0, "year": 12.0}


def unit_name(text: str) -> str | None:
    """'wks' -> 'week', 'months' -> 'month' (the forms of followup.yaml)."""
    return _unit_of(text.strip().lower())


@lru_cache(maxsize=256)  # a handful of unit words recur in every text: each is tried against the forms once
def _unit_of(raw: str) -> str | None:
    for unit, forms in load("followup")["units"].items():
        if any(re.fullmatch(form, raw) for form in forms):
            return unit
    return None


def to_months(value: float, unit: str) -> float:
    """A duration in months: weeks / 4.345, years x 12 (the extraction schema's conventions, spinemets.units)."""
    return round(value * _UNIT_TO_MONTHS[unit], 2)


def dose_gy(value: float, unit: str) -> float:
    return round(dose_to_gy(value, unit), 3)
