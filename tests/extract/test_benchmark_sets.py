"""The extractor against hand-annotated cases, scored by the rules of ../shared/cases/SCHEMA.md.

Floors are ratcheted up as the extractor improves; they must never be lowered to make a change pass.
- the development set: 11 real published case reports (../shared/cases/dev)
- our own texts (tests/extract/texts), written in our own words for forms the development set lacks:
  negations, D-levels, ranges, brand names, "no cord compression", weeks and years of follow-up, HTML, Markdown.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinemets.extract import extract_text, to_schema
from spinemets.extract.eval import evaluate, evaluate_folder

DEV_FLOOR = 0.99  # measured 0.996 (135/136 predicted right, 135/135 gold found)
OWN_FLOOR = 0.98  # measured 1.000
TEXTS = Path(__file__).parent / "texts"
KINDS = {".html": "html", ".md": "markdown"}


def test_development_set_micro_f1_at_floor(shared_dir: Path) -> None:
    report = evaluate_folder(shared_dir / "cases" / "dev")
    assert len(report.cases) == 11
    errors = "\n".join(f"{e.case}: {e.render()}" for e in report.errors)
    assert report.micro.f1 >= DEV_FLOOR, f"micro-F1 {report.micro.f1:.4f} below {DEV_FLOOR}\n{errors}"


def _own_pairs() -> list[tuple[str, dict, dict]]:
    pairs = []
    for gold in sorted(TEXTS.glob("*.json")):
        source = next(p for p in TEXTS.glob(gold.stem + ".*") if p.suffix != ".json")
        extraction = extract_text(source.read_text(encoding="utf-8"), kind=KINDS.get(source.suffix))
        pairs.append((gold.stem, to_schema(extraction), json.loads(gold.read_text(encoding="utf-8"))))
    return pairs


def test_own_texts_micro_f1_at_floor() -> None:
    pairs = _own_pairs()
    assert len(pairs) >= 8
    report = evaluate(pairs)
    errors = "\n".join(f"{e.case}: {e.render()}" for e in report.errors)
    assert report.micro.f1 >= OWN_FLOOR, f"micro-F1 {report.micro.f1:.4f} below {OWN_FLOOR}\n{errors}"


@pytest.mark.parametrize("key", ["spinal_levels", "primary_tumor", "ihc_positive", "ihc_negative", "radiotherapy",
                                 "follow_up_months"])
def test_no_key_collapses_on_the_development_set(shared_dir: Path, key: str) -> None:
    # A key scoring well only because the others carry it would hide a regression: each key keeps F1 >= 0.9.
    report = evaluate_folder(shared_dir / "cases" / "dev")
    assert report.per_key[key].f1 >= 0.9, report.per_key[key].as_dict()
