"""The decision inputs of one case, gathered from the case, its scores and the histology catalogue.

Each fact keeps every value the case still allows (unknown = all of them) and says where it came from and
what to ask to settle it. Nothing is defaulted: a finding the case does not record stays open, and a
question a clinician must answer (what the patient can tolerate) stays open until answered.
This module reads the case; it does not score it: grades and categories come from spinemets.scores.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..anatomy import Vertebra, format_levels, parse_level
from ..case import Ambulation, BoneCharacter, Case, Collapse, Lesion, Pain, Posterolateral
from ..errors import InputError, Problem, UnknownNameError
from .evidence import parameters
from .rules import Fact, Facts

ESCC_GRADES = ("0", "1a", "1b", "1c", "2", "3")
SINS_CATEGORIES = ("stable", "potentially unstable", "unstable")
RADIOSENSITIVITY = ("sensitive", "resistant")
FITNESS = ("surgery", "radiotherapy only", "supportive care only")
REGIONS = ("occipitocervical", "subaxial cervical", "cervicothoracic", "thoracic", "lumbar", "sacral", "coccygeal")
SURGICAL_AIMS = ("excision", "palliative surgery", "supportive care")
YES_NO = (True, False)

# Organs whose metastases are not "visceral" in the prognostic scores' sense.
_NON_VISCERAL = {"bone", "lymph node", "lymph nodes"}

# Scores whose strata speak to survival or the aim of surgery, quoted in the systemic question.
_SURVIVAL_SCORES = ("tokuhashi_revised", "tomita", "bauer_modified", "katagiri_new", "nesms")


def index_lesion(case: Case, scores: Mapping[str, Any] | None = None) -> Lesion | None:
    """The level decisions are about: the case's index level, else the level the scores chose (SINS/ESCC
    score the worst level), else without scores the worst lesion (compressing, then fractured)."""
    if case.index_level is not None:
        return case.lesion_at(case.index_level)
    # ESCC first: compression drives the neurologic branch; each score-derived fact names its own level.
    for key in ("escc", "sins"):
        scored_at = getattr(_score(scores, key), "level", None)
        if scored_at:
            return case.lesion_at(parse_level(scored_at))
    if not case.lesions:
        return None
    ranked = sorted(case.lesions, key=lambda l: (not l.compressing, not l.fractured, int(l.level)))
    return ranked[0]


def _score(scores: Mapping[str, Any] | None, key: str) -> Any | None:
    if not scores:
        return None
    result = scores.get(key)
    if result is None or getattr(result, "available", True) is False:
        return None
    return result


def _score_text(result: Any) -> str:
    total = getattr(result, "total", None)
    shown = str(total) if total is not None else _range_text(getattr(result, "range", None))
    category = getattr(result, "category", None) or " or ".join(getattr(result, "categories", None) or [])
    return f"{result.name} {shown}" + (f" ({category})" if category else "")


def _range_text(value: Any) -> str:
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return f"{value[0]}-{value[1]}" if value[0] != value[1] else str(value[0])
    return "unknown" if value is None else str(value)


def _missing_questions(result: Any) -> list[str]:
    return [m.question for m in (getattr(result, "missing", None) or []) if getattr(m, "question", None)]


# --- neurologic -----------------------------------------------------------------------------------------
def _escc(scores: Mapping[str, Any] | None, level: str) -> Fact:
    result = _score(scores, "escc")
    label = f"ESCC grade at {getattr(result, 'level', None) or level}"
    question = f"What is the Bilsky ESCC grade at {level} on axial T2 MRI (is CSF still seen around the cord)?"
    if result is None:
        return Fact.unknown("escc_grade", label, ESCC_GRADES, "not scored", question)
    possible = _grades(result)
    questions = _missing_questions(result)
    return Fact("escc_grade", label, ESCC_GRADES, frozenset(possible), f"ESCC score ({_score_text(result)})",
                questions[0] if questions else question)


def _grades(result: Any) -> set[str]:
    """The grades the ESCC result still allows: its total, else its grade item's possible grades, else the
    span of its range (a superset when the range is given as its two ends)."""
    total = getattr(result, "total", None)
    if total is not None:
        return {str(total)}
    for item in getattr(result, "items", None) or []:
        possible = [str(g) for g in (item.possible or [])]
        if possible and all(g in ESCC_GRADES for g in possible):
            return set(possible)
    spanned = [str(g) for g in (getattr(result, "range", None) or [])]
    if spanned and all(g in ESCC_GRADES for g in spanned):
        if len(spanned) == 2:
            low, high = ESCC_GRADES.index(spanned[0]), ESCC_GRADES.index(spanned[1])
            return set(ESCC_GRADES[low:high + 1])
        return set(spanned)
    return set(ESCC_GRADES)


def _bool_fact(name: str, label: str, value: bool | None, source: str, question: str) -> Fact:
    return Fact.of(name, label, YES_NO, value, source, question)


def _neurology(case: Case) -> list[Fact]:
    n = case.neurology
    motor = n.motor_deficit
    if motor is None and n.frankel is not None:
        # Frankel A-D all carry a motor deficit (or complete loss); E has none.
        motor = n.frankel.value != "E"
    ambulatory = None if n.ambulation is None else n.ambulation is not Ambulation.NON_AMBULATORY
    return [
        _bool_fact("myelopathy", "myelopathy", n.myelopathy, "neurology.myelopathy",
                   "Are there signs of myelopathy (long-tract signs, gait disturbance, hand clumsiness)?"),
        _bool_fact("radiculopathy", "radiculopathy", n.radiculopathy, "neurology.radiculopathy",
                   "Is there radicular pain or a dermatomal deficit?"),
        _bool_fact("motor_deficit", "motor deficit", motor,
                   "neurology.motor_deficit" if n.motor_deficit is not None else "neurology.frankel",
                   "Is there any motor weakness (grade it, Frankel or ASIA)?"),
        _bool_fact("ambulatory", "able to walk", ambulatory, "neurology.ambulation", "Can the patient walk?"),
    ]


# --- oncologic -----------------------------------------------------------------------------------------
def _radiosensitivity(case: Case) -> Fact:
    from ..knowledge.histologies import lookup

    histology = case.primary.histology or case.pathology.diagnosis
    label = "radiosensitivity to conventional EBRT"
    question = "What is the histology of the primary tumour (it decides the response to conventional radiotherapy)?"
    entry = lookup(histology, case.primary.site) if (histology or case.primary.site) else None
    if entry is None or entry.radiosensitivity is None:
        why = "histology not recorded" if not histology else f"'{histology}' has no radiosensitivity in the catalogue"
        return Fact.unknown("radiosensitivity", label, RADIOSENSITIVITY, why, question)
    raw = entry.radiosensitivity
    decided = parameters()["moderate_radiosensitivity_follows"]["value"] if raw == "moderate" else raw
    shown = f"{raw} ({entry.name})" if raw != "moderate" else \
        f"moderate ({entry.name}), decided as {decided} (evidence.yaml moderate_radiosensitivity_follows)"
    return Fact.of("radiosensitivity", label, RADIOSENSITIVITY, decided,
                   f"histology catalogue: {entry.name}", question, shown)


# --- mechanical -----------------------------------------------------------------------------------------
def _sins(scores: Mapping[str, Any] | None, level: str) -> Fact:
    result = _score(scores, "sins")
    level = getattr(result, "level", None) or level
    label = f"SINS category at {level}"
    question = f"Complete the SINS items at {level} (pain character, alignment, collapse, posterolateral involvement)."
    if result is None:
        return Fact.unknown("sins_category", label, SINS_CATEGORIES, "not scored", question)
    categories = list(getattr(result, "categories", None) or [])
    if not categories and getattr(result, "category", None):
        categories = [result.category]
    unknown_names = [c for c in categories if c not in SINS_CATEGORIES]
    if unknown_names or not categories:
        raise ValueError(f"SINS categories {categories} are not {SINS_CATEGORIES}; the decide layer must be updated")
    questions = _missing_questions(result)
    return Fact("sins_category", label, SINS_CATEGORIES, frozenset(categories), f"SINS ({_score_text(result)})",
                "; ".join(questions) if questions else question, f"{' or '.join(c for c in SINS_CATEGORIES if c in categories)} "
                f"(SINS {result.total if result.total is not None else _range_text(result.range)})")


def _lesion_facts(lesion: Lesion | None, level: str) -> list[Fact]:
    pain = None if lesion is None else lesion.pain
    mechanical = {Pain.MECHANICAL: True, Pain.OCCASIONAL_NON_MECHANICAL: False, Pain.NONE: False}.get(pain)  # type: ignore[arg-type]
    fracture: bool | None = None
    collapse: bool | None = None
    posterior: bool | None = None
    if lesion is not None:
        if lesion.fractured:
            fracture = True
        elif lesion.pathological_fracture is False and lesion.collapse in (Collapse.NONE, Collapse.NONE_BUT_OVER_50_INVOLVED):
            fracture = False
        if lesion.collapse in (Collapse.LESS_THAN_50, Collapse.MORE_THAN_50):
            collapse = True
        elif lesion.collapse in (Collapse.NONE, Collapse.NONE_BUT_OVER_50_INVOLVED):
            collapse = False
        if lesion.posterolateral is not None:
            posterior = lesion.posterolateral is not Posterolateral.NONE
    painful = None if pain is None else pain is not Pain.NONE
    where = f"lesions[{level}]"
    return [
        _bool_fact("painful", f"pain at {level}", painful, f"{where}.pain", f"Does the lesion at {level} hurt?"),
        _bool_fact("mechanical_pain", f"mechanical pain at {level}", mechanical, f"{where}.pain",
                   f"Is the pain at {level} mechanical (worse with movement or loading, relieved lying down)?"),
        _bool_fact("pathological_fracture", f"pathological fracture at {level}", fracture,
                   f"{where}.pathological_fracture/collapse", f"Is there a pathological fracture at {level}?"),
        _bool_fact("body_collapse", f"vertebral body collapse at {level}", collapse, f"{where}.collapse",
                   f"How far has the body of {level} collapsed (none, under 50%, over 50%)?"),
        _bool_fact("posterior_elements", f"posterolateral (pedicle, facet) involvement at {level}", posterior,
                   f"{where}.posterolateral",
                   f"Are the pedicles, facets or laminae at {level} involved on CT?"),
    ]


# --- surgical anatomy -----------------------------------------------------------------------------------
def region_of(level: Vertebra) -> str:
    regions = parameters()["cervical_regions"]
    name = level.name
    if name in regions["occipitocervical"]:
        return "occipitocervical"
    if name in regions["subaxial"]:
        return "subaxial cervical"
    if name in regions["cervicothoracic"]:
        return "cervicothoracic"
    return {"T": "thoracic", "L": "lumbar", "S": "sacral"}.get(name[0], "coccygeal")


def _neighbours(level: Vertebra) -> list[Vertebra]:
    return [Vertebra(i) for i in (int(level) - 1, int(level) + 1) if 1 <= i <= len(Vertebra)]


def _surgical_facts(case: Case, lesion: Lesion | None) -> list[Fact]:
    level = lesion.level if lesion is not None else None
    count = len(case.lesions)
    multiple = True if count > 1 else (False if count == 1 and case.staging_complete else None)
    return [
        Fact.of("region", "region of the index level", REGIONS, region_of(level) if level else None,
                "index level (regions after Mesfin 2015)", "Which level is the one to treat?"),
        _adjacent(case, level),
        _multilevel(case, lesion),
        Fact.of("multiple_spinal_levels", "more than one spinal level involved", YES_NO, multiple,
                "lesions, staging_complete", "Was the whole spine imaged (how many levels are involved)?",
                f"yes: {format_levels(case.levels)}" if multiple else None),
        _visceral(case),
    ]


def _adjacent(case: Case, level: Vertebra | None) -> Fact:
    """Do the vertebrae above and below carry osteolytic foci? They anchor a fixation; lysis weakens purchase.
    An unlisted neighbour counts as free only when staging was complete; a listed one of unrecorded
    character stays open."""
    names = " and ".join(n.name for n in _neighbours(level)) if level else "the adjacent vertebrae"
    label, source, question = ("osteolytic foci in the adjacent vertebrae", f"lesions at {names}",
                               f"Do {names} carry osteolytic metastases (CT)?")
    if level is None:
        return Fact.unknown("adjacent_osteolytic", label, YES_NO, source, question)
    states: list[bool | None] = []
    lytic: list[Vertebra] = []
    for neighbour in _neighbours(level):
        other = case.lesion_at(neighbour)
        if other is None:
            states.append(False if case.staging_complete else None)
        elif other.bone in (BoneCharacter.LYTIC, BoneCharacter.MIXED):
            states.append(True)
            lytic.append(neighbour)
        else:
            states.append(False if other.bone is BoneCharacter.BLASTIC else None)
    value = True if lytic else False if all(s is False for s in states) else None
    return Fact.of("adjacent_osteolytic", label, YES_NO, value, source, question,
                   f"yes: {format_levels(lytic)} osteolytic" if lytic else None)


def _multilevel(case: Case, lesion: Lesion | None) -> Fact:
    limit = int(parameters()["anterior_only_max_levels"]["value"])
    label = f"more than {limit} contiguous collapsed, compressing vertebrae"
    question = "Do the vertebrae next to the index level also collapse and compress the cord?"
    if lesion is None:
        return Fact.unknown("multilevel_collapse", label, YES_NO, "no index level", question)
    # The shortest run counts only vertebrae known to collapse and compress; the longest also those unknown.
    shortest = _run(case, lesion.level, lambda state: state is True)
    longest = _run(case, lesion.level, lambda state: state is not False)
    value = True if len(shortest) > limit else False if len(longest) <= limit else None
    shown = f"{'yes' if value else 'no' if value is False else 'unknown'}: {format_levels(shortest)} known to collapse and compress"
    return Fact.of("multilevel_collapse", label, YES_NO, value, "lesions (collapse, compression)", question, shown)


def _run(case: Case, start: Vertebra, counts: Any) -> list[Vertebra]:
    run = [start]
    for step in (-1, 1):
        current = int(start) + step
        while 1 <= current <= len(Vertebra):
            other = case.lesion_at(Vertebra(current))
            state = _collapsed_and_compressing(other) if other is not None else (False if case.staging_complete else None)
            if not counts(state):
                break
            run.append(Vertebra(current))
            current += step
    return sorted(run)


def _collapsed_and_compressing(lesion: Lesion) -> bool | None:
    collapsed = True if lesion.fractured else (False if lesion.collapse in (Collapse.NONE, Collapse.NONE_BUT_OVER_50_INVOLVED) else None)
    high = parameters()["escc_groups"]["high"]
    compressing = True if lesion.compressing else (False if lesion.neural_compression is False or
                                                   (lesion.escc is not None and lesion.escc.value not in high)
                                                   else None)
    if collapsed is False or compressing is False:
        return False
    if collapsed and compressing:
        return True
    return None


def _visceral(case: Case) -> Fact:
    present = [m for m in case.metastases if m.present and m.organ not in _NON_VISCERAL]
    if present:
        value: bool | None = True
        shown = "yes: " + ", ".join(m.organ + (f" ({m.count})" if m.count is not None else "") for m in present)
    else:
        value = False if case.staging_complete else None
        shown = None
    return Fact.of("visceral_metastases", "visceral metastases", YES_NO, value, "metastases, staging_complete",
                   "Has staging (CT chest/abdomen) shown visceral metastases?", shown)


# --- systemic -------------------------------------------------------------------------------------------
def systemic_summary(case: Case, scores: Mapping[str, Any] | None) -> str:
    """What the case says about the systemic pillar, in one line, for the question a clinician must answer."""
    perf = case.performance
    parts = [f"ECOG {perf.ecog if perf.ecog is not None else 'unknown'}",
             f"KPS {perf.kps if perf.kps is not None else 'unknown'}"]
    mets = [m.organ + (f" ({m.count})" if m.count is not None else "") for m in case.metastases if m.present]
    parts.append("metastases outside the spine: " + (", ".join(mets) if mets else
                                                       "none" if case.staging_complete else "none recorded"))
    estimates = [_score_text(r) for key in _SURVIVAL_SCORES if (r := _score(scores, key)) is not None]
    if estimates:
        parts.append("scores: " + "; ".join(estimates))
    return "; ".join(parts)


def _fitness(case: Case, scores: Mapping[str, Any] | None) -> Fact:
    months = parameters()["patchell_eligibility"]["min_expected_survival_months"]
    question = ("What can the patient tolerate: open surgery, radiotherapy only, or supportive care only? "
                f"(the NOMS systemic assessment; the surgical trial of Patchell 2005 enrolled patients expected to "
                f"live at least {months} months). Known: {systemic_summary(case, scores)}.")
    return Fact.unknown("fitness", "what the patient can tolerate (systemic)", FITNESS,
                        "a clinical judgement the case file does not record", question)


def _surgical_aim(scores: Mapping[str, Any] | None) -> Fact:
    label = "aim of surgery by the Tomita score"
    question = "Complete the Tomita items (growth class of the primary, visceral metastases treatable or not)."
    result = _score(scores, "tomita")
    if result is None:
        return Fact.unknown("tomita_aim", label, SURGICAL_AIMS, "Tomita not scored", question)
    aims = parameters()["tomita_aims"]
    categories = list(getattr(result, "categories", None) or ([result.category] if result.category else []))
    stray = [c for c in categories if c not in aims]
    if stray or not categories:
        raise ValueError(f"Tomita categories {stray or categories} have no aim in evidence.yaml tomita_aims")
    possible = {aims[c] for c in categories}
    questions = _missing_questions(result)
    return Fact("tomita_aim", label, SURGICAL_AIMS, frozenset(possible), f"Tomita ({_score_text(result)})",
                "; ".join(questions) if questions else question, _score_text(result))


# --- gathering ------------------------------------------------------------------------------------------
def gather(case: Case, scores: Mapping[str, Any] | None = None, answers: Mapping[str, Any] | None = None) -> Facts:
    """Every fact the rules read. `answers` settles open facts by name (e.g. {"fitness": "surgery"})."""
    lesion = index_lesion(case, scores)
    level = lesion.level.name if lesion is not None else "the index level"
    items: list[Fact] = [_escc(scores, level), *_neurology(case), _radiosensitivity(case), _sins(scores, level),
                         *_lesion_facts(lesion, level), *_surgical_facts(case, lesion), _fitness(case, scores),
                         _surgical_aim(scores)]
    facts = Facts({f.name: f for f in items}, _words(case, lesion))
    for name, answer in (answers or {}).items():
        facts = facts.with_fact(_answered(facts, name, answer))
    return facts


# Facts that are clinical judgements rather than findings: the case file has no place for them, so they are
# answered directly. Findings (posterolateral involvement, CSF around the cord, ...) are recorded in the case
# file instead, so that scores and recommendations read the same facts.
ANSWERABLE = ("fitness",)


def _answered(facts: Facts, name: str, answer: Any) -> Fact:
    if name not in ANSWERABLE:
        if name in facts:
            raise InputError([Problem(field=f"answers.{name}", value=answer, allowed=", ".join(ANSWERABLE),
                                      message=f"{name} is read from the case file ({facts[name].source}); "
                                              "record it there so the scores use it too")])
        raise UnknownNameError("answers", name, ANSWERABLE, what="fact")
    fact = facts[name]
    values = list(answer) if isinstance(answer, (list, tuple, set, frozenset)) else [answer]
    stray = [v for v in values if v not in fact.domain]
    if stray:
        raise InputError([Problem(field=f"answers.{name}", value=answer,
                                  allowed=", ".join(_show(v) for v in fact.domain),
                                  message="not a value this fact can take")])
    return fact.narrowed(values, source="answered by the user")


def _show(value: Any) -> str:
    return ("yes" if value else "no") if isinstance(value, bool) else str(value)


def _words(case: Case, lesion: Lesion | None) -> dict[str, str]:
    level = lesion.level if lesion is not None else None
    neighbours = _neighbours(level) if level is not None else []
    structure = lesion.compressed_structure.value.replace("_", " ") if lesion is not None and \
        lesion.compressed_structure is not None else "neural elements"
    sbrt, single = parameters()["sbrt_example"], parameters()["single_fraction"]
    return {
        "sbrt_example": f"{sbrt['dose_gy']:g} Gy in {sbrt['fractions']} fractions",
        "single_fraction": f"a single {single['dose_gy']:g} Gy fraction",
        "level": level.name if level else "the index level",
        "structure": f"the {structure}",
        "histology": case.primary.histology or case.pathology.diagnosis or "the primary tumour",
        "adjacent": " and ".join(n.name for n in neighbours) or "the adjacent vertebrae",
    }
