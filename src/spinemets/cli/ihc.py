"""`spinemets ihc`: the immunohistochemical differential of a spindle-cell tumour from stains given directly."""

from __future__ import annotations

import typer

from ._app import app, guarded, out, print_json


def _names(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


@app.command()
def ihc(
    positive: str = typer.Option("", "--positive", help="markers stained positive, comma-separated (desmin,SMA)"),
    negative: str = typer.Option("", "--negative", help="markers stained negative, comma-separated (S100,CD34)"),
    focal: str = typer.Option("", "--focal", help="markers stained focally, comma-separated (read as a positive "
                                                  "at half weight)"),
    morphology: str = typer.Option(None, "--morphology", help="e.g. 'spindle cell'"),
    json_output: bool = typer.Option(False, "--json", help="print the full result as JSON"),
) -> None:
    """Rank spindle-cell tumours by the stains (naive Bayes over published rates), with each marker's part."""
    with guarded(as_json=json_output):
        from ..pathology import differential

        result = differential(_names(positive), _names(negative), _names(focal), morphology=morphology)
    if json_output:
        print_json(result.to_dict())
        return
    from ..report.plan_panels import render_ihc

    for part in render_ihc(result.to_dict()):
        out.print(part)
