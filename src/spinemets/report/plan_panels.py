"""Terminal rendering of the IHC differential and the treatment plans (their JSON forms).

Input is what `Differential.to_dict`, `RtPlan.to_dict`, `ChemoPlan.to_dict` and the analysis sections
`ihc_differential`, `ihc_details` and `treatment` return, so the CLI and the analysis report show the same.
"""

from __future__ import annotations

from typing import Any

from rich.panel import Panel
from rich.table import Table
from rich.text import Text


def _num(value: Any, unit: str = "") -> str:
    if value is None:
        return "?"
    return f"{value:g}{(' ' + unit) if unit else ''}" if isinstance(value, (int, float)) else str(value)


def _lines(title: str, lines: list[str], style: str) -> list[Any]:
    return [Text(f"{title}: {line}", style=style) for line in lines]


# --- IHC -----------------------------------------------------------------------------------------------------
def render_ihc_diagnoses(diagnoses: list[dict[str, Any]]) -> list[Any]:
    if not diagnoses:
        return [Panel(Text("no IHC markers in the case", style="dim"), title="IHC differential", title_align="left")]
    table = Table(title="IHC differential (naive Bayes over published positivity rates)", title_justify="left",
                  header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("diagnosis")
    table.add_column("probability", justify="right")
    table.add_column("markers for (+) and against (-), log10 likelihood ratio")
    for rank, d in enumerate(diagnoses, 1):
        parts = [f"{c['marker']} {c['result'][:3]} {c['log10_likelihood_ratio']:+.2f}"
                 + ("" if c["positivity_rate"] is not None else " (no rate)")
                 for c in d["contributions"]]
        style = "bold green" if rank == 1 else ""
        table.add_row(str(rank), Text(d.get("label", d["diagnosis"]), style=style), f"{d['probability']:.1%}",
                      "; ".join(parts) or "-")
    return [table]


def render_ihc_details(detail: dict[str, Any] | None) -> list[Any]:
    if not detail:
        return []
    parts: list[Any] = []
    nxt = detail.get("next_markers") or {}
    if nxt.get("markers"):
        table = Table(title=f"Next markers separating {', '.join(nxt['separating']).replace('_', ' ')}",
                      title_justify="left", header_style="bold")
        table.add_column("marker")
        table.add_column("expected gain (bits)", justify="right")
        table.add_column("positivity rate per candidate (? = not reported)")
        for m in nxt["markers"]:
            rates = ", ".join(f"{k.replace('_', ' ')} {'?' if v is None else f'{v:.0%}'}"
                              for k, v in m["positivity_rates"].items())
            table.add_row(m["marker"], f"{m['expected_information_gain_bits']:.3f}", rates)
        parts.append(table)
    model = detail.get("model") or {}
    if model:
        parts.append(Text(f"model: {model.get('kind')}; priors {model.get('priors')}; focal = positive at weight "
                          f"{model.get('focal_weight')}; rates kept within [{model.get('rate_floor')}, "
                          f"{1 - model.get('rate_floor', 0):g}]; not reported = {model.get('not_reported')}", style="dim"))
    parts.extend(_lines("note", detail.get("notes") or [], "dim"))
    return parts


def render_ihc(result: dict[str, Any]) -> list[Any]:
    """The whole `Differential.to_dict()` (the `spinemets ihc` command)."""
    detail = {k: v for k, v in result.items() if k != "diagnoses"}
    return render_ihc_diagnoses(result["diagnoses"]) + render_ihc_details(detail)


# --- radiotherapy ---------------------------------------------------------------------------------------------
def render_rt_plan(plan: dict[str, Any]) -> list[Any]:
    course = plan["course"]
    title = (f"Radiotherapy {course['total_dose_gy']:g} Gy in {course['fractions']} fractions "
             f"({course['dose_per_fraction_gy']:g} Gy per fraction)")
    if course.get("levels"):
        title += f" to {', '.join(course['levels'])}"
    table = Table(title=title, title_justify="left", header_style="bold")
    for column in ("tissue", "alpha/beta (Gy)", "BED (Gy)", "EQD2 (Gy)"):
        table.add_column(column, justify="left" if column == "tissue" else "right")
    for t in plan["tissues"]:
        table.add_row(t["label"], _num(t["alpha_beta_gy"]), _num(t["bed_gy"]), _num(t["eqd2_gy"]))
    parts: list[Any] = [table]
    if plan.get("matched_scheme"):
        s = plan["matched_scheme"]
        parts.append(Text(f"scheme {s['name']}: {s['setting']} ({s['evidence']})", style="dim"))
    checks = Table(title="Tolerances", title_justify="left", header_style="bold")
    for column in ("structure", "limit", "max point dose in this course", "prescription within", "setting / risk"):
        checks.add_column(column)
    for c in plan["tolerance_checks"]:
        within = c.get("prescription_within")
        checks.add_row(c["label"], c["limit"], _num(c.get("max_point_dose_gy_in_this_course"), "Gy"),
                       Text("n/a" if within is None else "yes" if within else "no",
                            style="" if within is not False else "bold red"),
                       f"{c['setting']}; {c.get('risk') or ''}")
    parts.append(checks)
    reirr = plan.get("reirradiation")
    if reirr:
        table = Table(title="Re-irradiation (cord, alpha/beta 2)", title_justify="left", header_style="bold")
        table.add_column("condition")
        table.add_column("value")
        table.add_column("met")
        for c in reirr["checks"]:
            value = c.get("value_gy", c.get("value", c.get("value_months")))
            table.add_row(c["condition"], _num(value), "?" if c["met"] is None else "yes" if c["met"] else "no")
        table.caption = f"highest cord point dose in this course: {_num(reirr['max_cord_point_dose_gy_in_this_course'], 'Gy')}"
        parts.append(table)
    cal = plan.get("calendar")
    if cal:
        parts.append(Text(f"calendar: {cal['first']} to {cal['last']} ({cal['overall_days']} days, weekdays only; "
                          f"{cal['note']})"))
    parts.extend(_lines("warning", plan.get("warnings") or [], "yellow"))
    parts.extend(_lines("note", plan.get("notes") or [], "dim"))
    return parts


# --- chemotherapy ---------------------------------------------------------------------------------------------
def render_chemo_plan(plan: dict[str, Any]) -> list[Any]:
    if not plan.get("computed", True):
        return [Panel(Text("; ".join(plan.get("notes") or []), style="dim"),
                      title=f"Chemotherapy {plan.get('regimen') or ''}", title_align="left")]
    reg = plan["regimen"]
    bsa = plan["bsa"]
    cycles = plan["cycles"]
    bsa_text = (f"BSA {bsa['bsa_used_m2']:g} m2 ({bsa['formula']}, policy {bsa['policy']})" if bsa.get("bsa_m2")
                else "BSA not known")
    table = Table(title=f"{reg['label']} x {cycles if cycles else '?'} cycles; {bsa_text}", title_justify="left",
                  header_style="bold")
    for column in ("agent", "days", "per dose", "per cycle", "cumulative", "per dose (mg)", "per cycle (mg)",
                   "cumulative (mg)"):
        table.add_column(column)
    for d in plan["drugs"]:
        if not d.get("given"):
            table.add_row(d["agent"], ",".join(map(str, d["days"])), "not given", "", "", "", "", "")
            continue
        unit = d["per_administration"]["unit"]
        table.add_row(d["agent"], ",".join(map(str, d["days"])), _num(d["per_administration"]["value"], unit),
                      _num(d["per_cycle"]["value"], unit),
                      _num(d["cumulative"]["value"], unit) if d.get("cumulative") else "?",
                      _num(d.get("per_administration_mg")), _num(d.get("per_cycle_mg")), _num(d.get("cumulative_mg")))
    parts: list[Any] = [table]
    for a in plan.get("anthracycline") or []:
        label = a["label_cardiomyopathy_risk_percent"]
        if label.get("at_mg_per_m2") is not None:
            risk = f"{label['value'][0]}-{label['value'][1]}% at {label['at_mg_per_m2']:g} mg/m2"
        else:
            near = [f"{row['value'][0]}-{row['value'][1]}% at {row['mg_per_m2']:g}" for row in
                    (label.get("below"), label.get("above")) if row]
            risk = "between rows: " + ", ".join(near) if near else "below the tabulated doses"
        parts.append(Text(f"lifetime {a['agent']}: {a['lifetime_mg_per_m2']:g} mg/m2 (label cardiomyopathy risk {risk}; "
                          f"limit {a['limit_mg_per_m2']:g} mg/m2)"))
    if plan.get("calendar"):
        firsts = [f"C{c['cycle']} {c['administrations'][0]['date']}" for c in plan["calendar"]]
        parts.append(Text("calendar (day 1 of each cycle): " + ", ".join(firsts)))
    parts.extend(_lines("warning", plan.get("warnings") or [], "yellow"))
    parts.extend(_lines("note", plan.get("notes") or [], "dim"))
    return parts


def render_treatment(section: dict[str, Any]) -> list[Any]:
    """The analysis section `treatment`."""
    parts: list[Any] = [Text("Treatment numbers", style="bold underline")]
    bsa = section.get("bsa") or {}
    parts.append(Text(f"BSA {bsa['bsa_m2']:g} m2 ({bsa['formula']})" if bsa.get("bsa_m2") else
                      f"BSA: {bsa.get('note', 'not known')}", style="" if bsa.get("bsa_m2") else "dim"))
    for plan in section.get("radiotherapy") or []:
        parts.extend(render_rt_plan(plan))
    for plan in section.get("chemotherapy") or []:
        parts.extend(render_chemo_plan(plan))
    parts.extend(_lines("note", section.get("notes") or [], "dim"))
    return parts
