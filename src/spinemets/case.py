"""The domain model: one patient's metastatic spine disease, as a clinician would record it.

Unknown is a value of its own. Every fact that a report may leave unsaid is Optional and `None` means
"not known"; "no" is always a separate, explicit value (False, "none", "normal", an empty list of findings
*with* `staging_complete: true`). In YAML and JSON a user may also write `unknown` for any such field.
Why pydantic v2 and this shape: docs/adr/0001-case-model.md.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema, field_validator, \
    model_validator

from .anatomy import ALLOWED_LEVELS_TEXT, Vertebra, parse_level

SCHEMA_VERSION = "1"


def _unknown_to_none(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in {"unknown", "not known", "not stated", "?", ""}:
        return None
    return value


def _to_level(value: Any) -> Any:
    value = _unknown_to_none(value)
    if value is None or isinstance(value, Vertebra):
        return value
    if isinstance(value, str):
        return parse_level(value)
    raise ValueError(f"a vertebral level is written as text such as 'C6'; allowed: {ALLOWED_LEVELS_TEXT}")


def _grade_text(value: Any) -> Any:
    """ESCC grades are not numbers (1a, 1b, 1c); YAML may still hand us 0, 2 or 3 as integers."""
    value = _unknown_to_none(value)
    if isinstance(value, bool):
        raise ValueError("an ESCC grade is one of 0, 1a, 1b, 1c, 2, 3")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value.strip().lower()
    return value


Level = Annotated[
    Vertebra,
    BeforeValidator(_to_level),
    PlainSerializer(lambda v: v.name, return_type=str),
    WithJsonSchema({"type": "string", "description": f"a vertebral level: {ALLOWED_LEVELS_TEXT}",
                    "examples": ["C6", "T12", "L5", "S1"]}),
]
Unknownable = BeforeValidator(_unknown_to_none)


class Model(BaseModel):
    """Shared settings: unknown keys are errors (a typo must not vanish), enums serialize as their values."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_assignment=True,
                              populate_by_name=True)


class StrEnum(str, Enum):
    def __str__(self) -> str:
        return self.value


# --- patient -------------------------------------------------------------------------------------------
class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"


class Patient(Model):
    age_years: Annotated[Annotated[int, Field(ge=0, le=120)] | None, Unknownable] = None
    sex: Annotated[Sex | None, Unknownable] = None
    height_cm: Annotated[Annotated[float, Field(gt=30, le=272)] | None, Unknownable] = None
    weight_kg: Annotated[Annotated[float, Field(gt=1, le=650)] | None, Unknownable] = None


# --- primary tumour ------------------------------------------------------------------------------------
class PrimaryTumour(Model):
    # No `unknown` shorthand here: an unknown primary (CUP) is itself a finding the scores use (Tokuhashi's
    # "unidentified" row), so `site: unknown` records it, and a primary not stated is left out (null).
    histology: str | None = Field(
        None, description="histology of the primary, e.g. 'leiomyosarcoma'; null when not stated")
    site: str | None = Field(None, description="organ or body part, e.g. 'thigh', 'uterus'; 'unknown' for a "
                                               "carcinoma of unknown primary; null when not stated")
    diagnosis_date: Annotated[dt.date | None, Unknownable] = None
    months_since_diagnosis: Annotated[Annotated[float, Field(ge=0, le=1200)] | None, Unknownable] = Field(
        None, description="months from diagnosis of the primary to presentation with the spinal metastasis")
    primary_treated: Annotated[bool | None, Unknownable] = Field(
        None, description="the primary has been resected or otherwise definitively treated")
    prior_treatment: list[str] = Field(default_factory=list, description="treatments of the primary before presentation")
    prior_chemotherapy: Annotated[bool | None, Unknownable] = Field(
        None, description="systemic chemotherapy given before presentation with the spinal metastasis")


# --- spinal lesions ------------------------------------------------------------------------------------
class BoneCharacter(StrEnum):
    LYTIC = "lytic"
    BLASTIC = "blastic"
    MIXED = "mixed"


class Collapse(StrEnum):
    """Vertebral body collapse as SINS grades it."""

    NONE = "none"
    LESS_THAN_50 = "less_than_50"
    MORE_THAN_50 = "more_than_50"
    NONE_BUT_OVER_50_INVOLVED = "none_but_over_50_involved"


class Posterolateral(StrEnum):
    NONE = "none"
    UNILATERAL = "unilateral"
    BILATERAL = "bilateral"


class Alignment(StrEnum):
    NORMAL = "normal"
    DEFORMITY = "deformity"  # de novo kyphosis or scoliosis
    SUBLUXATION = "subluxation"  # subluxation or translation


class Pain(StrEnum):
    MECHANICAL = "mechanical"
    OCCASIONAL_NON_MECHANICAL = "occasional_non_mechanical"
    NONE = "none"
    # Pain at the level is reported but its character is not: mechanical or not is still open.
    PRESENT = "present"


class EsccGrade(StrEnum):
    G0 = "0"
    G1A = "1a"
    G1B = "1b"
    G1C = "1c"
    G2 = "2"
    G3 = "3"


class Signal(StrEnum):
    LOW = "low"
    ISO = "iso"
    HIGH = "high"
    MIXED = "mixed"


class CompressedStructure(StrEnum):
    CORD = "cord"
    CONUS = "conus"
    CAUDA_EQUINA = "cauda_equina"


class Lesion(Model):
    """One involved vertebra. Every finding is per level, because scores are."""

    level: Level
    bone: Annotated[BoneCharacter | None, Unknownable] = None
    collapse: Annotated[Collapse | None, Unknownable] = None
    pathological_fracture: Annotated[bool | None, Unknownable] = None
    posterolateral: Annotated[Posterolateral | None, Unknownable] = None
    alignment: Annotated[Alignment | None, Unknownable] = None
    pain: Annotated[Pain | None, Unknownable] = None
    escc: Annotated[EsccGrade | None, BeforeValidator(_grade_text)] = Field(
        None, description="Bilsky epidural spinal cord compression grade at this level")
    neural_compression: Annotated[bool | None, Unknownable] = Field(
        None, description="the cord, conus or cauda equina is compressed at this level (ESCC 2 or 3)")
    compressed_structure: Annotated[CompressedStructure | None, Unknownable] = None
    csf_visible_around_cord: Annotated[bool | None, Unknownable] = Field(
        None, description="on axial T2 MRI, CSF still seen around a compressed cord (ESCC 2) or not (ESCC 3)")
    mri_t1: Annotated[Signal | None, Unknownable] = None
    mri_t2: Annotated[Signal | None, Unknownable] = None
    symptomatic: Annotated[bool | None, Unknownable] = None
    notes: str | None = None

    @property
    def fractured(self) -> bool:
        return bool(self.pathological_fracture) or self.collapse in (Collapse.LESS_THAN_50, Collapse.MORE_THAN_50)

    @property
    def compressing(self) -> bool:
        return bool(self.neural_compression) or self.escc in (EsccGrade.G2, EsccGrade.G3)

    @model_validator(mode="after")
    def _consistent_compression(self) -> "Lesion":
        if self.neural_compression is False and self.escc in (EsccGrade.G2, EsccGrade.G3):
            raise ValueError(f"neural_compression is false but ESCC grade {self.escc} means the cord is compressed")
        return self


# --- neurology -----------------------------------------------------------------------------------------
class ImpairmentGrade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


class Ambulation(StrEnum):
    INDEPENDENT = "independent"
    WITH_AID = "with_aid"
    NON_AMBULATORY = "non_ambulatory"


class DeficitKind(StrEnum):
    MOTOR = "motor"
    SENSORY = "sensory"
    SPHINCTER = "sphincter"
    PAIN_RADICULAR = "radicular_pain"


class Deficit(Model):
    kind: DeficitKind
    description: str | None = None
    side: Literal["left", "right", "bilateral"] | None = None
    duration_days: Annotated[Annotated[float, Field(ge=0, le=36500)] | None, Unknownable] = None


class Neurology(Model):
    frankel: Annotated[ImpairmentGrade | None, Unknownable, BeforeValidator(lambda v: v.upper() if isinstance(v, str) else v)] = None
    asia: Annotated[ImpairmentGrade | None, Unknownable, BeforeValidator(lambda v: v.upper() if isinstance(v, str) else v)] = None
    ambulation: Annotated[Ambulation | None, Unknownable] = None
    sphincter_dysfunction: Annotated[bool | None, Unknownable] = None
    myelopathy: Annotated[bool | None, Unknownable] = None
    radiculopathy: Annotated[bool | None, Unknownable] = None
    motor_deficit: Annotated[bool | None, Unknownable] = None
    sensory_deficit: Annotated[bool | None, Unknownable] = None
    deficits: list[Deficit] = Field(default_factory=list)
    motor_deficit_onset_days: Annotated[Annotated[float, Field(ge=0, le=36500)] | None, Unknownable] = Field(
        None, description="days over which motor deficits developed before treatment")

    @property
    def any_deficit(self) -> bool | None:
        flags = [self.motor_deficit, self.sensory_deficit, self.sphincter_dysfunction, self.myelopathy]
        if any(flags) or self.deficits or (self.frankel and self.frankel != ImpairmentGrade.E):
            return True
        if all(f is False for f in flags[:3]):
            return False
        return None


# --- performance status --------------------------------------------------------------------------------
def _kps_steps(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and (value % 10 != 0):
        raise ValueError("the Karnofsky Performance Status is given in steps of 10 (allowed: 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100)")
    return value


class Performance(Model):
    ecog: Annotated[Annotated[int, Field(ge=0, le=5, description="ECOG 0-5 (Oken 1982)")] | None, Unknownable] = None
    kps: Annotated[Annotated[int, BeforeValidator(_kps_steps),
                   Field(ge=0, le=100, description="Karnofsky 0-100 in steps of 10")] | None, Unknownable] = None


# --- metastases elsewhere ------------------------------------------------------------------------------
class OrganMetastasis(Model):
    organ: str = Field(description="lower-case singular organ: lung, liver, brain, bone (non-spinal), lymph node, ...")
    present: bool = Field(True, description="false records an explicit absence ('no liver metastases')")
    count: Annotated[Annotated[int, Field(ge=0, le=1000)] | None, Unknownable] = None
    resectable: Annotated[bool | None, Unknownable] = None
    dissemination: Annotated[bool | None, Unknownable] = Field(
        None, description="pleural, peritoneal or leptomeningeal dissemination rather than nodules")

    @field_validator("organ")
    @classmethod
    def _lower(cls, value: str) -> str:
        value = value.strip().lower()
        if not value:
            raise ValueError("organ must be named, e.g. 'lung'")
        return value


# --- laboratory ----------------------------------------------------------------------------------------
class Labs(Model):
    """Laboratory values, each in the unit its name carries (convert with spinemets.units)."""

    albumin_g_dl: Annotated[Annotated[float, Field(ge=0, le=10)] | None, Unknownable] = None
    bilirubin_mg_dl: Annotated[Annotated[float, Field(ge=0, le=60)] | None, Unknownable] = None
    ldh_u_l: Annotated[Annotated[float, Field(ge=0, le=50000)] | None, Unknownable] = None
    calcium_mg_dl: Annotated[Annotated[float, Field(ge=0, le=25)] | None, Unknownable] = None
    platelets_10e9_l: Annotated[Annotated[float, Field(ge=0, le=5000)] | None, Unknownable] = None
    crp_mg_dl: Annotated[Annotated[float, Field(ge=0, le=100)] | None, Unknownable] = None
    reported_normal: Annotated[bool | None, Unknownable] = Field(
        None, description="the report says labs were normal without giving values (not used as values)")


# --- pathology -----------------------------------------------------------------------------------------
class MarkerResult(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    FOCAL = "focal"


class Marker(Model):
    name: str
    result: MarkerResult
    percent: Annotated[Annotated[float, Field(ge=0, le=100)] | None, Unknownable] = None


class Pathology(Model):
    morphology: str | None = Field(None, description="e.g. 'spindle cell'")
    diagnosis: str | None = None
    markers: list[Marker] = Field(default_factory=list)


# --- treatments ----------------------------------------------------------------------------------------
class Approach(StrEnum):
    ANTERIOR = "anterior"
    POSTERIOR = "posterior"
    COMBINED = "combined"
    LATERAL = "lateral"
    PERCUTANEOUS = "percutaneous"


class Surgery(Model):
    approach: Annotated[Approach | None, Unknownable] = None
    procedure: str | None = Field(None, description="e.g. corpectomy, laminectomy, separation surgery")
    levels: list[Level] = Field(default_factory=list)
    reconstruction: str | None = None
    instrumentation: str | None = None
    cement_augmentation: list[Level] = Field(default_factory=list, description="levels augmented with PMMA")
    date: dt.date | None = None


class RtTechnique(StrEnum):
    CONVENTIONAL = "conventional"
    SBRT = "sbrt"
    SRS = "srs"


class RadiotherapyCourse(Model):
    total_dose_gy: float = Field(gt=0, le=200)
    fractions: int = Field(ge=1, le=60)
    technique: Annotated[RtTechnique | None, Unknownable] = None
    levels: list[Level] = Field(default_factory=list)
    timing: Literal["preoperative", "postoperative", "definitive"] | None = None
    start_date: dt.date | None = None


class ChemotherapyCourse(Model):
    regimen: str | None = None
    agents: list[str] = Field(default_factory=list)
    dose_mg_per_m2: Annotated[Annotated[float, Field(gt=0, le=20000)] | None, Unknownable] = Field(
        None, description="dose per administration")
    days: list[int] = Field(default_factory=list, description="days of the cycle on which it is given")
    cycle_length_days: Annotated[Annotated[int, Field(ge=1, le=365)] | None, Unknownable] = None
    cycles: Annotated[Annotated[int, Field(ge=1, le=100)] | None, Unknownable] = None
    start_date: dt.date | None = None


class Treatments(Model):
    surgery: list[Surgery] = Field(default_factory=list)
    radiotherapy: list[RadiotherapyCourse] = Field(default_factory=list)
    chemotherapy: list[ChemotherapyCourse] = Field(default_factory=list)


# --- follow-up -----------------------------------------------------------------------------------------
class FollowUpEvent(Model):
    description: str
    months: Annotated[Annotated[float, Field(ge=0, le=1200)] | None, Unknownable] = None
    date: dt.date | None = None


class FollowUp(Model):
    last_follow_up_months: Annotated[Annotated[float, Field(ge=0, le=1200)] | None, Unknownable] = None
    status: Literal["alive", "dead"] | None = None
    events: list[FollowUpEvent] = Field(default_factory=list)


# --- provenance ----------------------------------------------------------------------------------------
class Assertion(StrEnum):
    PRESENT = "present"
    NEGATED = "negated"
    HISTORICAL = "historical"
    HYPOTHETICAL = "hypothetical"
    OTHER_PERSON = "other_person"


class Evidence(Model):
    """Where in a source text a fact came from."""

    field: str = Field(description="dotted path of the fact in the case, e.g. 'lesions[C6].collapse'")
    value: Any = None
    spans: list[tuple[int, int]] = Field(default_factory=list, description="[start, end) character offsets")
    text: str | None = None
    assertion: Assertion = Assertion.PRESENT


class Source(Model):
    kind: Literal["structured", "text"] = "structured"
    name: str | None = None
    citation: str | None = None


# --- the case ------------------------------------------------------------------------------------------
class Case(Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str | None = None
    title: str | None = None
    source: Source = Field(default_factory=Source)
    patient: Patient = Field(default_factory=Patient)
    primary: PrimaryTumour = Field(default_factory=PrimaryTumour)
    lesions: list[Lesion] = Field(default_factory=list)
    index_level: Level | None = Field(None, description="the level to score when several are involved; "
                                                         "by default the worst")
    neurology: Neurology = Field(default_factory=Neurology)
    performance: Performance = Field(default_factory=Performance)
    metastases: list[OrganMetastasis] = Field(default_factory=list)
    staging_complete: Annotated[bool | None, Unknownable] = Field(
        None, description="whole-body staging was done, so an organ not listed is free of metastases")
    labs: Labs = Field(default_factory=Labs)
    pathology: Pathology = Field(default_factory=Pathology)
    treatments: Treatments = Field(default_factory=Treatments)
    follow_up: FollowUp = Field(default_factory=FollowUp)
    evidence: list[Evidence] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _levels_unique(self) -> "Case":
        seen: set[Vertebra] = set()
        for lesion in self.lesions:
            if lesion.level in seen:
                raise ValueError(f"level {lesion.level} is listed twice in lesions; merge its findings into one entry")
            seen.add(lesion.level)
        if self.index_level is not None and self.index_level not in seen:
            raise ValueError(f"index_level {self.index_level} is not among the lesions' levels")
        return self

    # Convenience views used by scores, decisions and reports.
    @property
    def levels(self) -> list[Vertebra]:
        return sorted(lesion.level for lesion in self.lesions)

    def lesion_at(self, level: Vertebra) -> Lesion | None:
        return next((lesion for lesion in self.lesions if lesion.level == level), None)

    def metastasis(self, organ: str) -> OrganMetastasis | None:
        return next((m for m in self.metastases if m.organ == organ.lower()), None)
