"""Facts several scores read from a Case, each with what is known, in words, and what is still open.

Kept in one place so that, e.g., "how many skeletal metastases" means the same for Tokuhashi, Tomita,
Bauer and Katagiri.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..anatomy import format_levels
from ..case import Ambulation, Case, OrganMetastasis
from ..knowledge.histologies import HistologyEntry, lookup
from ..knowledge.performance import KPS_VALUES, performance_mappings
from ._engine import Context, Finding

# Organs that are not "visceral" for the prognostic scores (bone is counted separately; nodes, skin, soft
# tissue and the chest wall (its ribs and muscles) are not organs of the viscera). Everything else a case lists (lung,
# liver, brain, adrenal, kidney, pleura, peritoneum, ...) counts as visceral. Our reading: the score papers do not
# enumerate organs.
NOT_VISCERAL = frozenset({"bone", "lymph node", "skin", "soft tissue", "muscle", "subcutaneous tissue", "chest wall",
                          "abdominal wall"})
BRAIN = frozenset({"brain", "meninges", "leptomeninges"})
NO_LESION = [
    ("lesions", "Which vertebrae are involved, and what does imaging show at the most affected level?")
]
STAGING_QUESTION = (
    "Has whole-body staging (CT chest/abdomen/pelvis, bone scan or PET-CT) been done, and what did it show?"
)


@dataclass
class Visceral:
    present: list[OrganMetastasis]  # organs with metastases
    none_for_sure: bool  # staging complete (or every candidate organ stated free) and none present
    words: str


def visceral(case: Case, *, include_brain: bool = True, organs: frozenset[str] | None = None) -> Visceral:
    """Visceral metastases (optionally without the brain, or only among `organs`)."""

    def counts(m: OrganMetastasis) -> bool:
        if organs is not None:
            return m.organ in organs
        return m.organ not in NOT_VISCERAL and (include_brain or m.organ not in BRAIN)

    present = [m for m in case.metastases if m.present and counts(m)]
    none_for_sure = not present and case.staging_complete is True
    if present:
        words = "metastases in " + ", ".join(m.organ for m in present)
    elif none_for_sure:
        words = "no visceral metastases on complete staging"
    else:
        absent = [m.organ for m in case.metastases if not m.present]
        words = (
            "none recorded"
            + (f" (stated free: {', '.join(absent)})" if absent else "")
            + "; whole-body staging not stated complete"
        )
    return Visceral(present=present, none_for_sure=none_for_sure, words=words)


def resectability(present: list[OrganMetastasis]) -> bool | None:
    """True when every involved organ is resectable, False when one is not, None when any is unstated."""
    values = [m.resectable for m in present]
    if any(v is False for v in values):
        return False
    if values and all(v is True for v in values):
        return True
    return None


def organ_finding(item: str, found: Visceral, *, yes: str, no: str, word: str, notes: list[str]) -> Finding:
    """An item with options none / `yes` (every involved organ resectable) / `no`, as Tokuhashi's organ item
    and Tomita's visceral item read it; `word` is the table's own adjective ("removable", "treatable")."""
    if found.present:
        resectable = resectability(found.present)
        options = {True: (yes,), False: (no,), None: (yes, no)}[resectable]
        ask = [
            (f"metastases[{m.organ}].resectable", f"Are the {m.organ} metastases {word} (resectable)?")
            for m in found.present
            if m.resectable is None
        ]
        reason = {None: f"whether they are {word} is not recorded", True: f"{word}", False: f"not {word}"}[
            resectable
        ]
        return Finding(item, options, found.words, reason, missing=ask or None, notes=notes)
    if found.none_for_sure:
        return Finding(item, ("none",), found.words, "no metastases", notes=notes)
    return Finding(
        item,
        None,
        found.words,
        "metastases not known",
        notes=notes,
        missing=[("staging_complete", STAGING_QUESTION)],
    )


@dataclass
class BoneBurden:
    spinal: int  # involved vertebrae listed in the case
    extraspinal_min: int  # extraspinal bone metastases known at least
    extraspinal_exact: bool  # the extraspinal count is known (not only a lower bound)
    spinal_exact: bool  # no unlisted vertebra can be involved (staging complete)
    words: str
    missing: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total_min(self) -> int:
        return self.spinal + self.extraspinal_min

    @property
    def exact(self) -> bool:
        return self.extraspinal_exact and self.spinal_exact


def bone_burden(case: Case) -> BoneBurden:
    spinal = len(case.lesions)
    bone = case.metastasis("bone")
    missing: list[tuple[str, str]] = []
    if bone is not None and bone.present:
        extra_min, extra_exact = (bone.count, True) if bone.count is not None else (1, False)
        if bone.count is None:
            missing.append(
                ("metastases[bone].count", "How many bone metastases are there outside the spine?")
            )
        extra_words = (
            f"{bone.count} extraspinal"
            if bone.count is not None
            else "extraspinal bone metastases, number not stated"
        )
    elif (bone is not None and not bone.present) or case.staging_complete is True:
        extra_min, extra_exact = 0, True
        extra_words = "no extraspinal bone metastases"
    else:
        extra_min, extra_exact = 0, False
        extra_words = "extraspinal bone metastases not known (staging not stated complete)"
        missing.append(("staging_complete", STAGING_QUESTION))
    spinal_exact = case.staging_complete is True
    levels = format_levels(case.levels) or "none listed"
    words = f"{spinal} involved vertebra{'e' if spinal != 1 else ''} ({levels}); {extra_words}"
    return BoneBurden(
        spinal=spinal,
        extraspinal_min=extra_min,
        extraspinal_exact=extra_exact,
        spinal_exact=spinal_exact,
        words=words,
        missing=missing,
    )


@dataclass
class Primary:
    entry: HistologyEntry | None
    words: str
    notes: list[str]


def primary(case: Case) -> Primary:
    histology, site = case.primary.histology, case.primary.site
    entry = lookup(histology, site)
    shown = " of the ".join(x for x in (histology or "histology not stated", site) if x)
    if entry is None:
        if histology:
            note = (
                f"Histology '{histology}' is not in the spinemets histology catalogue: the primary-tumour "
                "items are left open (every class possible) rather than guessed."
            )
        else:
            note = "Neither histology nor primary site is known: the primary-tumour items are left open."
        return Primary(entry=None, words=shown, notes=[note])
    return Primary(entry=entry, words=shown, notes=[])


def primary_finding(
    case: Case, item: str, cls: str, open_reason: str, missing: list[tuple[str, str]] | None = None
) -> Finding:
    """The primary-tumour item of a score: the catalogue's class `cls` for the case's histology and site."""
    found = primary(case)
    options = getattr(found.entry, cls) if found.entry else None
    placed = options is not None and len(options) == 1
    return Finding(
        item,
        options,
        found.words,
        "placed by the histology catalogue" if placed else open_reason,
        notes=primary_notes(found, cls),
        missing=missing,
    )


def primary_notes(found: Primary, cls: str) -> list[str]:
    """The fallback note, or the catalogue's interpretive notes about this score's class only."""
    if found.entry is None:
        return found.notes
    return [f"Interpretive: {note}" for note in found.entry.notes_for(cls)]


@dataclass
class Performance:
    values: tuple[int, ...] | None  # possible values on the asked scale; None = unknown
    words: str
    conversion: str | None


def performance(case: Case, ctx: Context, scale: str) -> Performance:
    """Performance status on `scale` ("kps" or "ecog"): recorded, or converted from the other scale with
    the selected named mapping (the conversion is returned in words so it can be shown)."""
    other = "ecog" if scale == "kps" else "kps"
    recorded, given = getattr(case.performance, scale), getattr(case.performance, other)
    if recorded is not None:
        return Performance((recorded,), f"{scale.upper()} {recorded}", None)
    if given is not None:
        mapping = performance_mappings().get(ctx.variant("performance_mapping"))
        values = mapping.kps_for(given) if scale == "kps" else mapping.ecog_for(given)
        return Performance(
            values,
            f"{other.upper()} {given} ({scale.upper()} not recorded)",
            f"{scale.upper()} {_span(values)} from {other.upper()} {given} by the {mapping.label} "
            f"({mapping.key})",
        )
    return Performance(None, "performance status not recorded", None)


def kps(case: Case, ctx: Context) -> Performance:
    return performance(case, ctx, "kps")


def ecog(case: Case, ctx: Context) -> Performance:
    return performance(case, ctx, "ecog")


def performance_finding(case: Case, ctx: Context, scale: str, alive: tuple[int, ...]) -> Finding:
    """The single item of the ECOG or KPS score itself."""
    perf = performance(case, ctx, scale)
    if perf.values is None:
        return Finding(
            scale,
            tuple(str(v) for v in alive),
            perf.words,
            "not recorded; the value meaning dead is excluded for a patient being assessed",
        )
    return Finding(
        scale,
        tuple(str(v) for v in perf.values),
        perf.words,
        "recorded" if perf.conversion is None else "converted with a named mapping",
        conversion=perf.conversion,
    )


def _span(values: tuple[int, ...]) -> str:
    return str(values[0]) if len(values) == 1 else f"{min(values)}-{max(values)}"


ALIVE_KPS = tuple(v for v in KPS_VALUES if v > 0)
ALIVE_ECOG = (0, 1, 2, 3, 4)


@dataclass
class Frankel:
    grades: tuple[str, ...]
    words: str
    reason: str
    missing: list[tuple[str, str]]


GRADES = ("A", "B", "C", "D", "E")


def frankel(case: Case, ctx: Context) -> Frankel:
    """The Frankel grades the neurology allows; narrowed by motor/sensory deficit and ambulation."""
    n = case.neurology
    if n.frankel is not None:
        return Frankel((n.frankel.value,), f"Frankel {n.frankel.value} recorded", "recorded grade", [])
    variant = ctx.variant("frankel_e")
    grades = set(GRADES)
    said: list[str] = []
    sensory = n.sensory_deficit is True or any(d.kind.value == "sensory" for d in n.deficits)
    sphincter = n.sphincter_dysfunction is True
    if sensory:
        said.append("sensory deficit")
    if sphincter:
        said.append("sphincter dysfunction")
    if n.motor_deficit is True or sphincter:
        grades -= {"E"}
    if n.motor_deficit is True:
        said.append("motor deficit")
    elif n.motor_deficit is False:
        said.append("no motor deficit")
        grades &= {"D", "E"}  # A, B and C all mean motor function lost or useless
        if variant == "modified" and not sphincter:
            grades &= {"E"}  # the modified table allows numbness in E
        elif variant == "strict":
            if sensory or sphincter:
                grades &= {"D"}
            elif n.sensory_deficit is False and n.sphincter_dysfunction is False:
                grades &= {"E"}
    elif sensory and variant == "strict":
        grades -= {"E"}  # strictly, E is free of neurological symptoms
    if n.ambulation is Ambulation.INDEPENDENT:
        grades &= {"D", "E"}
        said.append("walks independently")
    if not grades:
        raise_contradiction(case)
    ordered = tuple(g for g in GRADES if g in grades)
    words = ", ".join(said) if said else "no neurological findings recorded"
    if len(ordered) == 1:
        reason = f"Frankel {ordered[0]} from: {words} (Frankel E variant '{variant}')"
        missing = []
    else:
        verb = "leaves" if len(said) == 1 else "leave"
        reason = f"grade not recorded; {words} {verb} {ordered[0]}-{ordered[-1]} possible"
        missing = [
            (
                "neurology.frankel",
                "Below the lesion, is there any weakness, and does the patient walk "
                "unaided, with an aid, or not at all (Frankel grade)?",
            )
        ]
    return Frankel(ordered, words, reason, missing)


def raise_contradiction(case: Case) -> None:
    from ..errors import InputError, Problem

    n = case.neurology
    raise InputError(
        [
            Problem(
                field="neurology",
                value={"motor_deficit": n.motor_deficit, "ambulation": str(n.ambulation)},
                allowed="facts that fit one Frankel grade",
                message="the neurology facts contradict each other",
            )
        ]
    )


def ambulation_words(value: Ambulation | None) -> str:
    return {
        None: "ambulation not recorded",
        Ambulation.INDEPENDENT: "walks independently",
        Ambulation.WITH_AID: "walks with an aid",
        Ambulation.NON_AMBULATORY: "not ambulatory",
    }[value]
