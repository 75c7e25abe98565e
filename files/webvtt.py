"""A small, strict WebVTT reader: captions become a transcript and search documents.

It reads what browsers read (the header, cue timings, cue text; NOTE, STYLE and
REGION blocks are skipped) and reports the first problem with its line number, so an
editor who uploads a broken caption file is told exactly where it is wrong.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.utils.translation import gettext

TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING_LINE = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t]+.*)?$")
TAG = re.compile(r"<[^>]*>")


class WebVTTError(ValueError):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        # Translators: where a caption (WebVTT) file is wrong, e.g. "line 6: the cue ends before it starts".
        super().__init__(gettext("line %(line)s: %(problem)s") % {"line": line, "problem": message})


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str

    @property
    def start_label(self) -> str:
        return seconds_label(self.start)


def seconds_label(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _seconds(hours, minutes, seconds, millis) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def cue_text(payload_lines) -> str:
    """Cue payload as plain text: voice and style tags removed, entities decoded."""
    return html.unescape(TAG.sub("", " ".join(line.strip() for line in payload_lines))).strip()


def parse(source: str | bytes) -> list[Cue]:
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8")
        except UnicodeDecodeError as error:
            line = source[: error.start].count(b"\n") + 1
            raise WebVTTError(line, gettext("the file is not UTF-8 text")) from error
    lines = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise WebVTTError(1, gettext("a WebVTT file must start with the line 'WEBVTT'"))
    cues: list[Cue] = []
    index = 1
    while index < len(lines) and lines[index].strip():  # header block
        if "-->" in lines[index]:  # a cue glued to the header would be read as header text
            raise WebVTTError(
                index + 1, gettext("a blank line must separate the 'WEBVTT' header from the first cue")
            )
        index += 1
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        cue = _read_block(block, block_start + 1, cues)
        if cue is not None:
            cues.append(cue)
    if not cues:
        last_line = len(lines) - 1 if len(lines) > 1 and lines[-1] == "" else len(lines)
        raise WebVTTError(last_line, gettext("the file has no cues"))
    return cues


def _read_block(block, first_line, previous):
    if re.match(r"^(NOTE|STYLE|REGION)(?:[ \t]|$)", block[0]):
        return None
    timing_at = 0 if "-->" in block[0] else 1  # an optional cue identifier comes first
    if timing_at >= len(block) or "-->" not in block[timing_at]:
        # A lone line is stray text, not an identifier: name it, not the blank line after it.
        raise WebVTTError(
            first_line + min(timing_at, len(block) - 1),
            gettext("expected a cue timing such as '00:00:01.000 --> 00:00:04.000'"),
        )
    line_number = first_line + timing_at
    match = TIMING_LINE.match(block[timing_at].strip())
    if not match:
        raise WebVTTError(
            line_number,
            gettext("malformed cue timing %(timing)s") % {"timing": repr(block[timing_at].strip())},
        )
    start, end = _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])
    if end <= start:
        raise WebVTTError(line_number, gettext("the cue ends before it starts"))
    if previous and start < previous[-1].start:
        raise WebVTTError(line_number, gettext("cues must be in order of their start time"))
    return Cue(start, end, cue_text(block[timing_at + 1 :]))
