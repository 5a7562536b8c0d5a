"""From the facts of one text to a spinemets Case, each fact's evidence (spans, words, assertion) attached.

Unknown stays unknown: a fact the text does not state is None in the case, never a default "no". Where the
schema's reading and the case model differ, the case model keeps the finer truth (pain with no deficit named
is neuro_deficit false in the schema, but the case leaves motor and sensory deficits unknown).
"""

from __future__ import annotations

import re
from typing import Any

from ..anatomy import Vertebra
from ..case import (Case, ChemotherapyCourse, Evidence, FollowUp, Lesion, Marker, Neurology, OrganMetastasis,
                    Pathology, Patient, Performance, PrimaryTumour, RadiotherapyCourse, Source, Surgery, Treatments)
from .assemble import _current, to_schema, tumour_level_facts
from .facts import Extraction, Fact

_FIELD = {"age": "patient.age_years", "sex": "patient.sex", "histology": "primary.histology", "site": "primary.site",
          "compression": "lesions.neural_compression", "bone": "lesions.bone", "intact": "neurology",
          "pain": "neurology (pain)", "frankel": "neurology.frankel", "asia": "neurology.asia",
          "surgery": "treatments.surgery", "radiotherapy": "treatments.radiotherapy",
          "dose": "treatments.radiotherapy[0]", "chemotherapy": "treatments.chemotherapy",
          "agent": "treatments.chemotherapy[0].agents", "follow_up": "follow_up.last_follow_up_months",
          "ecog": "performance.ecog", "kps": "performance.kps"}
_DEATH = re.compile(r"\b(?:died|succumbed|expired|passed away|death)\b", re.IGNORECASE)
_SOURCE_TITLE = re.compile(r"^\s*source\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)


def _field(f: Fact) -> str:
    if f.key == "level":
        return f"lesions[{f.value}]"
    if f.key == "fracture":
        return "lesions[" + ",".join(f.value) + "].pathological_fracture" if f.value else "lesions.pathological_fracture"
    if f.key == "deficit":
        return f"neurology.{f.value}"
    if f.key == "metastasis":
        return f"metastases[{f.value}]"
    if f.key == "ihc":
        return f"pathology.markers[{f.value['marker']}]"
    return _FIELD.get(f.key, f.key)


def evidence(extraction: Extraction) -> list[Evidence]:
    out = []
    tumour_levels = {id(f) for f in tumour_level_facts(extraction)}
    for f in extraction.facts:
        if f.key == "level" and "excluded" in f.detail and id(f) not in tumour_levels:
            continue
        out.append(Evidence(field=_field(f), value=f.value, spans=[(f.start, f.end)],
                            text=extraction.text[f.start:f.end], assertion=f.assertion))
    return out


def _lesions(extraction: Extraction, schema: dict[str, Any]) -> tuple[list[Lesion], Vertebra | None]:
    levels = schema["spinal_levels"]
    fractured = set(schema["fracture_levels"])
    bone = schema["lesion_type"]
    # A compression belongs to the levels its own sentence names; with one level in the case, to that level.
    compressing: dict[str, str] = {}
    tumour_levels = tumour_level_facts(extraction)
    for f in extraction.of("compression"):
        if not f.present:
            continue
        named = {l.value for l in tumour_levels if l.sentence == f.sentence}
        for level in (named & set(levels)) or (set(levels) if len(levels) == 1 else set()):
            compressing.setdefault(level, f.value)
    no_compression = schema["cord_compression"] is False
    lesions = []
    for level in levels:
        lesions.append(Lesion(
            level=level, bone=bone,
            pathological_fracture=True if level in fractured else None,
            neural_compression=True if level in compressing else (False if no_compression else None),
            compressed_structure=compressing.get(level)))
    index = next((l.level for l in lesions if l.neural_compression), None) or \
        next((l.level for l in lesions if l.pathological_fracture), None) or \
        (lesions[0].level if len(lesions) == 1 else None)
    return lesions, index


def _neurology(extraction: Extraction) -> Neurology:
    kinds = {f.value for f in extraction.of("deficit") if f.present}
    negated = {f.value for f in extraction.of("deficit") if f.assertion == "negated"}
    intact = any(f.present for f in extraction.of("intact"))

    def state(*names: str) -> bool | None:
        if kinds & set(names):
            return True
        if intact or negated & set(names):
            return False
        return None

    grades = {f.key: f.value for f in extraction.of("frankel") + extraction.of("asia") if f.present}
    return Neurology(frankel=grades.get("frankel"), asia=grades.get("asia"), motor_deficit=state("motor"),
                     sensory_deficit=state("sensory"), sphincter_dysfunction=state("sphincter"),
                     myelopathy=True if any(f.present and "myelopath" in extraction.text[f.start:f.end].lower()
                                            for f in extraction.of("deficit")) else None)


def _performance(extraction: Extraction) -> Performance:
    """The first ECOG grade and Karnofsky score stated as present (at presentation, as reports tell them first)."""
    ecog = next((f.value for f in extraction.of("ecog") if f.present), None)
    kps = next((f.value for f in extraction.of("kps") if f.present), None)
    return Performance(ecog=ecog, kps=kps)


def _treatments(extraction: Extraction, schema: dict[str, Any]) -> tuple[Treatments, list[str]]:
    notes: list[str] = []
    surgery = []
    if schema["surgery"]:
        procedures = [extraction.text[f.start:f.end] for f in extraction.of("surgery")
                      if _current(f) and f.value == "spinal procedure"]
        surgery.append(Surgery(procedure=", ".join(dict.fromkeys(p.lower() for p in procedures)) or None))
    radiotherapy = []
    if schema["rt_total_dose_gy"] and schema["rt_fractions"]:
        radiotherapy.append(RadiotherapyCourse(total_dose_gy=schema["rt_total_dose_gy"], fractions=schema["rt_fractions"]))
    elif schema["radiotherapy"]:
        notes.append("radiotherapy was given" + (f" ({schema['rt_total_dose_gy']:g} Gy)" if schema["rt_total_dose_gy"]
                                                 else "") + " but its dose and fractions are not both stated")
    chemotherapy = []
    if schema["chemotherapy"]:
        agents = [f for f in extraction.of("agent") if _current(f)]
        if agents:
            first = agents[0].detail
            names = []
            for f in agents:
                names.extend(f.detail.get("agents") or [f.value])
            chemotherapy.append(ChemotherapyCourse(
                regimen=next((f.value for f in agents if f.detail.get("regimen")), None),
                agents=list(dict.fromkeys(names)), dose_mg_per_m2=first.get("dose_mg_per_m2"),
                days=first.get("days") or [], cycle_length_days=first.get("cycle_length_days"),
                cycles=first.get("cycles")))
        else:
            chemotherapy.append(ChemotherapyCourse())
    return Treatments(surgery=surgery, radiotherapy=radiotherapy, chemotherapy=chemotherapy), notes


def to_case(extraction: Extraction, name: str | None = None) -> Case:
    """A valid Case from the facts, with every fact's evidence."""
    schema = to_schema(extraction)
    lesions, index = _lesions(extraction, schema)
    treatments, notes = _treatments(extraction, schema)
    follow = [f for f in extraction.of("follow_up") if f.assertion in ("present", "negated")]
    longest = max(follow, key=lambda f: f.value) if follow else None
    status = "dead" if longest is not None and _DEATH.search(extraction.text[longest.start:longest.end]) else None
    metastases = []
    for organ in schema["other_metastases"]:
        metastases.append(OrganMetastasis(organ=organ, present=True))
    for f in extraction.of("metastasis"):
        if f.assertion == "negated" and f.value not in schema["other_metastases"] \
                and all(m.organ != f.value for m in metastases):
            metastases.append(OrganMetastasis(organ=f.value, present=False))
    markers = []
    for f in extraction.of("ihc"):
        if any(m.name.lower() == f.value["marker"].lower() for m in markers):
            continue
        markers.append(Marker(name=f.value["marker"], result=f.value["result"], percent=f.value.get("percent")))
    title = _SOURCE_TITLE.search(extraction.text[:2000])
    return Case(
        id=name, title=f"Extracted from {name}" if name else "Extracted from a clinical text",
        source=Source(kind="text", name=name, citation=title.group(1).strip()[:500] if title else None),
        patient=Patient(age_years=schema["age"], sex=schema["sex"]),
        primary=PrimaryTumour(histology=schema["primary_tumor"], site=schema["primary_site"]),
        lesions=lesions, index_level=index, neurology=_neurology(extraction), metastases=metastases,
        performance=_performance(extraction),
        pathology=Pathology(diagnosis=schema["primary_tumor"], markers=markers), treatments=treatments,
        follow_up=FollowUp(last_follow_up_months=schema["follow_up_months"], status=status),
        evidence=evidence(extraction),
        notes=["Extracted automatically from text by spinemets: check each fact against its evidence spans.",
               *notes, *extraction.warnings])
