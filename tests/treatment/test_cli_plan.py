"""`spinemets plan` and `spinemets ihc` as a user runs them: numbers on stdout, bad input exit 2 without a traceback."""

import json

import pytest
from typer.testing import CliRunner

from spinemets.cli import app

runner = CliRunner()


def _json(args):
    run = runner.invoke(app, args)
    assert run.exit_code == 0, run.output
    return json.loads(run.stdout)


def test_plan_rt_seed_json():
    plan = _json(["plan", "rt", "--dose", "50", "--fractions", "25", "--alpha-beta", "10", "--json"])
    assert plan["tissues"][0]["bed_gy"] == 60.0
    assert next(t for t in plan["tissues"] if t["tissue"] == "spinal_cord")["eqd2_gy"] == 50.0


def test_plan_rt_cgy_unit():
    plan = _json(["plan", "rt", "--dose", "5000", "--dose-unit", "cGy", "--fractions", "25", "--json"])
    assert plan["course"]["total_dose_gy"] == 50.0


def test_plan_rt_calendar_and_reirradiation():
    plan = _json(["plan", "rt", "--dose", "24", "--fractions", "2", "--levels", "T8", "--start", "2026-03-06",
                  "--prior-dose", "30", "--prior-fractions", "10", "--interval-months", "6", "--json"])
    assert plan["calendar"]["dates"] == ["2026-03-06", "2026-03-09"]  # Friday, then Monday
    assert plan["reirradiation"]["prior_cord_eqd2_gy"] == 37.5


def test_plan_chemo_seed_json():
    plan = _json(["plan", "chemo", "--regimen", "doxorubicin-25x3-q28", "--height-cm", "170", "--weight-kg", "70",
                  "--cycles", "6", "--start", "2026-01-05", "--json"])
    assert plan["anthracycline"][0]["lifetime_mg_per_m2"] == 450.0
    assert plan["drugs"][0]["per_cycle_mg"] == 136.36


def test_plan_chemo_readable():
    run = runner.invoke(app, ["plan", "chemo", "--regimen", "doxorubicin-75-q21", "--height-cm", "170",
                              "--weight-kg", "70"])
    assert run.exit_code == 0 and "450" in run.output


def test_ihc_json_seed():
    result = _json(["ihc", "--positive", "desmin,SMA", "--negative", "S100,CD34,CD56", "--json"])
    assert result["diagnoses"][0]["diagnosis"] == "leiomyosarcoma"
    assert abs(sum(d["probability"] for d in result["diagnoses"]) - 1) < 1e-3


def test_ihc_readable():
    run = runner.invoke(app, ["ihc", "--positive", "desmin,SMA", "--negative", "S100,CD34,CD56", "--focal", "EMA"])
    assert run.exit_code == 0 and "leiomyosarcoma" in run.output


@pytest.mark.parametrize("args,says", [
    (["plan", "rt", "--dose", "-50", "--fractions", "25"], "total_dose_gy"),
    (["plan", "rt", "--dose", "50", "--fractions", "0"], "fractions"),
    (["plan", "rt", "--dose", "5000", "--fractions", "25"], "cGy"),
    (["plan", "chemo", "--regimen", "doxorubicin-75-q21", "--height-cm", "500", "--weight-kg", "70"], "height_cm"),
    (["plan", "chemo", "--regimen", "doxorubicn"], "did you mean"),
    (["ihc", "--positive", "desmn"], "did you mean desmin"),
    (["ihc", "--positive", "CD34", "--negative", "CD34"], "both"),
])
def test_bad_input_exit_2(args, says):
    run = runner.invoke(app, args)
    assert run.exit_code == 2
    assert says in " ".join(run.output.split())
    assert "Traceback" not in run.output
