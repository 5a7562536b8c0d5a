"""`spinemets plan rt` and `spinemets plan chemo`: the treatment calculators on numbers given directly."""

from __future__ import annotations

import datetime as dt

import typer

from ._app import app, guarded, out, print_json

plan_app = typer.Typer(help="Radiotherapy (BED/EQD2, tolerances, calendar) and chemotherapy (doses) numbers.",
                       no_args_is_help=True)
app.add_typer(plan_app, name="plan")


def _date(text: str | None, field: str) -> dt.date | None:
    if text is None:
        return None
    from ..errors import InputError, Problem

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError([Problem(field=field, value=text, allowed="a date as YYYY-MM-DD")]) from None


@plan_app.command("rt")
def plan_rt(
    dose: float = typer.Option(..., "--dose", help="total dose of the course (in --dose-unit, Gy by default)"),
    fractions: int = typer.Option(..., "--fractions", help="number of fractions"),
    dose_unit: str = typer.Option("Gy", "--dose-unit", help="Gy or cGy"),
    alpha_beta: float = typer.Option(None, "--alpha-beta", help="tumour alpha/beta in Gy (default 10, from the data)"),
    levels: str = typer.Option("", "--levels", help="treated levels, e.g. C5-C7 (chooses the structures checked)"),
    start: str = typer.Option(None, "--start", help="first day, YYYY-MM-DD: prints the fraction calendar"),
    prior_dose: float = typer.Option(None, "--prior-dose", help="earlier course to the same segment, total Gy"),
    prior_fractions: int = typer.Option(None, "--prior-fractions", help="fractions of the earlier course"),
    interval_months: float = typer.Option(None, "--interval-months", help="months since the earlier course"),
    json_output: bool = typer.Option(False, "--json", help="print the plan as JSON"),
) -> None:
    """BED and EQD2 of a course for each tissue, tolerance checks, re-irradiation and a weekday calendar."""
    with guarded(as_json=json_output):
        from ..anatomy import parse_levels
        from ..treatment.radiotherapy import prior_course, rt_plan
        from ..units import dose_to_gy

        plan = rt_plan(dose_to_gy(dose, dose_unit), fractions, alpha_beta_gy=alpha_beta,
                       levels=parse_levels(levels) if levels.strip() else None, start=_date(start, "--start"),
                       prior_courses=prior_course(None if prior_dose is None else dose_to_gy(prior_dose, dose_unit),
                                                  prior_fractions, interval_months))
    if json_output:
        print_json(plan.to_dict())
        return
    from ..report.plan_panels import render_rt_plan

    for part in render_rt_plan(plan.to_dict()):
        out.print(part)


@plan_app.command("chemo")
def plan_chemo(
    regimen: str = typer.Option(..., "--regimen", help="regimen key, e.g. doxorubicin-75-q21 (see --list)"),
    height_cm: float = typer.Option(None, "--height-cm", help="height in cm"),
    weight_kg: float = typer.Option(None, "--weight-kg", help="weight in kg"),
    cycles: int = typer.Option(6, "--cycles", help="number of cycles"),
    start: str = typer.Option(None, "--start", help="cycle 1 day 1, YYYY-MM-DD: prints the calendar"),
    bsa_formula: str = typer.Option("mosteller", "--bsa-formula",
                                    help="mosteller, dubois, haycock, gehan-george or boyd"),
    bsa_policy: str = typer.Option("actual", "--bsa-policy",
                                   help="actual (ASCO 2012 full weight-based dosing) or cap-2.0"),
    bilirubin: float = typer.Option(None, "--bilirubin-mg-dl", help="serum total bilirubin (mg/dL)"),
    hepatic_reading: str = typer.Option(None, "--hepatic-reading",
                                        help="how to read the label's hepatic column: reduction (default) or dose_given"),
    prior: float = typer.Option(None, "--prior-anthracycline-mg-m2", help="anthracycline already received (mg/m2)"),
    cardiac_exposure: bool = typer.Option(None, "--cardiac-exposure/--no-cardiac-exposure",
                                          help="other cardiotoxic exposure (cardiac irradiation, cyclophosphamide)"),
    json_output: bool = typer.Option(False, "--json", help="print the plan as JSON"),
) -> None:
    """Doses per administration, per cycle and cumulative; lifetime anthracycline with its published risk."""
    with guarded(as_json=json_output):
        from ..treatment.chemotherapy import chemo_plan

        plan = chemo_plan(regimen, cycles=cycles, height_cm=height_cm, weight_kg=weight_kg, bsa_formula=bsa_formula,
                          bsa_policy=bsa_policy, start=_date(start, "--start"), bilirubin_mg_dl=bilirubin,
                          hepatic_reading=hepatic_reading, prior_anthracycline_mg_per_m2=prior,
                          cardiac_exposure=cardiac_exposure)
    if json_output:
        print_json(plan.to_dict())
        return
    from ..report.plan_panels import render_chemo_plan

    for part in render_chemo_plan(plan.to_dict()):
        out.print(part)


@plan_app.command("regimens")
def plan_regimens() -> None:
    """List the regimens spinemets knows, with their source."""
    from ..knowledge.regimens import regimens

    for reg in regimens().values():
        out.print(f"[bold]{reg.key}[/bold]: {reg.label}  ({reg.evidence})", highlight=False)
