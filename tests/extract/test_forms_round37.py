"""Session 11: forms from held-out set 66, written in our own words (a decompression's levels when no tumour level is
named; the sacral foramina, which lie inside the sacrum)."""

from __future__ import annotations

from spinemets.extract import extract_text
from spinemets.extract.case_builder import to_case

from ._forms import schema


def test_the_levels_of_a_decompression_stand_for_the_tumour_when_no_other_is_named() -> None:
    text = ("A 58-year-old woman with metastatic breast cancer had cord compression. She underwent decompressive "
            "laminectomy of T7 and T8 and tumour debulking.")
    assert schema(text)["spinal_levels"] == ["T7", "T8"]


def test_a_named_tumour_level_outranks_the_wider_decompression() -> None:  # guard
    text = ("A 58-year-old woman had a T8 metastasis of breast cancer compressing the cord. She underwent "
            "laminectomy from T7 to T9.")
    assert schema(text)["spinal_levels"] == ["T8"]


def test_the_levels_of_screws_never_stand_for_the_tumour() -> None:  # guard
    text = "A 58-year-old woman with metastatic breast cancer underwent fixation with screws at T6 and T10."
    assert schema(text)["spinal_levels"] == []


def test_a_decompression_level_used_for_the_tumour_keeps_its_evidence() -> None:
    text = ("A 58-year-old woman with metastatic breast cancer had cord compression. She underwent decompressive "
            "laminectomy of T7 and T8.")
    case = to_case(extract_text(text), name="note")
    assert [lesion.level.name for lesion in case.lesions] == ["T7", "T8"]
    cited = {(e.value, e.text) for e in case.evidence if e.value in ("T7", "T8")}
    assert cited == {("T7", "T7"), ("T8", "T8")}


def test_a_mass_through_the_sacral_foramina_involves_those_segments() -> None:
    text = ("CT of the 66-year-old man showed a destructive mass of the left sacrum extending into the S1 and S2 "
            "foramina.")
    assert schema(text)["spinal_levels"] == ["S1", "S2"]


def test_a_lumbar_foramen_is_still_no_tumour_level() -> None:  # guard
    text = "A 66-year-old man with an L2 metastasis had a disc bulge narrowing the L4-L5 foramina."
    assert schema(text)["spinal_levels"] == ["L2"]
