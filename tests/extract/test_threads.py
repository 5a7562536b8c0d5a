"""The service warms the extractor up in a thread while the first notes may already be read: the lazily built
pipeline must be whole for every thread that uses it (a half-built component list once let a pasted case report
come out with its age and nothing else)."""

from __future__ import annotations

import json
import subprocess
import sys

_SCRIPT = r"""
import json, sys, threading
from spinemets.extract import extract_text, to_schema
text = sys.stdin.read()
barrier = threading.Barrier(8)
results = [None] * 8
def work(i):
    barrier.wait()  # all threads reach the lazy pipeline at once, in a fresh interpreter
    results[i] = to_schema(extract_text(text))
threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps([{k: r[k] for k in ("age", "primary_tumor", "spinal_levels", "ihc_positive")} for r in results]))
"""


def test_threads_reading_at_start_up_all_get_the_whole_pipeline(shared_dir) -> None:
    text = (shared_dir / "seed" / "leiomyosarcoma-cervical-spine-case-report.md").read_text(encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _SCRIPT], input=text, capture_output=True, text=True, check=True,
                         timeout=300)
    results = json.loads(out.stdout)
    expected = {"age": 45, "primary_tumor": "leiomyosarcoma",
                "spinal_levels": ["C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2"], "ihc_positive": ["SMA", "desmin"]}
    assert results == [expected] * 8
