"""The readable terminal report: the case's facts grouped as a clinician reads them, the spine as a column.

Each analysis section has a renderer in RENDERERS keyed like the JSON output; a section without one is
printed as compact JSON so nothing computed is ever hidden.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..anatomy import Vertebra, format_levels, sins_region
from ..case import Case, Collapse

UNKNOWN = Text("not known", style="dim italic")  # not "unknown": site "unknown" is a finding (CUP)


def _show(value: Any) -> Text | str:
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "none recorded"
    return str(getattr(value, "value", value)).replace("_", " ")


def _short(value: Any) -> Text | str:
    """A table cell: '?' for unknown so wide tables stay readable."""
    return Text("?", style="dim") if value is None else _show(value)


def _facts(title: str, rows: list[tuple[str, Any]]) -> Panel:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, value in rows:
        table.add_row(label, _show(value))
    return Panel(table, title=title, title_align="left", border_style="cyan")


_COLLAPSE_SHORT = {Collapse.MORE_THAN_50: "collapse >50%", Collapse.LESS_THAN_50: "collapse <50%"}


def spine_column(case: Case) -> Table:
    """Every vertebra from C1 to the coccyx, marking involved, fractured and compressing levels."""
    table = Table(box=None, show_header=True, padding=(0, 1), header_style="bold")
    table.add_column("level", justify="right")
    table.add_column("")
    table.add_column("findings")
    for level in Vertebra:
        lesion = case.lesion_at(level)
        if lesion is None:
            table.add_row(Text(level.name, style="dim"), Text("│", style="dim"), "")
            continue
        marks, style = [], "yellow"
        if lesion.bone:
            marks.append(lesion.bone.value)
        if lesion.fractured:
            marks.append(_COLLAPSE_SHORT.get(lesion.collapse, "fracture"))
            style = "orange3"
        if lesion.compressing:
            grade = f"ESCC {lesion.escc.value}" if lesion.escc else "ESCC ?"
            structure = _show(lesion.compressed_structure) if lesion.compressed_structure else "neural"
            marks.append(f"{structure} compression, {grade}")
            style = "bold red"
        if case.index_level == level:
            marks.append("index")
        glyph = "◆" if lesion.compressing else ("▼" if lesion.fractured else "■")
        table.add_row(Text(level.name, style=style), Text(glyph, style=style), ", ".join(marks) or "involved")
    return table


def render_case(case: Case) -> list[Any]:
    p, t, n, perf = case.patient, case.primary, case.neurology, case.performance
    region = sins_region(case.index_level) if case.index_level else None
    parts: list[Any] = []
    parts.append(_facts("Patient", [("age (years)", p.age_years), ("sex", p.sex), ("height (cm)", p.height_cm),
                                    ("weight (kg)", p.weight_kg)]))
    parts.append(_facts("Primary tumour", [
        ("histology", t.histology), ("site", t.site),
        ("months since diagnosis", t.months_since_diagnosis), ("primary treated", t.primary_treated),
        ("prior treatment", t.prior_treatment), ("prior chemotherapy", t.prior_chemotherapy)]))
    spine_rows = [("levels involved", format_levels(case.levels) or None),
                  ("fractured / collapsed", format_levels([l.level for l in case.lesions if l.fractured]) or "none known"),
                  ("compressing", format_levels([l.level for l in case.lesions if l.compressing]) or "none known"),
                  ("index level", f"{case.index_level} ({_show(region)} spine)" if case.index_level else None)]
    facts = _facts("Spine", spine_rows)
    parts.append(Panel(Group(facts.renderable, Text(""), spine_column(case)), title="Spine", title_align="left",
                       border_style="cyan"))
    if case.lesions:
        table = Table(title="Lesions", title_justify="left", header_style="bold")
        for column in ("level", "bone", "collapse", "post.-lat.", "alignment", "pain", "ESCC", "compr.", "T1/T2"):
            table.add_column(column)
        for lesion in sorted(case.lesions, key=lambda l: l.level):
            cells = [lesion.bone, lesion.collapse, lesion.posterolateral, lesion.alignment, lesion.pain, lesion.escc,
                     lesion.neural_compression]
            mri = f"{_short(lesion.mri_t1)}/{_short(lesion.mri_t2)}"
            table.add_row(lesion.level.name, *[_short(c) for c in cells], mri)
        table.caption = "? = not known (not assumed)"
        parts.append(table)
    deficits = [f"{d.kind.value}: {d.description or ''} ({d.side or 'side unknown'})" for d in n.deficits]
    parts.append(_facts("Neurology", [
        ("Frankel grade", n.frankel), ("ASIA grade", n.asia), ("ambulation", n.ambulation),
        ("motor deficit", n.motor_deficit), ("sensory deficit", n.sensory_deficit),
        ("sphincter dysfunction", n.sphincter_dysfunction), ("myelopathy", n.myelopathy),
        ("radiculopathy", n.radiculopathy), ("deficits", deficits)]))
    parts.append(_facts("Performance status", [("ECOG", perf.ecog), ("KPS", perf.kps)]))
    mets = [f"{m.organ}: {'present' if m.present else 'absent'}"
            + (f", {m.count}" if m.count is not None else "")
            + (", resectable" if m.resectable else ", not resectable" if m.resectable is False else "")
            for m in case.metastases]
    parts.append(_facts("Metastases outside the spine", [("organs", mets or None),
                                                          ("whole-body staging complete", case.staging_complete)]))
    labs = case.labs
    parts.append(_facts("Laboratory", [("albumin (g/dL)", labs.albumin_g_dl), ("bilirubin (mg/dL)", labs.bilirubin_mg_dl),
                                       ("LDH (U/L)", labs.ldh_u_l), ("calcium (mg/dL)", labs.calcium_mg_dl),
                                       ("platelets (10^9/L)", labs.platelets_10e9_l), ("CRP (mg/dL)", labs.crp_mg_dl),
                                       ("reported normal, no values", labs.reported_normal)]))
    markers = [f"{m.name} {'+' if m.result.value == 'positive' else '-' if m.result.value == 'negative' else 'focal'}"
               for m in case.pathology.markers]
    parts.append(_facts("Pathology", [("morphology", case.pathology.morphology),
                                      ("diagnosis", case.pathology.diagnosis), ("markers", markers)]))
    tx = case.treatments
    surgery = [f"{s.approach.value if s.approach else 'approach unknown'}: {s.procedure or ''}"
               + (f"; reconstruction {s.reconstruction}" if s.reconstruction else "")
               + (f"; cement to {format_levels(s.cement_augmentation)}" if s.cement_augmentation else "")
               for s in tx.surgery]
    rt = [f"{r.total_dose_gy:g} Gy in {r.fractions} fractions" + (f" ({r.technique.value})" if r.technique else "")
          for r in tx.radiotherapy]
    chemo = [f"{c.regimen or ', '.join(c.agents)}" + (f" x {c.cycles} cycles" if c.cycles else "")
             for c in tx.chemotherapy]
    parts.append(_facts("Treatment given", [("surgery", surgery), ("radiotherapy", rt), ("chemotherapy", chemo)]))
    fu = case.follow_up
    parts.append(_facts("Follow-up", [("last follow-up (months)", fu.last_follow_up_months), ("status", fu.status),
                                      ("events", [f"{e.months:g} mo: {e.description}" if e.months is not None
                                                  else e.description for e in fu.events])]))
    if case.notes:
        parts.append(_facts("Notes", [(str(i + 1), note) for i, note in enumerate(case.notes)]))
    return parts


Renderer = Callable[[Any], list[Any]]
RENDERERS: dict[str, Renderer] = {}


def _render_scores(value: Any) -> list[Any]:
    from .score_panels import render_scores

    return render_scores(value)


RENDERERS["scores"] = _render_scores


def _render_plans(key: str) -> Renderer:
    def render(value: Any) -> list[Any]:
        from . import plan_panels

        return {"ihc_differential": plan_panels.render_ihc_diagnoses, "ihc_details": plan_panels.render_ihc_details,
                "treatment": plan_panels.render_treatment}[key](value)
    return render


RENDERERS.update({key: _render_plans(key) for key in ("ihc_differential", "ihc_details", "treatment")})


def _render_extraction(value: Any) -> list[Any]:
    """Facts read from the note (with the words they came from) and the questions that would settle the rest."""
    found = Table(title="Read from the note", title_justify="left", header_style="bold")
    for column in ("fact", "value", "words", "status"):
        found.add_column(column)
    for fact in value.get("facts", []):
        shown = fact["value"]
        if isinstance(shown, dict):
            shown = " ".join(str(v) for v in shown.values() if v is not None)
        found.add_row(fact["key"], str(shown), fact["text"], fact["assertion"])
    asks = Table(title="Not found in the note: ask", title_justify="left", header_style="bold")
    asks.add_column("question")
    asks.add_column("settles")
    for missing in value.get("not_found", []):
        asks.add_row(missing["question"], ", ".join(missing["scores"]))
    return [found, asks]


RENDERERS["extraction"] = _render_extraction


def _render_decisions(key: str) -> Renderer:
    def render(value: Any) -> list[Any]:
        from . import decision_panels

        return {"recommendations": decision_panels.render_recommendations,
                "follow_up": decision_panels.render_follow_up}[key](value)
    return render


RENDERERS.update({key: _render_decisions(key) for key in ("recommendations", "follow_up")})


def render_analysis(analysis: Any, console: Console) -> None:
    from ..analysis import DISCLAIMER

    case = analysis.case
    console.print(Panel(Text(DISCLAIMER), title=f"spinemets: {case.title or case.id or 'case'}", border_style="magenta"))
    for part in render_case(case):
        console.print(part)
    for key, value in analysis.sections.items():
        renderer = RENDERERS.get(key)
        if renderer is None:
            console.print(Panel(json.dumps(value, indent=1, default=str)[:4000], title=key, title_align="left"))
            continue
        for part in renderer(value):
            console.print(part)
    for warning in analysis.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))
