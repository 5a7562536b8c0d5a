"""Level parsing and regions: what a reader of radiology reports and case reports types."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinemets.anatomy import (SinsRegion, Vertebra, format_levels, is_disc_space, level_range, parse_level,
                               parse_levels, sins_region)
from spinemets.errors import LevelError


def labels(text: str) -> list[str]:
    return [v.name for v in parse_levels(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C6", ["C6"]),
        ("c6", ["C6"]),
        ("C2-T2", ["C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2"]),
        ("C2\u2013T2", ["C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2"]),  # en dash
        ("T4-6", ["T4", "T5", "T6"]),
        ("D11", ["T11"]),
        ("Th12", ["T12"]),
        ("C5/C6", ["C5", "C6"]),
        ("C5-6", ["C5", "C6"]),
        ("L5-S1", ["L5", "S1"]),
        ("C2, C3, C4 and T1", ["C2", "C3", "C4", "T1"]),
        ("L1 through L3", ["L1", "L2", "L3"]),
        ("from T10 to L2", ["T10", "T11", "T12", "L1", "L2"]),
        ("T2, 3 and 4", ["T2", "T3", "T4"]),
        ("Co", ["Co"]),
        ("T6-T4", ["T4", "T5", "T6"]),  # written tail-first: the same vertebrae, head to tail
    ],
)
def test_written_forms(text, expected):
    assert labels(text) == expected


@pytest.mark.parametrize("text", ["C9", "Q4", "T0", "L", "", "   ", "C2-Q4", "S7"])
def test_invalid_text_is_a_clear_error(text):
    with pytest.raises(LevelError) as info:
        parse_levels(text)
    problem = info.value.problems[0]
    assert problem.value == text
    assert "C1-C7" in problem.allowed


@pytest.mark.parametrize("variant", ["L6", "T13"])
def test_anatomical_variants_are_refused_with_the_reason(variant):
    with pytest.raises(LevelError, match="anatomical variant"):
        parse_level(variant)


def test_disc_spaces():
    assert is_disc_space("C5/C6") and is_disc_space("C5-6") and is_disc_space("L5-S1")
    assert not is_disc_space("T4-6") and not is_disc_space("C6")


@pytest.mark.parametrize(
    ("level", "region"),
    [("C1", "junctional"), ("C2", "junctional"), ("C3", "mobile"), ("C6", "mobile"), ("C7", "junctional"),
     ("T2", "junctional"), ("T3", "semirigid"), ("T10", "semirigid"), ("T11", "junctional"), ("L1", "junctional"),
     ("L2", "mobile"), ("L4", "mobile"), ("L5", "junctional"), ("S1", "junctional"), ("S2", "rigid"), ("S5", "rigid")],
)
def test_sins_regions_follow_fisher_2010(level, region):
    assert sins_region(Vertebra[level]) == SinsRegion(region)


def test_coccyx_has_no_sins_region():
    assert sins_region(Vertebra.Co) is None


def test_column_has_30_levels_in_order():
    assert len(Vertebra) == 30
    assert [v.name for v in Vertebra][:8] == ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "T1"]
    assert Vertebra.C7 < Vertebra.T1 < Vertebra.L5 < Vertebra.S1 < Vertebra.Co


levels = st.sampled_from(list(Vertebra))


@given(levels)
def test_every_level_round_trips_through_text(level):
    assert parse_level(level.name) is level
    assert parse_levels(str(level)) == [level]
    if level.segment.value == "T":
        assert parse_level("D" + level.name[1:]) is level


@given(levels, levels)
def test_every_range_expands_to_the_right_count_in_order(first, last):
    expanded = parse_levels(f"{first.name}-{last.name}")
    assert len(expanded) == abs(int(last) - int(first)) + 1
    assert expanded == sorted(expanded)
    assert expanded[0] == min(first, last) and expanded[-1] == max(first, last)
    assert expanded == level_range(first, last)


@given(st.sets(levels, min_size=1, max_size=12))
def test_formatted_sets_parse_back(chosen):
    assert parse_levels(format_levels(chosen)) == sorted(chosen)
