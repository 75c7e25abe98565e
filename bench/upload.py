"""A large video through Lectern's upload path, against a plain boto3 upload, in one run.

Run:  .venv/bin/python bench/upload.py [--size-mb 1024]

Both uploads go to the same local S3 endpoint (moto_server on 127.0.0.1):

* lectern - what the admin's uploader does: ask the Django server (a real
            ``runserver`` process) to start a multipart upload, PUT the parts
            straight to S3 six at a time, ask Django to complete and check.
* boto3   - ``upload_file`` of the same file with boto3's default transfer settings.

It prints each throughput, the ratio, and the Django process's memory before the
upload and at its peak (VmHWM), read from /proc. Targets (issue 4): Django grows by
less than 50 MB whatever the size; throughput >= 0.8 x plain boto3.
"""

from __future__ import annotations

import argparse
import base64
import http.cookiejar
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.local_s3 import LocalS3Server, create_bucket, free_port  # noqa: E402

MB = 1024 * 1024
PARALLEL_PARTS = 6  # large_upload.js sends six parts at a time (a browser opens six connections per host)


def make_file(path: Path, size: int) -> None:
    header = b"\0\0\0\x18ftypmp42"
    block = os.urandom(MB)
    with path.open("wb") as handle:
        handle.write(header)
        written = len(header)
        while written < size:
            chunk = block[: min(MB, size - written)]
            handle.write(chunk)
            written += len(chunk)


def memory_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


class Browser:
    """What the editor's browser does, with a session cookie and the CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def csrf(self) -> str:
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def login(self, username: str, password: str) -> None:
        self.opener.open(self.base + "/admin/login/").read()
        data = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": self.csrf()}
        ).encode()
        request = urllib.request.Request(
            self.base + "/admin/login/", data=data, headers={"Referer": self.base + "/admin/login/"}
        )
        self.opener.open(request).read()

    def post_json(self, path: str, payload: dict) -> dict:
        request = urllib.request.Request(
            self.base + path,
            data=json.dumps(payload).encode(),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": self.csrf(),
                "Referer": self.base + "/admin/",
            },
        )
        with self.opener.open(request) as response:
            return json.loads(response.read())


def put_part(browser: Browser, token: str, number: int, path: Path, offset: int, length: int) -> dict:
    """As large_upload.js: read the part, CRC32 it, have Django sign it, PUT it to S3."""
    with path.open("rb") as handle:
        handle.seek(offset)
        data = handle.read(length)
    checksum = base64.b64encode(zlib.crc32(data).to_bytes(4, "big")).decode()
    signed = browser.post_json(
        "/admin/files/large-upload/sign/", {"token": token, "part": number, "crc32": checksum}
    )
    headers = {"Content-Type": "application/octet-stream", **signed["headers"]}
    request = urllib.request.Request(signed["url"], data=data, method="PUT", headers=headers)
    with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310 - loopback
        return {"PartNumber": number, "ETag": response.headers["ETag"], "ChecksumCRC32": checksum}


def lectern_upload(browser: Browser, path: Path, size: int) -> float:
    start = time.perf_counter()
    plan = browser.post_json(
        "/admin/files/large-upload/start/",
        {"filename": path.name, "size": size, "title": "Benchmark", "collection": 1},
    )
    part = plan["part_size"]

    def send(index):
        return put_part(browser, plan["token"], index + 1, path, index * part, min(part, size - index * part))

    with ThreadPoolExecutor(max_workers=PARALLEL_PARTS) as pool:  # as large_upload.js does
        parts = list(pool.map(send, range(plan["parts"])))
    parts_done = time.perf_counter()
    done = browser.post_json("/admin/files/large-upload/complete/", {"token": plan["token"], "parts": parts})
    assert done["document"], done
    end = time.perf_counter()
    print(
        f"  (lectern phases: start+parts {parts_done - start:.2f} s, complete and check {end - parts_done:.2f} s)"
    )
    return end - start


def boto3_upload(endpoint: str, bucket: str, path: Path) -> float:
    import boto3

    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    start = time.perf_counter()
    client.upload_file(str(path), bucket, "plain/" + path.name)
    return time.perf_counter() - start


def start_django(work: Path, s3_url: str) -> tuple[subprocess.Popen, str]:
    """Migrate a fresh database in ``work``, add the editor, and start ``runserver`` on it.

    Returns the server process and its base URL."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "AWS_STORAGE_BUCKET_NAME": "lectern-bench",
        "AWS_S3_ENDPOINT_URL": s3_url,
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model as m; m().objects.create_superuser('bench', 'b@example.org', 'bench-pass')",
        ],
        env=env,
        check=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return server, f"http://127.0.0.1:{port}"


def wait_for(base: str) -> None:
    """Until the server answers (20 s at most)."""
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/admin/login/", timeout=1)  # noqa: S310
            break
        except OSError:
            time.sleep(0.2)


def compare_uploads(server: subprocess.Popen, base: str, s3_url: str, path: Path, size: int):
    """Upload a file of ``size`` bytes both ways; the Django process's memory around Lectern's.

    Returns (memory before in kB, Lectern's seconds, peak memory in kB, plain boto3's seconds)."""
    wait_for(base)
    make_file(path, size)
    browser = Browser(base)
    browser.login("bench", "bench-pass")
    before = memory_kb(server.pid, "VmRSS")
    lectern_seconds = lectern_upload(browser, path, size)
    peak = memory_kb(server.pid, "VmHWM")
    plain_seconds = boto3_upload(s3_url, "lectern-bench", path)
    return before, lectern_seconds, peak, plain_seconds


def report(size_mb: int, before: int, lectern_seconds: float, peak: int, plain_seconds: float) -> None:
    lectern_rate, plain_rate = size_mb / lectern_seconds, size_mb / plain_seconds  # MB/s
    print(f"file size: {size_mb} MB")
    print(f"  lectern path   {lectern_seconds:7.2f} s   {lectern_rate:8.1f} MB/s")
    print(f"  plain boto3    {plain_seconds:7.2f} s   {plain_rate:8.1f} MB/s")
    print(f"throughput lectern / boto3: {lectern_rate / plain_rate:.2f}x   (target >= 0.8x)")
    print(
        f"Django process memory: {before / 1024:.1f} MB before, peak {peak / 1024:.1f} MB, "
        f"growth {(peak - before) / 1024:.1f} MB   (target < 50 MB)"
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mb", type=int, default=1024)
    args = parser.parse_args()
    size = args.size_mb * MB

    work = Path(tempfile.mkdtemp(prefix="lectern-upload-bench-"))
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")
    s3 = LocalS3Server()
    s3.start()
    create_bucket(s3.url, "lectern-bench")
    server, base = start_django(work, s3.url)
    try:
        results = compare_uploads(server, base, s3.url, work / "keynote.mp4", size)
    finally:
        server.terminate()
        s3.stop()
        for leftover in work.iterdir():
            leftover.unlink()
        work.rmdir()
    report(args.size_mb, *results)


if __name__ == "__main__":
    main()
