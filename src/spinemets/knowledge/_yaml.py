"""Read one data file shipped in spinemets/knowledge/data, via importlib.resources (works from a wheel too)."""

from __future__ import annotations

from importlib import resources
from typing import Any


def load_data_file(name: str) -> Any:
    """Parse `knowledge/data/<name>` as YAML. Callers cache the validated result, so this runs once each."""
    import yaml  # deferred: nothing is read or imported until a table is first needed

    text = resources.files("spinemets.knowledge").joinpath("data", name).read_text(encoding="utf-8")
    # libyaml's safe loader when it is built in (several times faster: the marker table is read on the first
    # stain a note mentions), the pure-Python one otherwise; both build the same plain data.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
