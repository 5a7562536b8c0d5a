"""`spinemets decide CASE [--answer fact=value ...]`: the recommendations, with open questions answered."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import InputError, Problem
from ._app import app, guarded, out, print_json


def _answers(texts: list[str]) -> dict[str, str]:
    answers: dict[str, str] = {}
    for text in texts:
        if "=" not in text:
            raise InputError([Problem(field="--answer", value=text, allowed="fact=value, e.g. fitness=surgery",
                                      message="expected fact=value")])
        name, value = text.split("=", 1)
        answers[name.strip()] = value.strip()
    return answers


@app.command("decide")
def decide_command(
    input: Path = typer.Argument(..., help="a case file (.yaml, .yml, .json)", show_default=False),
    answer: list[str] = typer.Option([], "--answer", help="settle an open fact, e.g. fitness=surgery "
                                                          "(repeatable; a conditional recommendation names its facts)"),
    json_output: bool = typer.Option(False, "--json", help="print recommendations and follow-up as JSON"),
) -> None:
    """NOMS and surgical recommendations and the follow-up plan for one case (decision support, not a decision).

    Example: spinemets decide examples/renal-l2.yaml --answer "fitness=radiotherapy only"
    """
    from ..casefile import load_case
    from ..decide import decide, follow_up_plan

    with guarded(as_json=json_output):
        case = load_case(input)
        decision = decide(case, answers=_answers(answer))
        recommendations = [rec.to_json() for rec in decision.recommendations]
        plan = follow_up_plan(case, recommendations)
    if json_output:
        print_json({"recommendations": recommendations, "follow_up": plan})
        return
    from ..report.decision_panels import render_follow_up, render_recommendations

    for part in [*render_recommendations(recommendations), *render_follow_up(plan)]:
        out.print(part)
