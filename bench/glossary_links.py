"""What linking the glossary adds to building a topic's text, against the text alone.

Run:  .venv/bin/python bench/glossary_links.py [--repeat 200]

A topic's text of about 1,500 words (30 paragraphs, with links and bold) is expanded
as Wagtail renders rich text (the baseline), then expanded and linked against a course
glossary of 36 terms (the demo's size) and of 2,000 terms. Both run in the same loop,
interleaved, so that machine noise hits them alike. It prints medians in milliseconds
and the ratios to the baseline: the cost should barely move with the number of terms.
The linking runs only when a cached article is built, never for a cached page.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

SENTENCES = [
    "Cluster managers help SMEs adopt <b>digital twins</b> and predictive maintenance.",
    'Read <a href="https://example.org/">the open innovation guide</a> before the workshop.',
    "Additive manufacturing pays off for complex, low-volume parts in value chains.",
    "Collaborative robots share the shop floor; edge computing keeps data close to machines.",
    "A smart specialisation strategy names the strengths a region builds on.",
]


def text(paragraphs=30) -> str:
    return "".join(f"<p>{' '.join(SENTENCES)} Part {n}.</p>" for n in range(paragraphs))


def glossary(size: int) -> list[tuple[str, str, str]]:
    real = [
        "Digital twin",
        "Predictive maintenance",
        "Open innovation",
        "Additive manufacturing",
        "Value chain",
        "Collaborative robot",
        "Edge computing",
        "Smart specialisation strategy",
    ]
    made = [f"Industrial term {n}" for n in range(size - len(real))]
    return [(term, f"/en/terms/#t{n}", f"What {term} means.") for n, term in enumerate(real + made)]


def main():
    import django

    django.setup()
    from wagtail.rich_text import RichText

    from blocks.glossary_links import GlossaryLinker

    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    repeat = parser.parse_args().repeat
    source = RichText(text())
    maps = {"36 terms": glossary(36), "2,000 terms": glossary(2000)}
    timings = {"text alone": [], **{name: [] for name in maps}}
    links = {}
    for _ in range(repeat):
        start = time.perf_counter()
        source.__html__()
        timings["text alone"].append(time.perf_counter() - start)
        for name, terms in maps.items():
            start = time.perf_counter()
            linked = GlossaryLinker(terms, "en").link(source.__html__())
            timings[name].append(time.perf_counter() - start)
            links[name] = linked.count('class="glossary__link"')
    base = statistics.median(timings["text alone"])
    print(f"{'':<12} {'median ms':>10} {'x text alone':>13} {'links':>6}")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:<12} {median * 1000:>10.2f} {median / base:>13.2f} {links.get(name, 0):>6}")


if __name__ == "__main__":
    main()
