"""Cohort scoring: the vectorized path equals the per-case path, bad cells are rejected with reasons."""

from __future__ import annotations

import math

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from spinemets import cohort
from spinemets.cli import app
from spinemets.errors import InputError, SpinemetsError

runner = CliRunner()


def per_case(frame: pl.DataFrame) -> dict[int, dict | str]:
    """Row number -> the per-case path's columns, or the reason it refuses the row."""
    out: dict[int, dict | str] = {}
    for number, row in enumerate(frame.to_dicts(), start=1):
        try:
            out[number] = cohort.score_row(row)
        except SpinemetsError as exc:
            out[number] = str(exc)
    return out


def same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b))
    return a == b


def assert_paths_agree(frame: pl.DataFrame) -> cohort.CohortResult:
    result = cohort.score_frame(frame)
    expected = per_case(frame)
    scored = {row["row"]: row for row in result.scored.to_dicts()}
    rejected = set(result.rejected["row"].to_list())
    assert len(scored) + len(rejected) == frame.height  # nothing silently dropped
    for number, want in expected.items():
        if isinstance(want, str):
            assert number in rejected, f"row {number}: per-case refuses ({want}) but the cohort scored it"
            continue
        got = scored[number]
        for key, value in want.items():
            assert same(value, got[key]), f"row {number} {key}: per-case {value!r}, cohort {got[key]!r}"
    return result


@pytest.mark.parametrize("typed", [False, True], ids=["text cells (CSV)", "typed columns (Parquet)"])
def test_vectorized_equals_per_case_on_a_random_cohort(typed):
    assert_paths_agree(cohort.synthetic_frame(400, seed=11, typed=typed))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), unknown_rate=st.floats(0.0, 0.9))
def test_paths_agree_whatever_the_share_of_unknown_cells(seed, unknown_rate):
    assert_paths_agree(cohort.synthetic_frame(60, seed=seed, unknown_rate=unknown_rate))


def test_chunked_scoring_gives_the_same_rows():
    frame = cohort.synthetic_frame(500, seed=5)
    whole = cohort.score_frame(frame).scored
    seen = []
    chunked = cohort.score_frame(frame, progress=seen.append, chunk_rows=128).scored
    assert sum(seen) == 500
    assert whole.equals(chunked)


def test_seed_like_row_gives_the_seed_ranges():
    row = {"id": "seed", "histology": "leiomyosarcoma", "site": "thigh", "level": "C6", "spinal_levels": "8",
           "bone": "lytic", "pain": "present", "collapse": "more_than_50", "pathological_fracture": "true",
           "neural_compression": "true", "lung_mets": "true", "sensory_deficit": "true"}
    scored = cohort.score_frame(pl.DataFrame([row])).scored.to_dicts()[0]
    assert (scored["sins_min"], scored["sins_max"], scored["sins_category"]) == (8, 17, None)
    assert (scored["escc_min"], scored["escc_max"], scored["escc_category"]) == ("2", "3", "high grade")
    assert scored["bauer_total"] == 1 and scored["bauer_modified_total"] == 1


def test_bad_cells_are_rejected_with_field_value_and_allowed():
    rows = [{"id": "ok", "level": "T8"},
            {"id": "bad", "level": "C9", "kps": "55", "ecog": "7", "albumin_g_dl": "-1", "bone": "spongy",
             "lung_mets": "maybe"},
            {"id": "no-level", "level": None}]
    result = cohort.score_frame(pl.DataFrame(rows))
    assert result.scored["id"].to_list() == ["ok"]
    reasons = dict(zip(result.rejected["id"].to_list(), result.rejected["reasons"].to_list()))
    bad = reasons["bad"]
    for fragment in ("level: given 'C9'", "kps: given '55'", "steps of 10", "ecog: given '7'", "from 0 to 5",
                     "albumin_g_dl: given '-1'", "bone: given 'spongy'", "lytic, blastic, mixed",
                     "lung_mets: given 'maybe'"):
        assert fragment in bad
    assert "level: missing" in reasons["no-level"]


def test_a_column_of_the_wrong_type_rejects_its_rows_with_the_value():
    frame = pl.DataFrame({"level": ["T4", "T5"], "kps": ["eighty", "80"], "albumin_g_dl": ["low", "3.9"]})
    result = cohort.score_frame(frame)
    assert result.scored["row"].to_list() == [2]
    assert "kps: given 'eighty'" in result.rejected["reasons"][0]
    assert "albumin_g_dl: given 'low'; allowed: a number" in result.rejected["reasons"][0]


def test_missing_level_column_and_unknown_columns():
    with pytest.raises(InputError, match="'level' column"):
        cohort.score_frame(pl.DataFrame({"kps": ["80"]}))
    result = cohort.score_frame(pl.DataFrame({"level": ["L2"], "favourite_colour": ["blue"]}))
    assert result.unknown_columns == ["favourite_colour"]


def test_cli_writes_scores_and_rejected_rows(tmp_path):
    source = tmp_path / "cohort.csv"
    pl.DataFrame([{"id": "a", "level": "L2", "kps": "80"}, {"id": "b", "level": "Q4"}]).write_csv(source)
    target = tmp_path / "scores.parquet"
    result = runner.invoke(app, ["cohort", "score", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert pl.read_parquet(target)["id"].to_list() == ["a"]
    rejected = pl.read_csv(tmp_path / "scores.rejected.csv")
    assert rejected["id"].to_list() == ["b"] and "Q4" in rejected["reasons"][0]
    assert "rejected 1 rows" in result.output


@pytest.mark.parametrize("args,fragment", [
    (["cohort", "score", "missing.csv", "-o", "x.parquet"], "no such file"),
    (["cohort", "score", "{src}", "-o", "x.xlsx"], "unknown output file type"),
    (["cohort", "score", "{src}", "-o", "x.csv", "--variant", "nonsense"], "NAME=CHOICE"),
    (["cohort", "score", "{src}", "-o", "x.csv", "--variant", "tomita_rapid_growth=7"], "unknown choice"),
])
def test_cli_bad_input_exits_2(tmp_path, args, fragment):
    source = tmp_path / "c.csv"
    source.write_text("level\nT8\n")
    args = [a.replace("{src}", str(source)).replace("x.", str(tmp_path / "x.")) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert fragment in result.output
    assert "Traceback" not in result.output


def test_unreadable_table_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match="cannot read the table"):
        cohort.read_table(path)


def test_columns_are_documented_from_the_case_model():
    documented = {row["column"]: row["allowed"] for row in cohort.describe_columns()}
    assert documented["kps"] == "0-100 in steps of 10"
    assert "more_than_50" in documented["collapse"]
    assert documented["albumin_g_dl"] == "0-10"
