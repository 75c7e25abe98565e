"""The load test: simulated learners against gunicorn + PostgreSQL + Redis on this machine.

Run:  DATABASE_URL=postgres://lectern:lectern@127.0.0.1:5432/lectern \\
      .venv/bin/python bench/load.py [--minutes 10] [--users 50] [--skip-throughput] [--skip-nginx]

1. bench/stack.py prepares the demo course in a fresh database, with Redis as the cache.
2. Throughput (bench/throughput.py): anonymous cached topic against a static file.
3. Locust (bench/locustfile.py), headless, ``--users`` learners for ``--minutes`` against
   one gunicorn instance with 2 workers; then the same against two instances (2 workers
   each) behind the sample nginx configuration (deploy/nginx.conf) over HTTPS.
Each run prints p50/p95 per request type, errors, and the servers' memory (RSS of
every gunicorn process, summed) after the warm-up and at the end, with the targets:
0 errors, p95 <= 300 ms per request type, RSS growth < 10 % after warm-up.
Everything listens on 127.0.0.1 only; the run is bounded by ``--minutes``.
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.stack import ROOT, Stack  # noqa: E402
from bench.throughput import run_throughput  # noqa: E402
from tests.support.local_s3 import free_port  # noqa: E402
from tests.support.nginx import loopback_site, write_config  # noqa: E402
from tests.support.servers import stop_process, wait_for_port  # noqa: E402

P95_TARGET_MS = 300


class MemoryWatch(threading.Thread):
    """Samples the summed RSS of the given servers and their workers every few seconds."""

    def __init__(self, processes, every=5.0):
        super().__init__(daemon=True)
        self.processes, self.every, self.samples, self.running = processes, every, [], True

    def rss(self) -> int:
        total = 0
        for process in self.processes:
            parent = psutil.Process(process.pid)
            for member in [parent, *parent.children(recursive=True)]:
                try:
                    total += member.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
        return total

    def run(self):
        started = time.monotonic()
        while self.running:
            self.samples.append((time.monotonic() - started, self.rss()))
            time.sleep(self.every)


def run_locust(stack, host, args, label) -> list[dict]:
    prefix = stack.folder / f"locust-{label}"
    command = [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless"]
    minutes = args.nginx_minutes if label == "nginx" and args.nginx_minutes else args.minutes
    command += ["-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{int(minutes * 60)}s"]
    command += ["--host", host, "--csv", str(prefix), "--only-summary", "--stop-timeout", "10"]
    env = {"LECTERN_LOAD_PLAN": str(stack.folder / "plan.json"), "LECTERN_LOAD_LEARNERS": str(stack.learners)}
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True)
    (stack.folder.parent / f"lectern-locust-{label}.log").write_text(result.stdout + result.stderr)
    with open(f"{prefix}_stats.csv") as stats:
        return list(csv.DictReader(stats))


def print_table(rows) -> tuple[int, list[str]]:
    print(f"  {'request type':<18} {'count':>7} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7}")
    slow = []
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all"
        print(
            f"  {name:<18} {row['Request Count']:>7} {row['Failure Count']:>6} {row['50%']:>7} {row['95%']:>7}"
        )
        if name != "all" and float(row["95%"]) > P95_TARGET_MS:
            slow.append(name)
    total_errors = sum(int(row["Failure Count"]) for row in rows if row["Name"] == "Aggregated")
    return total_errors, slow


def print_memory(watch, warm_up) -> float:
    after_warm_up = next((rss for at, rss in watch.samples if at >= warm_up), watch.samples[-1][1])
    final = watch.samples[-1][1]
    growth = (final - after_warm_up) / after_warm_up * 100
    print(
        f"  server RSS: {after_warm_up / 2**20:.0f} MB after {warm_up} s warm-up, {final / 2**20:.0f} MB at the end"
    )
    return growth


def load_phase(stack, host, servers, args, label) -> None:
    minutes = args.nginx_minutes if label.startswith("nginx") and args.nginx_minutes else args.minutes
    print(f"\nLoad: {args.users} learners for {minutes} min, {label}", flush=True)
    watch = MemoryWatch(servers)
    watch.start()
    rows = run_locust(stack, host, args, label.split()[0])
    watch.running = False
    errors, slow = print_table(rows)
    growth = print_memory(watch, args.warm_up)
    print(f"  errors: {errors} (target 0)  {'met' if errors == 0 else 'NOT MET'}")
    verdict = "met" if not slow else "NOT MET: " + ", ".join(slow)
    print(f"  p95 <= {P95_TARGET_MS} ms for every request type: {verdict}")
    print(
        f"  RSS growth after warm-up: {growth:+.1f} % (target < 10 %)  {'met' if growth < 10 else 'NOT MET'}"
    )


def behind_nginx(stack, args):
    """Two gunicorn instances behind deploy/nginx.conf on loopback; returns (host, processes)."""
    upstreams = [stack.gunicorn(workers=2) for _ in range(2)]
    folder = stack.folder / "nginx"
    folder.mkdir()
    port = free_port()
    site = loopback_site(folder, [address for address, _ in upstreams], free_port(), port, folder)
    main = write_config(folder, site, workers=1)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen([nginx, "-c", str(main), "-p", str(folder), "-g", "daemon off;"])
    wait_for_port(port, process, "nginx")
    return f"https://127.0.0.1:{port}", [p for _, p in upstreams], process


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--warm-up", type=int, default=60, help="seconds before the RSS baseline")
    parser.add_argument(
        "--nginx-minutes", type=float, default=None, help="length of the nginx run (--minutes)"
    )
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-nginx", action="store_true")
    args = parser.parse_args()
    stack = Stack(learners=args.users)
    try:
        print("Preparing the demo course…", flush=True)
        stack.prepare()
        (stack.folder / "plan.json").write_text(json.dumps(stack.plan))
        print(stack.describe(), flush=True)
        if not args.skip_throughput and shutil.which("wrk"):
            run_throughput(stack, seconds=10, rounds=3)
        address, process = stack.gunicorn(workers=2)
        load_phase(stack, f"http://{address}", [process], args, "one gunicorn instance, 2 workers")
        stop_process(process)
        if not args.skip_nginx and (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
            host, upstreams, nginx = behind_nginx(stack, args)
            try:
                load_phase(stack, host, upstreams, args, "nginx + two gunicorn instances, 2 workers each")
            finally:
                stop_process(nginx)
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
