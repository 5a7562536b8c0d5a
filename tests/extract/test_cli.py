"""spinemets extract / eval-extract / analyze NOTE.txt, and the bad inputs they must refuse cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spinemets.casefile import load_case
from spinemets.cli import app
from spinemets.extract.assemble import SCHEMA_KEYS

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
NOTE = REPO / "examples" / "notes" / "leiomyosarcoma-c6.txt"


def test_extract_json_prints_the_schema_keys_with_spans() -> None:
    result = runner.invoke(app, ["extract", str(NOTE), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(SCHEMA_KEYS) <= set(data)
    assert data["spinal_levels"] == ["C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2"]
    assert data["rt_total_dose_gy"] == 50 and data["rt_fractions"] == 25
    text = NOTE.read_text(encoding="utf-8")
    for fact in data["facts"]:
        assert text[fact["start"]:fact["end"]] == fact["text"]
        assert fact["assertion"] in {"present", "negated", "historical", "hypothetical", "other_person"}


def test_several_inputs_give_json_lines_with_source(shared_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(shared_dir / "cases" / "dev"), "--json", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 11 and all("source" in line for line in lines)
    assert (tmp_path / "seed-leiomyosarcoma-c6.json").is_file()
    assert json.loads((tmp_path / "b-07-myeloma-t7t12.json").read_text())["primary_tumor"] == "multiple myeloma"


def test_glob_input(shared_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(shared_dir / "cases" / "dev" / "a-0*.txt"), "--json"])
    assert result.exit_code == 0, result.output
    assert len([line for line in result.stdout.splitlines() if line.strip()]) == 3  # a-02, a-05, a-09


def test_case_file_written_is_accepted_by_analyze(tmp_path: Path) -> None:
    out = tmp_path / "case.yaml"
    result = runner.invoke(app, ["extract", str(NOTE), "--case", str(out)])
    assert result.exit_code == 0, result.output
    case = load_case(out)
    assert case.primary.histology == "leiomyosarcoma" and case.index_level.name == "C6"
    assert any(e.field.startswith("lesions[C6]") for e in case.evidence)
    assert runner.invoke(app, ["analyze", str(out), "--json"]).exit_code == 0


def test_readable_output_shows_the_text_and_the_facts() -> None:
    result = runner.invoke(app, ["extract", str(NOTE)])
    assert result.exit_code == 0, result.output
    assert "leiomyosarcoma" in result.stdout and "rt_total_dose_gy" in result.stdout


def test_analyze_a_note_goes_text_to_case_to_analysis() -> None:
    result = runner.invoke(app, ["analyze", str(NOTE), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["case"]["primary"]["histology"] == "leiomyosarcoma"
    extraction = data["extraction"]
    assert extraction["facts"] and extraction["schema"]["age"] == 45
    assert all(item["question"] and item["scores"] for item in extraction["not_found"])


def test_eval_extract_prints_micro_f1(shared_dir: Path) -> None:
    result = runner.invoke(app, ["eval-extract", str(shared_dir / "cases" / "dev")])
    assert result.exit_code == 0, result.output
    micro = next(line for line in result.stdout.splitlines() if "micro" in line)
    assert float(micro.split("F1")[1].split()[0]) >= 0.95


# --- bad input: a clear message and exit 2, or an empty result with a warning; never a traceback ---------
@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"\x00\x01\x02binary\x00", "binary"), (b"caf\xe9 au lait \xff\xfe", "UTF-8"),
])
def test_bad_bytes_are_refused_with_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(content)
    for command in (["extract", str(path)], ["analyze", str(path)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert message in result.output and "Traceback" not in result.output


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing written
        handle.truncate(50 * 1024 * 1024)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2 and "too large" in result.output


def test_text_without_a_case_gives_an_empty_result_and_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "review.txt"
    path.write_text("Spinal metastases are common in advanced cancer and are usually treated with radiotherapy.")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["warnings"] and data["age"] is None and data["spinal_levels"] == []


@pytest.mark.parametrize("command", [["extract", "no/such/file.txt"], ["eval-extract", "no/such/dir"],
                                     ["extract", "no/such/*.txt"]])
def test_missing_inputs_exit_2(command: list[str]) -> None:
    result = runner.invoke(app, command)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_case_output_needs_exactly_one_input(shared_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(shared_dir / "cases" / "dev"), "--case", str(tmp_path / "c.yaml")])
    assert result.exit_code == 2 and "exactly one input" in result.output


def test_an_output_folder_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("A 60-year-old man had an L2 metastasis.", encoding="utf-8")
    taken = tmp_path / "taken"
    taken.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(note), "--out", str(taken)])
    assert result.exit_code == 2 and "path" in result.output and str(taken) in result.output.replace("\n", "")
    assert "Traceback" not in result.output
