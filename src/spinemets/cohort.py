"""Every score for a cohort, one row a patient, as vectorized Polars expressions.

How it stays exact without a Python loop per row: each score item depends on a few input columns with few
distinct meanings (a lab value matters only by which of the tables' cut-offs it reaches; a count of bone
metastases only up to "five or more"). Each column is first reduced to a small integer code of those
meanings; each item's possible points are then computed once per distinct code combination *by the
per-case scoring code itself* (a representative one-patient Case through the same score module and
engine), and gathered back onto the rows. Totals, ranges and categories are column arithmetic.
`row_to_case` is the per-case reading of a row; the tests check both paths agree on random cohorts.

Polars is imported here and nowhere else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np
import polars as pl

from .anatomy import ALLOWED_LEVELS_TEXT, Vertebra, parse_level
from .case import Case
from .casefile import case_json_schema
from .errors import InputError, LevelError, Problem, SpinemetsError
from .knowledge.histologies import CLASS_FIELDS, lookup
from .knowledge.tables import SCORE_KEYS, score_table
from .scores import score_all
from .scores._engine import Context, evaluate, variant_rules

# Counts matter to the tables only up to "3 or more" / "solitary vs multiple"; 5 leaves a margin.
COUNT_CAP = 5
# Rows per chunk when a progress bar is shown.
CHUNK_ROWS = 200_000
MAX_INPUT_BYTES = 2 * 1024**3
# `other_visceral_mets` stands for a visceral organ outside the named ones; it is recorded as this organ.
OTHER_VISCERAL_ORGAN = "adrenal"


# --- the documented columns -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # enum, bool, int, count, float, level, text
    path: str | None  # where the fact sits in the case model (bounds and allowed values come from there)
    doc: str
    allowed: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    low_exclusive: bool = False
    step: int | None = None


_SPECS: list[tuple[str, str, str | None, str]] = [
    ("id", "text", None, "patient identifier, copied to the output"),
    ("histology", "text", "primary.histology", "histology of the primary (vocabulary of the histology catalogue)"),
    ("site", "text", "primary.site", "organ of the primary, e.g. kidney, lung, thigh"),
    ("level", "level", None, f"the index level scored by SINS and ESCC (required): {ALLOWED_LEVELS_TEXT}"),
    ("spinal_levels", "count", None, "number of involved vertebrae known, the index level included (1-30); "
                                     "empty = only the index level is known"),
    ("bone", "enum", "Lesion.bone", "bone character at the index level"),
    ("pain", "enum", "Lesion.pain", "pain at the index level"),
    ("alignment", "enum", "Lesion.alignment", "alignment at the index level"),
    ("collapse", "enum", "Lesion.collapse", "vertebral body collapse at the index level"),
    ("posterolateral", "enum", "Lesion.posterolateral", "posterolateral element involvement at the index level"),
    ("escc", "enum", "Lesion.escc", "Bilsky ESCC grade at the index level"),
    ("neural_compression", "bool", "Lesion.neural_compression", "cord/conus/cauda compressed at the index level"),
    ("csf_visible_around_cord", "bool", "Lesion.csf_visible_around_cord", "CSF still seen around a compressed cord"),
    ("pathological_fracture", "bool", "Lesion.pathological_fracture", "pathological fracture at the index level"),
    ("other_levels_fractured", "bool", None, "a pathological fracture at any other involved vertebra"),
    ("extraspinal_bone_mets", "count0", None, "number of bone metastases outside the spine (0-1000)"),
    ("lung_mets", "bool", None, "lung metastases"),
    ("liver_mets", "bool", None, "liver metastases"),
    ("brain_mets", "bool", None, "brain metastases"),
    ("other_visceral_mets", "bool", None, f"metastases in another visceral organ (recorded as {OTHER_VISCERAL_ORGAN})"),
    ("visceral_resectable", "bool", "OrganMetastasis.resectable", "every visceral metastasis resectable/treatable"),
    ("visceral_dissemination", "bool", "OrganMetastasis.dissemination", "pleural/peritoneal/leptomeningeal spread"),
    ("staging_complete", "bool", "staging_complete", "whole-body staging done: organs not marked are free"),
    ("frankel", "enum", "Neurology.frankel", "Frankel grade"),
    ("asia", "enum", "Neurology.asia", "ASIA impairment grade"),
    ("ambulation", "enum", "Neurology.ambulation", "ambulation"),
    ("motor_deficit", "bool", "Neurology.motor_deficit", "motor deficit"),
    ("sensory_deficit", "bool", "Neurology.sensory_deficit", "sensory deficit"),
    ("sphincter_dysfunction", "bool", "Neurology.sphincter_dysfunction", "sphincter dysfunction"),
    ("myelopathy", "bool", "Neurology.myelopathy", "myelopathy"),
    ("radiculopathy", "bool", "Neurology.radiculopathy", "radiculopathy"),
    ("ecog", "int", "Performance.ecog", "ECOG performance status"),
    ("kps", "int", "Performance.kps", "Karnofsky performance status"),
    ("albumin_g_dl", "float", "Labs.albumin_g_dl", "serum albumin, g/dL"),
    ("bilirubin_mg_dl", "float", "Labs.bilirubin_mg_dl", "total bilirubin, mg/dL"),
    ("ldh_u_l", "float", "Labs.ldh_u_l", "LDH, U/L"),
    ("calcium_mg_dl", "float", "Labs.calcium_mg_dl", "serum calcium, mg/dL"),
    ("platelets_10e9_l", "float", "Labs.platelets_10e9_l", "platelets, 10^9/L"),
    ("crp_mg_dl", "float", "Labs.crp_mg_dl", "CRP, mg/dL"),
    ("prior_chemotherapy", "bool", "PrimaryTumour.prior_chemotherapy", "chemotherapy before the spinal presentation"),
]

_TRUE = ("true", "yes", "y", "1", "t")
_FALSE = ("false", "no", "n", "0", "f")
_NULL = ("", "unknown", "na", "n/a", "null", "none_known", "?")


def _schema_field(schema: dict[str, Any], path: str) -> dict[str, Any]:
    """The JSON-Schema constraints of one field of the case model (so the cohort accepts what a case does)."""
    defs = schema["$defs"]
    owner, _, name = path.rpartition(".")
    holder = defs[owner] if owner in defs else schema
    prop = holder["properties"][name]
    options = prop.get("anyOf", [prop])
    for option in options:
        if "$ref" in option:
            return defs[option["$ref"].rsplit("/", 1)[-1]]
        if option.get("type") not in (None, "null"):
            return option
    return prop


@lru_cache(maxsize=1)
def columns() -> tuple[Column, ...]:
    """The documented cohort columns, with allowed values and bounds read from the case model's schema."""
    schema = case_json_schema()
    out = []
    for name, kind, path, doc in _SPECS:
        extra: dict[str, Any] = {}
        if path and kind in ("enum", "int", "float"):
            constraint = _schema_field(schema, path if "." in path and path.split(".")[0][0].isupper()
                                       else {"primary.histology": "PrimaryTumour.histology"}.get(path, path))
            if kind == "enum":
                extra["allowed"] = tuple(constraint["enum"])
            else:
                extra["low"] = constraint.get("minimum", constraint.get("ge", constraint.get("exclusiveMinimum")))
                extra["low_exclusive"] = "exclusiveMinimum" in constraint
                extra["high"] = constraint.get("maximum", constraint.get("le"))
                extra["step"] = constraint.get("multipleOf")
        if name == "kps":
            extra["step"] = 10  # the case model's own rule: KPS in steps of 10
        if kind == "count":
            extra.update(low=1, high=30)
        if kind == "count0":
            extra.update(low=0, high=1000)
        out.append(Column(name=name, kind=kind, path=path, doc=doc, **extra))
    return tuple(out)


def column(name: str) -> Column:
    return next(c for c in columns() if c.name == name)


def describe_columns() -> list[dict[str, Any]]:
    """The column documentation (for --help, the README and `spinemets cohort columns`)."""
    out = []
    for c in columns():
        allowed = (", ".join(c.allowed) if c.allowed else
                   "true/false" if c.kind == "bool" else
                   f"{c.low:g}-{c.high:g}" + (f" in steps of {c.step}" if c.step else "")
                   if c.low is not None and c.high is not None else
                   (f">= {c.low:g}" if c.low is not None else ALLOWED_LEVELS_TEXT if c.kind == "level" else "text"))
        out.append({"column": c.name, "meaning": c.doc, "allowed": allowed})
    return out


# --- reading a row as a case (the per-case path) ----------------------------------------------------------
def _bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def row_to_case(row: dict[str, Any]) -> Case:
    """The case a cohort row describes; unknown cells stay unknown. Raises CaseFileError on bad values."""
    from .casefile import case_from_data

    def get(name: str) -> Any:
        value = row.get(name)
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, str) and value.strip().lower() in _NULL:
            return None
        return value

    def text(name: str) -> str | None:  # histology and site: 'unknown' is a finding (unknown primary)
        value = row.get(name)
        return None if value is None or not str(value).strip() else str(value)

    level = get("level")
    if level is None:
        raise InputError([Problem(field="level", value=None, allowed=ALLOWED_LEVELS_TEXT,
                                  message="the index level is required")])
    index = parse_level(str(level), field="level")
    count = int(get("spinal_levels") or 1)
    others = [v for v in Vertebra if v != index]
    others.sort(key=lambda v: (abs(int(v) - int(index)), int(v)))  # nearest neighbours stand for the others
    other_fracture = _bool(get("other_levels_fractured"))
    lesion = {"level": index.name}
    for name in ("bone", "pain", "alignment", "collapse", "posterolateral", "escc"):
        if get(name) is not None:
            lesion[name] = str(get(name)).strip().lower()
    for name in ("neural_compression", "csf_visible_around_cord", "pathological_fracture"):
        lesion[name] = _bool(get(name))
    lesions = [lesion] + [{"level": v.name, "pathological_fracture": other_fracture} for v in others[:count - 1]]
    metastases = []
    resectable, dissemination = _bool(get("visceral_resectable")), _bool(get("visceral_dissemination"))
    for name, organ in (("lung_mets", "lung"), ("liver_mets", "liver"), ("brain_mets", "brain"),
                        ("other_visceral_mets", OTHER_VISCERAL_ORGAN)):
        present = _bool(get(name))
        if present is not None:
            metastases.append({"organ": organ, "present": present,
                               "resectable": resectable if present else None,
                               "dissemination": dissemination if present else None})
    extraspinal = get("extraspinal_bone_mets")
    if extraspinal is not None:
        metastases.append({"organ": "bone", "present": int(extraspinal) > 0, "count": int(extraspinal)})
    grade = lambda name: None if get(name) is None else str(get(name)).strip().upper()  # noqa: E731
    data = {
        "id": None if get("id") is None else str(get("id")),
        "primary": {"histology": text("histology"), "site": text("site"),
                    "prior_chemotherapy": _bool(get("prior_chemotherapy"))},
        "lesions": lesions,
        "index_level": index.name,
        "neurology": {"frankel": grade("frankel"), "asia": grade("asia"),
                      "ambulation": None if get("ambulation") is None else str(get("ambulation")).strip().lower(),
                      **{n: _bool(get(n)) for n in ("motor_deficit", "sensory_deficit", "sphincter_dysfunction",
                                                    "myelopathy", "radiculopathy")}},
        "performance": {"ecog": get("ecog"), "kps": get("kps")},
        "metastases": metastases,
        "staging_complete": _bool(get("staging_complete")),
        "labs": {c: get(c) for c in ("albumin_g_dl", "bilirubin_mg_dl", "ldh_u_l", "calcium_mg_dl",
                                     "platelets_10e9_l", "crp_mg_dl")},
    }
    return case_from_data(data, name="row")


def score_row(row: dict[str, Any], variants: dict[str, str] | None = None) -> dict[str, Any]:
    """The output columns for one row, by the per-case path (used by tests and the per-row benchmark)."""
    results = score_all(row_to_case(row), variants=variants)
    out: dict[str, Any] = {}
    for key in SCORE_KEYS:
        result = results[key]
        if not result.available:
            continue
        low, high = result.range
        out[f"{key}_total"] = result.total
        out[f"{key}_min"], out[f"{key}_max"] = low, high
        out[f"{key}_category"] = result.category
    return out


# --- codes: each column reduced to the few meanings the tables distinguish ---------------------------------
INVALID = 255  # code of a cell that is not an allowed value (the row is rejected with the reason)
PRIMARY_RADIX = 1024  # room for every distinct class a histology/site pair can have in the scores


@lru_cache(maxsize=1)
def _lab_cuts() -> dict[str, tuple[float, ...]]:
    """Every cut-off any score table applies to each lab column (all are 'value >= cut' comparisons)."""
    cuts: dict[str, set[float]] = {}
    labs = [c.name for c in columns() if c.path and c.path.startswith("Labs.")]

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                for lab in labs:
                    if isinstance(key, str) and key.startswith(lab) and isinstance(value, (int, float)):
                        cuts.setdefault(lab, set()).add(float(value))
                visit(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                visit(value)

    for key in SCORE_KEYS:
        table = score_table(key)
        visit(getattr(table, "thresholds", {}) or {})
        for item in table.items:
            for option in item.options:
                visit(getattr(option, "extra", {}) or {})
    return {lab: tuple(sorted(cuts.get(lab, set()))) for lab in labs}


@lru_cache(maxsize=None)
def _values(name: str) -> tuple[Any, ...]:
    """values[code] is a representative raw value of each code of a column (code 0: unknown)."""
    c = column(name)
    if c.kind == "enum":
        return (None, *c.allowed)
    if c.kind == "bool":
        return (None, False, True)
    if c.kind == "int":
        return (None, *range(int(c.low), int(c.high) + 1, c.step or 1))
    if c.kind in ("count", "count0"):
        return (None, *range(int(c.low), COUNT_CAP + 1))
    if c.kind == "float":
        cuts = _lab_cuts()[name]
        return (None, cuts[0] / 2 if cuts else 1.0, *cuts)  # below every cut, then at each cut
    if c.kind == "level":
        return (None, *(v.name for v in Vertebra))
    raise KeyError(name)


def _code_of(c: Column, value: Any) -> int:
    """The code of one distinct raw cell (called once per distinct value, never per row)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0
    text = str(value).strip()
    if text.lower() in _NULL:
        return 0
    if c.kind == "enum":
        text = text.upper() if c.name in ("frankel", "asia") else text.lower()
        return c.allowed.index(text) + 1 if text in c.allowed else INVALID
    if c.kind == "bool":
        if isinstance(value, bool):
            return 2 if value else 1
        low = text.lower()
        return 2 if low in _TRUE else 1 if low in _FALSE else INVALID
    if c.kind == "level":
        try:
            return int(parse_level(text))
        except LevelError:
            return INVALID
    try:
        number = float(text)
    except ValueError:
        return INVALID
    if math.isnan(number) or not number.is_integer() or number < c.low or number > c.high:
        return INVALID
    if c.step and number % c.step:
        return INVALID
    if c.kind == "int":
        return int(number - c.low) // (c.step or 1) + 1
    return int(min(number, COUNT_CAP) - c.low) + 1


def _allowed_text(c: Column) -> str:
    if c.kind == "enum":
        return ", ".join(c.allowed)
    if c.kind == "bool":
        return "true or false (yes/no, 1/0), empty when unknown"
    if c.kind == "level":
        return ALLOWED_LEVELS_TEXT
    kind = "a number" if c.kind == "float" else "a whole number"
    bounds = f" from {c.low:g} to {c.high:g}" if c.low is not None and c.high is not None else ""
    return kind + bounds + (f" in steps of {c.step}" if c.step else "") + ", empty when unknown"


def _distinct_map(series: pl.Series, code: Callable[[Any], int]) -> np.ndarray:
    """Codes for a column through its distinct values: one Python call per distinct value, then a vectorized
    replace over the rows."""
    distinct = series.drop_nulls().unique().to_list()
    mapping = {value: code(value) for value in distinct}
    if not mapping:
        return np.zeros(series.len(), dtype=np.uint16)
    mapped = series.replace_strict(mapping, default=0, return_dtype=pl.UInt16)
    return mapped.fill_null(0).to_numpy()


def _typed_codes(c: Column, series: pl.Series) -> np.ndarray | None:
    """Codes straight from a typed column (Parquet: Enum, Boolean, integers), or None to go through text."""
    dtype = series.dtype
    if isinstance(dtype, pl.Enum):
        per_category = np.array([_code_of(c, category) for category in dtype.categories] + [0], dtype=np.uint16)
        physical = series.to_physical()
        if physical.null_count():
            physical = physical.fill_null(len(dtype.categories))
        return per_category[physical.to_numpy()]
    if dtype == pl.Boolean and c.kind == "bool":
        code = series.fill_null(False).to_numpy().astype(np.uint16) + 1
        if series.null_count():
            code[series.is_null().to_numpy()] = 0
        return code
    if dtype.is_integer() and c.kind in ("int", "count", "count0"):
        low, high, step = int(c.low), int(c.high), int(c.step or 1)
        x = series.fill_null(low).to_numpy().astype(np.int64, copy=False)
        bad = (x < low) | (x > high)
        if step > 1:
            bad |= (x % step) != 0
        if c.kind == "int":
            code = (x - low) // step + 1
        else:
            code = np.minimum(x, COUNT_CAP) - low + 1
        code = code.astype(np.uint16)
        code[bad] = INVALID
        if series.null_count():
            code[series.is_null().to_numpy()] = 0
        return code
    return None


@dataclass
class Encoded:
    """A cohort as small-integer codes per column, and per column where a cell was not allowed."""

    codes: dict[str, np.ndarray]
    invalid: dict[str, np.ndarray]
    rows: int


def encode(frame: pl.DataFrame) -> Encoded:
    n = frame.height
    codes: dict[str, np.ndarray] = {}
    invalid: dict[str, np.ndarray] = {}
    for c in columns():
        if c.kind == "text":
            continue  # id, histology and site are read as text (histology and site by their catalogue class)
        if c.name not in frame.columns:
            codes[c.name] = np.zeros(n, dtype=np.uint16)
            continue
        series = frame[c.name]
        if c.kind == "float":
            text = series.cast(pl.String).str.strip_chars() if series.dtype == pl.String else None
            given = series.is_not_null() if text is None else (text.is_not_null() & ~text.str.to_lowercase().is_in(list(_NULL)))
            number = (text if text is not None else series).cast(pl.Float64, strict=False)
            x = number.to_numpy().astype(np.float64, copy=False) if number.null_count() == 0 else \
                number.fill_null(np.nan).to_numpy()
            present = given.to_numpy()
            with np.errstate(invalid="ignore"):
                bad = present & (np.isnan(x) | (x < c.low) | (x > c.high) | ((x <= c.low) if c.low_exclusive else False))
                code = np.ones(n, dtype=np.uint16)
                for cut in _lab_cuts()[c.name]:
                    code += (x >= cut).astype(np.uint16)
            code[~present] = 0
            code[bad] = INVALID
        else:
            code = _typed_codes(c, series)
            if code is None:
                code = _distinct_map(series, lambda value, _c=c: _code_of(_c, value))
            bad = code == INVALID
        codes[c.name] = code
        if bad.any():
            invalid[c.name] = bad
    return Encoded(codes=codes, invalid=invalid, rows=n)


# --- which columns each item reads (checked against the per-case path by the tests) -----------------------
_ORGANS = ["lung_mets", "liver_mets", "brain_mets", "other_visceral_mets", "staging_complete"]
_BONES = ["spinal_levels", "extraspinal_bone_mets", "staging_complete"]
_FRANKEL = ["frankel", "motor_deficit", "sensory_deficit", "sphincter_dysfunction", "ambulation"]
_PERF = ["ecog", "kps"]
_LABS = ["albumin_g_dl", "bilirubin_mg_dl", "ldh_u_l", "calcium_mg_dl", "platelets_10e9_l", "crp_mg_dl"]
ITEM_COLUMNS: dict[str, dict[str, list[str]]] = {
    "sins": {"location": ["level"], "pain": ["pain"], "bone": ["bone"], "alignment": ["alignment"],
             "collapse": ["collapse", "pathological_fracture"], "posterolateral": ["posterolateral"]},
    "escc": {"grade": ["escc", "neural_compression", "csf_visible_around_cord"]},
    "frankel": {"grade": _FRANKEL},
    "asia": {"grade": ["asia", "frankel", "motor_deficit", "sensory_deficit", "sphincter_dysfunction",
                       "myelopathy", "radiculopathy"]},
    "ecog": {"ecog": _PERF},
    "kps": {"kps": _PERF},
    "tokuhashi_revised": {"general_condition": _PERF, "extraspinal_bone": ["extraspinal_bone_mets", "staging_complete"],
                          "vertebral_body": ["spinal_levels", "staging_complete"],
                          "internal_organs": _ORGANS + ["visceral_resectable"], "primary_site": ["primary"],
                          "palsy": _FRANKEL},
    "tomita": {"primary_growth": ["primary"], "visceral": _ORGANS + ["visceral_resectable"], "bone": _BONES},
    "bauer": {"no_visceral": _ORGANS, "solitary_skeletal": _BONES, "not_lung_cancer": ["primary"],
              "favourable_primary": ["primary"],
              "no_pathological_fracture": ["pathological_fracture", "collapse", "other_levels_fractured",
                                           "spinal_levels"]},
    "bauer_modified": {"no_visceral": _ORGANS, "solitary_skeletal": _BONES, "not_lung_cancer": ["primary"],
                       "favourable_primary": ["primary"]},
    "nesms": {"modified_bauer": ["@bauer_modified"], "ambulation": ["ambulation"], "albumin": ["albumin_g_dl"]},
    "katagiri_new": {"primary_lesion": ["primary"], "visceral": _ORGANS + ["visceral_dissemination"],
                     "laboratory": _LABS, "ecog_3_4": _PERF, "previous_chemotherapy": ["prior_chemotherapy"],
                     "multiple_skeletal": _BONES},
}
# Every representative row has an index level (the cohort requires one); T8 stands for any.
_BASE_ROW = {"level": "T8"}
_CLASS_FIELDS = (*CLASS_FIELDS, "bauer_favourable", "bauer_lung")


@dataclass
class _ItemTable:
    """An item's result per combination of its codes, dense over the combinations (NaN: not computed yet)."""

    columns: list[str]
    sizes: list[int]
    low: np.ndarray  # whole points (every published table here has whole points; checked when filled)
    high: np.ndarray
    known: np.ndarray  # computed already
    error: dict[int, str] = field(default_factory=dict)
    results: dict[int, Any] = field(default_factory=dict)  # whole results, for grade scores

    def packed(self) -> np.ndarray:
        return (self.low.astype(np.int32) << 16) + self.high


class CohortScorer:
    """Scores cohorts; keeps the per-combination tables between chunks so each combination is computed once."""

    def __init__(self, variants: dict[str, str] | None = None) -> None:
        self.variants = dict(variants or {})
        Context(self.variants)  # unknown variant names fail here, before any data is read
        self._primary_class: dict[Any, int] = {None: 0}  # catalogue class tuple -> code
        self._primary_pair: list[tuple[Any, Any]] = [(None, None)]  # code -> a representative (histology, site)
        self._pair_class: dict[tuple[Any, Any], int] = {}  # (histology, site) text -> code, looked up once
        self._tables: dict[tuple[str, str], _ItemTable] = {}
        self.combinations_evaluated = 0

    # --- the per-case code, once per combination --------------------------------------------------------
    def _evaluate(self, key: str, combo: dict[str, Any]) -> Any:
        from .scores import _module

        row = dict(_BASE_ROW)
        row.update(combo)
        case = row_to_case(row)
        ctx = Context(self.variants)
        ctx.start()
        table = score_table(key)
        level = case.index_level if table.scope == "level" else None
        self.combinations_evaluated += 1
        return evaluate(table, _module(key).findings(case, ctx, level), ctx, level=str(level) if level else None)

    def _size(self, name: str) -> int:
        return PRIMARY_RADIX if name == "primary" else len(_values(name))

    def _decode(self, names: list[str], sizes: list[int], code_key: int) -> dict[str, Any]:
        combo: dict[str, Any] = {}
        for name, size in zip(reversed(names), reversed(sizes)):
            code_key, code = divmod(code_key, size)
            if name == "primary":
                combo["histology"], combo["site"] = self._primary_pair[code]
            else:
                value = _values(name)[code]
                if value is not None:
                    combo[name] = value
        return combo

    def _primary_codes(self, frame: pl.DataFrame) -> np.ndarray:
        """One code per catalogue class (what the scores read of a histology and site), per row."""
        histology, histologies = _small_codes(frame, "histology")
        site, sites = _small_codes(frame, "site")
        pair_class = np.zeros((len(histologies), len(sites)), dtype=np.int32)
        present = np.flatnonzero(np.bincount(histology * len(sites) + site, minlength=pair_class.size))
        for pair in present:
            h, t = divmod(int(pair), len(sites))
            if (histologies[h], sites[t]) in self._pair_class:
                pair_class[h, t] = self._pair_class[(histologies[h], sites[t])]
                continue
            entry = lookup(histologies[h], sites[t])
            key = None if entry is None else tuple(getattr(entry, name) for name in _CLASS_FIELDS)
            if key not in self._primary_class:
                if len(self._primary_class) >= PRIMARY_RADIX:
                    raise InputError([Problem(field="histology", value=histologies[h], allowed="the catalogue's "
                                              "classes", message="too many distinct classes")])
                self._primary_class[key] = len(self._primary_class)
                self._primary_pair.append((histologies[h], sites[t]))
            pair_class[h, t] = self._pair_class[(histologies[h], sites[t])] = self._primary_class[key]
        return pair_class[histology, site]

    def _keys(self, codes: dict[str, np.ndarray], names: list[str], sizes: list[int]) -> np.ndarray:
        """Mixed-radix key of each row's codes for these columns (shared by the items that read them)."""
        cache_key = tuple(names)
        if cache_key not in self._key_cache:
            key = codes[names[0]].astype(np.int32)
            for name, size in zip(names[1:], sizes[1:]):
                key *= size
                key += codes[name]
            self._key_cache[cache_key] = (key, np.flatnonzero(np.bincount(key, minlength=int(np.prod(sizes)))))
        return self._key_cache[cache_key]

    def _item(self, key: str, item: str, codes: dict[str, np.ndarray], grade: bool) -> tuple[_ItemTable, np.ndarray]:
        names = ITEM_COLUMNS[key][item]
        sizes = [self._size(n) for n in names]
        domain = int(np.prod(sizes))
        table = self._tables.get((key, item))
        if table is None:
            table = _ItemTable(names, sizes, np.zeros(domain, np.int16), np.zeros(domain, np.int16),
                               np.zeros(domain, bool))
            self._tables[(key, item)] = table
        keys, present = self._keys(codes, names, sizes)
        for code_key in present[~table.known[present]]:
            code_key = int(code_key)
            if code_key in table.error:
                continue
            try:
                result = self._evaluate(key, self._decode(names, sizes, code_key))
            except SpinemetsError as exc:  # facts that contradict each other: the per-case path refuses them
                shown = [("histology, site" if n == "primary" else n) for n in names]
                table.error[code_key] = f"{', '.join(shown)}: " + "; ".join(p.message for p in exc.problems)
                continue
            table.known[code_key] = True
            if grade:
                table.results[code_key] = result
            else:
                possible = next(i for i in result.items if i.item == item).possible
                if any(float(p) != int(p) for p in possible):
                    raise RuntimeError(f"{key}.{item}: the cohort path assumes whole points, got {possible}")
                table.low[code_key], table.high[code_key] = min(possible), max(possible)
        return table, keys

    # --- the vectorized pass ----------------------------------------------------------------------------
    def score(self, frame: pl.DataFrame) -> tuple[pl.DataFrame, np.ndarray]:
        """Every score's columns for an encoded frame, and per row the reason it cannot be scored (or None)."""
        encoded = encode(frame)
        codes = dict(encoded.codes)
        codes["primary"] = self._primary_codes(frame)
        self._key_cache: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = {}
        reasons = np.full(frame.height, None, dtype=object)
        self._ranges: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        out: dict[str, Any] = {}
        if "id" in frame.columns:
            out["id"] = frame["id"].cast(pl.String)
        for key in SCORE_KEYS:
            table = score_table(key)
            if not table.available:
                continue
            if table.is_grade:
                out.update(self._grade_columns(key, table, codes, reasons))
                continue
            self._point_columns(key, table, codes, reasons)
            low, high = self._ranges[key]
            out[f"{key}_total"] = pl.Series(f"{key}_total", low)
            out[f"{key}_min"], out[f"{key}_max"] = pl.Series(low), pl.Series(high)
            out[f"{key}_category"] = _strata_labels(table, low, high)
        scored = pl.DataFrame(out).with_columns(  # a total only where the range is one value
            pl.when(pl.col(f"{key}_min") == pl.col(f"{key}_max")).then(pl.col(f"{key}_total")).alias(f"{key}_total")
            for key in self._ranges)
        return scored, reasons

    def _note_errors(self, item: _ItemTable, keys: np.ndarray, reasons: np.ndarray) -> None:
        if not item.error:
            return
        messages = np.array(list(item.error.values()) + [None], dtype=object)
        which = np.full(len(item.low), len(item.error), dtype=np.int64)
        which[list(item.error)] = np.arange(len(item.error))
        row_message = which[keys]
        hit = np.flatnonzero((row_message < len(item.error)) & (reasons == None))  # noqa: E711
        reasons[hit] = messages[row_message[hit]]

    def _point_columns(self, key: str, table, codes: dict[str, np.ndarray], reasons: np.ndarray) -> None:
        """The [min, max] of a points score per row, from its items' possible points (int16 throughout)."""
        # low and high travel packed in one int32 (low * 2**16 + high): one gather and one add per item.
        # Totals stay far below 2**15, so the halves never carry into each other.
        packed = np.zeros(len(reasons), np.int32)
        for item in table.items:
            deps = ITEM_COLUMNS[key][item.key]
            if deps[0].startswith("@"):  # an item read from another score's range (NESMS: modified Bauer)
                lo_i, hi_i = self._derived(key, item.key, deps[0][1:])
                packed += (lo_i.astype(np.int32) << 16) + hi_i
            else:
                cached, keys = self._item(key, item.key, codes, grade=False)
                packed += cached.packed()[keys]
                self._note_errors(cached, keys, reasons)
        low, high = (packed >> 16).astype(np.int16), (packed & 0xFFFF).astype(np.int16)
        cap = _cap(table, self.variants)
        if cap is not None:
            np.minimum(low, int(cap), out=low)
            np.minimum(high, int(cap), out=high)
        self._ranges[key] = (low, high)

    def _derived(self, key: str, item: str, source: str) -> tuple[np.ndarray, np.ndarray]:
        """NESMS's modified-Bauer item, from the modified Bauer range already computed for the same rows."""
        from .scores.nesms import modified_bauer_options

        points = {o.key: o.points for o in score_table(key).item(item).options}
        top = int(score_table(source).range[1]) + 1
        lows, highs = np.zeros(top * top, np.int16), np.zeros(top * top, np.int16)
        for lo in range(top):
            for hi in range(lo, top):
                chosen = [points[o] for o in modified_bauer_options(lo, hi)]
                lows[lo * top + hi], highs[lo * top + hi] = min(chosen), max(chosen)
        src_low, src_high = self._ranges[source]
        index = src_low.astype(np.int32) * top + src_high
        return lows[index], highs[index]

    def _grade_columns(self, key: str, table, codes: dict[str, np.ndarray], reasons: np.ndarray) -> dict[str, pl.Series]:
        item = table.items[0].key
        cached, keys = self._item(key, item, codes, grade=True)
        self._note_errors(cached, keys, reasons)
        # Distinct results are few: number them, gather their strings by index (no Python per row).
        distinct = sorted(cached.results)
        index_of = np.full(len(cached.low), len(distinct), dtype=np.int64)
        index_of[distinct] = np.arange(len(distinct))
        index = index_of[keys]
        grades = pl.Enum(list(table.items[0].option_keys))
        categories = pl.Enum(list(dict.fromkeys(o.category for o in table.items[0].options if o.category)))
        cols = {}
        for suffix, read, dtype in (("total", lambda r: r.total, grades), ("min", lambda r: r.range[0], grades),
                                    ("max", lambda r: r.range[1], grades),
                                    ("category", lambda r: r.category, categories)):
            values = pl.Series([read(cached.results[k]) for k in distinct] + [None], dtype=dtype)
            cols[f"{key}_{suffix}"] = values.gather(index)
        return cols


def _small_codes(frame: pl.DataFrame, name: str) -> tuple[np.ndarray, list[str | None]]:
    """A text column as small integer codes (0: blank or absent) and the text of each code; blank is not
    stated, while 'unknown' stays text (an unknown primary is a finding)."""
    if name not in frame.columns:
        return np.zeros(frame.height, dtype=np.int32), [None]
    series = frame[name]
    if isinstance(series.dtype, pl.Enum):
        values: list[str | None] = [None, *series.dtype.categories]
        codes = series.to_physical().cast(pl.Int32) + 1
    else:
        series = series.cast(pl.String)
        distinct = [v for v in series.drop_nulls().unique().to_list()]
        values = [None, *distinct]
        codes = series.replace_strict({v: i + 1 for i, v in enumerate(distinct)}, default=0, return_dtype=pl.Int32)
    values = [None if v is None or not v.strip() else v for v in values]
    return codes.fill_null(0).to_numpy(), values


def _cap(table, variants: dict[str, str]) -> float | None:
    """The total's cap under the chosen variant (NESMS's ceiling), as the engine applies it."""
    return variant_rules(table, Context(variants))[1]


def _strata_labels(table, low: np.ndarray, high: np.ndarray) -> pl.Series:
    """The stratum both ends of each row's range fall in, or null when the range spans several.

    Totals are whole points within the table's range, so each end is placed by a dense lookup."""
    strata = list(table.strata)
    none = len(strata)
    first, last = int(table.range[0]), int(table.range[1])
    stratum_of = np.full(last - first + 1, none, dtype=np.int16)
    for total in range(first, last + 1):
        stratum_of[total - first] = next((i for i, s in enumerate(strata) if s.min <= total <= s.max), none)
    span = last - first + 1
    both = np.where(stratum_of[:, None] == stratum_of[None, :], stratum_of[:, None], none).astype(np.int16)
    index = both.reshape(-1)[(np.clip(low, first, last) - first).astype(np.int32) * span
                             + (np.clip(high, first, last) - first)]
    labels = [s.category for s in strata]
    names = pl.Series([*labels, None], dtype=pl.Enum(list(dict.fromkeys(labels))))
    return names.gather(index)


# --- reading, checking and writing cohort files ------------------------------------------------------------
def read_table(path: Path | str) -> pl.DataFrame:
    """A cohort file: CSV is read as text (types are checked column by column, with messages), Parquet as is."""
    path = Path(path)
    if not path.is_file():
        raise InputError([Problem(field="input", value=str(path), allowed="an existing .csv or .parquet file",
                                  message="no such file" if not path.exists() else "not a file")])
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise InputError([Problem(field="input", value=str(path), allowed=f"at most {MAX_INPUT_BYTES} bytes",
                                  message="file too large")])
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet", ".pq"):
        raise InputError([Problem(field="input", value=str(path), allowed=".csv, .parquet",
                                  message="unknown cohort file type")])
    try:
        if suffix == ".csv":
            return pl.read_csv(path, infer_schema=False, null_values=[""])
        return pl.read_parquet(path)
    except (pl.exceptions.PolarsError, OSError, UnicodeDecodeError) as exc:
        first = (str(exc).splitlines() or [""])[0][:160]
        raise InputError([Problem(field="input", value=str(path), allowed="a CSV with a header row, or Parquet",
                                  message=f"cannot read the table ({type(exc).__name__}: {first})")]) from None


def write_table(frame: pl.DataFrame, path: Path | str) -> None:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame.write_csv(path)
    elif suffix in (".parquet", ".pq"):
        frame.write_parquet(path)
    else:
        raise InputError([Problem(field="output", value=str(path), allowed=".csv, .parquet",
                                  message="unknown output file type")])


@dataclass
class CohortResult:
    scored: pl.DataFrame  # one row per accepted input row: 'row' (1-based), 'id', every score's columns
    rejected: pl.DataFrame  # 'row', 'id', 'reasons': every row not scored, with why
    unknown_columns: list[str]
    rows: int


def check_columns(frame: pl.DataFrame) -> list[str]:
    """Columns the cohort does not know (reported, not used); a missing 'level' column is an error."""
    if "level" not in frame.columns:
        raise InputError([Problem(field="level", value=None, allowed=ALLOWED_LEVELS_TEXT,
                                  message="the cohort needs a 'level' column (the index level); "
                                          "see `spinemets cohort columns`")])
    known = {c.name for c in columns()}
    return [c for c in frame.columns if c not in known]


def _cell_reasons(frame: pl.DataFrame, encoded: Encoded) -> np.ndarray:
    """For each row, every cell that is not allowed, in words (built only for the rows concerned)."""
    reasons = np.full(encoded.rows, None, dtype=object)
    level_missing = encoded.codes["level"] == 0
    if level_missing.any():
        reasons[level_missing] = "level: missing; allowed: the index level, " + ALLOWED_LEVELS_TEXT
    for name, bad in encoded.invalid.items():
        c = column(name)
        shown = frame[name].cast(pl.String).to_numpy()
        for i in np.flatnonzero(bad):
            text = f"{name}: given '{shown[i]}'; allowed: {_allowed_text(c)}"
            reasons[i] = text if reasons[i] is None else f"{reasons[i]}; {text}"
    return reasons


def score_frame(frame: pl.DataFrame, variants: dict[str, str] | None = None,
                progress: Callable[[int], None] | None = None, chunk_rows: int = CHUNK_ROWS) -> CohortResult:
    """Check and score a whole cohort (in chunks, reporting progress, when a callback is given)."""
    unknown = check_columns(frame)
    scorer = CohortScorer(variants)
    frame = frame.with_row_index("row", offset=1)
    if "id" not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias("id"))
    scored_parts, rejected_parts = [], []
    size = max(chunk_rows, 1)
    for start in range(0, frame.height, size):
        chunk = frame.slice(start, size)
        encoded = encode(chunk)
        bad_cells = _cell_reasons(chunk, encoded)
        usable = np.array([r is None for r in bad_cells], dtype=bool) if len(bad_cells) else np.zeros(0, bool)
        good = chunk.filter(pl.Series(usable))
        scored, contradictions = scorer.score(good)
        reasons = bad_cells.copy()
        reasons[np.flatnonzero(usable)] = contradictions
        keep = np.array([r is None for r in contradictions], dtype=bool)
        scored = scored.with_columns(good["row"]).filter(pl.Series(keep))
        scored_parts.append(scored.select("row", *[c for c in scored.columns if c != "row"]))
        rejected_mask = np.array([r is not None for r in reasons], dtype=bool)
        if rejected_mask.any():
            rejected_parts.append(pl.DataFrame({
                "row": chunk["row"].filter(pl.Series(rejected_mask)),
                "id": chunk["id"].cast(pl.String).filter(pl.Series(rejected_mask)),
                "reasons": pl.Series([r for r in reasons if r is not None], dtype=pl.String)}))
        if progress:
            progress(chunk.height)
    empty_rejected = pl.DataFrame(schema={"row": pl.UInt32, "id": pl.String, "reasons": pl.String})
    scored_all = pl.concat(scored_parts) if scored_parts else pl.DataFrame()
    rejected_all = pl.concat(rejected_parts) if rejected_parts else empty_rejected
    return CohortResult(scored=scored_all, rejected=rejected_all, unknown_columns=unknown, rows=frame.height)


def typed_schema() -> dict[str, pl.DataType]:
    """The column types of a typed cohort (Parquet): Enum for closed vocabularies, Boolean, Int64, Float64."""
    schema: dict[str, pl.DataType] = {}
    for c in columns():
        if c.kind == "enum":
            schema[c.name] = pl.Enum(list(c.allowed))
        elif c.kind == "level":
            schema[c.name] = pl.Enum([v.name for v in Vertebra])
        elif c.kind == "bool":
            schema[c.name] = pl.Boolean
        elif c.kind in ("int", "count", "count0"):
            schema[c.name] = pl.Int64
        elif c.kind == "float":
            schema[c.name] = pl.Float64
        else:
            schema[c.name] = pl.String
    return schema


def synthetic_frame(rows: int, seed: int = 0, unknown_rate: float = 0.25, typed: bool = False) -> pl.DataFrame:
    """A random cohort in the documented columns (every allowed value, some cells unknown), for tests and
    benchmarks; text cells (as from CSV) unless `typed`. Not patients: every value is drawn independently."""
    from .knowledge.histologies import histology_names

    rng = np.random.default_rng(seed)
    histologies = list(histology_names())[:40] + ["unlisted tumour"]
    sites = ["lung", "breast", "kidney", "prostate", "thyroid", "thigh", "uterus", "liver", "unknown"]
    schema = typed_schema()
    data: dict[str, pl.Series] = {"id": pl.Series("id", np.char.add("p", np.arange(rows).astype(str)))}

    def pick(values: list[Any], dtype: pl.DataType) -> pl.Series:
        index = rng.integers(0, len(values), rows)
        index[rng.random(rows) < unknown_rate] = len(values)
        return pl.Series([*values, None], dtype=dtype).gather(index)

    for c in columns():
        dtype = schema[c.name] if typed else pl.String
        if c.kind == "enum":
            data[c.name] = pick(list(c.allowed), dtype)
        elif c.kind == "bool":
            data[c.name] = pick([True, False] if typed else ["true", "false"], dtype)
        elif c.kind == "level":
            data[c.name] = pl.Series([v.name for v in Vertebra], dtype=dtype).gather(rng.integers(0, 30, rows))
        elif c.kind == "int":
            values = list(range(int(c.low), int(c.high) + 1, c.step or 1))
            data[c.name] = pick(values if typed else [str(v) for v in values], dtype)
        elif c.kind in ("count", "count0"):
            values = list(range(int(c.low), 9))
            data[c.name] = pick(values if typed else [str(v) for v in values], dtype)
        elif c.kind == "float":
            top = 2 * max(_lab_cuts()[c.name] or (1.0,))
            values = pl.Series(rng.uniform(0, top, rows).round(2))
            values = values.set(pl.Series(rng.random(rows) < unknown_rate), None)
            data[c.name] = values if typed else values.cast(pl.String)
        elif c.name == "histology":
            data[c.name] = pick(histologies, pl.String)
        elif c.name == "site":
            data[c.name] = pick(sites, pl.String)
    return pl.DataFrame(data)
