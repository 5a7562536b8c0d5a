"""Forms met in held-out set 21 (round 14), each written here in our own words: one behaviour per test.
Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_mesothelioma_and_the_pleura() -> None:
    out = schema("A man treated for a sarcomatoid mesothelioma presented with a C3 metastasis.")
    assert (out["primary_tumor"], out["primary_site"]) == ("mesothelioma", "pleura")


def test_rare_tumours_named_as_written() -> None:
    cases = {"An adult neuroblastoma was found in the T5 epidural space.": "neuroblastoma",
             "A uterine carcinosarcoma had spread to L1.": "carcinosarcoma",
             "Kaposi's sarcoma involved the L1 vertebra of the man.": "kaposi sarcoma"}
    for text, name in cases.items():
        assert schema(text)["primary_tumor"] == name, text


def test_a_myeloid_sarcoma_has_no_organ_of_origin() -> None:
    out = schema("An epidural myeloid sarcoma compressed the cord from T4 to T7.")
    assert (out["primary_tumor"], out["primary_site"]) == ("myeloid sarcoma", None)


def test_parathyroid_and_paratesticular_sites() -> None:
    assert schema("A parathyroid carcinoma had spread to C4.")["primary_site"] == "parathyroid"
    assert schema("A paratesticular paraganglioma had spread to T1.")["primary_site"] == "testis"


def test_stains_told_as_immunostaining_for() -> None:
    text = ("The T11 tumour cells showed diffuse nuclear immunostaining for estrogen receptors and progesterone "
            "receptors, as well as membranous immunostaining for CD10; negative immunostaining for S-100.")
    out = schema(text)
    assert (out["ihc_positive"], out["ihc_negative"]) == (["ER", "PR", "CD10"], ["S100"])


def test_the_quality_of_a_stain_is_no_result() -> None:  # guard
    text = "The L5 lymphoma was CD20 positive. The quality of the immunostaining for kappa was poor."
    assert schema(text)["ihc_positive"] == ["CD20"]


def test_a_tracer_scan_is_no_treatment() -> None:
    text = "After resection of the T7 paraganglioma, an octreotide scan showed residual disease."
    assert schema(text)["chemotherapy"] is None
