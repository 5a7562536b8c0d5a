"""Commands over a whole case: analyze, validate, schema."""

from __future__ import annotations

from pathlib import Path

import typer

from ..analysis import analyze_path
from ..casefile import case_json_schema, load_case
from ._app import app, err, guarded, out, print_json


@app.command()
def analyze(
    input: Path = typer.Argument(..., help="a case file (.yaml, .yml, .json) or a clinical note (.txt, .md, .html)",
                                 show_default=False),
    json_output: bool = typer.Option(False, "--json", help="print one JSON object (key 'case' and one key per section)"),
    html_path: Path = typer.Option(None, "--html", help="also write the report as one standalone HTML file",
                                   show_default=False),
    pdf_path: Path = typer.Option(None, "--pdf", help="also write the report as a PDF", show_default=False),
    all_levels: bool = typer.Option(False, "--all-levels", help="also score SINS and ESCC at every involved level"),
) -> None:
    """Analyse one case (a case file, or a clinical note read by extraction) and print the report (or --json)."""
    with guarded(as_json=json_output):
        result = analyze_path(input)
        if all_levels:  # the default analysis scores the index level only
            from ..scores import score_all

            result.sections["scores"] = {k: r.to_json() for k, r in score_all(result.case, all_levels=True).items()}
        if html_path or pdf_path:
            from .reports import write_reports

            write_reports(result.to_json(), html_path, pdf_path)
    if json_output:
        print_json(result.to_json())
        return
    from ..report.terminal import render_analysis

    render_analysis(result, out)


@app.command()
def validate(input: Path = typer.Argument(..., help="a case file to check", show_default=False)) -> None:
    """Check a case file; list every problem with its field, the value given and what is allowed."""
    with guarded():
        case = load_case(input)
    err.print(f"[green]valid[/green]: {input} ({len(case.lesions)} lesion(s))", highlight=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a case file."""
    print_json(case_json_schema())
