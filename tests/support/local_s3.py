"""A real S3 HTTP endpoint on this machine, for the test run and the benchmarks.

``moto_server`` (dev requirement) answers the S3 API on a free 127.0.0.1 port; the
project reaches it through boto3 and django-storages exactly as it reaches AWS, so
nothing is patched in-process. A server lives as long as the process that started
it, or until ``stop()`` — which is how the fault tests take the store away.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalS3Server:
    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> str:
        if self.running:
            return self.url
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        atexit.register(self.stop)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1)  # noqa: S310 - loopback only
                return self.url
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("moto_server exited at start-up: is moto[server] installed?") from None
                time.sleep(0.1)
        raise RuntimeError(f"moto_server did not answer on {self.url} within 30 s")

    def stop(self) -> None:
        if self.running:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None


_default = LocalS3Server()


def start() -> str:
    """Start this process's shared endpoint (once); returns its URL."""
    return _default.start()


def stop() -> None:
    _default.stop()


def environment(bucket: str = "lectern-test") -> dict:
    """Environment variables that point the project at this process's endpoint."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": start(),
        "AWS_ACCESS_KEY_ID": os.environ.get("AWS_ACCESS_KEY_ID", "testing"),
        "AWS_SECRET_ACCESS_KEY": os.environ.get("AWS_SECRET_ACCESS_KEY", "testing"),
        "AWS_S3_REGION_NAME": "us-east-1",
    }


def create_bucket(endpoint: str, bucket: str) -> None:
    import boto3

    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    try:
        s3.create_bucket(Bucket=bucket)
    except s3.exceptions.BucketAlreadyOwnedByYou:
        pass
