"""Treatment of the spinal metastasis: spinal surgery, radiotherapy with its dose and fractions, systemic
therapy by class, agent (generic or brand: adriamycin is doxorubicin) or regimen name.

Every mention records whether it comes before the index presentation (`prior`): treatment of the primary or
of earlier disease is history, not the treatment the schema asks about.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .._data import any_of, load, rx
from .._required import finditer, search
from ..facts import Extraction, Fact, Sentence
from ..normalize import dose_gy, number
from ._util import fact, gate, matches, patient_sentences

_DOSE_PER_COURSE_MAX_GY = 100.0  # above this a "total" is not one course (or not a dose at all)
_DAYS = re.compile(r"\bdays?\s+(?P<first>\d{1,2})\s*(?:(?:to|-|–|through)\s*(?P<last>\d{1,2})|(?P<rest>(?:\s*(?:,|and)\s*\d{1,2})+))?",
                   re.IGNORECASE)
_EVERY = re.compile(r"\b(?:every|q)\s*(?P<n>\d{1,3})\s*(?:days?|d)\b", re.IGNORECASE)
_CYCLES = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:cycles?|courses?)\b",
                     re.IGNORECASE)
_AGO = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+ago\b", re.IGNORECASE)
_DATED_DIAGNOSIS = re.compile(r"\bdiagnosed\s+(?:with\s+[^.;]{0,60}?\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|"
                              r"nine|ten|several)\s+(?:days?|weeks?|months?|years?)\s+(?:before|earlier|previously|prior)\b",
                              re.IGNORECASE)
_AGO_REACH = 100  # characters from a treatment word to the "... ago" that dates it, within its sentence
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_DATE = re.compile(r"\b(?:(?P<month>" + "|".join(_MONTHS) + r")\s+(?:\d{1,2},?\s+)?)?(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
# "presented with weakness after radiation and chemotherapy": what the presentation came after was before it
_AFTER = re.compile(r"\b(?:after|following|post)\s+(?:(?:the|his|her|their|previous|prior|initial|adjuvant|neoadjuvant|"
                    r"palliative|multiple|several|concurrent)\s+)*(?:[\w-]+\s+(?:and\s+|or\s+|,\s*)?){0,2}$", re.IGNORECASE)
_POST_SPACE = re.compile(r"post\s")  # _AFTER's "post", a word before a space
# "status-post radiation, chemotherapy and surgery", "(s/p lumpectomy, chemotherapy and radiation in 2015)": the list
# after the words, up to the treatment (not across a clause or bracket's end)
_STATUS_POST = re.compile(r"\b(?:status[\s-]+post|s/p)\b[^.;()]*$", re.IGNORECASE)
_STATUS_POST_REACH = 80
# ... unless the clause tells the outcome of it: "admitted with paraplegia, (she) improved after the removal of the mass"
_BETTER_AFTER = re.compile(r"\b(?:improved|improving|resolved|recovered|relieved|disappeared|regressed|better)\s+"
                           r"(?:\w+\s+){0,2}?(?:after|following|post)\b[^.;]*$", re.IGNORECASE)
# "diagnosed with recurrent carcinoma post chemotherapy and radiotherapy": a recurrence came after them
_RECURRENCE = re.compile(r"\b(?:recurren\w*|relaps\w*)\b", re.IGNORECASE)


# ... and so did a metastasis told arising with the years or months between: "spinal metastasis occurring 10 years
# after resection of struma ovarii", "drop metastases that occurred 18 years after resection and radiotherapy" (not
# "free of metastatic disease, 2 1/2 years following vertebrectomy": a state, not an event)
@lru_cache(maxsize=1)
def _metastasis_later() -> re.Pattern[str]:
    return rx(r"\bmetasta\w*\b[^.;]{0,100}?\b(?:occurr\w*|develop\w*|appear\w*|aris\w*|arose|detected|diagnosed|found|"
              r"manifest\w*|present\w*|metastasi[sz]ed\s+to\s+[^.;]{0,40}?)\s+(?:about\s+|nearly\s+|almost\s+|over\s+|"
              r"more\s+than\s+)?(?:NUM|several|many)\s+(?:years?|months?)\s+(?:after|following)\b")


# A paragraph that opens as the past history ("On past medico-surgical history, she had ...").
_PAST_HISTORY_OPENING = re.compile(r"\s*(?:on\s+|in\s+(?:her|his|the)\s+)?(?:(?:her|his|the)\s+)?(?:past|previous|prior)\s+"
                                   r"(?:medical\s+|medico-?surgical\s+|surgical\s+|oncologic(?:al)?\s+)?history\b",
                                   re.IGNORECASE)
# The words right after a treatment named after "after": "(surgery), the patient developed neurologic symptoms"
_THEN_PRESENTED = re.compile(r"[^.;,]{0,30},\s*(?:the\s+patient|he|she|our\s+patient)\s+(?:\w+\s+){0,2}?"
                             r"(?:developed|presented|noticed|experienced|complained|was\s+(?:admitted|referred))\b", re.IGNORECASE)
_MG_M2 = re.compile(r"(?P<dose>\d+(?:\.\d+)?)\s*mg\s*/\s*m\s*(?:2|²|<sup>\s*2\s*</sup>|\s{0,12}2)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load("treatment")
    agents = load("agents")
    agent_forms = {name.lower(): name for name in agents["agents"]}
    for name, others in agents["agents"].items():
        for other in others:
            agent_forms[other.lower()] = name
    regimens = agents["regimens"]
    return {
        "spine": any_of(data["surgery"]["spine_procedures"]),
        "generic": any_of(data["surgery"]["generic_surgery"]),
        "spine_cue": re.compile(data["surgery"]["spine_cue"], re.IGNORECASE),
        "other_organ": rx(data["surgery"]["other_organ_cue"]),
        "other_organ_resected": rx(data["surgery"]["other_organ_resected"]),
        "institution": rx(data["surgery"]["institution_cue"]),
        "institution_after": rx(data["surgery"]["institution_after"]),
        "rt": any_of(data["radiotherapy"]),
        "without_operation": rx(data["without_operation"]), "without_treatment": rx(data["without_treatment"]),
        "rt_excluded": rx(data["radiotherapy_excluded"]),
        "radiation_of_pain": rx(data["radiation_of_pain"]),
        "chemo": any_of(data["chemotherapy"]),
        "chemo_excluded": rx(data["chemotherapy_excluded"]),
        "doses": [rx(p) for p in data["dose"]],
        "per_fraction_before": rx(data["per_fraction_before"]), "per_fraction_after": rx(data["per_fraction_after"]),
        "prior": rx(data["prior_cues"]),
        "pluperfect": rx(data["pluperfect_before"]),
        "spinal": rx(load("language")["spinal_words"]),
        "agent_forms": agent_forms,
        "agent_triggers": list(agent_forms),  # (one list, kept: the shared trigger pass reads a kept list once)
        "agents": re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(agent_forms, key=len, reverse=True))
                             + r")(?![\w-])", re.IGNORECASE),
        "regimens": regimens,
        # (lower case: a sentence holding a regimen's name holds it in its lower case, found by the shared trigger pass)
        "regimen_triggers": sorted({name.lower() for name in regimens}),
        "triggers": data["triggers"],
        "regimen_rx": re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(r) for r in sorted(regimens, key=len, reverse=True))
                                 + r")(?![\w-])"),
    }


# A combined course named by its intent for a primary tumour: "neoadjuvant chemoradiotherapy" before an
# oesophagectomy, "concurrent chemoradiotherapy" for limited small cell lung cancer
_PRIMARY_COURSE = re.compile(r"\b(?:neo-?adjuvant|concurrent|concomitant|definitive|induction)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _primary_course(sentence: Sentence, match: re.Match[str]) -> dict[str, object]:
    if "chemo" in match.group(0).lower() and "radi" in match.group(0).lower() \
            and _PRIMARY_COURSE.search(sentence.text, max(0, match.start() - 40), match.start()):
        return {"prior": True, "why": "a combined course for the primary (neoadjuvant, concurrent, definitive)"}
    return {}


def _timing(extraction: Extraction, sentence: Sentence, start: int) -> dict[str, object]:
    """`prior` when the mention comes before the index presentation is told AND its sentence sets it in the
    past ("in November 2005", "eleven years after treatment for", "previously"): an abstract that sums up
    the treatment before the case is told is not history."""
    # "had chemotherapy for bladder cancer four months ago": set in the past by the sentence itself, whatever
    # comes before it in the text
    ago = _AGO.search(sentence.text, start) if "ago" in sentence.lower else None  # a substring test first
    if ago and ago.start() - start <= _AGO_REACH:
        return {"prior": True, "why": "told as done some time ago"}
    # "a 53-year-old woman status-post radiation, chemotherapy and pelvic exenteration presented with": done before
    if ("status" in sentence.lower or "s/p" in sentence.lower) \
            and _STATUS_POST.search(sentence.text, max(0, start - _STATUS_POST_REACH), start):
        return {"prior": True, "why": "told as status post (s/p)"}
    # "breast cancer had been diagnosed 2 years before, and subsequently she underwent a lumpectomy followed by
    # chemotherapy": the treatment that follows a diagnosis dated before, in the same clause
    clause_start = sentence.text.rfind(";", 0, start) + 1
    clause = sentence.lower[clause_start:start]
    if "diagnos" in clause and _DATED_DIAGNOSIS.search(sentence.text, clause_start, start):
        return {"prior": True, "why": "follows a diagnosis dated before the presentation"}
    if "had" in sentence.lower and search(_rules()["pluperfect"], sentence.text, max(0, start - 80), start):
        return {"prior": True, "why": "told in the pluperfect (had been treated with ...)"}
    # (these patterns begin with a word boundary, which the regex engine tries at every character: searched for
    # where one of their beginnings stands, _required.search)
    # ("post" only as _AFTER writes it, before a space: not the "postoperative" of most clauses holding the string)
    if ("after" in clause or "following" in clause or "post" in clause and _POST_SPACE.search(clause)) \
            and search(_AFTER, clause) \
            and not search(_BETTER_AFTER, clause) \
            and (_tells_presentation(clause) or search(_RECURRENCE, clause)
                 or search(_metastasis_later(), clause)):
        return {"prior": True, "why": "the presentation came after it"}
    # ... or told just after it: "however, after surgery, the patient developed neurologic symptoms"
    if clause.rstrip().endswith(("after", "following")):
        if _THEN_PRESENTED.match(sentence.text, start):
            return {"prior": True, "why": "the presentation came after it"}
    history = _told_as_history(extraction, sentence)
    if history:
        return {"prior": True, "why": history}
    if sentence.start + start >= extraction.anchor:
        return {}
    if extraction.history_from is not None and sentence.start + start >= extraction.history_from:
        return {"prior": True, "why": "told before the text jumps in time to the presentation"}
    # One answer per sentence, however many treatments it names (kept for this text only).
    cache = extraction.memo.setdefault("treatment_past", {})
    if sentence.index not in cache:
        cache[sentence.index] = _past_of(sentence.text)
    return dict(cache[sentence.index])


def _told_as_history(extraction: Extraction, sentence: Sentence) -> str | None:
    """Why the whole sentence is history, wherever in it a treatment is named, or None; once per sentence (kept for
    this text only): most sentences name several treatments."""
    cache = extraction.memo.setdefault("treatment_history", {})
    if sentence.index not in cache:
        cache[sentence.index] = (_dated_before_presentation(extraction, sentence)
                                 or _in_past_history(extraction, sentence))
    return cache[sentence.index]


def _in_past_history(extraction: Extraction, sentence: Sentence) -> str | None:
    """A paragraph that opens as the past history: "On past medico-surgical history, she had invasive ductal carcinoma
    ... She underwent standard chemoradiotherapy after both surgeries"."""
    paragraph = extraction.text.rfind("\n", 0, sentence.start) + 1
    if _PAST_HISTORY_OPENING.match(extraction.text, paragraph, paragraph + 80):
        return "told in a paragraph of the past history"
    return None


@lru_cache(maxsize=1)
def _presentation_cue() -> re.Pattern[str]:
    return any_of(load("language")["presentation_cues"])


# "the presenting neck pain" names the complaint; it tells no presentation that came after the treatment
_ATTRIBUTIVE = re.compile(r"\b(?:the|his|her|their|its|a|an)\s+$", re.IGNORECASE)


def _tells_presentation(clause: str) -> bool:
    return any(not (cue.group(0).lower() == "presenting" and _ATTRIBUTIVE.search(clause, 0, cue.start()))
               for cue in finditer(_presentation_cue(), clause))


# A year's four digits, which every date (_DATE) holds: a text without them names no date, and is not searched for one.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def _may_hold_date(text: str) -> bool:
    return ("19" in text or "20" in text) and _YEAR_DIGITS.search(text) is not None  # substring tests first


def _dates(text: str) -> list[tuple[int, int]]:
    """(year, month or 0) of each date written in the text ("October 2019", "in 2005")."""
    return [(int(m.group("year")), _MONTHS.index(m.group("month").lower()) + 1 if m.group("month") else 0)
            for m in finditer(_DATE, text)]  # tried where a month or a year's first digits stand


def _presentation_date(extraction: Extraction) -> tuple[int, int] | None:
    """The date of the first dated sentence about the patient that tells a presentation ("presented ... in
    October 2019"), once per text."""
    if "presentation_date" not in extraction.memo:
        cue = _presentation_cue()
        found = None
        # (the sentences are stretches of the text: a text with no year's digits has no dated sentence)
        for sentence in extraction.sentences if _may_hold_date(extraction.text) else ():
            # the date first: a substring test and one regex, where the cue alternation is slow
            if sentence.about_patient and _may_hold_date(sentence.text):
                dates = _dates(sentence.text)
                if dates and cue.search(sentence.text):
                    found = dates[0]
                    break
        extraction.memo["presentation_date"] = found
    return extraction.memo["presentation_date"]


def _dated_before_presentation(extraction: Extraction, sentence: Sentence) -> str | None:
    """A treatment whose sentence is dated, every date before the presentation's ("received chemotherapy ...
    until March 2018", the presentation "in October 2019"): history, wherever the text tells it."""
    presented = _presentation_date(extraction)
    if presented is None or not _may_hold_date(sentence.text):
        return None
    dates = _dates(sentence.text)
    if not dates:
        return None
    latest = max(dates)
    # a year alone is compared by year only ("in 2018" is before "October 2019", not before "March 2018")
    if latest[1] == 0 or presented[1] == 0:
        return "dated in a year before the presentation" if latest[0] < presented[0] else None
    return "dated before the presentation" if latest < presented else None


# An abstract's sentence that ends the story ("despite chemotherapy and radiotherapy, he succumbed 3 months after
# diagnosis") tells the course after the presentation, whatever time words it holds.
_OUTCOME = re.compile(r"\b(?:succumbed|died|passed\s+away|expired)\b", re.IGNORECASE)


def _names_other_organ(text: str) -> bool:
    """Whether the text names another organ than the spine, or its resection (the two patterns of the cue)."""
    rules = _rules()
    return bool(search(rules["other_organ"], text) or search(rules["other_organ_resected"], text))


def _past_of(text: str) -> tuple[tuple[str, object], ...]:
    rules = _rules()
    lower = text.lower()
    if any(word in lower for word in ("died", "succumbed", "passed away", "expired")) and _OUTCOME.search(text):
        return ()
    if search(rules["prior"], text):
        return (("prior", True),)
    # Before the index presentation, in a sentence about another organ and not the spine ("underwent
    # nephrectomy and received adjuvant chemotherapy"): the primary's treatment.
    if _names_other_organ(text) and not search(rules["spinal"], text):
        return (("prior", True), ("why", "treatment of another organ before the presentation"))
    return ()


# Treatment aimed at another organ's metastases, told just before: "treating the intracranial metastasis with gamma
# knife and the abdominal metastases with surgical dissection and external radiotherapy"
_AIMED_ELSEWHERE = re.compile(r"\b(?:the|his|her|their)\s+(?:[\w-]+\s+)?(?:intracranial|cerebral|brain|(?:intra-?)?abdominal|"
                              r"retroperitoneal|hepatic|liver|lung|pulmonary|adrenal|nodal|inguinal|axillary|skin|"
                              r"cutaneous|pelvic)\s+(?:metastas[ie]s|lesions?|deposits?)\s+with\b[^.;]{0,50}$", re.IGNORECASE)
_AIMED_REACH = 120  # characters before the treatment word searched for it
# Words of a sentence, hyphenated ones kept whole ("non-irradiated", "post-thyroidectomy"): the word tests below look
# words up in a set, where a regex alternation beginning with \b would be tried at every character.
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text)


# The resection of an organ (spinal operations ending in -ectomy are named by spinal_words and excluded with them)
# (not an orchiectomy: castration, a hormonal treatment of prostate cancer given with the bone's radiotherapy)
_OTHER_OPENINGS = frozenset({"thoracotomy", "craniotomy"})
_PRIMARY_RESECTED = re.compile(r"\b(?:resection|excision|removal)\s+of\s+(?:the\s+)?primary\b")


def _organ_resected(lower: str) -> bool:
    if "ectom" not in lower and "otomy" not in lower and "primary" not in lower:
        return False
    return any(w.endswith(("ectomy", "ectomies")) and not w.startswith("orch") or w in _OTHER_OPENINGS
               for w in _words(lower)) or bool(_PRIMARY_RESECTED.search(lower))


def _after_resection(sentence: Sentence, start: int, timing: dict[str, object]) -> dict[str, object]:
    """Treatment told after the resection of an organ, in a sentence naming no spine, is the primary's course:
    "underwent a radical prostatectomy and salvage radiation", "thymectomy, followed by chemotherapy and
    radiotherapy", "following the resection he tolerated 12 cycles of adjuvant chemotherapy"."""
    if timing.get("prior") or not _organ_resected(sentence.lower[:start]) or search(_rules()["spinal"], sentence.text):
        return timing
    return {"prior": True, "why": "given with the primary organ's resection"}


_LIMB_BONES = frozenset({"femur", "femora", "femoral", "humerus", "humeri", "humeral", "tibia", "tibial", "fibula",
                         "radius", "ulna", "clavicle", "hip", "knee", "shoulder", "elbow", "wrist", "ankle"})


# Each of those words is a string the text holds: one scan for them first (most sentences hold none), then the words.
_LIMB_BONE_STRINGS = re.compile("|".join(sorted(_LIMB_BONES)) + "|acetabul")


def _names_limb_bone(lower: str) -> bool:
    return _LIMB_BONE_STRINGS.search(lower) is not None \
        and any(w in _LIMB_BONES or w.startswith("acetabul") for w in _words(lower))


def _surgery(extraction: Extraction, sentences: list[Sentence]) -> list[Fact]:
    rules = _rules()
    out = []
    for sentence, match in matches(rules["spine"], gate(sentences, rules["triggers"]["spine"])):
        if _names_limb_bone(sentence.lower[:match.end() + 40]) and not search(rules["spine_cue"], sentence.text):
            continue  # "left femur fixation by intramedullary nailing": a limb's, in a sentence naming no spine
        out.append(fact("surgery", "spinal procedure", sentence, match.start(), match.end(),
                        **_timing(extraction, sentence, match.start())))
    # a generic word inside a spinal procedure's name is part of it (the generic words' own matches never overlap)
    procedures: dict[int, list[tuple[int, int]]] = {}
    for f in out:
        procedures.setdefault(f.sentence, []).append((f.start, f.end))
    for sentence, match in matches(rules["generic"], gate(sentences, rules["triggers"]["generic"])):
        text = sentence.text
        at = sentence.start + match.start()
        if any(start <= at < end for start, end in procedures.get(sentence.index, ())):
            continue
        # "surgery for removal of the thyroid carcinoma and the C7 metastasis" is spinal; "resection of the
        # primary tumour" or "thyroidectomy" is not. A generic word counts unless its clause names another organ.
        if search(rules["institution"], text[max(0, match.start() - 60):match.start()]) \
                or rules["institution_after"].match(text, match.end()):
            continue
        window = text[max(0, match.start() - 60):match.end() + 60]
        if _names_other_organ(window) and not search(rules["spine_cue"], window):
            continue
        if search(_AIMED_ELSEWHERE, text, max(0, match.start() - _AIMED_REACH), match.start()):
            continue
        out.append(fact("surgery", "surgery", sentence, match.start(), match.end(),
                        **_timing(extraction, sentence, match.start())))
    return out


_TRIED_FIRST = re.compile(r"\b(?:response|respond\w*|refractory|resistant|unresponsive|failure|failed|despite)\s+"
                         r"(?:to\s+|of\s+)?(?:\w+\s+)?$", re.IGNORECASE)


def _not_given(extraction: Extraction, sentences: list[Sentence]) -> list[Fact]:
    """Treatments the text says were not given: negated facts, which the assembly reads as "no" when nothing
    says the treatment was given."""
    rules = _rules()
    out = []
    candidates = gate(sentences, rules["triggers"]["without"])
    for pattern, keys in ((rules["without_operation"], ("surgery",)),
                          (rules["without_treatment"], ("surgery", "radiotherapy", "chemotherapy"))):
        for sentence, match in matches(pattern, candidates):
            if _TRIED_FIRST.search(sentence.text, max(0, match.start() - 40), match.start()):
                continue  # "poor response to conservative treatment": tried first, which says nothing of what came next
            for key in keys:
                found = fact(key, f"not given: {match.group(0)}", sentence, match.start(), match.end(),
                             **_timing(extraction, sentence, match.start()))
                found.assertion = "negated"
                out.append(found)
    return out


_FIELD_REACH = 60  # characters before a dose within which the field it was given to is named


def _other_field(text: str, start: int, end: int) -> bool:
    """Radiation of something else than the spine, or not radiotherapy at all, written at [start, end): only words
    touching the mention count; a dose belongs to the phrase a few words before it ("pelvic irradiation (50.4 Gy/28
    Fr)", "whole-brain radiotherapy with a total dose of 30 Gy")."""
    reach = _FIELD_REACH if text[:start].rstrip().endswith("(") or text[start:start + 1].isdigit() else 12
    return bool(search(_rules()["rt_excluded"], text[max(0, start - reach):end + 15]))


def _one_fraction(text: str, match: re.Match[str]) -> bool:
    """A dose written alone that is the dose of one fraction ("fractions of 3 Gy", "2 Gy per fraction")."""
    rules = _rules()
    return bool(rules["per_fraction_before"].search(text, max(0, match.start() - 40), match.start())
                or rules["per_fraction_after"].match(text, match.end()))


# A boost told right after a course adds to it: "25 Gy in 5 fractions followed by a boost of 12 Gy in 3 fractions" is one
# course of 37 Gy in 8 fractions.
_BOOST_AFTER = re.compile(r"[\s,;]*(?:followed\s+by|plus|and|with)\s+(?:an?\s+)?(?:(?:sequential|subsequent|additional|"
                          r"further)\s+)?boost\s+(?:of\s+|to\s+|with\s+)?", re.IGNORECASE)


def _course(match: re.Match[str]) -> tuple[float, float | None] | None:
    """A dose match's total in Gy and its fractions (None where not written), or None where it names no course."""
    groups = match.groupdict()
    unit = groups.get("unit") or "Gy"
    fractions = number(groups["fx"]) if groups.get("fx") else None
    if fractions is None and re.search(r"single", match.group(0), re.IGNORECASE):
        fractions = 1.0
    written_total = float(groups["total"].replace(",", "")) if groups.get("total") else None
    if fractions is None and written_total and groups.get("per"):
        # "30 Gy in 6 Gy/fraction": the number of fractions is the quotient, when it is a whole number
        quotient = written_total / float(groups["per"]) if float(groups["per"]) else 0
        fractions = float(round(quotient)) if quotient >= 1 and abs(quotient - round(quotient)) < 0.01 else None
    if written_total is not None:
        total = dose_gy(written_total, unit)
    elif groups.get("per") and fractions:
        total = dose_gy(float(groups["per"]) * fractions, unit)
    else:
        return None
    return total, fractions


def _boost(sentence: Sentence, end: int) -> tuple[float, float | None, int] | None:
    """The boost written right after a course ending at `end`: its total, fractions and end."""
    lead = _BOOST_AFTER.match(sentence.text, end)
    if lead is None:
        return None
    for pattern in _rules()["doses"]:
        match = pattern.match(sentence.text, lead.end())
        course = _course(match) if match else None
        if course is not None:
            return course[0], course[1], match.end()
    return None


def _doses(sentence: Sentence) -> list[Fact]:
    rules = _rules()
    if "gy" not in sentence.lower and "gray" not in sentence.lower:
        return []  # every dose form names its unit (treatment.yaml): ten searches spared in most sentences
    for pattern in rules["doses"]:
        match = next((m for m in pattern.finditer(sentence.text)
                      if not _other_field(sentence.text, m.start(), m.end())
                      and not (set(m.groupdict()) <= {"total", "unit"} and _one_fraction(sentence.text, m))), None)
        if not match:
            continue
        course = _course(match)
        if course is None:
            continue
        total, fractions = course
        end = match.end()
        boost = _boost(sentence, end)
        if boost is not None and (fractions is None) == (boost[1] is None):
            total, fractions, end = total + boost[0], None if fractions is None else fractions + boost[1], boost[2]
        if not 0 < total <= _DOSE_PER_COURSE_MAX_GY or (fractions is not None and not 1 <= fractions <= 60):
            continue
        value = {"total_dose_gy": total, "fractions": int(fractions) if fractions else None}
        return [fact("dose", value, sentence, match.start(), end)]
    return []


_TRACER_AFTER = re.compile(r"[\s-]*(?:scan|scans|scintigraphy|scintiscan|imaging|uptake|PET|SPECT)\b", re.IGNORECASE)


def _chemo_details(sentence: Sentence, start: int) -> dict[str, object]:
    """Dose, days, cycle length and number of cycles written in the agent's sentence, when they are. Each is
    searched for only in a sentence holding a word every match of it holds (most name none)."""
    text, lower = sentence.text, sentence.lower
    detail: dict[str, object] = {}
    dose = _MG_M2.search(text, start) if "mg" in lower else None
    if dose:
        detail["dose_mg_per_m2"] = float(dose.group("dose"))
    days = search(_DAYS, text, start) if "day" in lower else None  # (tried where their first words stand: _required)
    if days:
        first = int(days.group("first"))
        if days.group("last"):
            detail["days"] = list(range(first, int(days.group("last")) + 1))
        else:
            detail["days"] = [first] + [int(d) for d in re.findall(r"\d{1,2}", days.group("rest") or "")]
    every = search(_EVERY, text, start) if "every" in lower or "q" in lower else None
    if every:
        detail["cycle_length_days"] = int(every.group("n"))
    cycles = search(_CYCLES, text) if "cycle" in lower or "course" in lower else None
    if cycles:
        detail["cycles"] = int(number(cycles.group("n")) or 0) or None
    return detail


# Radiotherapy sent to the spine, told right after the treatment word.
_TO_THE_SPINE = re.compile(r"(?:\s+therapy)?\s+(?:to|of|at|on)\s+(?:the\s+)?(?:(?:whole|entire|cervical|thoracic|dorsal|lumbar|"
                           r"sacral|upper|lower)\s+)*(?:spine|spinal\s+(?:metasta\w+|lesions?)|vertebra\w*|(?-i:[CTLS])\d{1,2}\b)",
                           re.IGNORECASE)
# Words that, after a pain word, tell where the pain spreads ("back pain irradiated to both legs"), not a treatment.
_PAIN_SPREAD_WORDS = {"radiation", "irradiated"}


# A sentence about treatment in general, in the present tense and about no one: "DLBCL is sensitive to chemotherapy
# and radiotherapy", "the role of steroids and surgery is unclear", "radiotherapy still has a pivotal role in the
# management of MESCC". Case reports tell the patient's treatment in the past tense or name the patient; a plan
# ("radiotherapy is planned", "will be given") is the patient's too, and so is the case told as a whole.
_PRESENT_WORDS = frozenset("is are has have remain remains involve involves include includes suggest suggests require "
                           "requires offer offers provide provides play plays depend depends consist consists seem "
                           "seems appear appears can may might could".split())
_PATIENT_WORDS = frozenset(
    "he she his her him we our patient was were had did underwent received presented developed showed revealed "
    "demonstrated began started completed died experienced complained admitted performed treated given administered "
    "planned scheduled will ongoing currently "
    # the case told as a whole ("this case ... managed by radiotherapy", "surgical treatment ... is described"),
    # imaging told in the present ("clips are seen")
    "case report study paper described reviewed seen noted visible "
    # an operation told as done ("the C7 metastasis has been decompressed and fused")
    "decompressed fused stabilized stabilised fixed instrumented operated resected excised removed irradiated".split())
_BEING = re.compile(r"\b(?:is|are)\s+being\b")
_YEARS_OLD = re.compile(r"\d+[- ](?:years?|yrs?)[- ]old")


def _general_present(sentence: Sentence) -> bool:
    words = set(_words(sentence.lower))
    if words.isdisjoint(_PRESENT_WORDS) or not words.isdisjoint(_PATIENT_WORDS) \
            or any(w.startswith("show") for w in words):
        return False
    lower = sentence.lower
    return not ("being" in words and _BEING.search(lower)) and not ("old" in words and _YEARS_OLD.search(lower))


def find(extraction: Extraction) -> list[Fact]:
    found = _find(extraction)
    told = {f.sentence for f in found if f.key in ("surgery", "radiotherapy", "chemotherapy", "agent")}
    general = {index for index in told if _general_present(extraction.sentences[index])}
    return [f for f in found if f.sentence not in general or f.key == "dose"] if general else found


def _find(extraction: Extraction) -> list[Fact]:
    rules = _rules()
    sentences = patient_sentences(extraction)
    out = _surgery(extraction, sentences)
    for sentence, match in matches(rules["rt"], gate(sentences, rules["triggers"]["radiotherapy"])):
        # "I131 treatment and external radiation therapy" is both: _other_field reads only the words around.
        if _other_field(sentence.text, match.start(), match.end()):
            continue
        if match.group(0).lower() in _PAIN_SPREAD_WORDS and search(rules["radiation_of_pain"], sentence.text, 0,
                                                                 match.start()):
            continue
        if search(_AIMED_ELSEWHERE, sentence.text, max(0, match.start() - _AIMED_REACH), match.start()):
            continue
        timing = _after_resection(sentence, match.start(),
                                  _primary_course(sentence, match) or _timing(extraction, sentence, match.start()))
        if timing.get("prior") and _TO_THE_SPINE.match(sentence.text, match.end()):
            # given to the spine before this presentation ("pain 2 months after receiving palliative radiation
            # therapy to the spine"): the spinal disease's own treatment, not the primary's history
            timing = {}
        out.append(fact("radiotherapy", True, sentence, match.start(), match.end(), **timing))
    out += _not_given(extraction, sentences)
    with_radiotherapy = {f.sentence for f in out if f.key == "radiotherapy" and f.assertion == "present"}
    for sentence in sentences:
        if sentence.index in with_radiotherapy:
            for dose in _doses(sentence):
                dose.detail.update(_timing(extraction, sentence, dose.start - sentence.start))
                # where it is sent: another field named just before the dose ("whole-brain radiotherapy with a total
                # dose of 30 Gy", whatever else the sentence names), the spine, another field named elsewhere in the
                # sentence, or not said; the assembly drops another field's dose and prefers a spinal course
                at = dose.start - sentence.start
                if search(rules["rt_excluded"], sentence.text[max(0, at - _FIELD_REACH):at]):
                    dose.detail["field"] = "other"
                elif search(rules["spine_cue"], sentence.text):
                    dose.detail["field"] = "spine"
                elif search(rules["rt_excluded"], sentence.text):
                    dose.detail["field"] = "other"
                out.append(dose)
    for sentence, match in matches(rules["chemo"], gate(sentences, rules["triggers"]["chemotherapy"])):
        if search(rules["chemo_excluded"], sentence.text[max(0, match.start() - 30):match.end() + 30]):
            continue
        out.append(fact("chemotherapy", True, sentence, match.start(), match.end(),
                        **_after_resection(sentence, match.start(), _primary_course(sentence, match)
                                           or _timing(extraction, sentence, match.start()))))
    # ~150 agent names: only sentences holding one (as a string; the regex then asks for whole words), found by
    # the shared trigger pass over the text
    with_agents = gate(sentences, rules["agent_triggers"])
    for sentence, match in matches(rules["agents"], with_agents, vocabulary=True):
        if _TRACER_AFTER.match(sentence.text, match.end()):
            continue  # "an octreotide scan": a tracer for imaging, not a treatment
        generic = rules["agent_forms"][match.group(0).lower()]
        out.append(fact("agent", generic, sentence, match.start(), match.end(), written=match.group(0),
                        **_chemo_details(sentence, match.end()),
                        **_after_resection(sentence, match.start(), _timing(extraction, sentence, match.start()))))
    with_regimens = [s for s in gate(sentences, rules["regimen_triggers"])
                     if any(r in s.text for r in rules["regimens"])]
    for sentence, match in matches(rules["regimen_rx"], with_regimens):
        out.append(fact("agent", match.group(0), sentence, match.start(), match.end(), regimen=True,
                        agents=rules["regimens"][match.group(0)], **_timing(extraction, sentence, match.start())))
    return out
