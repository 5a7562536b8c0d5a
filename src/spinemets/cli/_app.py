"""The Typer application object and the guard that turns spinemets errors into exit code 2."""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Iterator

import typer
from rich.console import Console

from ..errors import InputError, Problem, SpinemetsError

app = typer.Typer(
    name="spinemets",
    help=(
        "Decision support for metastatic spine disease (not a decision).\n\n"
        "Start with:  spinemets analyze examples/leiomyosarcoma-c6.yaml\n\n"
        "A case is a YAML or JSON file (see `spinemets schema` and the examples/ folder). Unknown facts stay "
        "unknown: results become ranges, with the question that would settle each."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
)

out = Console()
err = Console(stderr=True)


@contextlib.contextmanager
def guarded(as_json: bool = False) -> Iterator[None]:
    """Run a command body; a SpinemetsError becomes a readable message on stderr and exit code 2, and so does a
    path the system refuses (an --out that is a file, a folder without write permission)."""
    try:
        try:
            yield
        except OSError as exc:
            raise InputError([Problem(field="path", value=str(exc.filename or ""),
                                      allowed="a path that can be read or written here",
                                      message=exc.strerror or type(exc).__name__)]) from None
    except SpinemetsError as exc:
        if as_json:
            sys.stderr.write(json.dumps(exc.as_dict(), default=str) + "\n")
        else:
            err.print(f"[bold red]error[/bold red] ({exc.code}):", highlight=False)
            for problem in exc.problems:
                err.print(f"  - {problem.render()}", highlight=False, markup=False)
        raise typer.Exit(2) from None


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
