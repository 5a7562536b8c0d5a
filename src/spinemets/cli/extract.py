"""Commands over clinical text: extract (text -> case facts) and eval-extract (score against annotated cases)."""

from __future__ import annotations

import glob
import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..errors import InputError, Problem
from ._app import app, err, guarded, out, print_json


TEXT_SUFFIXES = {".txt": None, ".text": None, ".md": "markdown", ".markdown": "markdown", ".html": "html",
                 ".htm": "html"}
MAX_NOTE_BYTES = 1_000_000  # a case report is a few kilobytes; a larger file is refused before it is read


# One colour per kind of fact; negated and hypothetical facts are struck through / dimmed.
STYLES = {"age": "cyan", "sex": "cyan", "histology": "bold magenta", "site": "magenta", "level": "bold yellow",
          "fracture": "bold red", "compression": "bold red", "bone": "yellow", "deficit": "red", "intact": "green",
          "pain": "orange3", "frankel": "red", "asia": "red", "metastasis": "bright_red", "ihc": "blue",
          "surgery": "green", "radiotherapy": "green", "dose": "bold green", "chemotherapy": "green",
          "agent": "bold green", "follow_up": "cyan", "ecog": "cyan", "kps": "cyan"}
_STATUS_STYLE = {"negated": " strike", "hypothetical": " dim italic", "historical": " italic", "other_person": " dim"}


def highlighted(extraction: Any) -> Text:
    text = Text(extraction.text)
    for fact in extraction.facts:
        if fact.key == "level" and "excluded" in fact.detail:
            continue
        text.stylize(STYLES.get(fact.key, "underline") + _STATUS_STYLE.get(fact.assertion, ""), fact.start, fact.end)
    return text


def render_extraction(extraction: Any, console: Console, title: str | None = None) -> None:
    from ..extract import to_schema

    console.print(Panel(highlighted(extraction), title=title or extraction.name or "text", title_align="left",
                        border_style="cyan"))
    legend = Text("  ".join(f"[{key}]" for key in STYLES))
    for key, style in STYLES.items():
        start = legend.plain.find(f"[{key}]")
        legend.stylize(style, start, start + len(key) + 2)
    console.print(legend)
    console.print(Text("struck through: negated; dim italic: hypothetical or suspected; italic: history", style="dim"))
    table = Table(title="facts (extraction schema)", header_style="bold", title_justify="left")
    table.add_column("key", style="bold")
    table.add_column("value")
    for key, value in to_schema(extraction).items():
        shown = ("not stated" if value is None else ", ".join(map(str, value)) if isinstance(value, list) and value
                 else "none" if isinstance(value, list) else str(value))
        table.add_row(key, Text(shown, style="dim italic" if value is None else ""))
    console.print(table)
    for warning in extraction.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))


def _inputs(spec: str) -> list[Path]:
    """A file, a folder (its text files) or a glob, as a sorted list of files."""
    path = Path(spec)
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
        if not found:
            raise InputError([Problem(field="input", value=spec, allowed=f"a folder holding {', '.join(TEXT_SUFFIXES)} files",
                                      message="no text files in the folder")])
        return found
    if any(ch in spec for ch in "*?[") and not path.exists():
        found = sorted(Path(p) for p in glob.glob(spec) if Path(p).is_file())
        if not found:
            raise InputError([Problem(field="input", value=spec, allowed="a pattern matching text files",
                                      message="the pattern matches no file")])
        return found
    return [path]


def _read(path: Path) -> str:
    from ..casefile import read_text_file

    return read_text_file(path, max_bytes=MAX_NOTE_BYTES, what="input")


def _record(extraction, name: str, several: bool) -> dict:
    from ..extract import to_schema

    record = {"source": name} if several else {}
    record.update(to_schema(extraction))
    record["facts"] = [f.as_dict(extraction.text) for f in extraction.facts
                       if not (f.key == "level" and "excluded" in f.detail)]
    record["warnings"] = list(extraction.warnings)
    return record


@app.command()
def extract(
    inputs: str = typer.Argument(..., help="a note or case report (.txt, .md, .html), a folder of them, or a glob",
                                 show_default=False),
    json_output: bool = typer.Option(False, "--json", help="print the schema's 18 keys (and facts with spans) as JSON; "
                                                           "one object per line with 'source' when several"),
    out_dir: Path = typer.Option(None, "--out", help="write DIR/NAME.json for each input NAME.txt"),
    case_out: Path = typer.Option(None, "--case", help="write a case file (.yaml/.json) that `spinemets analyze` accepts"),
) -> None:
    """Read clinical text and extract the structured case, every fact with its spans and status."""
    with guarded(as_json=json_output):
        from ..extract import extract_texts, to_case

        files = _inputs(inputs)
        if case_out is not None and len(files) != 1:
            raise InputError([Problem(field="--case", value=str(case_out), allowed="exactly one input",
                                      message=f"{len(files)} inputs given; write one case file per input")])
        texts = [_read(f) for f in files]
        kinds = {TEXT_SUFFIXES.get(f.suffix.lower()) for f in files}
        kind = kinds.pop() if len(kinds) == 1 else None
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
        several = len(files) > 1
        for path, extraction in zip(files, extract_texts(texts, names=[f.stem for f in files], kind=kind)):
            record = _record(extraction, path.stem, several)
            for warning in extraction.warnings:
                err.print(f"[yellow]warning[/yellow] ({path.name}): {warning}", highlight=False)
            if out_dir is not None:
                (out_dir / f"{path.stem}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n",
                                                           encoding="utf-8")
            if case_out is not None:
                from ..casefile import save_case

                save_case(to_case(extraction, name=path.stem), case_out)
                err.print(f"[green]case written[/green]: {case_out}", highlight=False)
            if json_output:
                if several:
                    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    print_json(record)
            elif out_dir is None and case_out is None:
                render_extraction(extraction, out, title=path.name)


@app.command("eval-extract")
def eval_extract(
    folder: Path = typer.Argument(..., help="a folder of NAME.txt with hand-annotated NAME.json", show_default=False),
    json_output: bool = typer.Option(False, "--json", help="print the scores and errors as JSON"),
) -> None:
    """Score the extractor against annotated cases: per-key precision/recall/F1, micro-F1, per-case errors."""
    with guarded(as_json=json_output):
        from ..extract.eval import evaluate_folder, gold_pairs

        if not folder.is_dir():
            raise InputError([Problem(field="folder", value=str(folder), allowed="a folder", message="not a folder")])
        if not gold_pairs(folder):
            raise InputError([Problem(field="folder", value=str(folder), allowed="NAME.txt files with NAME.json beside them",
                                      message="no annotated cases in the folder")])
        report = evaluate_folder(folder)
    if json_output:
        print_json(report.as_dict())
        return
    from rich.table import Table

    table = Table(title=f"extraction scores over {len(report.cases)} cases", header_style="bold")
    for column in ("key", "gold", "predicted", "correct", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "key" else "right")
    for key, tally in report.per_key.items():
        table.add_row(key, str(tally.gold), str(tally.predicted), str(tally.correct), f"{tally.precision:.3f}",
                      f"{tally.recall:.3f}", f"{tally.f1:.3f}")
    out.print(table)
    micro = report.micro
    out.print(f"micro: precision {micro.precision:.4f}  recall {micro.recall:.4f}  F1 {micro.f1:.4f}  "
              f"({micro.correct} correct, {micro.predicted} predicted, {micro.gold} gold)", highlight=False)
    by_case: dict[str, list] = {}
    for error in report.errors:
        by_case.setdefault(error.case, []).append(error)
    for case in report.cases:
        errors = by_case.get(case, [])
        out.print(f"{case}: {'no errors' if not errors else f'{len(errors)} error(s)'}", highlight=False)
        for error in errors:
            out.print(f"  - {error.render()}", highlight=False, markup=False)
