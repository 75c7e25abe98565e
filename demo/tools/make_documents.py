#!/usr/bin/env python3
"""Build the downloadable course documents of the demo course.

The content lives in ``documents.yaml`` next to this script: one entry per document, each tied to
one topic of ``demo/cluster4smart``. Every entry becomes a small PDF (one or two A4 pages, core
Helvetica font only, no images) in ``cluster4smart/media/documents/<topic-slug>-<name>.pdf``.

This is a development tool. The demo course itself only ships the generated PDFs, so fpdf2 is
listed in ``demo/tools/requirements.txt`` and not in the project requirements.

Usage (from the repository root)::

    .venv/bin/python demo/tools/make_documents.py                  # (re)build all PDFs
    .venv/bin/python demo/tools/make_documents.py --only digital-twins
    .venv/bin/python demo/tools/make_documents.py --insert-blocks  # add document blocks to topics
    .venv/bin/python demo/tools/make_documents.py --manifest demo/_drafts/media-documents.yaml

The output is deterministic: a fixed creation date and no random identifiers, so running the
script twice gives byte-identical files. ``--insert-blocks`` is idempotent: topics that already
reference their document are left alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import textwrap
from pathlib import Path

import yaml
from fpdf import FPDF
from fpdf.fonts import FontFace

TOOLS_DIR = Path(__file__).resolve().parent
COURSE_DIR = TOOLS_DIR.parent / "cluster4smart"
MODULES_DIR = COURSE_DIR / "modules"
DATA_FILE = TOOLS_DIR / "documents.yaml"
DOCUMENT_DIR = "media/documents"

COURSE_NAME = "Smart Clusters: leading SMEs into Industry 4.0"
AUTHOR = "Cluster4Smart demo course (Lectern)"
CREATION_DATE = dt.datetime(2025, 1, 15, 9, 0, 0, tzinfo=dt.UTC)

KINDS = {"pdf", "slides", "worksheet", "template"}
KIND_LABELS = {"pdf": "Checklist", "slides": "Slides", "worksheet": "Worksheet", "template": "Template"}
MAX_PAGES = 2

ACCENT = (0, 84, 112)
TEXT = (33, 33, 33)
MUTED = (100, 100, 100)
RULE = (175, 175, 175)
HEAD_FILL = (220, 234, 240)
NOTE_FILL = (242, 242, 242)

# Typographic characters that the core fonts (latin-1) cannot show.
REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": " - ",
    "\u2212": "-",
    "\u2026": "...",
    "\u2022": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u20ac": "EUR ",
    "\u2192": "->",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u00d7": "x",
}


class DocumentError(Exception):
    pass


def clean(text: str) -> str:
    """Return text that the built-in PDF fonts can render (latin-1), or fail loudly."""
    text = str(text)
    for bad, good in REPLACEMENTS.items():
        text = text.replace(bad, good)
    text = re.sub(r" {2,}", " ", text)
    try:
        text.encode("latin-1")
    except UnicodeEncodeError as exc:
        raise DocumentError(f"not latin-1 safe: {text!r}") from exc
    return text


def topic_slug(topic: str) -> str:
    return re.sub(r"^\d+-", "", Path(topic).name)


def document_path(entry: dict) -> str:
    return f"{DOCUMENT_DIR}/{topic_slug(entry['topic'])}-{entry['name']}.pdf"


def topic_file(entry: dict) -> Path:
    return MODULES_DIR / f"{entry['topic']}.yaml"


class CoursePDF(FPDF):
    def __init__(self, orientation: str, kind_label: str):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.kind_label = kind_label
        margin = 12 if orientation == "L" else 15
        self.set_margins(margin, 13, margin)
        self.set_auto_page_break(True, margin=16)
        self.set_creation_date(CREATION_DATE)
        self.set_compression(True)

    @property
    def content_width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def footer(self):
        self.set_y(-11)
        self.set_font("Helvetica", "", 7.5)
        self.set_text_color(*MUTED)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.h - 12.5, self.w - self.r_margin, self.h - 12.5)
        self.cell(self.content_width / 2, 4, clean(f"{COURSE_NAME} - {self.kind_label.lower()}"))
        self.cell(self.content_width / 2, 4, f"Page {self.page_no()} of {{nb}}", align="R")

    # -- layout helpers -----------------------------------------------------------------------

    def ensure_space(self, height: float):
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def text_block(
        self,
        text: str,
        size: float = 9.5,
        style: str = "",
        line: float = 4.6,
        x: float | None = None,
        w: float | None = None,
        color=TEXT,
    ):
        x = self.l_margin if x is None else x
        w = self.content_width - (x - self.l_margin) if w is None else w
        self.set_font("Helvetica", style, size)
        self.set_text_color(*color)
        self.set_x(x)
        self.multi_cell(w, line, clean(text), markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")

    def text_height(self, text: str, w: float, size: float = 9.5, line: float = 4.6) -> float:
        self.set_font("Helvetica", "", size)
        lines = self.multi_cell(w, line, clean(text), markdown=True, align="L", dry_run=True, output="LINES")
        return len(lines) * line


def render_title(pdf: CoursePDF, entry: dict, topic_title: str, compact: bool = False):
    pdf.set_font("Helvetica", "B", 7.5)
    pdf.set_text_color(*MUTED)
    half = pdf.content_width / 2
    pdf.cell(half, 4, clean(COURSE_NAME.upper()))
    pdf.set_text_color(*ACCENT)
    pdf.cell(half, 4, pdf.kind_label.upper(), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
    pdf.set_line_width(0.2)
    pdf.ln(3.5)
    pdf.text_block(entry["title"], size=15 if compact else 17, style="B", line=7, color=ACCENT)
    pdf.text_block(f"Topic: {topic_title}", size=8.5, style="I", line=4.5, color=MUTED)
    pdf.ln(1.5)
    pdf.text_block(entry["intro"], size=9.5, line=4.6)
    pdf.ln(1.5)


def draw_lines(pdf: CoursePDF, count: int, x: float, gap: float = 7.0):
    pdf.set_draw_color(*RULE)
    for _ in range(count):
        pdf.ensure_space(gap)
        y = pdf.get_y() + gap - 1.5
        pdf.line(x, y, pdf.w - pdf.r_margin, y)
        pdf.set_y(pdf.get_y() + gap)


def render_heading(pdf: CoursePDF, text: str, keep: float = 0):
    pdf.ensure_space(max(22, keep + 10))
    pdf.ln(2.5)
    pdf.text_block(text, size=11.5, style="B", line=5.5, color=ACCENT)
    pdf.ln(0.8)


def render_bullets(pdf: CoursePDF, items: list[str]):
    indent = 4.5
    for item in items:
        pdf.ensure_space(pdf.text_height(item, pdf.content_width - indent))
        y = pdf.get_y()
        pdf.set_fill_color(*ACCENT)
        pdf.rect(pdf.l_margin + 0.6, y + 1.7, 1.4, 1.4, style="F")
        pdf.text_block(item, x=pdf.l_margin + indent)
        pdf.ln(0.6)


def render_checks(pdf: CoursePDF, items: list[str]):
    indent = 6.5
    for item in items:
        pdf.ensure_space(pdf.text_height(item, pdf.content_width - indent) + 1)
        y = pdf.get_y()
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.3)
        pdf.rect(pdf.l_margin + 0.3, y + 0.7, 3.4, 3.4)
        pdf.set_line_width(0.2)
        pdf.text_block(item, x=pdf.l_margin + indent)
        pdf.ln(1.1)


def render_questions(pdf: CoursePDF, items: list, lines: int, counter: list[int]):
    indent = 6.5
    for item in items:
        if isinstance(item, dict):
            question, count = item["q"], item.get("lines", lines)
        else:
            question, count = item, lines
        counter[0] += 1
        pdf.ensure_space(pdf.text_height(question, pdf.content_width - indent) + min(count, 2) * 7)
        y = pdf.get_y()
        pdf.set_font("Helvetica", "B", 9.5)
        pdf.set_text_color(*ACCENT)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(indent, 4.6, f"{counter[0]}.")
        pdf.set_y(y)
        pdf.text_block(question, x=pdf.l_margin + indent)
        draw_lines(pdf, count, pdf.l_margin + indent)
        pdf.ln(1.2)


def render_fields(pdf: CoursePDF, labels: list[str], cols: int):
    col_w = (pdf.content_width - (cols - 1) * 6) / cols
    rows = [labels[i : i + cols] for i in range(0, len(labels), cols)]
    pdf.set_draw_color(*RULE)
    for row in rows:
        pdf.ensure_space(8)
        y = pdf.get_y()
        for i, label in enumerate(row):
            x = pdf.l_margin + i * (col_w + 6)
            pdf.set_font("Helvetica", "B", 9)
            pdf.set_text_color(*TEXT)
            text = clean(label)
            label_w = pdf.get_string_width(text) + 2
            pdf.set_xy(x, y + 1.5)
            pdf.cell(label_w, 5, text)
            pdf.line(x + label_w, y + 6, x + col_w, y + 6)
        pdf.set_y(y + 8)
    pdf.ln(1)


def table_rows(spec: dict) -> tuple[list[str], list[float], list[list[str]]]:
    columns = [clean(c) for c in spec["columns"]]
    widths = spec.get("widths") or [1] * len(columns)
    rows = [[clean(c) for c in row] for row in spec.get("rows", [])]
    rows += [[""] * len(columns) for _ in range(spec.get("blank", 0))]
    if len(widths) != len(columns) or any(len(row) != len(columns) for row in rows):
        raise DocumentError(f"table {columns}: columns, widths and rows differ in length")
    return columns, widths, rows


def table_height(pdf: CoursePDF, spec: dict) -> float:
    """Estimated height of a table, used to keep short tables on one page."""
    columns, widths, rows = table_rows(spec)
    size = spec.get("size", 8.5)
    unit = pdf.content_width / sum(widths)
    total = 0.0
    for n, row in enumerate([columns] + rows):
        minimum = 7 if n == 0 else spec.get("row_h", 7.5)
        texts = [
            pdf.text_height(c, w * unit - 3, size=size, line=size * 0.47) + 2.4 if c else 0
            for c, w in zip(row, widths, strict=True)
        ]
        total += max([minimum] + texts)
    return total + 2


def render_table(pdf: CoursePDF, spec: dict):
    columns, widths, rows = table_rows(spec)
    size = spec.get("size", 8.5)
    pdf.set_font("Helvetica", "", size)
    pdf.set_text_color(*TEXT)
    pdf.set_draw_color(*RULE)
    head = FontFace(emphasis="BOLD", color=ACCENT, fill_color=HEAD_FILL)
    height = table_height(pdf, spec)
    pdf.ensure_space(height if height < 120 else spec.get("row_h", 7.5) * 2 + 7)
    with pdf.table(
        col_widths=widths,
        width=pdf.content_width,
        text_align="LEFT",
        line_height=size * 0.47,
        headings_style=head,
        padding=(1.2, 1.5, 1.2, 1.5),
        v_align="TOP",
        markdown=True,
    ) as table:
        table.row(columns, min_height=7)
        for row in rows:
            table.row(row, min_height=spec.get("row_h", 7.5))
    pdf.ln(2)


def render_note(pdf: CoursePDF, text: str):
    height = pdf.text_height(text, pdf.content_width - 6, size=9, line=4.4) + 5
    pdf.ensure_space(height + 2)
    pdf.ln(1)
    y = pdf.get_y()
    pdf.set_fill_color(*NOTE_FILL)
    pdf.rect(pdf.l_margin, y, pdf.content_width, height, style="F")
    pdf.set_fill_color(*ACCENT)
    pdf.rect(pdf.l_margin, y, 1.2, height, style="F")
    pdf.set_y(y + 2.5)
    pdf.text_block(text, size=9, line=4.4, x=pdf.l_margin + 4.5, w=pdf.content_width - 6)
    pdf.set_y(y + height + 2)


def keep_height(pdf: CoursePDF, following: list[dict]) -> float:
    """Space to keep with a heading: an intro paragraph and the start of the next block."""
    height = 0.0
    for block in following:
        if "p" in block:
            height += pdf.text_height(block["p"], pdf.content_width) + 1.5
            continue
        if "table" in block:
            table = table_height(pdf, block["table"])
            height += table if table < 120 else 25
        else:
            height += 14
        break
    return height


def render_blocks(pdf: CoursePDF, blocks: list[dict]):
    counter = [0]
    for n, block in enumerate(blocks):
        if "h" in block:
            render_heading(pdf, block["h"], keep=keep_height(pdf, blocks[n + 1 : n + 3]))
        elif "page" in block:
            pdf.add_page()
        elif "p" in block:
            pdf.text_block(block["p"])
            pdf.ln(1.5)
        elif "bullets" in block:
            render_bullets(pdf, block["bullets"])
            pdf.ln(0.8)
        elif "checks" in block:
            render_checks(pdf, block["checks"])
        elif "questions" in block:
            render_questions(pdf, block["questions"], block.get("lines", 2), counter)
        elif "fields" in block:
            render_fields(pdf, block["fields"], block.get("cols", 2))
        elif "table" in block:
            render_table(pdf, block["table"])
        elif "note" in block:
            render_note(pdf, block["note"])
        elif "lines" in block:
            draw_lines(pdf, block["lines"], pdf.l_margin)
        else:
            raise DocumentError(f"unknown block {sorted(block)}")


def render_slides(pdf: CoursePDF, entry: dict, slides: list[dict]):
    gap = 7
    slide_w = (pdf.content_width - gap) / 2
    number = 0
    for start in range(0, len(slides), 4):
        if start:
            pdf.add_page()
        top = pdf.get_y() + 1
        avail = pdf.page_break_trigger - top - 1
        slide_h = (avail - gap) / 2
        for i, slide in enumerate(slides[start : start + 4]):
            number += 1
            x = pdf.l_margin + (i % 2) * (slide_w + gap)
            y = top + (i // 2) * (slide_h + gap)
            pdf.set_draw_color(*RULE)
            pdf.rect(x, y, slide_w, slide_h)
            pdf.set_fill_color(*ACCENT)
            pdf.rect(x, y, slide_w, 11, style="F")
            pdf.set_font("Helvetica", "B", 12)
            pdf.set_text_color(255, 255, 255)
            pdf.set_xy(x + 4, y + 3)
            pdf.cell(slide_w - 20, 5, clean(slide["title"]))
            pdf.set_font("Helvetica", "", 7.5)
            pdf.set_xy(x + slide_w - 16, y + 3)
            pdf.cell(12, 5, f"{number}/{len(slides)}", align="R")
            if pdf.get_string_width(clean(slide["title"])) > slide_w - 20:
                raise DocumentError(f"{entry['name']}: slide title too long: {slide['title']}")
            pdf.set_y(y + 15)
            for bullet in slide["bullets"]:
                by = pdf.get_y()
                pdf.set_fill_color(*ACCENT)
                pdf.rect(x + 5.3, by + 1.9, 1.5, 1.5, style="F")
                pdf.text_block(bullet, size=10.2, line=5, x=x + 9.5, w=slide_w - 15)
                pdf.ln(1.6)
            bottom = y + slide_h - 2
            if slide.get("foot"):
                foot_h = pdf.text_height(slide["foot"], slide_w - 11, size=8.8, line=4.3)
                if pdf.get_y() > bottom - foot_h - 1:
                    raise DocumentError(f"{entry['name']}: slide {number} overflows its frame")
                pdf.set_y(bottom - foot_h - 1)
                pdf.text_block(
                    slide["foot"], size=8.8, style="I", line=4.3, x=x + 5.3, w=slide_w - 11, color=MUTED
                )
            if pdf.get_y() > bottom or pdf.page != (start // 4) + 1:
                raise DocumentError(f"{entry['name']}: slide {number} overflows its frame")
            pdf.set_y(y)


def build(entry: dict) -> bytes:
    kind = entry["kind"]
    if kind not in KINDS:
        raise DocumentError(f"{entry['name']}: unknown kind {kind}")
    topic = yaml.safe_load(topic_file(entry).read_text(encoding="utf-8"))
    label = entry.get("label") or KIND_LABELS[kind]
    orientation = "L" if kind == "slides" else entry.get("orientation", "P")
    pdf = CoursePDF(orientation, label)
    pdf.set_title(clean(entry["title"]))
    pdf.set_author(clean(AUTHOR))
    pdf.set_subject(clean(f"{label} for the topic: {topic['title']}"))
    pdf.set_creator("demo/tools/make_documents.py")
    pdf.set_lang("en")
    pdf.add_page()
    render_title(pdf, entry, topic["title"], compact=kind == "slides")
    if kind == "slides":
        render_slides(pdf, entry, entry["slides"])
    else:
        render_blocks(pdf, entry["blocks"])
    if pdf.page > MAX_PAGES:
        raise DocumentError(f"{entry['name']}: {pdf.page} pages (max {MAX_PAGES})")
    return bytes(pdf.output())


# -- topic files -----------------------------------------------------------------------------------

PLAIN_SAFE = re.compile(r"^[A-Za-z0-9][^:#\n]*[^\s:]$")


def yaml_scalar(text: str) -> str:
    """A one-line YAML scalar for text: plain when that round-trips, else double-quoted."""
    if PLAIN_SAFE.match(text) and not re.search(r"[\[\]{},&*!|>'\"%@`]", text):
        if yaml.safe_load(f"k: {text}") == {"k": text}:
            return text
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    assert yaml.safe_load(f"k: {quoted}") == {"k": text}
    return quoted


def block_text(entry: dict) -> str:
    description = textwrap.fill(
        entry["description"], width=82, break_long_words=False, break_on_hyphens=False
    )
    description = textwrap.indent(description, " " * 8)
    return (
        "  - type: document\n"
        "    value:\n"
        f"      document: {document_path(entry)}\n"
        f"      title: {yaml_scalar(entry['title'])}\n"
        "      description: >-\n"
        f"{description}\n"
        f"      document_kind: {entry['kind']}\n"
    )


def block_value(entry: dict) -> dict:
    return {
        "type": "document",
        "value": {
            "document": document_path(entry),
            "title": entry["title"],
            "description": entry["description"],
            "document_kind": entry["kind"],
        },
    }


def takeaways_line(lines: list[str]) -> int:
    """Index of the line that starts the last `callout` block whose style is key_takeaways."""
    starts = [i for i, line in enumerate(lines) if re.match(r"^  - type: ", line)]
    found = None
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        if lines[start].strip() != "- type: callout":
            continue
        if any(re.match(r"^\s+style:\s*key_takeaways\s*$", line) for line in lines[start:end]):
            found = start
    if found is None:
        raise DocumentError("no key_takeaways callout found")
    return found


def insert_block(entry: dict) -> str:
    path = topic_file(entry)
    original = path.read_text(encoding="utf-8")  # re-read right before editing
    if f"document: {document_path(entry)}" in original:
        return "present"
    before = yaml.safe_load(original)
    lines = original.splitlines(keepends=True)
    at = takeaways_line(lines)
    updated = "".join(lines[:at]) + block_text(entry) + "".join(lines[at:])
    after = yaml.safe_load(updated)
    new = block_value(entry)
    body = after["body"]
    if body.count(new) != 1:
        raise DocumentError(f"{path}: inserted block does not parse back as expected")
    index = body.index(new)
    if body[index + 1].get("value", {}).get("style") != "key_takeaways":
        raise DocumentError(f"{path}: block is not just before the key takeaways")
    if body[:index] + body[index + 1 :] != before["body"]:
        raise DocumentError(f"{path}: the rest of the body changed")
    if {k: v for k, v in after.items() if k != "body"} != {k: v for k, v in before.items() if k != "body"}:
        raise DocumentError(f"{path}: the topic fields changed")
    path.write_text(updated, encoding="utf-8")
    return "inserted"


def write_manifest(entries: list[dict], target: Path):
    items = sorted(
        ({"path": document_path(e), "title": e["title"]} for e in entries), key=lambda item: item["path"]
    )
    text = "".join(f"- path: {i['path']}\n  title: {yaml_scalar(i['title'])}\n" for i in items)
    assert yaml.safe_load(text) == items
    target.write_text(text, encoding="utf-8")


def check_text(entry: dict):
    """Catch YAML slips, such as an unquoted 'a: b' list item that parses as a mapping."""
    name = entry["name"]
    for slide in entry.get("slides", []):
        for item in slide["bullets"] + [slide["title"], slide.get("foot", "")]:
            if not isinstance(item, str):
                raise DocumentError(f"{name}: slide item is not text: {item!r}")
    for block in entry.get("blocks", []):
        for key in ("bullets", "checks", "fields"):
            for item in block.get(key, []):
                if not isinstance(item, str):
                    raise DocumentError(f"{name}: {key} item is not text: {item!r}")
        for item in block.get("questions", []):
            if not isinstance(item, str) and not (isinstance(item, dict) and set(item) <= {"q", "lines"}):
                raise DocumentError(f"{name}: question is not text: {item!r}")
        for key in ("h", "p", "note"):
            if key in block and not isinstance(block[key], str):
                raise DocumentError(f"{name}: {key} is not text: {block[key]!r}")


def load_entries() -> list[dict]:
    entries = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    seen = set()
    for entry in entries:
        path = document_path(entry)
        if path in seen:
            raise DocumentError(f"duplicate document {path}")
        seen.add(path)
        if not topic_file(entry).is_file():
            raise DocumentError(f"{entry['name']}: topic file {topic_file(entry)} not found")
        for key in ("title", "description", "intro"):
            if not isinstance(entry[key], str):
                raise DocumentError(f"{entry['name']}: {key} is not text")
            clean(entry[key])
        check_text(entry)
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="build only documents whose topic slug or name contains this")
    parser.add_argument(
        "--insert-blocks",
        action="store_true",
        help="insert a document block before the key takeaways of each topic",
    )
    parser.add_argument("--manifest", type=Path, help="write a media manifest draft to this path")
    args = parser.parse_args(argv)

    entries = load_entries()
    selected = [e for e in entries if not args.only or args.only in document_path(e)]
    out_dir = COURSE_DIR / DOCUMENT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for entry in selected:
        data = build(entry)
        target = COURSE_DIR / document_path(entry)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        total += len(data)
        print(f"{len(data):6d}  {document_path(entry)}")
    print(f"{len(selected)} documents, {total} bytes")

    if args.insert_blocks:
        for entry in selected:
            print(f"{insert_block(entry):9s} {entry['topic']}")
    if args.manifest:
        write_manifest(entries, args.manifest)
        print(f"manifest: {args.manifest}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (DocumentError, yaml.YAMLError) as exc:
        sys.exit(f"error: {exc}")
