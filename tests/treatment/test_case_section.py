"""The analysis sections `treatment` and `ihc_differential` on the seed case, field by field."""

import json
from pathlib import Path

from typer.testing import CliRunner

from spinemets.analysis import analyze
from spinemets.case import Case
from spinemets.cli import app
from spinemets.treatment.for_case import treatment_section

SEED_CASE = Path(__file__).resolve().parents[2] / "examples" / "leiomyosarcoma-c6.yaml"


def test_seed_treatment_section(seed_case):
    section = treatment_section(seed_case)
    # the seed report gives neither height nor weight: the BSA says what is missing, doses stay per m2
    assert section["bsa"]["bsa_m2"] is None
    assert set(section["bsa"]["missing"]) == {"patient.height_cm", "patient.weight_kg"}
    rt = section["radiotherapy"][0]
    assert rt["course"]["total_dose_gy"] == 50 and rt["course"]["fractions"] == 25
    assert next(t for t in rt["tissues"] if t["tissue"] == "tumour")["bed_gy"] == 60.0
    assert next(t for t in rt["tissues"] if t["tissue"] == "spinal_cord")["eqd2_gy"] == 50.0
    assert rt["reirradiation"] is None
    chemo = section["chemotherapy"][0]
    assert chemo["computed"] is True
    assert chemo["drugs"][0]["cumulative"] == {"value": 450.0, "unit": "mg/m2"}
    assert "per_administration_mg" not in chemo["drugs"][0]
    assert chemo["anthracycline"][0]["label_cardiomyopathy_risk_percent"]["value"] == [5, 8]
    # prior chemotherapy is unknown in the seed: the lifetime dose is not pretended to be complete
    assert any("prior doxorubicin exposure not known" in n for n in chemo["notes"])


def test_height_and_weight_give_mg(seed_case):
    case = seed_case.model_copy(deep=True)
    case.patient.height_cm, case.patient.weight_kg = 170, 70
    chemo = treatment_section(case)["chemotherapy"][0]
    assert chemo["drugs"][0]["per_administration_mg"] == 45.45


def test_unknown_cycles_gives_no_cumulative():
    case = Case.model_validate({"treatments": {"chemotherapy": [
        {"agents": ["doxorubicin"], "dose_mg_per_m2": 60, "days": [1], "cycle_length_days": 21}]}})
    chemo = treatment_section(case)["chemotherapy"][0]
    assert chemo["cycles"] is None and chemo["drugs"][0]["cumulative"] is None
    assert chemo["drugs"][0]["per_cycle"]["value"] == 60


def test_unrecorded_regimen_names_what_is_missing():
    case = Case.model_validate({"treatments": {"chemotherapy": [{"agents": ["ifosfamide"]}]}})
    chemo = treatment_section(case)["chemotherapy"][0]
    assert chemo["computed"] is False and "dose_mg_per_m2" in chemo["missing"]


def test_second_course_to_same_level_is_reirradiation():
    case = Case.model_validate({"lesions": [{"level": "T8"}], "treatments": {"radiotherapy": [
        {"total_dose_gy": 30, "fractions": 10, "levels": ["T8"], "start_date": "2025-01-06"},
        {"total_dose_gy": 24, "fractions": 2, "levels": ["T8"], "start_date": "2025-09-01"}]}})
    first, second = treatment_section(case)["radiotherapy"]
    assert first["reirradiation"] is None
    interval = next(c for c in second["reirradiation"]["checks"] if "interval" in c["condition"])
    assert interval["met"] is True


def test_analysis_sections_for_the_seed(seed_case):
    result = analyze(seed_case).to_json()
    ranking = result["ihc_differential"]
    assert ranking[0]["diagnosis"] == "leiomyosarcoma"
    assert {"diagnosis", "probability", "contributions"} <= set(ranking[0])
    assert [d["probability"] for d in ranking] == sorted((d["probability"] for d in ranking), reverse=True)
    assert result["ihc_details"]["next_markers"]["markers"]
    assert result["treatment"]["radiotherapy"][0]["tissues"][0]["bed_gy"] == 60.0
    json.dumps(result)  # the whole analysis is JSON


def test_no_markers_gives_empty_list_and_a_note():
    result = analyze(Case()).to_json()
    assert result["ihc_differential"] == []
    assert any("no IHC markers" in w for w in result["warnings"])


def test_analyze_cli_prints_the_sections():
    run = CliRunner().invoke(app, ["analyze", str(SEED_CASE)])
    assert run.exit_code == 0, run.output
    assert "IHC differential" in run.output and "leiomyosarcoma" in run.output
    assert "Radiotherapy 50 Gy in 25 fractions" in run.output
