"""Our extraction components. Each `find(extraction)` reads the sentences and returns the facts it finds;
they run in order because later ones read earlier facts (histology skips names inside stain lists)."""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from types import ModuleType

NAMES = ("demographics", "ihc", "histology", "levels", "findings", "neurology", "metastases", "treatment", "followup",
         "performance")


@lru_cache(maxsize=1)
def ordered() -> tuple[ModuleType, ...]:
    # Built whole before anyone sees it: the service warms the extractor up in a thread while the first note
    # may already be read, and a list filled in place was seen half-filled (only the first components ran).
    return tuple(import_module(f"{__name__}.{name}") for name in NAMES)
