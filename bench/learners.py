"""How much the learner's space and a certificate cost, against a bare page.

Run:  .venv/bin/python bench/learners.py [--requests 100]

* busy  - /en/my-learning/ for a learner with all 50 topics done and 110 attempts on 22
          exercises (2 modules x 5 lessons x 5 topics)
* idle  - the same page for a learner with nothing done yet
* cold  - the busy learner's page right after a publish (the course map is rebuilt)
* bare  - a bare Wagtail page holding one paragraph, through the same stack
* pdf   - building one certificate PDF (reportlab + DejaVu + QR code), no HTTP

It prints SQL query counts (target <= 12, the same for busy and idle), medians and
ratios to the bare page, and the PDF median (target <= 200 ms). Never run by tests.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def setup_site():
    from bench.bare_site import migrate_with_bare_site

    """A bare site, a 50-topic course with 22 exercises, and two learners."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Site

    from cms.models import TopicPage
    from progress.models import ExerciseAttempt, TopicCompletion
    from tests import factories
    from tests.progress.conftest import with_exercise

    migrate_with_bare_site()
    course = factories.course(modules=2, lessons=5, topics=5, blocks=4)
    Site.objects.filter(is_default_site=True).update(hostname="course.test")
    topics = list(TopicPage.objects.descendant_of(course).order_by("path"))
    for index, topic in enumerate(topics[:22]):
        with_exercise(topic, block_id=f"check-{index}")
    users = get_user_model().objects
    idle, busy = users.create_user("idle", password="pw"), users.create_user("busy", password="pw")
    TopicCompletion.objects.bulk_create(
        TopicCompletion(user=busy, topic_key=t.translation_key) for t in topics
    )
    ExerciseAttempt.objects.bulk_create(
        ExerciseAttempt(
            user=busy,
            topic_key=topics[n % 22].translation_key,
            block_id=f"check-{n % 22}",
            language="en",
            score=40 + n % 60,
            passed=n % 60 >= 30,
        )
        for n in range(110)
    )
    return course, idle, busy


def timed(client, path, host, before=None):
    if before:
        before()
    start = time.perf_counter()
    response = client.get(path, HTTP_HOST=host)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{host}{path} answered {response.status_code}")
    return elapsed


def query_count(client, path, host, before=None):
    """Queries of the second request (the first warms the caches), after ``before``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, HTTP_HOST=host)
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        client.get(path, HTTP_HOST=host)
    return len(queries)


def pdf_median(course, user, runs: int) -> float:
    from progress.certificates import issue_certificate
    from progress.pdf import certificate_pdf

    certificate = issue_certificate(user, course, "el")
    certificate.holder_name = "Ελένη Παπαδοπούλου-Szőke"
    certificate_pdf(certificate, "https://course.test/certificates/x/")  # fonts registered once per process
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        certificate_pdf(certificate, f"https://course.test{certificate.get_absolute_url()}")
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=100, help="requests per page (default 100)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client

    from cms.models import ContentVersion

    course, idle, busy = setup_site()
    clients = {"busy": Client(), "idle": Client(), "cold": Client(), "bare": Client()}
    clients["busy"].force_login(busy)
    clients["cold"].force_login(busy)
    clients["idle"].force_login(idle)
    pages = {
        "busy": ("/en/my-learning/", "course.test", None),
        "idle": ("/en/my-learning/", "course.test", None),
        "cold": ("/en/my-learning/", "course.test", ContentVersion.bump),
        "bare": ("/en/", "bare.test", None),
    }
    counts = {name: query_count(clients[name], path, host) for name, (path, host, _) in pages.items()}
    counts["cold"] = query_count(clients["cold"], "/en/my-learning/", "course.test", ContentVersion.bump)
    for name, (path, host, _) in pages.items():
        for _ in range(5):
            timed(clients[name], path, host)
    samples = {name: [] for name in pages}
    for _ in range(args.requests):
        for name, (path, host, before) in pages.items():
            samples[name].append(timed(clients[name], path, host, before))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    report(args.requests, medians, counts)
    print(f"certificate PDF: median {pdf_median(course, busy, 50):.1f} ms (target <= 200 ms)")


def report(requests, medians, counts):
    print(f"requests per page: {requests}")
    for name, value in medians.items():
        print(
            f"  {name:<5} median {value:7.2f} ms   {value / medians['bare']:5.2f}x bare   {counts[name]} queries"
        )
    print(
        f"SQL queries: busy {counts['busy']}, idle {counts['idle']} (target <= 12, the same), cold {counts['cold']}"
    )


if __name__ == "__main__":
    main()
