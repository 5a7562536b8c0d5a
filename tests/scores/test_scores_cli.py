"""`spinemets score` as a calculator and `spinemets analyze` with the scores section."""

from __future__ import annotations

import json

from tests.conftest import SEED_CASE
from typer.testing import CliRunner

from spinemets.cli import app

runner = CliRunner()
SINS_FULL = [
    "location=mobile",
    "pain=mechanical",
    "bone=lytic",
    "alignment=normal",
    "collapse=more_than_50",
    "posterolateral=none",
]


def run(*args: str):
    return runner.invoke(app, list(args))


def test_score_prints_total_category_and_items():
    result = run("score", "sins", *SINS_FULL)
    assert result.exit_code == 0
    assert "10" in result.stdout and "potentially unstable" in result.stdout
    for label in ("Location", "Pain", "Bone lesion", "collapse"):
        assert label in result.stdout


def test_score_json_and_missing_items_give_a_range():
    result = run("score", "sins", "location=mobile", "pain=mechanical", "--json")
    data = json.loads(result.stdout)
    assert data["total"] is None and data["range"] == [5, 17] and data["category"] is None
    assert {m["fact"] for m in data["missing"]} == {"bone", "alignment", "collapse", "posterolateral"}


def test_score_variant_option():
    args = ["score", "tomita", "primary_growth=rapid", "visceral=untreatable", "bone=multiple", "--json"]
    assert json.loads(run(*args).stdout)["total"] == 10
    assert json.loads(run(*args, "--variant", "tomita_rapid_growth=3").stdout)["total"] == 9


def test_score_list_shows_every_score_items_and_values():
    result = run("score", "--list")
    assert result.exit_code == 0
    for text in (
        "sins",
        "katagiri_new",
        "posterolateral",
        "more_than_50",
        "tomita_rapid_growth",
        "not available",
    ):
        assert text in result.stdout
    listed = json.loads(run("score", "--list", "--json").stdout)
    assert [e["key"] for e in listed][:2] == ["sins", "escc"]


def test_bad_names_and_values_exit_2_with_the_allowed_values():
    for args, expected in (
        (["score", "sins", "pain=severe"], "mechanical"),
        (["score", "sins", "pian=mechanical"], "posterolateral"),
        (["score", "sinz"], "tokuhashi_revised"),
        (["score", "sins", "mechanical"], "item=value"),
        (["score"], "sins"),
    ):
        result = run(*args)
        assert result.exit_code == 2, args
        assert expected in result.stderr and "Traceback" not in result.stderr


def test_analyze_json_has_every_score_with_the_required_keys():
    data = json.loads(run("analyze", str(SEED_CASE), "--json").stdout)
    scores = data["scores"]
    assert list(scores)[:12] == [
        "sins",
        "escc",
        "frankel",
        "asia",
        "ecog",
        "kps",
        "tokuhashi_revised",
        "tomita",
        "bauer",
        "bauer_modified",
        "nesms",
        "katagiri_new",
    ]
    for key, score in scores.items():
        assert {"total", "range", "category", "items", "missing", "citation"} <= set(score), key
    assert scores["sins"]["range"] == [8, 17] and scores["escc"]["category"] == "high grade"
    assert scores["rades"]["available"] is False


def test_analyze_shows_every_score_with_its_breakdown():
    result = run("analyze", str(SEED_CASE))
    assert result.exit_code == 0
    for text in (
        "Spinal Instability Neoplastic Score",
        "Revised Tokuhashi",
        "New Katagiri",
        "Is the pain at C6",
        "not available",
    ):
        assert text in result.stdout


def test_analyze_all_levels_scores_every_involved_level():
    data = json.loads(run("analyze", str(SEED_CASE), "--json", "--all-levels").stdout)
    levels = [k for k in data["scores"] if k.startswith("sins[")]
    assert levels == [f"sins[{v}]" for v in ("C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2")]
    assert data["scores"]["sins[C6]"]["range"] == data["scores"]["sins"]["range"]
    assert data["scores"]["sins[C2]"]["level"] == "C2"
