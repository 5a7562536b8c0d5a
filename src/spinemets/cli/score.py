"""`spinemets score NAME item=value ...` and `spinemets score --list`: the published scores, as a
calculator."""

from __future__ import annotations

import typer

from ..errors import InputError, Problem
from ._app import app, guarded, out, print_json


def _pairs(texts: list[str], field: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for text in texts:
        if "=" not in text:
            raise InputError(
                [
                    Problem(
                        field=field,
                        value=text,
                        allowed="item=value, e.g. pain=mechanical",
                        message="expected item=value",
                    )
                ]
            )
        key, value = text.split("=", 1)
        pairs[key.strip()] = value.strip()
    return pairs


@app.command("score")
def score(
    args: list[str] = typer.Argument(
        None, help="the score name, then item=value pairs (see --list)", show_default=False
    ),
    list_scores: bool = typer.Option(False, "--list", help="list every score, its items and allowed values"),
    variant: list[str] = typer.Option([], "--variant", help="a named variant, e.g. tomita_rapid_growth=3"),
    json_output: bool = typer.Option(False, "--json", help="print the result as JSON"),
) -> None:
    """Compute one published score from item=value pairs; items left out stay open and give a range.

    Example: spinemets score sins location=mobile pain=mechanical bone=lytic alignment=normal
    collapse=more_than_50 posterolateral=none
    """
    from ..scores import SCORE_KEYS, calculate, score_catalogue

    with guarded(as_json=json_output):
        if list_scores:
            catalogue = score_catalogue()
            if json_output:
                print_json(catalogue)
            else:
                _print_catalogue(catalogue)
            return
        if not args:
            raise InputError(
                [
                    Problem(
                        field="score",
                        value=None,
                        allowed=", ".join(SCORE_KEYS),
                        message="name a score (or use --list)",
                    )
                ]
            )
        name, rest = args[0], args[1:]
        result = calculate(name, _pairs(rest, "item"), _pairs(variant, "--variant"))
    if json_output:
        print_json(result.to_json())
        return
    from ..report.score_panels import render_score

    for part in render_score(result.to_json()):
        out.print(part)


def _print_catalogue(catalogue: list[dict]) -> None:
    out.print(
        "Usage: spinemets score NAME item=value ... (points in brackets; a value may be 'a|b' when only that "
        "much is known; items left out stay open and give a range; --variant name=choice)",
        highlight=False,
    )
    for entry in catalogue:
        title = f"[bold]{entry['key']}[/bold]: {entry['name']}"
        if not entry["available"]:
            out.print(f"{title} [dim](not available: {entry['unavailable_reason']})[/dim]")
            continue
        span = f" range {entry['range'][0]}-{entry['range'][1]}" if entry["range"] else ""
        out.print(f"{title}{span}")
        for item in entry["items"]:
            values = ", ".join(
                f"{o['key']}"
                + (
                    f" ({o['points']:g})"
                    if o["points"] is not None and o["key"] != f"{o['points']:g}"
                    else ""
                )
                for o in item["options"]
            )
            out.print(f"    {item['key']}: {values}", highlight=False)
        for name, variant in entry["variants"].items():
            choices = ", ".join(variant["choices"])
            out.print(f"    variant {name}: {choices} (default {variant['default']})", highlight=False)
