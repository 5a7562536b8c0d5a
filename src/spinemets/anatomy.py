"""Vertebral levels as an ordered type, the spinal regions scores use, and the ways texts write levels.

The column modelled is the standard one: C1-C7, T1-T12, L1-L5, S1-S5 and the coccyx (Co), 30 positions.
Anatomical variants (a sixth lumbar vertebra "L6", a thirteenth thoracic "T13") are rejected with a message
saying so, rather than silently mapped: whether a report's L6 is our L5 or S1 depends on how that report
counted, which only the reader of the images can tell (docs/adr/0002-levels-and-variants.md).
"""

from __future__ import annotations

import re
from enum import Enum, IntEnum

from .errors import LevelError, Problem

_REGION_COUNTS = (("C", 7), ("T", 12), ("L", 5), ("S", 5))
REGION_SIZES: dict[str, int] = dict(_REGION_COUNTS)  # vertebrae in each region of the standard column
ALLOWED_LEVELS_TEXT = "C1-C7, T1-T12 (D1-D12, Th1-Th12), L1-L5, S1-S5, Co"


def _labels() -> list[str]:
    labels = [f"{region}{n}" for region, count in _REGION_COUNTS for n in range(1, count + 1)]
    return labels + ["Co"]


class Vertebra(IntEnum):
    """One vertebra; the integer order runs head to tail, so ranges and sorting are plain comparisons."""

    C1 = 1
    C2 = 2
    C3 = 3
    C4 = 4
    C5 = 5
    C6 = 6
    C7 = 7
    T1 = 8
    T2 = 9
    T3 = 10
    T4 = 11
    T5 = 12
    T6 = 13
    T7 = 14
    T8 = 15
    T9 = 16
    T10 = 17
    T11 = 18
    T12 = 19
    L1 = 20
    L2 = 21
    L3 = 22
    L4 = 23
    L5 = 24
    S1 = 25
    S2 = 26
    S3 = 27
    S4 = 28
    S5 = 29
    Co = 30

    @property
    def label(self) -> str:
        return self.name

    @property
    def segment(self) -> "Segment":
        return Segment(self.name[0] if self.name != "Co" else "Co")

    @property
    def number(self) -> int | None:
        return None if self is Vertebra.Co else int(self.name[1:])

    def __str__(self) -> str:
        return self.name


class Segment(str, Enum):
    """The anatomical segments of the column."""

    CERVICAL = "C"
    THORACIC = "T"
    LUMBAR = "L"
    SACRAL = "S"
    COCCYGEAL = "Co"

    @property
    def title(self) -> str:
        return self.name.lower()


class SinsRegion(str, Enum):
    """Location classes of the Spinal Instability Neoplastic Score (Fisher et al., Spine 2010)."""

    JUNCTIONAL = "junctional"
    MOBILE = "mobile"
    SEMIRIGID = "semirigid"
    RIGID = "rigid"


def _span(first: str, last: str) -> range:
    return range(Vertebra[first], Vertebra[last] + 1)


# Fisher CG et al. Spine 2010;35(22):E1221-9, doi:10.1097/BRS.0b013e3181e16ae2, location component:
# junctional occiput-C2, C7-T2, T11-L1, L5-S1; mobile C3-C6, L2-L4; semi-rigid T3-T10; rigid S2-S5.
# The coccyx is not part of the published table, so it has no SINS region (None), never a guessed one.
_SINS_REGIONS: dict[SinsRegion, tuple[range, ...]] = {
    SinsRegion.JUNCTIONAL: (_span("C1", "C2"), _span("C7", "T2"), _span("T11", "L1"), _span("L5", "S1")),
    SinsRegion.MOBILE: (_span("C3", "C6"), _span("L2", "L4")),
    SinsRegion.SEMIRIGID: (_span("T3", "T10"),),
    SinsRegion.RIGID: (_span("S2", "S5"),),
}


def sins_region(level: Vertebra) -> SinsRegion | None:
    """The SINS location class of a vertebra, or None where the published table has none (coccyx)."""
    for region, spans in _SINS_REGIONS.items():
        if any(int(level) in span for span in spans):
            return region
    return None


ALL_LEVELS: tuple[Vertebra, ...] = tuple(Vertebra)

# Accepted prefixes; "D" (dorsal) and "Th" are thoracic as in much European writing.
_PREFIX = {"c": "C", "t": "T", "th": "T", "d": "D", "l": "L", "s": "S"}
_TOKEN_RE = re.compile(r"^(?:(?P<prefix>th|co|cx|[ctdls])\s?(?P<num>\d{1,2})|(?P<coccyx>co(?:ccyx)?)|(?P<bare>\d{1,2}))$",
                       re.IGNORECASE)
_VARIANTS = {"L6": "a sixth lumbar vertebra", "T13": "a thirteenth thoracic vertebra", "S6": "a sixth sacral segment"}


def _level_problem(text: str, why: str) -> LevelError:
    return LevelError([Problem(field="level", value=text, allowed=ALLOWED_LEVELS_TEXT, message=why)])


def parse_level(text: str, *, field: str = "level") -> Vertebra:
    """Read one vertebra: 'C6', 'c 6', 'D11' (dorsal = thoracic), 'Th12', 'Co'."""
    if isinstance(text, Vertebra):
        return text
    raw = str(text).strip()
    match = _TOKEN_RE.match(raw)
    if not match or match.group("bare"):
        raise LevelError([Problem(field=field, value=text, allowed=ALLOWED_LEVELS_TEXT,
                                  message="not a vertebral level")])
    if match.group("coccyx") or (match.group("prefix") or "").lower() in ("co", "cx"):
        if match.group("num") not in (None, "1"):
            raise LevelError([Problem(field=field, value=text, allowed=ALLOWED_LEVELS_TEXT,
                                      message="the coccyx is modelled as one level, Co")])
        return Vertebra.Co
    prefix = _PREFIX[match.group("prefix").lower()]
    prefix = "T" if prefix == "D" else prefix
    label = f"{prefix}{int(match.group('num'))}"
    if label in _VARIANTS:
        raise LevelError([Problem(
            field=field, value=text, allowed=ALLOWED_LEVELS_TEXT,
            message=f"{label} would be {_VARIANTS[label]}, an anatomical variant; spinemets counts the standard "
                    "column, so record the level as the report's imaging counts it against C1-S5 (e.g. L5 or S1)")])
    try:
        return Vertebra[label]
    except KeyError:
        raise LevelError([Problem(field=field, value=text, allowed=ALLOWED_LEVELS_TEXT,
                                  message="no such vertebra")]) from None


def level_range(first: Vertebra, last: Vertebra) -> list[Vertebra]:
    """Every vertebra from first to last inclusive, head to tail (order of the arguments does not matter)."""
    low, high = sorted((int(first), int(last)))
    return [Vertebra(i) for i in range(low, high + 1)]


_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_RANGE_WORDS = r"(?:through|thru|to|until|till|down\s+to)"
_LIST_SPLIT = re.compile(r"\s*(?:,|;|&|\+|\band\b|\bor\b|\bas\s+well\s+as\b)\s*", re.IGNORECASE)
_RANGE_SPLIT = re.compile(rf"\s*(?:[{_DASH}/]|\b{_RANGE_WORDS}\b)\s*", re.IGNORECASE)
_FROM = re.compile(r"^(?:from|levels?|vertebrae|vertebra|vertebral\s+bodies|at)\s+", re.IGNORECASE)


def _resolve_end(text: str, start: Vertebra, field: str) -> Vertebra:
    """The end of a range; a bare number inherits the start's segment ('T4-6' is T4 to T6)."""
    stripped = text.strip()
    if stripped.isdigit():
        if start is Vertebra.Co:
            raise _level_problem(text, "a bare number cannot follow the coccyx")
        return parse_level(f"{start.name[0]}{stripped}", field=field)
    return parse_level(stripped, field=field)


def parse_levels(text: str, *, field: str = "levels") -> list[Vertebra]:
    """Every vertebra a level text names, unique, head to tail.

    Understands single levels, ranges ('C2-T2', 'C2–T2', 'T4-6', 'L1 through L3', 'from T10 to L2'), disc
    spaces ('C5/C6', 'C5-6': both vertebrae bounding the disc) and lists ('C2, C3, C4 and T1', 'C2, 3 and 4').
    """
    if text is None or not str(text).strip():
        raise LevelError([Problem(field=field, value=text, allowed=ALLOWED_LEVELS_TEXT, message="no level given")])
    try:
        return _parse_levels(str(text), field)
    except LevelError as exc:
        inner = exc.problems[0]
        if inner.value == text:
            raise
        raise LevelError([Problem(field=field, value=text, allowed=ALLOWED_LEVELS_TEXT,
                                  message=f"'{inner.value}' in it: {inner.message}")]) from None


def _parse_levels(text: str, field: str) -> list[Vertebra]:
    found: set[Vertebra] = set()
    previous: Vertebra | None = None
    for piece in _LIST_SPLIT.split(text.strip()):
        piece = _FROM.sub("", piece.strip())
        if not piece:
            continue
        ends = [p for p in _RANGE_SPLIT.split(piece) if p.strip()]
        if len(ends) == 1:
            token = ends[0].strip()
            if token.isdigit():
                if previous is None or previous is Vertebra.Co:
                    raise LevelError([Problem(field=field, value=text, allowed=ALLOWED_LEVELS_TEXT,
                                              message=f"'{token}' has no segment letter to inherit")])
                level = parse_level(f"{previous.name[0]}{token}", field=field)
            else:
                level = parse_level(token, field=field)
            found.add(level)
            previous = level
        elif len(ends) == 2:
            start = parse_level(ends[0].strip(), field=field)
            end = _resolve_end(ends[1], start, field)
            found.update(level_range(start, end))
            previous = end
        else:
            raise LevelError([Problem(field=field, value=text, allowed=ALLOWED_LEVELS_TEXT,
                                      message=f"cannot read '{piece}' as a level or a range")])
    return sorted(found)


def is_disc_space(text: str) -> bool:
    """True when the text names the disc between two adjacent vertebrae ('C5/C6', 'C5-6', 'L5-S1')."""
    parts = [p for p in _RANGE_SPLIT.split(str(text).strip()) if p.strip()]
    if len(parts) != 2:
        return False
    try:
        start = parse_level(parts[0])
        end = _resolve_end(parts[1], start, "level")
    except LevelError:
        return False
    return abs(int(end) - int(start)) == 1


def format_levels(levels: list[Vertebra] | set[Vertebra]) -> str:
    """Compact text for a set of levels: runs of three or more become ranges ('C2-T2, L4')."""
    ordered = sorted(set(levels))
    if not ordered:
        return ""
    runs: list[list[Vertebra]] = [[ordered[0]]]
    for level in ordered[1:]:
        if int(level) == int(runs[-1][-1]) + 1:
            runs[-1].append(level)
        else:
            runs.append([level])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0]}-{run[-1]}")
        else:
            parts.extend(str(v) for v in run)
    return ", ".join(parts)
