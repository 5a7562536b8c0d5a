"""The case model: unknown stays unknown, files round-trip, and every defect is reported with its field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinemets.anatomy import Vertebra
from spinemets.case import Case, Collapse, EsccGrade, Pain
from spinemets.casefile import (case_from_data, case_json_schema, dump_case, load_case, parse_case_text, save_case)
from spinemets.errors import CaseFileError

from tests.conftest import EXAMPLES

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def problems(data) -> dict[str, object]:
    with pytest.raises(CaseFileError) as info:
        case_from_data(data)
    return {p.field: p for p in info.value.problems}


def test_seed_case_holds_the_reports_facts(seed_case):
    c = seed_case
    assert (c.patient.age_years, c.patient.sex.value) == (45, "male")
    assert c.primary.histology == "leiomyosarcoma" and c.primary.site == "thigh"
    assert [l.name for l in c.levels] == ["C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2"]
    c6 = c.lesion_at(Vertebra.C6)
    assert c6.collapse is Collapse.MORE_THAN_50 and c6.neural_compression is True and c6.fractured
    assert c6.escc is None  # the report never grades the compression: unknown, not guessed
    assert c6.pain is Pain.PRESENT
    assert c.performance.ecog is None and c.performance.kps is None
    assert {m.name: m.result.value for m in c.pathology.markers} == {
        "desmin": "positive", "SMA": "positive", "S100": "negative", "CD34": "negative", "CD56": "negative"}
    rt = c.treatments.radiotherapy[0]
    assert (rt.total_dose_gy, rt.fractions) == (50, 25)
    assert c.treatments.surgery[0].cement_augmentation == [Vertebra.C5, Vertebra.C7]
    assert c.follow_up.last_follow_up_months == 13


def test_unknown_is_distinct_from_no():
    written = case_from_data({"neurology": {"motor_deficit": "unknown", "sensory_deficit": False}})
    assert written.neurology.motor_deficit is None
    assert written.neurology.sensory_deficit is False
    empty = Case()
    assert empty.neurology.any_deficit is None
    assert empty.staging_complete is None


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_examples_round_trip_without_loss(path, fmt, tmp_path):
    case = load_case(path)
    assert parse_case_text(dump_case(case, fmt), fmt=fmt) == case
    target = tmp_path / f"copy.{fmt}"
    save_case(case, target)
    assert load_case(target) == case


def test_escc_grades_are_strings_not_numbers():
    case = case_from_data({"lesions": [{"level": "L2", "escc": 2}, {"level": "L3", "escc": "1C"}]})
    assert [l.escc for l in case.lesions] == [EsccGrade.G2, EsccGrade.G1C]
    assert json.loads(dump_case(case, "json"))["lesions"][0]["escc"] == "2"


def test_each_problem_names_field_value_and_allowed():
    found = problems({
        "performance": {"kps": 55, "ecog": 7},
        "labs": {"albumin_g_dl": -1},
        "lesions": [{"level": "C9"}, {"level": "T8", "collapse": "half"}],
        "patient": {"sex": "m", "height_cm": 500},
        "colour": "blue",
    })
    assert found["performance.kps"].value == 55 and "10" in found["performance.kps"].allowed
    assert found["performance.ecog"].value == 7 and "5" in found["performance.ecog"].allowed
    assert found["labs.albumin_g_dl"].value == -1 and ">= 0" in found["labs.albumin_g_dl"].allowed
    assert found["lesions[0].level"].value == "C9" and "C1-C7" in found["lesions[0].level"].allowed
    assert "more_than_50" in found["lesions[1].collapse"].allowed
    assert "male" in found["patient.sex"].allowed
    assert found["patient.height_cm"].value == 500
    assert found["colour"].message == "unknown field"
    assert len(found) == 8


def test_duplicate_levels_and_stray_index_level_are_refused():
    found = problems({"lesions": [{"level": "C6"}, {"level": "c6"}]})
    assert "twice" in next(iter(found.values())).message
    found = problems({"lesions": [{"level": "C6"}], "index_level": "T4"})
    assert "index_level" in next(iter(found.values())).message


def test_contradictory_compression_is_refused():
    found = problems({"lesions": [{"level": "C6", "escc": "3", "neural_compression": False}]})
    assert "compressed" in next(iter(found.values())).message


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02binary", "binary"), (b"\xff\xfe\xfa broken", "UTF-8"),
     (b"lesions: [level: C6\n", "YAML syntax error"), (b"- just\n- a list\n", "does not hold a case"),
     (b"# only a comment\n", "holds no data")],
)
def test_unreadable_files_give_one_clear_problem(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    assert message in info.value.render()


def test_missing_file_folder_and_wrong_suffix(tmp_path):
    for path, message in [(tmp_path / "absent.yaml", "no such file"), (tmp_path, "not a case file suffix"),
                          (tmp_path / "case.txt", "not a case file suffix")]:
        with pytest.raises(CaseFileError, match=message):
            load_case(path)
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    with pytest.raises(CaseFileError, match="is a folder"):
        load_case(folder)


def test_oversized_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"notes: [" + b"x" * (3 * 1024 * 1024) + b"]\n")
    with pytest.raises(CaseFileError, match="too large"):
        load_case(path)


def test_shipped_schema_matches_the_model():
    import importlib.resources

    shipped = json.loads(importlib.resources.files("spinemets").joinpath("schema/case.schema.json").read_text())
    assert shipped == case_json_schema()
    assert "lesions" in shipped["properties"]
