"""Forms met in held-out sets 18 and 19 (round 12), each written here in our own words: one behaviour per test.
Each failed before the rule that reads it, or guards a new rule."""

from __future__ import annotations

from tests.extract._forms import schema


def test_pressure_over_the_cord() -> None:
    assert schema("Two nodules at T8 caused pressure over the spinal cord.")["cord_compression"] is True


def test_cauda_equina_named_by_its_place() -> None:
    assert schema("We report cauda equina secondary to an L5 metastasis of thyroid cancer.")["cord_compression"] is True


def test_an_indented_cord() -> None:
    assert schema("MRI showed a T11 mass with indentation of the spinal cord.")["cord_compression"] is True


def test_a_metastasectomy_named_by_its_spinal_place() -> None:
    assert schema("He underwent gastrectomy and lumbar vertebrae metastasectomy for the L3 lesion.")["surgery"] is True


def test_opting_for_no_further_treatment() -> None:
    out = schema("Given her frailty, the 90-year-old woman with a T10 metastasis opted for no further treatment.")
    assert (out["surgery"], out["radiotherapy"], out["chemotherapy"]) == (False, False, False)


def test_a_range_between_the_middles_of_two_vertebrae() -> None:
    assert schema("MRI showed an epidural mass from mid L5 to mid S2.")["spinal_levels"] == ["L5", "S1", "S2"]


def test_levels_in_brackets_before_a_fixation_bound_it() -> None:
    text = "The C1 lateral mass was destroyed; an occipitocervical (C2-C5) posterior fixation was performed."
    assert schema(text)["spinal_levels"] == ["C1"]


def test_a_sensory_level_is_no_tumour_level() -> None:
    text = "After resection of the T4 tumour, the improvement stopped at T10 sensory recovery."
    assert schema(text)["spinal_levels"] == ["T4"]


def test_weakness_below_a_level_is_no_tumour_level() -> None:
    text = "Examination showed paraparesis below T6 level; MRI showed a T3 metastasis."
    assert schema(text)["spinal_levels"] == ["T3"]


def test_a_figure_called_inside_a_list_of_organs() -> None:
    text = "A CT a year after the T8 metastasis showed brain (fig. 3) and adrenal metastases."
    assert sorted(schema(text)["other_metastases"]) == ["adrenal", "brain"]


def test_other_skeletal_metastases() -> None:
    text = "Radiation was given to the thyroid bed, the L2 metastasis and other skeletal metastases."
    assert schema(text)["other_metastases"] == ["bone"]
