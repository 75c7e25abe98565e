"""Search quality on the demo course: does the document a learner means come first?

Run:  .venv/bin/python bench/search_quality.py --load          (once: a bench database with the demo)
      .venv/bin/python bench/search_quality.py                 (SQLite)
      DATABASE_URL=postgres://…/lectern_quality .venv/bin/python bench/search_quality.py --load  (PostgreSQL)

It runs every judged query of bench/search_queries.yaml through the configured search
engine (block level) and, in the same run, through Wagtail's own search
(``Page.objects.live().search()``, page level: the topic page that holds the expected
document counts), and prints per category success@1, success@3 and MRR (over the top
10). Targets (issue 12): success@3 >= 0.95 for exact terms and abbreviations, >= 0.9
for inflections and other languages, >= 0.85 for misspellings, each >= Wagtail's.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("LECTERN_BENCH_DIR", str(Path("/tmp") / "lectern-search-quality"))
DEPTH = 10


def judged_queries(path: Path) -> list[dict]:
    import yaml

    queries = []
    for category, spec in yaml.safe_load(path.read_text()).items():
        for line in spec["queries"]:
            text, _, wanted = line.partition("=>")
            queries.append(
                {
                    "category": category,
                    "language": spec["language"],
                    "text": text.strip(),
                    "wanted": [part.strip() for part in wanted.split(";") if part.strip()],
                }
            )
    return queries


def expected_entries(query: dict) -> list:
    """The index entries a query's judgement names (it is an error to name none)."""
    from search.models import IndexEntry

    found = []
    for wanted in query["wanted"]:
        if "~" in wanted:
            kind, _, words = wanted.partition("~")
            rows = IndexEntry.objects.filter(kind=kind, text__contains=words, language=query["language"])
        else:
            kind, _, title = wanted.partition(":")
            rows = IndexEntry.objects.filter(kind=kind, title=title, language=query["language"])
        found += list(rows)
    if not found:
        raise SystemExit(f"No document matches the judgement of {query['text']!r}: {query['wanted']}")
    return found


def engine_rank(engine, query, wanted_ids) -> int | None:
    from search.engines.base import SearchQuery

    results = engine.search(SearchQuery(query["text"], language=query["language"], per_page=DEPTH))
    for position, hit in enumerate(results.hits, start=1):
        if hit.doc_id in wanted_ids:
            return position
    return None


def wagtail_rank(query, page_ids) -> int | None:
    from wagtail.models import Locale, Page

    locale = Locale.objects.get(language_code=query["language"])
    pages = Page.objects.live().filter(locale=locale).search(query["text"])[:DEPTH]
    for position, page in enumerate(pages, start=1):
        if page.pk in page_ids:
            return position
    return None


def figures(ranks: list) -> tuple[float, float, float]:
    count = len(ranks) or 1
    at1 = sum(1 for rank in ranks if rank == 1) / count
    at3 = sum(1 for rank in ranks if rank and rank <= 3) / count
    mrr = sum(1 / rank for rank in ranks if rank) / count
    return at1, at3, mrr


def load():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_course")
    call_command("search_index", rebuild=True)
    call_command("update_index", verbosity=0)


def measure(queries, show_misses: bool):
    from django.db import connection

    from search.engines import get_engine

    engine = get_engine()
    per_category: dict[str, dict[str, list]] = {}
    for query in queries:
        entries = expected_entries(query)
        ours = engine_rank(engine, query, {entry.doc_id for entry in entries})
        theirs = wagtail_rank(query, {entry.page_id for entry in entries})
        row = per_category.setdefault(query["category"], {"ours": [], "wagtail": []})
        row["ours"].append(ours)
        row["wagtail"].append(theirs)
        if show_misses and (ours is None or ours > 3):
            print(f"  miss: [{query['category']}] {query['text']!r} -> rank {ours}")
    print(
        f"\ndatabase: {connection.vendor}; {len(queries)} judged queries; engine: {engine.__class__.__name__}"
    )
    header = f"{'category':<13}{'n':>4}  {'s@1':>5} {'s@3':>5} {'MRR':>5}   | Wagtail {'s@1':>5} {'s@3':>5} {'MRR':>5}"
    print(header)
    print("-" * len(header))
    everything = {"ours": [], "wagtail": []}
    for category, row in per_category.items():
        everything["ours"] += row["ours"]
        everything["wagtail"] += row["wagtail"]
        print(_line(category, row))
    print(_line("all", everything))


def _line(label, row) -> str:
    ours, theirs = figures(row["ours"]), figures(row["wagtail"])
    return (
        f"{label:<13}{len(row['ours']):>4}  {ours[0]:5.2f} {ours[1]:5.2f} {ours[2]:5.2f}   |         "
        f"{theirs[0]:5.2f} {theirs[1]:5.2f} {theirs[2]:5.2f}"
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--load", action="store_true", help="migrate, load the demo course and index it first"
    )
    parser.add_argument("--queries", default=str(ROOT / "bench" / "search_queries.yaml"))
    parser.add_argument("--misses", action="store_true", help="print each query not in the top 3")
    options = parser.parse_args()
    import django

    django.setup()
    if options.load:
        load()
    measure(judged_queries(Path(options.queries)), options.misses)


if __name__ == "__main__":
    main()
