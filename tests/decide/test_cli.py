"""The recommendations through the interfaces: `analyze --json`, `decide`, and the readable report."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from spinemets.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED = str(EXAMPLES / "leiomyosarcoma-c6.yaml")
RENAL = str(EXAMPLES / "renal-l2.yaml")
runner = CliRunner()


def test_analyze_json_carries_recommendations_and_follow_up_with_every_field():
    result = runner.invoke(app, ["analyze", SEED, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["recommendations"] and data["follow_up"]
    for rec in data["recommendations"]:
        assert {"pathway", "text", "rationale", "evidence", "conditions", "status", "facts_used"} <= set(rec)
        assert rec["status"] in ("fired", "conditional")
    for item in data["follow_up"]:
        assert {"what", "when", "why", "source"} <= set(item)


def test_decide_answers_the_systemic_question():
    result = runner.invoke(app, ["decide", RENAL, "--answer", "fitness=surgery", "--json"])
    assert result.exit_code == 0, result.output
    statuses = {r["id"]: r["status"] for r in json.loads(result.stdout)["recommendations"]}
    assert statuses["noms.separation_surgery_then_srs"] == "fired"
    assert "noms.palliative_cebrt_unfit" not in statuses


def test_bad_answers_exit_2_with_a_message_and_no_traceback():
    for bad in (["--answer", "fitnes=surgery"], ["--answer", "fitness"], ["--answer", "fitness=maybe"],
                ["--answer", "escc_grade=3"]):
        result = runner.invoke(app, ["decide", RENAL, *bad])
        assert result.exit_code == 2, (bad, result.output)
        assert "Traceback" not in result.output
        assert "error" in result.output


def test_readable_report_shows_status_and_the_stated_departure():
    result = runner.invoke(app, ["analyze", SEED], terminal_width=200)
    assert result.exit_code == 0, result.output
    text = result.output
    assert "[fired] surgical approach" in text and "[conditional] separation surgery then SRS" in text
    assert "departs from it" in text
    assert "Follow-up plan" in text
