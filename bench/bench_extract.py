"""Extraction speed: case reports per second in batch mode on one core, and start-up time, against a plain
`medspacy.load()` pipeline over the same texts.

The texts are generated here, on the fly, from sentence templates written for this benchmark (no patient
text is read or stored): each about 4 KB, the length of a case report's case section, and dense: every
sentence holds several facts, so this is the hard case. The same measure is then taken over real published
case reports (`--texts DIR`, every *.txt in it; by default ../shared/cases/dev when it is there), whose rate is
also given per 4 KB of text. Usage:

    .venv/bin/python bench/bench_extract.py [--reports 1000] [--seed 7] [--texts DIR] [--json out.json]

Start-up is measured in a fresh interpreter (import, pipeline build, first text), so the figure is what a
user waits for before the first answer. The batch rates are those of a pipeline that has read a few texts of the
kind before (20 other generated reports; the real reports each once): the rules a text first needs compile then,
and that one-time cost is printed on its own (`*_one_time_cpu_s`), not spread over the batch. The rates depend on how the interpreter was compiled (with or without
profile-guided and link-time optimisation): the interpreter is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time

WARM_REPORTS = 20  # generated reports read before the timed batch
AGES = range(18, 90)
SEXES = [("man", "He", "his"), ("woman", "She", "her"), ("male patient", "He", "his"), ("female patient", "She", "her")]
PRIMARIES = [("renal cell carcinoma", "kidney"), ("adenocarcinoma of the lung", "lung"), ("breast cancer", "breast"),
             ("leiomyosarcoma of the thigh", "thigh"), ("hepatocellular carcinoma", "liver"),
             ("prostate adenocarcinoma", "prostate"), ("multiple myeloma", None), ("follicular thyroid carcinoma", "thyroid")]
LEVELS = ["C3", "C6", "T4", "T5-T7", "D11", "T12", "L1", "L2-L4", "S1", "T9 and T10"]
SENTENCES = [
    "A {age}-year-old {sex} with a history of {primary} presented with {weeks} weeks of {region} pain.",
    "{He} reported numbness of both legs and difficulty walking; there was no bladder or bowel disturbance.",
    "Examination showed mild weakness of the left leg (Frankel D) and reduced sensation below the umbilicus.",
    "MRI of the whole spine showed an osteolytic lesion at {level} with a pathological fracture and epidural extension.",
    "There was no cord compression at {level2}, but the canal was narrowed by the soft-tissue component.",
    "Staging CT of the chest, abdomen and pelvis showed pulmonary metastases and a left adrenal deposit.",
    "A CT-guided biopsy of {level} showed tumour cells positive for CK7 and TTF-1 and negative for CK20 and CDX2.",
    "The Ki-67 index was about 20%, and the tumour was S-100 negative.",
    "{He} underwent posterior decompression and instrumented fusion from {level} to {level2}.",
    "Postoperative radiotherapy of {dose} Gy in {fractions} fractions was delivered to the operated levels.",
    "Systemic therapy with adriamycin and ifosfamide was started three weeks after surgery.",
    "At the {months}-month follow-up {he} walked without aids and the pain had settled.",
    "Laboratory tests showed a haemoglobin of 11.2 g/dL, albumin 3.4 g/dL and a normal calcium.",
    "The family history was notable for colon cancer in {his} father.",
    "If the remaining lesions progress, stereotactic radiotherapy will be considered.",
    "Follow-up imaging at {months2} months showed no new lesions and stable alignment of the construct.",
]


def make_report(rng: random.Random, target_chars: int = 4000) -> str:
    sex, he, his = rng.choice(SEXES)
    primary, _ = rng.choice(PRIMARIES)
    values = {"age": rng.choice(AGES), "sex": sex, "He": he, "he": he.lower(), "his": his, "primary": primary,
              "weeks": rng.randint(1, 20), "region": rng.choice(["neck", "back", "low back", "thoracic"]),
              "level": rng.choice(LEVELS), "level2": rng.choice(LEVELS), "dose": rng.choice([8, 20, 30, 24]),
              "fractions": rng.choice([1, 5, 10, 3]), "months": rng.randint(2, 36), "months2": rng.randint(2, 36)}
    paragraphs, length = [], 0
    while length < target_chars:
        sentences = rng.sample(SENTENCES, k=6)
        paragraph = " ".join(s.format(**values) for s in sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:target_chars]


_STARTUP = {
    "spinemets": "import time; t=time.perf_counter(); from spinemets.extract import extract_text; "
                 "extract_text('A 60-year-old man with an L2 lesion of adenocarcinoma, positive for CK7.'); "
                 "print(time.perf_counter()-t)",
    "medspacy.load": "import time; t=time.perf_counter(); import medspacy; from loguru import logger; logger.disable('PyRuSH'); "
                     "nlp=medspacy.load(); "
                     "nlp('A 60-year-old man with an L2 lesion.'); print(time.perf_counter()-t)",
}


def startup_seconds(which: str, runs: int = 3) -> float:
    """Median start-up over fresh interpreters, pinned to one core where the OS allows it."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _STARTUP[which]], capture_output=True, text=True, check=True,
                             env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"})
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return sorted(times)[len(times) // 2]


def throughput(texts: list[str], warm: list[str]) -> dict[str, float]:
    """Batch rates once each pipeline has read `warm` (other texts of the same kind). The rules compile on their
    first use (a start-up cost: about a quarter of a second for the organ patterns a text first needs), so the
    warm-up pass is timed on its own: its excess over the batch rate is reported as a one-time cost."""
    import logging

    from spinemets.extract import extract_texts, to_schema

    list(extract_texts(warm[:1]))  # the pipeline built and the first text's rules compiled: what start-up measures
    start = time.process_time()
    for extraction in extract_texts(warm[1:]):
        to_schema(extraction)
    warm_cpu = time.process_time() - start
    start, cpu = time.perf_counter(), time.process_time()
    for extraction in extract_texts(texts, batch_size=64):
        to_schema(extraction)
    ours, ours_cpu = time.perf_counter() - start, time.process_time() - cpu
    # what the warm-up cost beyond reading its texts at the batch's rate (chars, not counts: other lengths)
    one_time = warm_cpu - ours_cpu * sum(map(len, warm[1:])) / sum(map(len, texts))

    import medspacy

    logging.getLogger("PyRuSH").setLevel(logging.WARNING)
    from loguru import logger

    logger.disable("PyRuSH")  # its DEBUG line per token would be timed too
    plain = medspacy.load()
    list(plain.pipe(warm))
    start, cpu = time.perf_counter(), time.process_time()
    for _ in plain.pipe(texts, batch_size=64):
        pass
    theirs, theirs_cpu = time.perf_counter() - start, time.process_time() - cpu
    # Wall-clock rates, and rates per second of CPU time (what one idle core would give on a shared machine).
    return {"spinemets_reports_per_s": len(texts) / ours, "medspacy_load_reports_per_s": len(texts) / theirs,
            "spinemets_reports_per_cpu_s": len(texts) / ours_cpu, "spinemets_one_time_cpu_s": one_time,
            "medspacy_load_reports_per_cpu_s": len(texts) / theirs_cpu}


def real_texts(folder: str | None) -> list[str]:
    """Every *.txt of `folder`, or of ../shared/cases/dev beside the repository when no folder is given."""
    from pathlib import Path

    path = Path(folder) if folder else Path(__file__).resolve().parents[2] / "shared" / "cases" / "dev"
    return [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))] if path.is_dir() else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", dest="json_out", default=None)
    parser.add_argument("--texts", default=None, help="a folder of real case reports (*.txt)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    rng = random.Random(args.seed)
    texts = [make_report(rng) for _ in range(args.reports)]
    result = {"reports": len(texts), "mean_chars": round(sum(map(len, texts)) / len(texts))}
    # warm-up: other generated reports (another seed), then the real reports each once (they meet more rules)
    warm_rng = random.Random(args.seed + 1)
    warm = [make_report(warm_rng) for _ in range(WARM_REPORTS)]
    result.update({k: round(v, 2 if k.endswith("_s") and "per" not in k else 1)
                   for k, v in throughput(texts, warm).items()})
    real = real_texts(args.texts)
    if real:
        chars = sum(map(len, real))
        repeated = real * max(1, -(-args.reports // len(real)))  # about as many texts as the synthetic run
        rates = throughput(repeated, real)
        result["real_reports"] = len(real)
        result["real_mean_chars"] = round(chars / len(real))
        for key, value in rates.items():
            if key.endswith("one_time_cpu_s"):
                result[f"real_{key}"] = round(value, 2)
                continue
            result[f"real_{key}"] = round(value, 1)
            # The same rate in reports of 4 KB: characters per second / 4000.
            result[f"real_{key.replace('reports', '4kb_reports')}"] = round(value * chars / len(real) / 4000, 1)
    result["spinemets_startup_s"] = round(startup_seconds("spinemets"), 2)
    result["medspacy_load_startup_s"] = round(startup_seconds("medspacy.load"), 2)
    for key, value in result.items():
        print(f"{key}: {value}")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    # The build of the interpreter moves these rates by a fifth (README, "Speed"): say which one ran.
    print(f"python: {platform.python_implementation()} {platform.python_version()} at {sys.executable}, "
          f"base {os.path.realpath(sys._base_executable)}")
    one_time = max(result.get("spinemets_one_time_cpu_s", 0.0), result.get("real_spinemets_one_time_cpu_s", 0.0))
    print(f"start-up and the rules first met later, together: {result['spinemets_startup_s'] + one_time:.2f} s")
    print(f"targets: >= 200 reports/s ({'met' if result['spinemets_reports_per_s'] >= 200 else 'NOT met'}), "
          f"start-up < 1.5 s ({'met' if result['spinemets_startup_s'] < 1.5 else 'NOT met'})")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=1)


if __name__ == "__main__":
    main()
