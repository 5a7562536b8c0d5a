"""From the facts of one text to the answer format of the extraction schema (../shared/cases/SCHEMA.md):
18 keys, `null` or `[]` for what the text does not state, only the index patient's facts."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..anatomy import Vertebra
from .components.histology import ancestors, depth, histology_info
from .components.levels import DECOMPRESSED
from .facts import Extraction, Fact

SCHEMA_KEYS = ("age", "sex", "primary_tumor", "primary_site", "spinal_levels", "fracture_levels", "cord_compression",
               "lesion_type", "neuro_deficit", "other_metastases", "ihc_positive", "ihc_negative", "surgery",
               "radiotherapy", "chemotherapy", "rt_total_dose_gy", "rt_fractions", "follow_up_months")

# Statuses that still describe the patient's disease (a histology "with a history of" is still the histology).
_DISEASE_STATUSES = {"present", "historical"}


# Organs of one sex only (a man's breast cancer is written as such; the breast is not among them).
_SEX_OF_SITE = {"testis": "male", "prostate": "male", "penis": "male", "uterus": "female", "ovary": "female",
                "cervix": "female", "vulva": "female", "vagina": "female"}


def _current(f: Fact) -> bool:
    """A treatment of this episode: stated as given, not before the presentation, not history."""
    return f.assertion == "present" and not f.detail.get("prior")


def choose_histology(facts: list[Fact]) -> Fact | None:
    """The most specific histology the text supports: support = own mentions plus those of its ancestors."""
    usable = [f for f in facts if f.assertion in _DISEASE_STATUSES]
    own = [f for f in usable if "fallback" not in f.detail]
    # with none of the patient's own, the title's before the background's (where lists of other tumours stand)
    title = [f for f in usable if f.detail.get("fallback") == "source line"]
    final = [f for f in own if f.detail.get("final")]
    for pool in (final, own, title, usable):
        if not pool:
            continue
        counts = Counter(f.value for f in pool)
        first = {}
        for f in pool:
            first.setdefault(f.value, f)
        best = max(counts, key=lambda name: (counts[name] + sum(counts.get(a, 0) for a in ancestors(name)),
                                             depth(name), -first[name].start))
        if pool is final or pool is title:
            # a final "metastatic carcinoma" that the patient's own text names more precisely elsewhere
            # ("immunohistochemistry revealed adenocarcinoma"): the more specific name, on the same line of descent;
            # so for a title's "prostate cancer" that the rest of the text calls adenocarcinoma
            finer = [f for f in (own if pool is final else usable) if best in ancestors(f.value)]
            if finer:
                return max(finer, key=lambda f: (depth(f.value), -f.start))
        return first[best]
    return None


def choose_site(facts: list[Fact], histology: str | None) -> Fact | str | None:
    if histology and histology_info(histology).get("no_site"):
        return None
    usable = [f for f in facts if f.assertion in _DISEASE_STATUSES and not f.detail.get("spine")]
    # The spine itself (a sarcoma of the spine) only when nothing names another organ.
    spine = [f for f in facts if f.assertion in _DISEASE_STATUSES and f.detail.get("spine")]
    # Outside the patient's own sentences, only a site written with the patient's histology counts
    # ("spinal metastases from uterine LMS" in the background of an LMS case, not "breast or prostate cancer").
    tied = [f for f in usable if "fallback" in f.detail and histology and f.detail.get("histology") == histology]
    implied = histology_info(histology).get("site") if histology else None
    for pool in ([f for f in usable if "fallback" not in f.detail], tied):
        if implied and pool and all(f.detail.get("tie") == "qualifies a lesion word" and f.value != implied
                                    for f in pool):
            return implied  # "bilateral adrenal nodules" in a hepatocellular carcinoma: the liver
        # the organ the histology names, when the text names it too ("medullary thyroid carcinoma" and a
        # "previously treated breast cancer"): the thyroid
        if implied and any(f.value == implied for f in pool):
            pool = [f for f in pool if f.value == implied]
        # an organ written with another tumour ("history of prostate cancer" in a melanoma case) is that
        # tumour's; one written with the patient's own histology ("adenocarcinoma ... of pulmonary origin") counts
        # twice, against one written with a vaguer name ("laryngeal cancer" treated years before)
        if histology:
            related = {histology, *ancestors(histology)}
            pool = [f for f in pool if f.detail.get("histology") is None or f.detail["histology"] in related
                    or histology in ancestors(f.detail["histology"])]
        # an organ tied only to a lesion word ("lesions of the lung") yields to one tied to a tumour word
        strong = [f for f in pool if f.detail.get("tie") != "qualifies a lesion word"]
        pool = strong or pool
        if pool:
            counts: Counter[str] = Counter()
            for f in pool:
                counts[f.value] += 2 if histology and f.detail.get("histology") == histology else 1
            best = max(counts, key=lambda site: (counts[site], -min(f.start for f in pool if f.value == site)))
            return next(f for f in pool if f.value == best)
    if spine and histology in {f.detail.get("histology") for f in spine}:
        return next(f for f in spine if f.detail.get("histology") == histology)
    if implied:
        return implied
    # Last, the patient's own organ named as a likely primary ("stains suggestive of a lung primary"): the
    # pathologist's conclusion, where nothing states the primary more firmly.
    hedged = [f for f in facts if f.assertion == "hypothetical" and "fallback" not in f.detail
              and f.detail.get("concluded") and not f.detail.get("spine")]
    return hedged[0] if hedged else None


def _levels(values: set[str]) -> list[str]:
    return [v.name for v in sorted(Vertebra[x] for x in values)]


def neuro_deficit(extraction: Extraction) -> bool | None:
    deficits = extraction.of("deficit")
    grades = extraction.of("frankel") + extraction.of("asia")
    # "a 3-month history of weakness" is the present illness: history of a symptom still counts.
    if any(f.assertion in _DISEASE_STATUSES for f in deficits) or any(f.present and f.value != "E" for f in grades):
        return True
    if any(f.present for f in extraction.of("intact")) or any(f.assertion == "negated" for f in deficits) \
            or any(f.present and f.value == "E" for f in grades):
        return False
    if any(f.assertion in _DISEASE_STATUSES for f in extraction.of("pain")):
        return False  # pain alone, with no deficit named, is no deficit (schema)
    return None


def _treatment(extraction: Extraction, *keys: str) -> bool | None:
    facts = [f for key in keys for f in extraction.of(key)]
    if any(_current(f) for f in facts):
        return True
    if any(f.assertion == "negated" and not f.detail.get("prior") and not _denies_earlier(extraction, f) for f in facts):
        return False
    return None


_EARLIER = re.compile(r"\b(?:prior|previous|earlier|former)\b[^.;]*$", re.IGNORECASE)


def _denies_earlier(extraction: Extraction, f: Fact) -> bool:
    """'no prior androgen-deprivation therapy': denies treatment before, says nothing of the treatment now."""
    sentence = extraction.sentence_of(f)
    return bool(_EARLIER.search(extraction.text, max(sentence.start, f.start - 60), f.start))


def _fractures(extraction: Extraction) -> list[Fact]:
    return [f for f in extraction.of("fracture") if f.assertion in _DISEASE_STATUSES]


def tumour_level_facts(extraction: Extraction) -> list[Fact]:
    """The level mentions that name the patient's tumour levels: those not set aside (a root, a disc, a screw's
    anchor); in a text with none of them and no fractured level, the levels of a decompression ("underwent a
    decompressive laminectomy of T10 and T11"), since the canal is opened where the tumour compresses it. Chosen
    once per text: the schema, the case's lesions and its evidence all read the same choice."""
    chosen = extraction.memo.get("tumour_levels")
    if chosen is None:
        levels = [f for f in extraction.of("level") if f.assertion in _DISEASE_STATUSES]
        chosen = [f for f in levels if "excluded" not in f.detail]
        if not chosen and not any(f.value for f in _fractures(extraction)):
            chosen = [f for f in levels if f.detail.get("excluded") == DECOMPRESSED]
        extraction.memo["tumour_levels"] = chosen
    return chosen


def to_schema(extraction: Extraction) -> dict[str, Any]:
    """The 18 schema keys for one text."""
    out: dict[str, Any] = dict.fromkeys(SCHEMA_KEYS)
    ages = [f for f in extraction.of("age") if f.present]
    out["age"] = ages[0].value if ages else None
    sexes = extraction.of("sex")
    out["sex"] = sexes[0].value if sexes else None

    histology = choose_histology(extraction.of("histology"))
    out["primary_tumor"] = histology.value if histology else None
    site = choose_site(extraction.of("site"), out["primary_tumor"])
    out["primary_site"] = site.value if isinstance(site, Fact) else site
    if out["sex"] is None:
        # a text that names no sex but a primary of the testis or the ovary has told it all the same
        out["sex"] = _SEX_OF_SITE.get(out["primary_site"])

    fractures = _fractures(extraction)
    fracture_levels = {v for f in fractures for v in f.value}
    involved = {f.value for f in tumour_level_facts(extraction)}
    if any(not f.value for f in fractures) and not fracture_levels and len(involved) == 1:
        fracture_levels = set(involved)  # "a pathologic fracture" in a case with one involved vertebra
    out["spinal_levels"] = _levels(involved | fracture_levels)
    out["fracture_levels"] = _levels(fracture_levels)

    compression = extraction.of("compression")
    out["cord_compression"] = True if any(f.present for f in compression) else (
        False if any(f.assertion == "negated" for f in compression) else None)

    bones = {f.value for f in extraction.of("bone") if f.assertion in _DISEASE_STATUSES}
    out["lesion_type"] = ("mixed" if "mixed" in bones or {"lytic", "blastic"} <= bones else
                          next(iter(bones)) if bones else None)
    out["neuro_deficit"] = neuro_deficit(extraction)

    organs: list[str] = []
    for f in extraction.of("metastasis"):
        if f.detail.get("resected"):
            continue  # removed before the presentation: history, not disease at presentation
        if f.assertion in _DISEASE_STATUSES and f.value != out["primary_site"] and f.value not in organs:
            organs.append(f.value)
    out["other_metastases"] = organs

    positive: list[str] = []
    negative: list[str] = []
    seen: set[str] = set()
    for f in extraction.of("ihc"):
        marker = f.value["marker"]
        if marker.lower() in seen:
            continue
        seen.add(marker.lower())
        (positive if f.value["result"] == "positive" else negative).append(marker)
    out["ihc_positive"], out["ihc_negative"] = positive, negative

    out["surgery"] = _treatment(extraction, "surgery")
    out["radiotherapy"] = _treatment(extraction, "radiotherapy", "dose")
    out["chemotherapy"] = _treatment(extraction, "chemotherapy", "agent")
    # Another field's course ("whole brain radiotherapy to 45 Gy in 15 fractions") is not the spine's: no dose of it.
    doses = [f for f in extraction.of("dose") if _current(f) and f.detail.get("field") != "other"]
    if not doses and out["radiotherapy"] is True:
        # the course of this case told looking back at it ("the area previously irradiated with 30 Gy in 10
        # fractions" in a report of what followed): the spine's, when no course of the present is written
        doses = [f for f in extraction.of("dose") if f.assertion == "historical" and f.detail.get("field") == "spine"]
    # A whole prescription (with its fractions) before a dose written alone (a point dose to the cord, a dose per
    # fraction); then a course the sentence sends to the spine.
    doses.sort(key=lambda f: (f.value["fractions"] is None, f.detail.get("field") != "spine"))
    if doses:
        out["rt_total_dose_gy"] = doses[0].value["total_dose_gy"]
        out["rt_fractions"] = doses[0].value["fractions"]
    # When the text jumps in time to the presentation ("eighteen months after surgery he was readmitted with
    # neck pain"), a duration told before it is the time to the presentation, not follow-up after this treatment.
    follow = [f for f in extraction.of("follow_up") if f.assertion in ("present", "negated")
              and (extraction.history_from is None or f.start > extraction.anchor)]  # the jump starts there
    out["follow_up_months"] = max(f.value for f in follow) if follow else None
    return out
