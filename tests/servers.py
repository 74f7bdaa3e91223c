"""Real servers for end-to-end tests: the Rasa server (python -m bot.server) and the
action server, started as subprocesses on free localhost ports."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, Optional

import requests

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 180


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningServer:
    def __init__(self, process: subprocess.Popen, port: int, log_path: Path) -> None:
        self.process = process
        self.port = port
        self.log_path = log_path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self, timeout: float = 30) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _spawn(args: list, env: Dict[str, str], log_path: Path) -> subprocess.Popen:
    full_env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", **env}
    log = open(log_path, "wb")
    return subprocess.Popen(args, cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT)


def _wait_until(url: str, process: subprocess.Popen, log_path: Path, ready) -> None:
    """Wait for `ready`; on failure the process is killed (no orphans) and its log shown."""
    deadline = time.time() + START_TIMEOUT_S
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}):\n{log_path.read_text()[-4000:]}")
        try:
            if ready(requests.get(url, timeout=2)):
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    process.kill()
    process.wait()
    raise RuntimeError(f"server not ready after {START_TIMEOUT_S}s:\n{log_path.read_text()[-4000:]}")


@contextmanager
def rasa_server(tmp_dir: Path, env: Optional[Dict[str, str]] = None, port: Optional[int] = None) -> Iterator[RunningServer]:
    server = start_rasa_server(tmp_dir, env, port)
    try:
        yield server
    finally:
        server.stop()


def start_rasa_server(tmp_dir: Path, env: Optional[Dict[str, str]] = None, port: Optional[int] = None) -> RunningServer:
    port = port or free_port()
    log_path = tmp_dir / f"rasa-{port}.log"
    env = {"PORT": str(port), "HOST": "127.0.0.1", **(env or {})}
    process = _spawn([sys.executable, "-m", "bot.server"], env, log_path)
    _wait_until(
        f"http://127.0.0.1:{port}/health", process, log_path,
        lambda r: r.headers.get("content-type", "").startswith("application/json") and r.json().get("model_loaded"),
    )
    return RunningServer(process, port, log_path)


@contextmanager
def action_server(tmp_dir: Path, env: Optional[Dict[str, str]] = None) -> Iterator[RunningServer]:
    port = free_port()
    log_path = tmp_dir / f"actions-{port}.log"
    process = _spawn([sys.executable, "-m", "bot.serving.action_server", "--actions", "actions", "--port", str(port)], env or {}, log_path)
    _wait_until(f"http://127.0.0.1:{port}/health", process, log_path, lambda r: r.status_code == 200)
    server = RunningServer(process, port, log_path)
    try:
        yield server
    finally:
        server.stop()
