"""Our extraction components. Each `find(extraction)` reads the sentences and returns the facts it finds;
they run in order because later ones read earlier facts (histology skips names inside stain lists)."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

NAMES = ("demographics", "ihc", "histology", "levels", "findings", "neurology", "metastases", "treatment", "followup",
         "performance")


_LOADED: list[ModuleType] = []


def ordered() -> list[ModuleType]:
    if not _LOADED:
        _LOADED.extend(import_module(f"{__name__}.{name}") for name in NAMES)
    return _LOADED
