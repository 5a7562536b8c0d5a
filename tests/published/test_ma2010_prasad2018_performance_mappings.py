"""ECOG <-> KPS mappings: Ma C et al. Eur J Cancer 2010;46(18):3175-83 (doi:10.1016/j.ejca.2010.06.126),
Prasad KT et al. World J Clin Oncol 2018;9(7):140-7, and the common correspondence table (hemonc.org).
Examples derived in ../shared/reference/scores.md section 4."""

from __future__ import annotations

import pytest

from spinemets.knowledge.performance import performance_mappings


@pytest.mark.parametrize(
    "mapping, kps, ecog",
    [
        ("common", 80, (1,)),
        ("ma2010", 80, (1,)),
        ("prasad2018", 80, (1,)),
        ("common", 60, (2,)),
        ("ma2010", 60, (2,)),
        ("prasad2018", 60, (3,)),
        ("common", 70, (1,)),
        ("ma2010", 70, (2,)),
        ("prasad2018", 70, (2,)),
        ("common", 50, (2,)),
        ("ma2010", 50, (3,)),
        ("prasad2018", 50, (3,)),
    ],
)
def test_kps_to_ecog(mapping, kps, ecog):
    assert performance_mappings().get(mapping).ecog_for(kps) == ecog


@pytest.mark.parametrize(
    "mapping, kps", [("common", (30, 40)), ("ma2010", (40, 50)), ("prasad2018", (50, 60))]
)
def test_ecog_3_to_kps(mapping, kps):
    assert performance_mappings().get(mapping).kps_for(3) == kps


def test_default_is_named_and_explained():
    mappings = performance_mappings()
    assert mappings.default == "ma2010" and "empirical" in mappings.why
