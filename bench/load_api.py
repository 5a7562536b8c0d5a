"""Bounded load test of POST /v1/analyze on loopback: p50/p99 latency and throughput.

Starts `spinemets serve` on a free 127.0.0.1 port with a throwaway SQLite database, creates a token, then:
  1. open loop at a fixed rate (default 100 requests/s for 10 s) with the structured seed case: each
     request's latency counts from when it was *due*, so a slow server cannot hide queueing delay;
  2. the same with the seed case report as a note (skipped when the note is not found);
  3. closed loop with a few concurrent clients for the highest throughput.
Nothing leaves the machine. Usage:
    .venv/bin/python bench/load_api.py [--rate 25,50,100] [--seconds 10] [--workers 2] [--json out.json]
"""

from __future__ import annotations

import argparse
import os
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import httpx
import yaml

REPO = Path(__file__).resolve().parents[1]


def _live_server_module():
    """The tests' helper that starts `spinemets serve` (loaded by path: `tests` is not an installed package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("live_server", REPO / "tests" / "store" / "live_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_live = _live_server_module()
Server, create_token, service_env = _live.Server, _live.create_token, _live.service_env

SEED_CASE = REPO / "examples" / "leiomyosarcoma-c6.yaml"
SEED_NOTE = REPO.parent / "shared" / "seed" / "leiomyosarcoma-cervical-spine-case-report.md"


def _cpu_seconds(pid: int) -> float:
    """CPU time of the server and its worker processes so far (Linux /proc), to report CPU per request."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:  # fields[1] is the parent pid
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
    return total


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def _summary(name: str, latencies_ms: list[float], errors: int, elapsed_s: float) -> dict:
    return {"run": name, "requests": len(latencies_ms) + errors, "errors": errors,
            "throughput_rps": round(len(latencies_ms) / elapsed_s, 1),
            "p50_ms": round(statistics.median(latencies_ms), 2) if latencies_ms else None,
            "p99_ms": round(_percentile(latencies_ms, 99), 2) if latencies_ms else None,
            "max_ms": round(max(latencies_ms), 2) if latencies_ms else None}


async def open_loop(url: str, headers: dict, body: dict, rate: float, seconds: float, name: str) -> dict:
    latencies: list[float] = []
    errors = 0
    kinds: dict[str, int] = {}
    total = int(rate * seconds)
    # A request due while every connection is busy waits in the client; its latency still counts from when
    # it was due. 32 keep-alive connections are more than two workers can serve at once.
    limits = httpx.Limits(max_connections=32, max_keepalive_connections=32)
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30, limits=limits) as client:
        await client.post("/v1/analyze", json=body)  # warm up: lazy imports, tables, connections

        async def one(due: float) -> None:
            nonlocal errors
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            try:
                response = await client.post("/v1/analyze", json=body)
                kind = "ok" if response.status_code == 200 else f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                kind = type(exc).__name__
            if kind == "ok":
                latencies.append((time.perf_counter() - due) * 1000)
            else:
                errors += 1
                kinds[kind] = kinds.get(kind, 0) + 1

        start = time.perf_counter() + 0.2
        await asyncio.gather(*(one(start + i / rate) for i in range(total)))
        elapsed = time.perf_counter() - start
    result = _summary(name, latencies, errors, elapsed)
    result["offered_rps"] = rate
    result["error_kinds"] = kinds
    return result


async def closed_loop(url: str, headers: dict, body: dict, concurrency: int, seconds: float, name: str) -> dict:
    latencies: list[float] = []
    errors = 0
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as client:
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                sent = time.perf_counter()
                try:
                    ok = (await client.post("/v1/analyze", json=body)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                if ok:
                    latencies.append((time.perf_counter() - sent) * 1000)
                else:
                    errors += 1

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    result = _summary(name, latencies, errors, elapsed)
    result["concurrency"] = concurrency
    return result


async def main_async(args: argparse.Namespace, url: str, headers: dict, pid: int) -> list[dict]:
    case = {"case": yaml.safe_load(SEED_CASE.read_text(encoding="utf-8"))}
    runs = [("structured case, open loop", open_loop(url, headers, case, rate, args.seconds, ""))
            for rate in args.rate]
    if SEED_NOTE.exists():
        note = {"text": SEED_NOTE.read_text(encoding="utf-8")}
        runs.append(("seed note, open loop", open_loop(url, headers, note, args.note_rate, args.seconds, "")))
    runs.append(("structured case, closed loop", closed_loop(url, headers, case, args.concurrency, args.seconds, "")))
    # Let every worker finish its start-up work (migrations, the extraction pipeline's warm-up) first.
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=120) as client:
        warm = {"text": "A 61-year-old woman with a lytic lesion at T8."}
        await asyncio.gather(*(client.post("/v1/analyze", json=warm) for _ in range(2 * args.workers)))
    results = []
    for name, run in runs:
        cpu_before = _cpu_seconds(pid)
        result = await run
        result["run"] = name
        # Includes the one warm-up request of open-loop runs; negligible against hundreds.
        result["server_cpu_ms_per_request"] = round((_cpu_seconds(pid) - cpu_before) * 1000
                                                    / max(1, result["requests"]), 2)
        results.append(result)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=lambda text: [float(r) for r in text.split(",")], default=[100.0],
                        help="offered requests/s for the structured case; several as 25,50,100")
    parser.add_argument("--note-rate", type=float, default=10.0, help="offered requests/s for the note")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (SPINEMETS_WORKERS)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory() as folder:
        env = service_env(f"sqlite:///{Path(folder) / 'load.db'}", Path(folder))
        env["SPINEMETS_LOG_LEVEL"] = "warning"
        env["SPINEMETS_WORKERS"] = str(args.workers)
        headers = {"Authorization": f"Bearer {create_token(env, 'load')}"}
        server = Server(env, Path(folder) / "server.log").start()
        try:
            results = asyncio.run(main_async(args, server.url, headers, server.process.pid))
        finally:
            server.stop()
    print(f"machine: {os.cpu_count()} cores, load average before the run {load_before}; "
          f"server workers: {args.workers}")
    print(f"{'run':30} {'offered':>8} {'req':>6} {'err':>4} {'rps':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
          f"{'cpu ms/req':>10}")
    for r in results:
        offered = f"{r['offered_rps']:g}/s" if "offered_rps" in r else f"c={r['concurrency']}"
        print(f"{r['run']:30} {offered:>8} {r['requests']:>6} {r['errors']:>4} {r['throughput_rps']:>7} "
              f"{r['p50_ms']!s:>8} {r['p99_ms']!s:>8} {r['max_ms']!s:>8} {r['server_cpu_ms_per_request']:>10}")
        if r.get("error_kinds"):
            print(f"{'':30} errors: {r['error_kinds']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
