"""No acknowledged write is lost: kill -9 the server in the middle of a burst of writes, start it again,
and every case it answered 201 for is there, intact. Run on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import time

import httpx

from tests.store.live_server import Server, create_token, service_env

WRITERS = 6
KILL_AFTER_ACKNOWLEDGED = 30
BURST_TIMEOUT_S = 120


def _case(writer: int, n: int) -> dict:
    return {"title": f"burst {writer}-{n}", "patient": {"age_years": 20 + n % 70},
            "lesions": [{"level": ["C6", "T8", "L2"][n % 3], "pathological_fracture": n % 2 == 0}],
            "notes": [f"writer {writer} case {n}"]}


def test_every_acknowledged_case_survives_kill_9(database_url, tmp_path):
    env = service_env(database_url, tmp_path)
    token = create_token(env)
    headers = {"Authorization": f"Bearer {token}"}
    server = Server(env, tmp_path / "server.log").start()
    acknowledged: dict[str, dict] = {}
    failures_after_kill = []
    stop = threading.Event()
    lock = threading.Lock()

    def write(writer: int) -> None:
        with httpx.Client(base_url=server.url, headers=headers, timeout=10) as client:
            n = 0
            while not stop.is_set():
                body = _case(writer, n)
                try:
                    response = client.post("/v1/cases", json={"case": body})
                except httpx.HTTPError as exc:
                    failures_after_kill.append(type(exc).__name__)
                    return
                assert response.status_code == 201, response.text
                with lock:
                    acknowledged[response.json()["id"]] = response.json()["case"]
                n += 1

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    try:
        # One write first, so the burst measures storage, not the first request's lazy imports.
        httpx.post(server.url + "/v1/cases", json={"case": _case(99, 0)}, headers=headers, timeout=60)
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + BURST_TIMEOUT_S
        while len(acknowledged) < KILL_AFTER_ACKNOWLEDGED and time.monotonic() < deadline:
            time.sleep(0.02)
        server.kill()  # while the writers are still sending
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        assert failures_after_kill, "the kill should have cut off requests in flight"
        assert len(acknowledged) >= KILL_AFTER_ACKNOWLEDGED, f"only {len(acknowledged)} writes acknowledged"

        restarted = Server(env, tmp_path / "server.log").start()
        try:
            with httpx.Client(base_url=restarted.url, headers=headers, timeout=10) as client:
                listed = {c["id"] for c in client.get("/v1/cases", params={"limit": 500}).json()["cases"]}
                assert len(acknowledged) < 500 and not set(acknowledged) - listed
                for case_id, stored in acknowledged.items():
                    response = client.get(f"/v1/cases/{case_id}")
                    assert response.status_code == 200
                    assert response.json()["case"] == stored
                    assert response.json()["analysis_count"] == 1
        finally:
            restarted.stop()
    finally:
        stop.set()
        server.stop()
