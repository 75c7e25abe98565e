"""Real servers a test starts on free loopback ports: redis-server and gunicorn.

A server lives as long as its fixture, or until ``stop()``: that is how the readiness
tests take Redis away. Outside CI a missing ``redis-server`` skips the tests that need
it, with a message; on CI (``CI=true``) it is an error, since .ci/run installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.local_s3 import free_port

ROOT = Path(__file__).resolve().parent.parent.parent


def required_on_ci(program: str, why: str) -> str:
    """The program's path, or skip (outside CI) or fail (on CI) saying how to get it."""
    path = shutil.which(program) or (
        f"/usr/sbin/{program}" if os.path.exists(f"/usr/sbin/{program}") else None
    )
    if path:
        return path
    message = f"{program} is not installed ({why}): apt-get install {program}"
    if os.environ.get("CI") == "true" or os.environ.get("LECTERN_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def wait_for_port(port: int, process: subprocess.Popen, name: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited at start-up with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{name} did not listen on 127.0.0.1:{port} within {timeout} s")


def stop_process(process: subprocess.Popen | None) -> None:
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class RedisServer:
    """A redis-server with no persistence, on a free loopback port."""

    def __init__(self, program: str):
        self.program = program
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.password = ""
        self.process: subprocess.Popen | None = None

    def start(self) -> RedisServer:
        arguments = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        if self.password:
            arguments += ["--requirepass", self.password]
        self.process = subprocess.Popen(
            [self.program, *arguments, "--dir", tempfile.gettempdir()],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process, "redis-server")
        return self

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None


class GunicornServer:
    """The site under gunicorn, as production runs it, with the environment it is given."""

    def __init__(self, environment: dict, workers: int = 1):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.environment = environment
        self.workers = workers
        self.process: subprocess.Popen | None = None
        self.log = tempfile.NamedTemporaryFile(prefix="lectern-gunicorn-", suffix=".log", delete=False)

    def launch(self) -> GunicornServer:
        """Start without waiting, so that several servers start side by side."""
        command = [sys.executable, "-m", "gunicorn", "cms.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers), "--timeout", "60"]
        env = {**os.environ, **self.environment}
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=self.log)
        return self

    def wait(self) -> GunicornServer:
        wait_for_port(self.port, self.process, "gunicorn", timeout=90)
        return self

    def get(self, path: str, **headers):
        request = urllib.request.Request(self.url + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - loopback
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), dict(error.headers)

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None

    def output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")
