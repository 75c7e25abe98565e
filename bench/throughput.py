"""Anonymous cached topic against WhiteNoise's static file: requests per second, same run.

Run:  .venv/bin/python bench/throughput.py [--seconds 10] [--rounds 3]
      (DATABASE_URL=postgres://… for PostgreSQL; Redis is used when redis-server is installed)

gunicorn with 2 workers serves the demo course (bench/stack.py). ``wrk`` (Debian
package) loads each address over loopback with 2 threads and 8 connections for
``--seconds``, alternating static file and topic for ``--rounds`` rounds so that noise
from other work on the machine hits both alike. It prints requests per second and
median latency per round, and the ratio topic / static (target >= 0.5, issue 15).
The topic is asked for anonymously, as a learner without an account gets it: from
the full-page cache, its ETag unknown to the client (no 304s).
"""

import argparse
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.stack import Stack  # noqa: E402
from tests.support.servers import stop_process  # noqa: E402

STATIC_FILE = "/static/css/lectern.css"


def wrk(url: str, seconds: int) -> tuple[float, str]:
    """(requests per second, median latency) of one bounded wrk run."""
    result = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", url], capture_output=True, text=True, check=True
    )
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    median = re.search(r"50%\s+(\S+)", result.stdout).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{result.stdout}")
    return rate, median


def measure(address: str, topic: str, seconds: int, rounds: int) -> dict:
    pages = {"static file (WhiteNoise)": STATIC_FILE, "anonymous cached topic": topic}
    for path in pages.values():  # warm up: the page is rendered and stored once per worker
        wrk(f"http://{address}{path}", 5)
    rates = {name: [] for name in pages}
    for round_number in range(1, rounds + 1):
        for name, path in pages.items():
            rate, median = wrk(f"http://{address}{path}", seconds)
            rates[name].append(rate)
            print(f"  round {round_number}  {name:<26} {rate:8.0f} req/s   median latency {median}")
    return {name: statistics.median(values) for name, values in rates.items()}


def report(rates: dict) -> float:
    static, topic = rates["static file (WhiteNoise)"], rates["anonymous cached topic"]
    ratio = topic / static
    print(f"median static file:            {static:8.0f} req/s")
    print(f"median anonymous cached topic: {topic:8.0f} req/s")
    print(f"topic / static file: {ratio:.2f}x   (target >= 0.5x)  {'met' if ratio >= 0.5 else 'NOT MET'}")
    return ratio


def run_throughput(stack: Stack, seconds: int, rounds: int) -> float:
    address, process = stack.gunicorn(workers=2)
    print(f"Throughput: gunicorn 2 workers on {address}, wrk 2 threads x 8 connections, {seconds} s per run")
    try:
        return report(measure(address, stack.plan["topics"][0], seconds, rounds))
    finally:
        stop_process(process)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    stack = Stack(learners=1)
    try:
        print("Preparing the demo course…", flush=True)
        stack.prepare()
        print(stack.describe())
        run_throughput(stack, args.seconds, args.rounds)
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
