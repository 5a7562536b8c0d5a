"""`python -m spinemets` is the `spinemets` command."""

from spinemets.cli import app

app(prog_name="spinemets")
