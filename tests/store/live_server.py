"""Starting a real `spinemets serve` process on a free loopback port, for tests that need one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def service_env(database_url: str, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"SPINEMETS_DATABASE_URL": database_url, "SPINEMETS_DATA_DIR": str(data_dir)})
    env.pop("SPINEMETS_CONFIG", None)
    return env


def create_token(env: dict[str, str], name: str = "tester") -> str:
    done = subprocess.run([str(BIN / "spinemets"), "token", "create", name], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout.strip()


class Server:
    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env = env
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def start(self, timeout_s: float = 30) -> "Server":
        log = self.log_path.open("ab")
        self.process = subprocess.Popen([str(BIN / "spinemets"), "serve", "--port", str(self.port)], env=self.env,
                                        stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not answer /healthz in time")

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flush: what a power cut or OOM killer does to the process."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
