"""spinemets: clinical decision support for metastatic spine disease.

Decision support, not a decision. The public API is small: load a case, analyse it, read the result.

    >>> from spinemets import load_case, analyze
    >>> result = analyze(load_case("examples/leiomyosarcoma-c6.yaml"))  # doctest: +SKIP
    >>> result.to_json()["case"]["primary"]["histology"]  # doctest: +SKIP
    'leiomyosarcoma'
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("spinemets")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "Case", "load_case", "save_case", "analyze", "parse_levels", "Vertebra", "SpinemetsError"]


def __getattr__(name: str):  # lazy: importing spinemets must not import pydantic models, spaCy or Polars
    if name in {"Case"}:
        from .case import Case

        return Case
    if name in {"load_case", "save_case"}:
        from . import casefile

        return getattr(casefile, name)
    if name == "analyze":
        from .analysis import analyze

        return analyze
    if name in {"parse_levels", "Vertebra"}:
        from . import anatomy

        return getattr(anatomy, name)
    if name == "SpinemetsError":
        from .errors import SpinemetsError

        return SpinemetsError
    raise AttributeError(name)
