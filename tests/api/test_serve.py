"""`spinemets serve` as a real process: one worker and several, the same answers, the token required."""

from __future__ import annotations

import httpx
import pytest

from tests.store.live_server import Server, create_token, service_env


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_answers_on_loopback(tmp_path, workers, seed_data):
    env = service_env(f"sqlite:///{tmp_path / 'serve.db'}", tmp_path)
    env.update({"SPINEMETS_WORKERS": workers, "SPINEMETS_WARM_UP": "0"})
    token = create_token(env)
    server = Server(env, tmp_path / "server.log").start()
    try:
        assert httpx.post(server.url + "/v1/analyze", json={"case": seed_data}).status_code == 401
        for _ in range(4):  # with two workers, both get a share
            response = httpx.post(server.url + "/v1/analyze", json={"case": seed_data},
                                  headers={"Authorization": f"Bearer {token}"}, timeout=60)
            assert response.status_code == 200 and response.json()["case"]["index_level"] == "C6"
    finally:
        server.stop()
    log = (tmp_path / "server.log").read_text()
    assert f"with {workers} worker(s)" in log
    assert log.count("POST /v1/analyze 200") == 4  # the request log works in every worker
    assert "Leiomyosarcoma metastatic" not in log  # the case title is patient text: never logged
