"""The standalone report: the spine drawn from the case, every section shown, a PDF, and the CLI options."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from spinemets.analysis import analyze_path
from spinemets.report.html import render_document
from spinemets.report.spine_svg import spine_svg
from tests.conftest import EXAMPLES, SEED_CASE


def _states(svg: str) -> dict[str, str]:
    import re

    return dict(re.findall(r'data-level="(\w+)" data-state="(\w+)"', svg))


def test_the_seed_spine_marks_c6_compressing_and_c2_to_t2_involved(seed_case):
    # Sun et al. 2014: lytic lesions C2-T2, C6 collapsed with cord compression.
    states = _states(spine_svg(seed_case))
    assert states["C6"] == "compressing"
    assert {states[l] for l in ("C2", "C3", "C4", "C5", "C7", "T1", "T2")} == {"involved"}
    assert states["C1"] == states["T3"] == states["L5"] == "clear"
    assert len(states) == 30  # C1-C7, T1-T12, L1-L5, S1-S5, Co


def test_a_fracture_without_compression_is_drawn_as_fractured():
    from spinemets.case import Case

    case = Case.model_validate({"lesions": [{"level": "L2", "collapse": "less_than_50"}, {"level": "L3"}]})
    states = _states(spine_svg(case))
    assert (states["L2"], states["L3"]) == ("fractured", "involved")


def test_every_section_of_the_analysis_appears_in_the_report():
    analysis = analyze_path(SEED_CASE).to_json()
    analysis["an_unplanned_section"] = {"answer": 42, "why": "shown generically"}
    html = render_document(analysis)
    assert 'data-section="an_unplanned_section"' in html and "shown generically" in html
    for key in analysis:
        if key not in {"case", "spinemets_version", "disclaimer", "warnings"}:
            assert f'data-section="{key}"' in html


def test_report_text_is_escaped():
    analysis = analyze_path(SEED_CASE).to_json()
    analysis["case"]["title"] = "<script>alert(1)</script>"
    assert "<script>alert(1)</script>" not in render_document(analysis)


def test_analyze_writes_html_and_pdf(tmp_path):
    html, pdf = tmp_path / "out.html", tmp_path / "out.pdf"
    done = subprocess.run([str(Path(sys.executable).parent / "spinemets"), "analyze", str(EXAMPLES / "renal-l2.yaml"),
                           "--html", str(html), "--pdf", str(pdf), "--json"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert html.read_text().startswith("<!DOCTYPE html>") and "<svg" in html.read_text()
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_an_unwritable_report_path_is_exit_2_with_the_option_named(tmp_path):
    done = subprocess.run([str(Path(sys.executable).parent / "spinemets"), "analyze", str(SEED_CASE),
                           "--html", str(tmp_path / "missing" / "x.html")], capture_output=True, text=True)
    assert done.returncode == 2 and "--html" in done.stderr and "Traceback" not in done.stderr
