"""Import a third-party package while some of the modules it imports, but never uses on our path, load only
when first used.

Why: `import medspacy.context` runs medspaCy's package, whose `util` imports QuickUMLS, whose `core` imports
NLTK at module level (0.15-0.2 s of a 1.3-1.5 s start-up) though NLTK serves only QuickUMLS's stop-word list,
read when a QuickUMLS matcher is built. spinemets never builds one. The deferred module is the standard
library's `importlib.util.LazyLoader`: it executes on its first attribute access, so anyone in the same
process who uses NLTK or QuickUMLS gets the real module, loaded then.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType


class _DeferringFinder(importlib.abc.MetaPathFinder):
    """Finds the named top-level modules as the other finders would, with a loader that defers their execution."""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    def find_spec(self, fullname: str, path: object = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.names:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return None  # not installed, or a loader LazyLoader cannot wrap: import it the ordinary way
        spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


@contextmanager
def deferring(*names: str) -> Iterator[None]:
    """Within the block, a first import of any of `names` (top-level packages) binds a module that executes on
    first use. Modules already imported are left as they are."""
    finder = _DeferringFinder(frozenset(n for n in names if n not in sys.modules))
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
