"""Surgical considerations by region, on constructed lesions (scores stood in by tests/decide/_fakes.py).

Each case changes one finding against a subaxial collapsed, compressing vertebra, the pattern for which
anterior corpectomy with cage and plate is the usual answer (Mesfin 2015; Liu 2003).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from spinemets.case import Case
from spinemets.decide import decide
from spinemets.decide.engine import Status

sys.path.insert(0, str(Path(__file__).parent))
import _fakes  # noqa: E402


def case(level="C5", posterolateral="none", neighbours=(), staging_complete=True, **extra) -> Case:
    lesion = {"level": level, "bone": "lytic", "collapse": "more_than_50", "pathological_fracture": True,
              "neural_compression": True, "compressed_structure": "cord", "posterolateral": posterolateral}
    lesions = [lesion, *neighbours]
    return Case.model_validate({"lesions": lesions, "index_level": level, "staging_complete": staging_complete,
                                "primary": {"histology": "leiomyosarcoma"}, **extra})


def statuses(c: Case, **scores) -> dict[str, Status]:
    return {e.rule.id: e.status for e in decide(c, _fakes.scores(**scores)).evaluations}


ANTERIOR = "surgery.cervical_anterior_reconstruction"
COMBINED = "surgery.posterior_or_combined"
THORACOLUMBAR = "surgery.thoracolumbar_posterior"
PMMA = "surgery.adjacent_pmma_augmentation"


def test_subaxial_body_collapse_with_cord_compression_and_intact_posterior_elements_is_anterior_only():
    s = statuses(case())
    assert s[ANTERIOR] is Status.FIRED
    assert s[COMBINED] is Status.NOT_FIRED
    assert s[THORACOLUMBAR] is Status.NOT_FIRED


def test_posterior_element_involvement_adds_posterior_fixation():
    s = statuses(case(posterolateral="bilateral"))
    assert s[ANTERIOR] is Status.FIRED and s[COMBINED] is Status.FIRED


def test_two_contiguous_collapsed_compressing_bodies_call_for_posterior_fixation_too():
    # Neurosurg Rev 2019;42:511-8 (doi:10.1007/s10143-018-0993-6): two-level corpectomy with an anterior plate
    # alone failed in a third; evidence.yaml anterior_only_max_levels = 1.
    collapsed = {"bone": "lytic", "collapse": "less_than_50", "neural_compression": True}
    s = statuses(case(neighbours=[{"level": "C6", **collapsed}]))
    assert s[ANTERIOR] is Status.FIRED and s[COMBINED] is Status.FIRED
    free = statuses(case(neighbours=[{"level": "C6", "bone": "lytic", "collapse": "none"}]))
    assert free[COMBINED] is Status.NOT_FIRED


def test_the_cervicothoracic_junction_is_not_anterior_only():
    s = statuses(case(level="C7"))
    assert s[ANTERIOR] is Status.NOT_FIRED and s[COMBINED] is Status.FIRED


def test_low_grade_compression_does_not_call_for_decompressive_surgery():
    s = statuses(case(), escc_grades=("1b",), sins_categories=("stable",))
    assert s[ANTERIOR] is Status.NOT_FIRED and s[THORACOLUMBAR] is Status.NOT_FIRED


@pytest.mark.parametrize("level", ["T6", "L3"])
def test_thoracic_and_lumbar_compression_points_to_posterior_surgery(level):
    s = statuses(case(level=level))
    assert s[THORACOLUMBAR] is Status.FIRED and s[ANTERIOR] is Status.NOT_FIRED


def test_pmma_only_where_adjacent_vertebrae_are_osteolytic():
    assert statuses(case())[PMMA] is Status.NOT_FIRED  # neighbours free, staging complete
    assert statuses(case(neighbours=[{"level": "C6", "bone": "blastic"}]))[PMMA] is Status.NOT_FIRED
    assert statuses(case(neighbours=[{"level": "C6", "bone": "lytic"}]))[PMMA] is Status.FIRED
    # Without complete staging an unlisted neighbour may be involved: the question is asked, not assumed.
    open_question = decide(case(staging_complete=None), _fakes.scores()).evaluation(PMMA)
    assert open_question.status is Status.NOT_EVALUABLE
    assert [a.fact for a in open_question.deciding] == ["adjacent_osteolytic"]


def test_aim_follows_the_tomita_stratum():
    excision = statuses(case(), tomita_categories=("long-term local control",))
    assert excision["surgery.aim_excision"] is Status.FIRED and excision["surgery.aim_palliative"] is Status.NOT_FIRED
    terminal = statuses(case(), tomita_categories=("terminal care",))
    assert terminal["surgery.tomita_supportive"] is Status.FIRED and terminal["surgery.aim_palliative"] is Status.FIRED


def test_an_unexpected_tomita_category_is_a_loud_error_not_a_silent_default():
    with pytest.raises(ValueError, match="tomita_aims"):
        decide(case(), _fakes.scores(tomita_categories=("renamed stratum",)))
