"""The IHC vocabulary maps every written form the benchmark schema lists onto its canonical name."""

import pytest

from spinemets.errors import UnknownNameError
from spinemets.knowledge.markers import canonical_marker, marker_names, require_marker

# Canonical names and synonyms exactly as /work/shared/cases/SCHEMA.md writes them.
SCHEMA_CANONICAL = ["SMA", "desmin", "h-caldesmon", "S100", "SOX10", "CD34", "CD56", "CD117", "DOG1", "cytokeratin",
                    "CK7", "CK20", "EMA", "vimentin", "HMB45", "melan-A", "TTF-1", "napsin A", "PSA", "GATA3", "ER",
                    "PR", "HER2", "PAX8", "CD10", "CD99", "STAT6", "TLE1", "MDM2", "CDK4", "Ki-67", "CD138", "CD45",
                    "synaptophysin", "chromogranin", "thyroglobulin", "p63", "myogenin", "MyoD1", "CDX2",
                    "calretinin", "WT1", "INI1", "H3K27me3", "brachyury", "SATB2", "PD-L1"]
SCHEMA_SYNONYMS = {"smooth muscle actin": "SMA", "alpha-SMA": "SMA", "S-100": "S100", "S-100 protein": "S100",
                   "c-kit": "CD117", "KIT": "CD117", "keratin": "cytokeratin", "pan-cytokeratin": "cytokeratin",
                   "AE1/AE3": "cytokeratin", "CK": "cytokeratin", "MART-1": "melan-A", "LCA": "CD45",
                   "chromogranin A": "chromogranin"}


def test_every_schema_name_is_canonical_and_listed():
    names = marker_names()
    for name in SCHEMA_CANONICAL:
        assert name in names
        assert canonical_marker(name) == name


@pytest.mark.parametrize("written,canonical", sorted(SCHEMA_SYNONYMS.items()))
def test_schema_synonyms(written, canonical):
    assert canonical_marker(written) == canonical


@pytest.mark.parametrize("written,canonical", [
    ("Smooth Muscle Actin", "SMA"), ("α-SMA", "SMA"), ("s 100", "S100"), ("CD 34", "CD34"), ("Ki67", "Ki-67"),
    ("MIB-1", "Ki-67"), ("AE1-AE3", "cytokeratin"), ("CAM 5.2", "cytokeratin"), ("Melan A", "melan-A"),
    ("cluster of differentiation 34", "CD34"), ("estrogen receptor", "ER"), ("oestrogen receptor", "ER"),
])
def test_spelling_variants(written, canonical):
    assert canonical_marker(written) == canonical


def test_ck7_is_not_cytokeratin_in_general():
    assert canonical_marker("CK7") == "CK7"
    assert canonical_marker("CK") == "cytokeratin"


def test_unknown_marker_suggests_close_names():
    assert canonical_marker("desmine") is None
    with pytest.raises(UnknownNameError) as info:
        require_marker("desmine")
    assert "desmin" in info.value.suggestions


def test_each_canonical_name_is_listed_once():
    names = marker_names()
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
