"""Benchmark: every score for 1,000,000 synthetic patients through the cohort path, on one core.

Reports patients per second for the vectorized path (typed Parquet input, and text CSV input), for a
per-row loop over the per-case functions (on a sample, extrapolated), their ratio, and peak memory.
Run: .venv/bin/python bench/bench_cohort.py [--rows N] [--sample N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("POLARS_MAX_THREADS", "1")  # "on one core": before Polars is imported


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000, help="rows for the per-row loop")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "cohort.json")
    args = parser.parse_args()

    import polars as pl

    from spinemets import cohort

    report: dict[str, object] = {"rows": args.rows, "polars_threads": os.environ["POLARS_MAX_THREADS"],
                                 "python": sys.version.split()[0]}
    typed = cohort.synthetic_frame(args.rows, seed=42, typed=True)
    with tempfile.TemporaryDirectory() as tmp:
        parquet, csv, output = Path(tmp) / "c.parquet", Path(tmp) / "c.csv", Path(tmp) / "scores.parquet"
        typed.write_parquet(parquet)
        cohort.synthetic_frame(args.rows, seed=42).write_csv(csv)

        scorer = cohort.CohortScorer()
        started = time.perf_counter()
        scorer.score(typed)
        cold = time.perf_counter() - started
        report["combinations_evaluated_by_the_per_case_code"] = scorer.combinations_evaluated
        started = time.perf_counter()
        scorer.score(typed)
        warm = time.perf_counter() - started
        report["scoring_only_typed_cold_s"] = round(cold, 3)
        report["scoring_only_typed_warm_s"] = round(warm, 3)
        report["scoring_only_typed_warm_patients_per_s"] = round(args.rows / warm)

        for name, path in (("parquet", parquet), ("csv", csv)):
            started = time.perf_counter()
            result = cohort.score_frame(cohort.read_table(path))
            cohort.write_table(result.scored, output)
            elapsed = time.perf_counter() - started
            report[f"end_to_end_{name}_s"] = round(elapsed, 3)
            report[f"end_to_end_{name}_patients_per_s"] = round(args.rows / elapsed)
            report[f"end_to_end_{name}_rejected_rows"] = result.rejected.height
        report["peak_rss_mb_after_vectorized"] = round(peak_rss_mb(), 1)

    sample = cohort.synthetic_frame(args.sample, seed=7).to_dicts()
    started = time.perf_counter()
    for row in sample:
        try:
            cohort.score_row(row)
        except Exception:  # a contradictory row costs its validation all the same
            pass
    loop = time.perf_counter() - started
    report["per_row_loop_patients_per_s"] = round(args.sample / loop, 1)
    report["speedup_scoring_only_vs_loop"] = round((args.rows / warm) / (args.sample / loop))
    report["speedup_end_to_end_parquet_vs_loop"] = round(report["end_to_end_parquet_patients_per_s"]
                                                         / (args.sample / loop))
    report["load_average_at_end"] = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    del pl


if __name__ == "__main__":
    main()
