"""New Katagiri (2014): primary lesion, visceral spread, laboratory tiers, ECOG 3-4, chemotherapy, bone."""

from __future__ import annotations

from ..anatomy import Vertebra
from ..case import Case, Labs
from ..knowledge.tables import score_table
from . import _facts
from ._engine import Context, Finding
from .tomita import skeletal_finding

TABLE = "katagiri_new"
# Organs whose involvement is itself dissemination rather than nodules (our reading of the table's examples).
DISSEMINATION_ORGANS = frozenset({"pleura", "peritoneum", "leptomeninges", "meninges"})


def findings(case: Case, ctx: Context, level: Vertebra | None) -> list[Finding]:
    out = [
        _facts.primary_finding(
            case,
            "primary_lesion",
            "katagiri",
            "the primary's Katagiri group depends on a fact not recorded (hormone dependence, targeted "
            "therapy) or the histology is not placed",
        )
    ]
    out.append(_visceral(case))
    out.append(_laboratory(case.labs, score_table(TABLE).thresholds))
    perf = _facts.ecog(case, ctx)
    if perf.values is None:
        out.append(Finding("ecog_3_4", None, perf.words, "performance status not recorded"))
    else:
        options = tuple(dict.fromkeys("yes" if v >= 3 else "no" for v in perf.values))
        out.append(
            Finding(
                "ecog_3_4",
                options,
                perf.words,
                "ECOG 3-4"
                if options == ("yes",)
                else ("ECOG 0-2" if options == ("no",) else "the converted ECOG straddles 2 and 3"),
                conversion=perf.conversion,
            )
        )
    chemo = case.primary.prior_chemotherapy
    out.append(
        Finding(
            "previous_chemotherapy",
            None if chemo is None else (("yes",) if chemo else ("no",)),
            {
                None: "prior chemotherapy not recorded",
                True: "chemotherapy before presentation",
                False: "no chemotherapy before presentation",
            }[chemo],
            {None: "not recorded", True: "previous chemotherapy", False: "no previous chemotherapy"}[chemo],
        )
    )
    out.append(skeletal_finding(case, "multiple_skeletal", ("no", "yes")))
    return out


def _visceral(case: Case) -> Finding:
    found = _facts.visceral(case)
    if found.present:
        spread = [m.dissemination is True or m.organ in DISSEMINATION_ORGANS for m in found.present]
        if any(spread):
            return Finding(
                "visceral",
                ("disseminated",),
                found.words,
                "pleural, peritoneal or leptomeningeal dissemination",
            )
        if all(m.dissemination is False for m in found.present):
            return Finding("visceral", ("nodular",), found.words, "nodular visceral or cerebral metastases")
        return Finding(
            "visceral",
            ("nodular", "disseminated"),
            found.words,
            "metastases present; nodular or disseminated not recorded",
            missing=[
                (
                    f"metastases[{m.organ}].dissemination",
                    f"Are the {m.organ} metastases nodules, or pleural, peritoneal or leptomeningeal "
                    "dissemination?",
                )
                for m in found.present
                if m.dissemination is None
            ],
        )
    if found.none_for_sure:
        return Finding("visceral", ("none",), found.words, "no visceral or cerebral metastases")
    return Finding(
        "visceral",
        None,
        found.words,
        "visceral metastases not known",
        missing=[("staging_complete", _facts.STAGING_QUESTION)],
    )


def _tier(checks: list[bool | None]) -> bool | None:
    """True if any analyte reaches the tier, False if every one is known not to, None otherwise."""
    if any(c is True for c in checks):
        return True
    if all(c is False for c in checks):
        return False
    return None


def _at_least(value: float | None, limit: float) -> bool | None:
    return None if value is None else value >= limit


def _below(value: float | None, limit: float) -> bool | None:
    return None if value is None else value < limit


def _laboratory(labs: Labs, thresholds: dict) -> Finding:
    a, c = thresholds["abnormal"], thresholds["critical"]
    critical = _tier(
        [
            _below(labs.platelets_10e9_l, c["platelets_10e9_l_below"]),
            _at_least(labs.calcium_mg_dl, c["calcium_mg_dl_min"]),
            _at_least(labs.bilirubin_mg_dl, c["bilirubin_mg_dl_min"]),
        ]
    )
    abnormal = _tier(
        [
            _at_least(labs.crp_mg_dl, a["crp_mg_dl_min"]),
            _at_least(labs.ldh_u_l, a["ldh_u_l_min"]),
            _below(labs.albumin_g_dl, a["albumin_g_dl_below"]),
        ]
    )
    values = {
        "CRP": labs.crp_mg_dl,
        "LDH": labs.ldh_u_l,
        "albumin": labs.albumin_g_dl,
        "platelets": labs.platelets_10e9_l,
        "calcium": labs.calcium_mg_dl,
        "bilirubin": labs.bilirubin_mg_dl,
    }
    given = ", ".join(f"{k} {v:g}" for k, v in values.items() if v is not None) or "no laboratory values"
    notes = []
    if labs.reported_normal and any(v is None for v in values.values()):
        notes.append(
            "Labs are reported normal without values; Katagiri's thresholds are not local reference "
            "ranges, so the report is not used as values."
        )
    if critical is True:
        options: tuple[str, ...] = ("critical",)
    else:
        lower = {True: ("abnormal",), False: ("normal",), None: ("normal", "abnormal")}[abnormal]
        options = lower if critical is False else lower + ("critical",)
    missing = [
        (f"labs.{name}", f"What is the {label}?")
        for name, label, value in (
            ("crp_mg_dl", "CRP (mg/dL)", labs.crp_mg_dl),
            ("ldh_u_l", "LDH (IU/L)", labs.ldh_u_l),
            ("albumin_g_dl", "serum albumin (g/dL)", labs.albumin_g_dl),
            ("platelets_10e9_l", "platelet count (x10^9/L)", labs.platelets_10e9_l),
            ("calcium_mg_dl", "serum calcium (mg/dL)", labs.calcium_mg_dl),
            ("bilirubin_mg_dl", "total bilirubin (mg/dL)", labs.bilirubin_mg_dl),
        )
        if value is None
    ]
    reason = {
        ("critical",): "a critical value (platelets, calcium or bilirubin)",
        ("abnormal",): "an abnormal value (CRP, LDH or albumin), no critical value",
        ("normal",): "every value within Katagiri's thresholds",
    }.get(options, "not every value is known")
    return Finding("laboratory", options, given, reason, missing=missing or None, notes=notes)
