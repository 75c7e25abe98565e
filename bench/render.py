"""How long the server takes to render a topic page, against two baselines.

Run:  .venv/bin/python bench/render.py [--requests 300]

Three pages go through the same Django/WSGI stack (middleware included), measured in
the same run and interleaved so that machine noise hits all three alike:

* topic   - a topic page with 30 blocks (headings, text, callouts, figures, videos
            with captions and transcripts, course documents), as
            learners get it: its article comes from the fragment cache
* published - the same topic just after a publish: the content version moves before
            each request, exactly as publishing does, so every fragment is rendered anew
            (Wagtail's own caches, such as its site root paths, stay warm as they do in life)
* cold    - the same topic with the whole cache emptied before each request (worst case)
* bare    - a bare Wagtail page holding one paragraph (the site's home page)
* static  - the topic's own HTML served as a static file by WhiteNoise
* glossary, tools - the course's glossary and tool library (every topic's vocab and tool
            sheets), as learners get them

It prints medians in milliseconds, the ratios topic/bare and topic/static, and the
number of SQL queries the topic page makes. Targets (issue 2): topic <= 1.5 x bare,
<= 15 queries (a published topic, not yet in the cache). Timings are never asserted by tests; this script is run by hand.
"""

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"


def setup_site():
    from wagtail.models import Site

    from bench.bare_site import migrate_with_bare_site
    from tests import factories

    migrate_with_bare_site()
    media = factories.lesson_media()  # figures, videos with captions and course documents, as in the demo
    course = factories.course(modules=1, lessons=1, topics=3, blocks=30, media=media)
    Site.objects.filter(is_default_site=True).update(hostname="course.test")
    from cms.models import TopicPage

    topics = list(TopicPage.objects.descendant_of(course).order_by("path"))
    for number, topic in enumerate(topics):  # a vocab and a tool sheet each, for the course indexes
        topic.body = list(topic.body.raw_data) + sheets(number)
        topic.save_revision().publish()
    return topics[1]


def sheets(number):
    """A vocab sheet of five terms and a tool sheet: what the glossary and tool library gather."""
    terms = [
        {
            "term": f"Term {number}.{n}",
            "abbreviation": "",
            "synonyms": [],
            "definition": "A definition.",
            "related": [],
        }
        for n in range(5)
    ]
    tool = {
        "title": f"Tool {number}",
        "purpose": "Why to use it.",
        "when_to_use": "Early.",
        "steps": ["One.", "Two."],
        "inputs": [],
        "outputs": [],
        "tips": [],
        "template": None,
    }
    return [
        {"type": "vocab_sheet", "value": {"title": f"Terms {number}", "introduction": "", "terms": terms}},
        {"type": "tool_sheet", "value": tool},
    ]


def forget(scenario):
    """Undo what the cache holds for a scenario: nothing, a publish, or everything."""
    if scenario == "published":
        from cms.models import ContentVersion

        ContentVersion.bump()
    elif scenario == "cold":
        from django.core.cache import cache

        cache.clear()


def timed(client, path, host, scenario=None):
    forget(scenario)
    start = time.perf_counter()
    response = client.get(path, HTTP_HOST=host)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"{host}{path} answered {response.status_code}")
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return elapsed * 1000


def prepare():
    """Build the site, check the topic page and save its HTML for WhiteNoise.

    Returns the test client and the paths of the topic and of its course."""
    from django.conf import settings
    from django.test import Client

    # The test factories' documents are stand-in PDFs without text: indexing them on
    # publish logs a warning each time, which says nothing about rendering.
    logging.getLogger("files.text_extraction").setLevel(logging.ERROR)
    topic = setup_site()
    client = Client()
    topic_path = topic.get_url_parts()[2]
    course_path = topic.get_parent().get_parent().get_parent().get_url_parts()[2]
    html = client.get(topic_path, HTTP_HOST="course.test").content
    assert html.count(b'class="block ') == 32 and b"<figure" in html and b"<video" in html
    os.makedirs(settings.WHITENOISE_ROOT, exist_ok=True)
    Path(settings.WHITENOISE_ROOT, "topic.html").write_bytes(html)
    return client, topic_path, course_path


def count_queries(client, topic_path, course_path):
    """The SQL queries each page makes, in its scenario, after one warm-up view."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, path, host in [
        ("cold", topic_path, "course.test"),
        ("published", topic_path, "course.test"),
        ("topic", topic_path, "course.test"),
        ("bare", "/en/", "bare.test"),  # "/" only redirects to the language prefix
        ("glossary", course_path + "glossary/", "course.test"),
        ("tools", course_path + "tools/", "course.test"),
    ]:
        client.get(path, HTTP_HOST=host)
        forget(name)
        with CaptureQueriesContext(connection) as queries:
            client.get(path, HTTP_HOST=host)
        counts[name] = len(queries)
    return counts


def sample(client, pages, requests, warm_ups, scenarios):
    """Warm every path up, then time ``requests`` rounds of the pages, interleaved."""
    for path, host in pages.values():
        for _ in range(warm_ups):
            timed(client, path, host)
    samples = {name: [] for name in pages}
    for _ in range(requests):
        for name, (path, host) in pages.items():
            samples[name].append(timed(client, path, host, scenario=name if scenarios else None))
    return samples


def measure(client, topic_path, course_path, requests):
    """Timings in milliseconds of every page, by name."""
    pages = {
        "topic": (topic_path, "course.test"),
        "published": (topic_path, "course.test"),
        "cold": (topic_path, "course.test"),
        "bare": ("/en/", "bare.test"),
        "static": ("/topic.html", "course.test"),
    }
    # The glossary and tool library as learners get them: measured apart, since the
    # publish and the emptied cache above would make every one of their views a first one.
    indexes = {
        "glossary": (course_path + "glossary/", "course.test"),
        "tools": (course_path + "tools/", "course.test"),
        "bare2": ("/en/", "bare.test"),
    }
    # Warm up every path (templates, renditions, WhiteNoise's file index).
    samples = sample(client, pages, requests, warm_ups=10, scenarios=True)
    samples.update(sample(client, indexes, requests, warm_ups=1, scenarios=False))
    return samples


def report(requests, samples, counts):
    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"requests per page: {requests}")
    for name, value in medians.items():
        p95 = statistics.quantiles(samples[name], n=20)[18]
        print(f"  {name:<9} median {value:7.2f} ms   p95 {p95:7.2f} ms")
    print(f"topic / bare page:   {medians['topic'] / medians['bare']:.2f}x   (target <= 1.5x)")
    print(
        f"published / bare:    {medians['published'] / medians['bare']:.2f}x   (the first view after a publish)"
    )
    print(f"cold topic / bare:   {medians['cold'] / medians['bare']:.2f}x   (cache emptied)")
    print(f"topic / static file: {medians['topic'] / medians['static']:.2f}x")
    print(
        f"glossary / bare:     {medians['glossary'] / medians['bare2']:.2f}x   (course-wide index, as learners get it)"
    )
    print(f"tools / bare:        {medians['tools'] / medians['bare2']:.2f}x")
    print(
        f"SQL queries: topic {counts['topic']}, published {counts['published']} (target <= 15), "
        f"cold {counts['cold']}, bare {counts['bare']}, glossary {counts['glossary']}, tools {counts['tools']}"
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=300, help="requests per page (default 300)")
    args = parser.parse_args()

    import django

    django.setup()
    client, topic_path, course_path = prepare()
    counts = count_queries(client, topic_path, course_path)
    samples = measure(client, topic_path, course_path, args.requests)
    report(args.requests, samples, counts)


if __name__ == "__main__":
    main()
