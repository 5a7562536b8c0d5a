"""The command line on every example and on bad input: readable output, JSON, exit code 2, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from spinemets.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def run(*args: str):
    return runner.invoke(app, list(args))


def test_version_and_help():
    assert run("--version").stdout.startswith("spinemets ")
    helped = run("--help")
    assert helped.exit_code == 0
    for command in ("analyze", "validate", "schema"):
        assert command in helped.stdout
    assert "not a decision" in helped.stdout


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_analyze_json_holds_the_case(path):
    result = run("analyze", str(path), "--json")
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert data["case"]["id"].endswith(path.stem)
    assert data["case"]["lesions"], "every example has at least one lesion"
    assert "not a decision" in data["disclaimer"]


def test_seed_report_marks_the_spine():
    result = run("analyze", str(EXAMPLES / "leiomyosarcoma-c6.yaml"))
    assert result.exit_code == 0
    text = result.stdout
    assert "leiomyosarcoma" in text
    rows = [line.strip("│ ") for line in text.splitlines()]
    c6_row = next(row for row in rows if row.startswith("C6 ") and "compression" in row)
    assert "collapse" in c6_row and "index" in c6_row
    assert next(row for row in rows if row.startswith("C5 ")).endswith("lytic")
    assert "C2-T2" in text


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_validate_accepts_examples(path):
    assert run("validate", str(path)).exit_code == 0


def test_schema_is_json_schema():
    data = json.loads(run("schema").stdout)
    assert data["title"] == "spinemets case" and "lesions" in data["properties"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"performance: {kps: 55}\nlesions: [{level: C9}]\n", ["performance.kps", "55", "lesions[0].level", "C9"]),
     (b"", ["empty"]), (b"\x00\x00binary", ["binary"]), (b"{not: [valid", ["syntax error"])],
)
def test_bad_case_files_exit_2_with_messages(tmp_path, content, expected):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    for command in ("analyze", "validate"):
        result = run(command, str(path))
        assert result.exit_code == 2
        for fragment in expected:
            assert fragment in result.output
        assert "Traceback" not in result.output


def test_json_mode_reports_errors_as_json(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"performance": {"ecog": 7}}')
    result = run("analyze", str(path), "--json")
    assert result.exit_code == 2
    error = json.loads(result.stderr)
    assert error["problems"][0]["field"] == "performance.ecog" and error["problems"][0]["value"] == 7


def test_missing_file_exits_2(tmp_path):
    result = run("analyze", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "no such file" in result.output


def test_installed_entry_point_runs_demo():
    done = subprocess.run([sys.executable, "-m", "spinemets", "analyze", str(EXAMPLES / "leiomyosarcoma-c6.yaml"),
                           "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["case"]["primary"]["histology"] == "leiomyosarcoma"
