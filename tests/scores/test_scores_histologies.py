"""The histology catalogue: every case-vocabulary histology, its classes per score, synonyms, fallbacks."""

from __future__ import annotations

import re

import pytest
from tests.conftest import SHARED

from spinemets.errors import UnknownNameError
from spinemets.knowledge.histologies import histology_names, lookup, require_histology


def _schema_vocabulary() -> list[str]:
    text = (SHARED / "cases" / "SCHEMA.md").read_text(encoding="utf-8")
    block = text.split("Histology vocabulary", 1)[1].split("Where a text", 1)[0]
    return re.findall(r"`([^`]+)`", block)[1:]  # the first backticked word is the key name primary_tumor


def test_every_histology_of_the_case_vocabulary_is_in_the_catalogue():
    vocabulary = _schema_vocabulary()
    assert "leiomyosarcoma" in vocabulary and len(vocabulary) > 30
    assert set(vocabulary) <= set(histology_names())


def test_leiomyosarcoma_of_the_thigh_is_others_for_tokuhashi_open_for_tomita_moderate_for_katagiri():
    entry = lookup("leiomyosarcoma", site="thigh")
    assert entry.tokuhashi == ("others",)
    assert entry.tomita == ("moderate", "rapid")
    assert entry.katagiri == ("moderate",)
    assert (entry.bauer_favourable, entry.bauer_lung, entry.radiosensitivity) == (False, False, "resistant")
    assert any("others" in note for note in entry.interpretive)


def test_uterine_leiomyosarcoma_is_placed_by_its_organ_and_an_unknown_site_keeps_both_readings():
    assert lookup("leiomyosarcoma", site="uterus").tokuhashi == ("kidney_uterus",)
    assert set(lookup("leiomyosarcoma").tokuhashi) == {"others", "kidney_uterus"}


def test_generic_carcinomas_take_their_classes_from_the_site():
    lung = lookup("adenocarcinoma", site="lung")
    assert (
        lung.tokuhashi == ("lung_stomach_bladder_esophagus_pancreas_osteosarcoma",)
        and lung.bauer_lung is True
    )
    assert lung.katagiri == ("moderate", "rapid")  # targeted therapy decides
    no_site = lookup("adenocarcinoma")
    assert no_site.tokuhashi is None and no_site.tomita is None


@pytest.mark.parametrize(
    "written, key",
    [
        ("Clear-cell RCC", "clear cell renal cell carcinoma"),
        ("Invasive Ductal Carcinoma", "ductal carcinoma"),
        ("myeloma", "multiple myeloma"),
        ("MPNST", "malignant peripheral nerve sheath tumor"),
    ],
)
def test_synonyms(written, key):
    assert lookup(written).key == key


def test_radiosensitivity_of_the_sourced_groups():
    assert lookup("lymphoma").radiosensitivity == "sensitive"
    assert lookup("multiple myeloma").radiosensitivity == "sensitive"
    assert lookup("renal cell carcinoma").radiosensitivity == "resistant"
    assert lookup("melanoma").radiosensitivity == "resistant"
    assert lookup("ewing sarcoma").radiosensitivity is None  # not sourced: unknown, never guessed


def test_unknown_histology_gives_none_and_the_strict_form_an_error_with_suggestions():
    assert lookup("blastoma of the elbow") is None
    with pytest.raises(UnknownNameError) as caught:
        require_histology("leiomyosarcomma")
    assert "leiomyosarcoma" in caught.value.suggestions


def test_site_alone_is_enough_for_organ_classes():
    entry = lookup(None, site="breast")
    assert entry.tokuhashi == ("thyroid_breast_prostate_carcinoid",) and entry.bauer_favourable is True
    assert lookup(None) is None
