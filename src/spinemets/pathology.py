"""Immunohistochemical differential of a spindle-cell tumour: a naive Bayes ranking you can read line by line.

The published positivity rates live in knowledge/data/markers.yaml. This module holds our reading of them:

* One rate per (tumour, marker) cell: counts from all sources are pooled and smoothed with Laplace's rule
  (k+1)/(n+2); a percentage without a series size, or a verbal statement (binned as in clinical_kb D1), is
  used as a point estimate; every rate is then kept inside [floor, 1 - floor] (floor from the data file).
* Likelihood of one observed stain: positive -> rate, negative -> 1 - rate, focal -> rate ** focal_weight
  (a positive at reduced weight; the weight is stated in the data file and in every result).
* A rate that the sources do not report is NOT read as negative. For such a cell the likelihood is the mean
  likelihood of the same result over the tumours that do have a rate: the marker then neither favours nor
  disfavours that tumour, and its contribution is exactly zero. The result lists these cells.
* Each marker's contribution to a diagnosis is log10(likelihood here / mean likelihood over the tumours
  with a rate). Posterior probability is proportional to prior x 10 ** (sum of contributions): the same
  reference divides every tumour, so the contributions explain the ranking completely.
* Next markers: for each marker not yet stained, the expected information gain (bits) over the leading
  candidates' renormalised probabilities, E[H before] - E[H after the stain].
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .errors import InputError, Problem, UnknownNameError
from .knowledge.markers import Observation, PositivityTable, positivity_table, require_marker

if TYPE_CHECKING:
    from .case import Case

RESULTS = ("positive", "negative", "focal")


# --- the rate of one cell ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class CellRate:
    rate: float | None  # None: not reported in the sources read
    basis: str
    sources: tuple[str, ...] = ()


def _positive_count(obs: Observation) -> tuple[int, int] | None:
    if obs.n is None:
        return None
    if obs.k is not None:
        k = obs.k
    elif obs.percent is not None:
        k = round(obs.percent * obs.n / 100)
    else:
        return None
    return (obs.n - k if obs.stain == "loss" else k), obs.n


def _point(obs: Observation, table: PositivityTable) -> float:
    rate = obs.percent / 100 if obs.percent is not None else table.qualitative_rates[obs.qualitative or ""]
    return 1 - rate if obs.stain == "loss" else rate


def cell_rate(table: PositivityTable, tumour: str, marker: str) -> CellRate:
    """The one positivity rate the model uses for a tumour and a marker, with how it was obtained."""
    observations = table.tumour(tumour).markers.get(marker, ())
    if not observations:
        return CellRate(None, "not reported in the sources read")
    sources = tuple(o.source for o in observations)
    counts = [c for c in (_positive_count(o) for o in observations) if c is not None]
    if counts:
        k, n = sum(c[0] for c in counts), sum(c[1] for c in counts)
        rate, basis = (k + 1) / (n + 2), f"{k}/{n} positive pooled, Laplace (k+1)/(n+2)"
        if len(counts) < len(observations):
            basis += "; statements without a series size not pooled"
    else:
        points = [_point(o, table) for o in observations]
        rate = sum(points) / len(points)
        kinds = ", ".join(o.qualitative or f"{o.percent:g}%" for o in observations)
        basis = f"point estimate from {kinds}"
    floor = table.rate_floor
    if not floor <= rate <= 1 - floor:
        rate = min(max(rate, floor), 1 - floor)
        basis += f"; kept within [{floor:g}, {1 - floor:g}]"
    return CellRate(rate, basis, sources)


# --- observed stains ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Stain:
    marker: str  # canonical name
    result: str  # positive / negative / focal
    written: str | None = None


def _stains(positive: Iterable[str], negative: Iterable[str], focal: Iterable[str]) -> list[Stain]:
    seen: dict[str, Stain] = {}
    problems: list[Problem] = []
    for result, names in (("positive", positive), ("negative", negative), ("focal", focal)):
        for written in names:
            written = written.strip()
            if not written:
                continue
            marker = require_marker(written, field=f"{result} markers")
            earlier = seen.get(marker)
            if earlier and earlier.result != result:
                problems.append(Problem(field="markers", value=written, allowed="one result per marker",
                                        message=f"{marker} is given as both {earlier.result} and {result}"))
            seen[marker] = Stain(marker, result, written)
    if problems:
        raise InputError(problems)
    return list(seen.values())


# --- the result --------------------------------------------------------------------------------------------
@dataclass
class Contribution:
    marker: str
    result: str
    rate: float | None
    basis: str
    likelihood: float
    log10_likelihood_ratio: float
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"marker": self.marker, "result": self.result,
                "positivity_rate": None if self.rate is None else round(self.rate, 4),
                "rate_basis": self.basis, "likelihood": round(self.likelihood, 4),
                "log10_likelihood_ratio": round(self.log10_likelihood_ratio, 3), "sources": list(self.sources)}


@dataclass
class Diagnosis:
    diagnosis: str
    label: str
    prior: float
    probability: float
    contributions: list[Contribution]

    def to_dict(self) -> dict[str, Any]:
        return {"diagnosis": self.diagnosis, "label": self.label, "prior": round(self.prior, 4),
                "probability": round(self.probability, 4),
                "contributions": [c.to_dict() for c in self.contributions]}


@dataclass
class NextMarker:
    marker: str
    expected_information_gain_bits: float
    rates: dict[str, float | None]  # candidate -> positivity rate (None: not reported, neutral rate used)

    def to_dict(self) -> dict[str, Any]:
        return {"marker": self.marker, "expected_information_gain_bits": round(self.expected_information_gain_bits, 3),
                "positivity_rates": {k: None if v is None else round(v, 3) for k, v in self.rates.items()}}


@dataclass
class Differential:
    diagnoses: list[Diagnosis]
    stains: list[Stain]
    next_markers: list[NextMarker]
    candidates_for_next: list[str]
    notes: list[str] = field(default_factory=list)
    model: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"diagnoses": [d.to_dict() for d in self.diagnoses],
                "observed": [{"marker": s.marker, "result": s.result, "written": s.written} for s in self.stains],
                "next_markers": {"separating": self.candidates_for_next,
                                 "markers": [m.to_dict() for m in self.next_markers]},
                "notes": list(self.notes), "model": self.model}


# --- the model ---------------------------------------------------------------------------------------------
def _likelihood(rate: float, result: str, focal_weight: float) -> float:
    if result == "positive":
        return rate
    if result == "negative":
        return 1 - rate
    return rate ** focal_weight


def _entropy_bits(weights: Iterable[float]) -> float:
    return -sum(w * math.log2(w) for w in weights if w > 0)


def _priors(table: PositivityTable, priors: Mapping[str, float] | None) -> dict[str, float]:
    keys = [t.key for t in table.tumours]
    if not priors:
        return {k: 1 / len(keys) for k in keys}
    problems = []
    for key, value in priors.items():
        if key not in keys:
            raise UnknownNameError("priors", key, keys, what="diagnosis")
        if not (isinstance(value, (int, float)) and value >= 0 and math.isfinite(value)):
            problems.append(Problem(field=f"priors.{key}", value=value, allowed="a number >= 0"))
    if problems:
        raise InputError(problems)
    raw = {k: float(priors.get(k, 0.0)) for k in keys}
    total = sum(raw.values())
    if total <= 0:
        raise InputError([Problem(field="priors", value=dict(priors), allowed="at least one prior > 0")])
    return {k: v / total for k, v in raw.items()}


def differential(positive: Iterable[str] = (), negative: Iterable[str] = (), focal: Iterable[str] = (), *,
                 priors: Mapping[str, float] | None = None, morphology: str | None = None,
                 top_candidates: int = 3, next_count: int = 5) -> Differential:
    """Rank the tumours of the table given the stains; explain each step (see the module docstring)."""
    table = positivity_table()
    stains = _stains(positive, negative, focal)
    prior = _priors(table, priors)
    notes: list[str] = []
    used = [s for s in stains if any(s.marker in t.markers for t in table.tumours)]
    for stain in stains:
        if stain not in used:
            notes.append(f"{stain.marker}: no positivity rates in the table for these tumours; not used")
    if not stains:
        notes.append("no IHC markers given: the ranking is the prior alone")
    if morphology and "spindle" not in morphology.lower():
        notes.append("the table covers spindle-cell tumours; the morphology given does not say spindle cell")

    contributions: dict[str, list[Contribution]] = {t.key: [] for t in table.tumours}
    not_reported: dict[str, list[str]] = {}
    for stain in used:
        cells = {t.key: cell_rate(table, t.key, stain.marker) for t in table.tumours}
        reported = {k: _likelihood(c.rate, stain.result, table.focal_weight)
                    for k, c in cells.items() if c.rate is not None}
        reference = sum(reported.values()) / len(reported)
        for key, cell in cells.items():
            likelihood = reported.get(key, reference)
            if cell.rate is None:
                not_reported.setdefault(stain.marker, []).append(key)
            contributions[key].append(Contribution(
                stain.marker, stain.result, cell.rate,
                cell.basis + ("; neutral: mean likelihood of the tumours with a rate" if cell.rate is None else ""),
                likelihood, math.log10(likelihood / reference), cell.sources))

    log_post = {k: (math.log(prior[k]) if prior[k] > 0 else -math.inf)
                + sum(math.log(c.likelihood) for c in contributions[k]) for k in prior}
    top = max(log_post.values())
    unnorm = {k: math.exp(v - top) if v > -math.inf else 0.0 for k, v in log_post.items()}
    total = sum(unnorm.values())
    labels = {t.key: t.label for t in table.tumours}
    diagnoses = sorted((Diagnosis(k, labels[k], prior[k], unnorm[k] / total, contributions[k]) for k in prior),
                       key=lambda d: (-d.probability, d.diagnosis))
    for marker, keys in not_reported.items():
        notes.append(f"{marker}: rate not reported for {', '.join(labels[k] for k in keys)}; neutral there")

    candidates = [d for d in diagnoses[:max(2, top_candidates)] if d.probability > 0]
    next_markers = _next_markers(table, candidates, {s.marker for s in stains})[:next_count]
    model = {"kind": "naive Bayes over published positivity rates (markers assumed independent given the tumour)",
             "priors": "equal" if not priors else "given by the caller",
             "rate_floor": table.rate_floor, "focal_weight": table.focal_weight,
             "not_reported": "neutral (mean likelihood over tumours with a rate), not negative",
             "contribution": "log10(likelihood / mean likelihood over tumours with a rate)",
             "data": "spinemets/knowledge/data/markers.yaml (clinical_kb D2)"}
    return Differential(diagnoses, stains, next_markers, [d.diagnosis for d in candidates], notes, model)


def _next_markers(table: PositivityTable, candidates: list[Diagnosis], stained: set[str]) -> list[NextMarker]:
    if len(candidates) < 2:
        return []
    total = sum(d.probability for d in candidates)
    weights = {d.diagnosis: d.probability / total for d in candidates}
    before = _entropy_bits(weights.values())
    found = []
    for marker in table.markers:
        if marker in stained:
            continue
        cells = {t.key: cell_rate(table, t.key, marker) for t in table.tumours}
        known = [c.rate for c in cells.values() if c.rate is not None]
        neutral = sum(known) / len(known)
        rates = {k: cells[k].rate if cells[k].rate is not None else neutral for k in weights}
        if all(cells[k].rate is None for k in weights):
            continue  # nothing published for any candidate: the gain would be an artefact of the neutral rate
        gain = before
        for outcome in ("positive", "negative"):
            joint = {k: weights[k] * (rates[k] if outcome == "positive" else 1 - rates[k]) for k in weights}
            p_outcome = sum(joint.values())
            if p_outcome > 0:
                gain -= p_outcome * _entropy_bits(v / p_outcome for v in joint.values())
        found.append(NextMarker(marker, max(gain, 0.0), {k: cells[k].rate for k in weights}))
    return sorted(found, key=lambda m: (-m.expected_information_gain_bits, m.marker))


def differential_for_case(case: "Case", **options: Any) -> Differential:
    """The differential from a case's pathology.markers (and its morphology)."""
    by_result: dict[str, list[str]] = {r: [] for r in RESULTS}
    for marker in case.pathology.markers:
        by_result[marker.result.value].append(marker.name)
    return differential(by_result["positive"], by_result["negative"], by_result["focal"],
                        morphology=case.pathology.morphology, **options)
