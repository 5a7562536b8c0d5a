"""`spinemets cohort score` and `spinemets cohort columns`: every score for a table of patients."""

from __future__ import annotations

from pathlib import Path

import typer

from ._app import app, err, guarded, out, print_json

cohort_app = typer.Typer(help="Score a cohort: one row a patient (CSV or Parquet), every score, vectorized.",
                         no_args_is_help=True)
app.add_typer(cohort_app, name="cohort")


@cohort_app.command("score")
def score_command(
    input: Path = typer.Argument(..., help="cohort table, .csv (with a header row) or .parquet", show_default=False),
    output: Path = typer.Option(..., "-o", "--output", help="where to write the scores: .parquet or .csv"),
    rejected: Path = typer.Option(None, "--rejected", help="where to write rejected rows with their reasons "
                                                          "(default: OUTPUT's name + .rejected.csv)"),
    variant: list[str] = typer.Option([], "--variant", help="a named score variant, NAME=CHOICE (see `spinemets "
                                                           "score --list`); repeatable"),
    quiet: bool = typer.Option(False, "--quiet", help="no progress bar"),
) -> None:
    """Compute every score for every row; rows that cannot be scored are written out with the reason.

    Columns are documented by `spinemets cohort columns`. Example:

        spinemets cohort score patients.csv -o scores.parquet
    """
    from rich.progress import Progress

    from .. import cohort

    with guarded():
        variants = _variants(variant)
        frame = cohort.read_table(input)
        total = frame.height
        show = not quiet and total > cohort.CHUNK_ROWS
        if show:
            with Progress(console=err, transient=True) as progress:
                task = progress.add_task("scoring", total=total)
                result = cohort.score_frame(frame, variants, progress=lambda n: progress.advance(task, n))
        else:
            result = cohort.score_frame(frame, variants)
        cohort.write_table(result.scored, output)
        rejected_path = rejected or output.with_name(output.stem + ".rejected.csv")
        if result.rejected.height:
            cohort.write_table(result.rejected, rejected_path)
    err.print(f"scored {result.scored.height} of {result.rows} rows -> {output}", highlight=False)
    if result.rejected.height:
        err.print(f"[yellow]rejected {result.rejected.height} rows[/yellow] -> {rejected_path} (row, id, reasons); "
                  "first reasons:", highlight=False)
        for row, reason in result.rejected.select("row", "reasons").head(5).iter_rows():
            err.print(f"  row {row}: {reason}", highlight=False, markup=False)
    if result.unknown_columns:
        err.print(f"[yellow]ignored unknown columns[/yellow]: {', '.join(result.unknown_columns)}", highlight=False)


@cohort_app.command("columns")
def columns_command(json_output: bool = typer.Option(False, "--json", help="print as JSON")) -> None:
    """The documented input columns: name, meaning, allowed values (empty cell = unknown)."""
    from rich.table import Table

    from .. import cohort

    rows = cohort.describe_columns()
    if json_output:
        print_json(rows)
        return
    table = Table("column", "meaning", "allowed", title="cohort columns (one row a patient; empty = unknown)")
    for row in rows:
        table.add_row(row["column"], row["meaning"], row["allowed"])
    out.print(table)


def _variants(pairs: list[str]) -> dict[str, str]:
    from ..errors import InputError, Problem

    found = {}
    for pair in pairs:
        name, sep, choice = pair.partition("=")
        if not sep or not name or not choice:
            raise InputError([Problem(field="--variant", value=pair, allowed="NAME=CHOICE, e.g. tomita_rapid_growth=3",
                                      message="not a NAME=CHOICE pair")])
        found[name.strip()] = choice.strip()
    return found
