"""How long each coordinator report takes to render, with 75 and with 750 learners.

Run:  .venv/bin/python bench/reports.py [--requests 15]

A course of the reference's shape (4 modules, 10 lessons, 50 topics, 22 exercises),
its two demo surveys (35 linked validation responses in English and French, 146
anonymous needs-analysis responses) and generated learners with varied progress,
attempts, missed questions and certificates. Every report page is requested as a
coordinator, interleaved with Wagtail's own "Locked pages" report as the baseline
measured in the same run; then 675 more learners are generated and it runs again.
It prints medians (ms), the ratio to the baseline and the SQL query count per page.
Targets (issue 14): <= 300 ms, and a query count that does not grow with learners.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

SEED = 11


def setup_course():
    from django.core.management import call_command

    from cms.translations import sync_locale_trees
    from roles.teams import setup_roles
    from surveys.demo import add_demo_surveys
    from tests import factories

    call_command("migrate", verbosity=0)
    course = factories.course(modules=4, lessons=2, topics=6, blocks=0)  # 48 topics, 8 lessons
    sync_locale_trees()
    setup_roles()
    add_demo_surveys(course=course)
    return course


def make_learners(count, start, rng):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from cms.models import Partner
    from progress.models import LearnerProfile

    partners = list(Partner.objects.all()) + [None]
    password = make_password("bench")
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bench-{n:04d}", email=f"bench-{n}@example.org", password=password)
        for n in range(start, start + count)
    )
    languages = ["en", "en", "fr", "fr", "es", "hu", "el"]
    LearnerProfile.objects.bulk_create(
        LearnerProfile(
            user=u, full_name=u.username, language=rng.choice(languages), partner=rng.choice(partners)
        )
        for u in users
    )
    return users


def tries(user, key, block, rng, found):
    """One learner's attempts at one exercise, and the questions missed in the failed ones."""
    from progress.models import ExerciseAttempt
    from reports.models import WrongAnswer

    for _try in range(rng.randint(1, 3)):
        passed = rng.random() < 0.6
        found["attempts"].append(
            ExerciseAttempt(
                user=user,
                topic_key=key,
                block_id=block,
                language="en",
                score=80 if passed else 40,
                passed=passed,
            )
        )
        if not passed:
            question = f"q{rng.randint(1, 4)}"
            found["misses"].append(
                WrongAnswer(
                    topic_key=key,
                    block_id=block,
                    question_id=question,
                    prompt=f"Question {question}",
                    language="en",
                    answered_on=time.strftime("%Y-%m-%d"),
                )
            )


def add_learners(course, count, start):
    """``count`` learners from number ``start``: profiles, completions, attempts, misses, certificates."""
    from cms.models import TopicPage
    from progress.models import Certificate, ExerciseAttempt, TopicCompletion
    from reports.models import WrongAnswer

    rng = random.Random(SEED + start)
    topics = list(
        TopicPage.objects.descendant_of(course).order_by("path").values_list("translation_key", flat=True)
    )
    exercises = [(topics[(i * 2) % len(topics)], f"exercise-{i}") for i in range(22)]
    found = {"completions": [], "attempts": [], "misses": [], "certificates": []}
    for user in make_learners(count, start, rng):
        done = rng.randint(0, len(topics))
        found["completions"] += [TopicCompletion(user=user, topic_key=key) for key in topics[:done]]
        for key, block in exercises[: rng.randint(0, len(exercises))]:
            tries(user, key, block, rng, found)
        if done == len(topics):
            found["certificates"].append(
                Certificate(
                    user=user,
                    course=course,
                    course_key=course.translation_key,
                    course_title=course.title,
                    hours=40,
                    language="en",
                )
            )
    for model, name in (
        (TopicCompletion, "completions"),
        (ExerciseAttempt, "attempts"),
        (WrongAnswer, "misses"),
        (Certificate, "certificates"),
    ):
        model.objects.bulk_create(found[name], batch_size=2000)
    return count


def report_urls():
    from django.urls import reverse

    from surveys.models import SurveyPage

    validation = SurveyPage.objects.get(slug="validation-survey", locale__language_code="en")
    needs = SurveyPage.objects.get(slug="needs-analysis")
    return {
        "baseline: Wagtail locked pages": reverse("wagtailadmin_reports:locked_pages"),
        "learners": reverse("lectern_reports:learners"),
        "completion": reverse("lectern_reports:completion"),
        "exercises": reverse("lectern_reports:exercises"),
        "certificates": reverse("lectern_reports:certificates"),
        "surveys": reverse("lectern_reports:surveys"),
        "validation survey": reverse("lectern_reports:survey", args=[validation.pk]),
        "needs → curriculum": reverse("lectern_reports:needs", args=[needs.pk]),
        "completion, French, XLSX": reverse("lectern_reports:completion") + "?language=fr&export=xlsx",
    }


def measure(client, urls, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = {name: [] for name in urls}
    queries = {}
    for _round in range(requests):
        for name, url in urls.items():
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url)
                if hasattr(response, "streaming_content"):
                    b"".join(response.streaming_content)
                times[name].append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            queries[name] = len(captured)
    return {name: statistics.median(values) for name, values in times.items()}, queries


def print_table(title, medians, queries):
    baseline = medians["baseline: Wagtail locked pages"]
    print(f"\n{title}")
    print(f"{'page':34} {'median ms':>10} {'x baseline':>11} {'queries':>8}")
    for name, median in medians.items():
        print(f"{name:34} {median:10.1f} {median / baseline:11.2f} {queries[name]:8d}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=15)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    course = setup_course()
    add_learners(course, 75, start=1)
    coordinator = get_user_model().objects.create_superuser("bench-coordinator", "c@example.org", "bench")
    client = Client()
    client.force_login(coordinator)
    urls = report_urls()
    measure(client, urls, 1)  # warm up
    small = measure(client, urls, args.requests)
    print_table("75 learners (the demo's size)", *small)
    add_learners(course, 675, start=76)
    large = measure(client, urls, args.requests)
    print_table("750 learners (ten times as many)", *large)
    grew = [name for name in urls if large[1][name] != small[1][name]]
    print("\nQuery count grew with learners on: " + (", ".join(grew) if grew else "no page"))


if __name__ == "__main__":
    main()
