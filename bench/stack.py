"""The site as production runs it, on loopback, for the throughput and load benchmarks.

gunicorn serves ``bench.settings`` (the demo stack, DEBUG off) on the demo course,
with PostgreSQL when ``DATABASE_URL`` names it (a database of its own, made afresh),
else a throw-away SQLite file, and a real redis-server as the shared cache when one
is installed. Nothing listens beyond 127.0.0.1 and everything stops with the script.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.local_s3 import free_port  # noqa: E402
from tests.support.servers import RedisServer, stop_process, wait_for_port  # noqa: E402

PREPARE = """
import json
from django.contrib.auth import get_user_model
from django.core.management import call_command
from cms.models import CoursePage, TopicPage
call_command("migrate", verbosity=0)
call_command("load_demo_course", verbosity=0)
User = get_user_model()
for n in range(1, {learners} + 1):
    user, _ = User.objects.get_or_create(username=f"learner{{n}}", defaults={{"email": f"learner{{n}}@example.org"}})
    user.set_password("load-test-pw")
    user.save()
    from django.apps import apps
    if apps.is_installed("allauth.account"):  # allauth (once merged) lets only verified addresses in
        from allauth.account.models import EmailAddress
        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={{"verified": True, "primary": True}})
course = CoursePage.objects.live().filter(locale__language_code="en").first()
topics = TopicPage.objects.live().descendant_of(course).filter(locale__language_code="en")
exercises = [
    {{"page": t.pk, "block": child.id, "url": t.url}}
    for t in topics for child in t.body if child.block_type == "exercise"
]
json.dump({{
    "course": course.url, "outline": course.url + "outline/",
    "topics": [t.url for t in topics], "exercises": exercises,
    "topic_ids": {{t.url: t.pk for t in topics}},
}}, open({plan_path!r}, "w"))
"""


class Stack:
    """Database, Redis and gunicorn instances for one benchmark run."""

    def __init__(self, redis: bool = True, learners: int = 60):
        self.folder = Path(tempfile.mkdtemp(prefix="lectern-stack-"))
        self.environment = {
            "DJANGO_SETTINGS_MODULE": "bench.server_settings",
            "LECTERN_BENCH_DIR": str(self.folder),
        }
        self.learners = learners
        self.redis = (
            RedisServer(shutil.which("redis-server")) if redis and shutil.which("redis-server") else None
        )
        self.servers: list[subprocess.Popen] = []
        self.plan: dict = {}

    def describe(self) -> str:
        database = "PostgreSQL" if "DATABASE_URL" in self.environment else "SQLite"
        cache = "Redis" if self.redis else "local memory (no redis-server installed)"
        return f"database {database}, cache {cache}"

    def prepare(self) -> dict:
        if os.environ.get("DATABASE_URL", "").startswith("postgres"):
            self.environment["DATABASE_URL"] = fresh_postgres_database(os.environ["DATABASE_URL"])
        if self.redis:
            self.environment["REDIS_URL"] = self.redis.start().url
        plan_path = self.folder / "plan.json"
        code = PREPARE.format(learners=self.learners, plan_path=str(plan_path))
        self.run_python(["-c", f"import django; django.setup()\n{code}"])
        self.plan = json.loads(plan_path.read_text())
        return self.plan

    def run_python(self, arguments) -> subprocess.CompletedProcess:
        env = {**os.environ, **self.environment}
        result = subprocess.run(
            [sys.executable, *arguments], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise SystemExit(f"Preparing the site failed:\n{result.stderr[-3000:]}")
        return result

    def gunicorn(self, workers: int = 2) -> tuple[str, subprocess.Popen]:
        port = free_port()
        command = [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        command += ["--workers", str(workers), "--timeout", "60"]
        log = open(self.folder / f"gunicorn-{port}.log", "wb")  # noqa: SIM115 - kept open while it runs
        process = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, **self.environment}, stdout=log, stderr=log
        )
        wait_for_port(port, process, "gunicorn", timeout=90)
        self.servers.append(process)
        return f"127.0.0.1:{port}", process

    def stop(self) -> None:
        for process in self.servers:
            stop_process(process)
        if self.redis:
            self.redis.stop()
        if "DATABASE_URL" in self.environment:
            drop_postgres_database(self.environment["DATABASE_URL"])
        shutil.rmtree(self.folder, ignore_errors=True)


def _admin_connection(url: str):
    import psycopg

    base, _, _name = url.rpartition("/")
    return psycopg.connect(f"{base}/postgres", autocommit=True)


def fresh_postgres_database(url: str) -> str:
    """A new database beside the one DATABASE_URL names, so a benchmark never touches real data."""
    name = f"lectern_bench_{os.getpid()}_{int(time.time())}"
    with _admin_connection(url) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{url.rpartition('/')[0]}/{name}"


def drop_postgres_database(url: str) -> None:
    name = url.rpartition("/")[2]
    with _admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
