"""A small course folder written by hand, as an author would, for import tests."""

from pathlib import Path

import yaml

from tests.blocks.exercise_data import EXERCISE
from tests.factories import png_bytes

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def write(path: Path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def topic(slug, title, minutes, outcomes, body):
    return {
        "slug": slug,
        "title": title,
        "introduction": f"What {title.lower()} means for a cluster.",
        "estimated_minutes": minutes,
        "authors": ["eva-horvath"],
        "outcomes": outcomes,
        "competences": ["C01"],
        "body": body,
    }


def write_course_files(root: Path) -> None:
    """The course, its partner, expert, competence and outcomes."""
    write(root / "course.yaml", {"slug": "pilot-course", "title": "Pilot course", "introduction": "A pilot."})
    write(root / "partners.yaml", [{"key": "duna-cluster", "name": "Duna Cluster", "country": "HU"}])
    write(
        root / "experts.yaml",
        [{"key": "eva-horvath", "name": "Éva Horváth", "role": "Cluster manager", "partner": "duna-cluster"}],
    )
    write(
        root / "competences.yaml",
        [{"code": "C01", "title": "Understanding Industry 4.0", "description": "Explain it."}],
    )
    write(
        root / "outcomes.yaml",
        [
            {"code": "1.1.1-a", "text": "Explain what a cluster is.", "competences": ["C01"]},
            {"code": "1.1.2-a", "text": "Name three enabling technologies.", "competences": ["C01"]},
        ],
    )


def write_media(root: Path) -> None:
    """A figure and a PDF, and the media list that titles them."""
    (root / "media/images").mkdir(parents=True)
    (root / "media/images/value-chain.png").write_bytes(png_bytes())
    (root / "media/documents").mkdir(parents=True)
    (root / "media/documents/checklist.pdf").write_bytes(PDF)
    write(
        root / "media.yaml",
        [
            {"path": "media/documents/checklist.pdf", "title": "Readiness checklist"},
            {"path": "media/images/value-chain.png", "title": "Value chain"},
        ],
    )


def what_a_cluster_is():
    return topic(
        "what-a-cluster-is",
        "What a cluster is",
        50,
        ["1.1.1-a"],
        [
            {"type": "heading", "value": {"text": "Where the idea comes from", "level": "h2"}},
            {"type": "rich_text", "value": "<p>A cluster gathers firms of one region.</p>"},
            {
                "type": "image",
                "value": {
                    "image": "media/images/value-chain.png",
                    "alt_text": "A value chain",
                    "caption": "Value chain",
                },
            },
        ],
    )


def enabling_technologies():
    return topic(
        "enabling-technologies",
        "Enabling technologies",
        70,
        ["1.1.2-a"],
        [
            {"type": "rich_text", "value": "<p>Sensors, data and automation.</p>"},
            {
                "type": "document",
                "value": {
                    "document": "media/documents/checklist.pdf",
                    "description": "Print it.",
                    "document_kind": "worksheet",
                },
            },
            EXERCISE,  # as written before exercises had "show_answers"
        ],
    )


def write_course_folder(root: Path) -> Path:
    write_course_files(root)
    write_media(root)
    module = root / "modules/01-foundations"
    write(
        module / "module.yaml", {"slug": "foundations", "title": "Foundations", "introduction": "The basics."}
    )
    lesson = module / "01-clusters"
    write(lesson / "lesson.yaml", {"slug": "clusters", "title": "Clusters", "partner": "duna-cluster"})
    write(lesson / "01-what-a-cluster-is.yaml", what_a_cluster_is())
    write(lesson / "02-enabling-technologies.yaml", enabling_technologies())
    return root
