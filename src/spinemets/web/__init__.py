"""The web page's own parts: page templates, the stylesheet, the note highlighter and the case form.

Pure rendering: the API layer hands in plain data (and the analysis drawn by spinemets.report); nothing
here speaks HTTP.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def static_dir() -> Path:
    return Path(str(files("spinemets.web") / "static"))
