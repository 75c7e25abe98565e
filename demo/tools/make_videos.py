#!/usr/bin/env python3
"""Generate the demo video clips of the Cluster4Smart course.

Reads demo/tools/videos.yaml and writes, for every clip:

  demo/cluster4smart/media/videos/<slug>.mp4          H.264/MP4, 320x180, 4 fps, no audio
  demo/cluster4smart/media/captions/<slug>.en.vtt     English WebVTT captions
  demo/cluster4smart/media/images/posters/<slug>.png  poster image (title card)

plus the manifest demo/_drafts/media-videos.yaml that lists the clips per topic.

The clips are deliberately tiny placeholders: a coloured title card showing the clip
title and the current caption cue, changing with each cue, so that a video player, its
transcript and time links can be exercised with real media. After building, every
output is checked (WebVTT parsed back, ffprobe duration against the last cue, full
decode, faststart, size budgets).

Only this development tool needs Pillow, PyYAML and Debian's ffmpeg/ffprobe
(see requirements.txt); the demo course itself does not.

Usage (from the repository root):
  .venv/bin/python demo/tools/make_videos.py            # build everything, then check
  .venv/bin/python demo/tools/make_videos.py --check    # only check existing outputs
  .venv/bin/python demo/tools/make_videos.py --only digital-twins-motion
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

TOOLS = Path(__file__).resolve().parent
DEMO = TOOLS.parent
COURSE = DEMO / "cluster4smart"
CONTENT = TOOLS / "videos.yaml"
MANIFEST = DEMO / "_drafts" / "media-videos.yaml"
VIDEO_DIR = "media/videos"
CAPTION_DIR = "media/captions"
POSTER_DIR = "media/images/posters"

FFMPEG = shutil.which("ffmpeg", path="/usr/bin") or shutil.which("ffmpeg") or "ffmpeg"
FFPROBE = shutil.which("ffprobe", path="/usr/bin") or shutil.which("ffprobe") or "ffprobe"

W, H = 320, 180
FPS = 4  # frames per second; every cue length must be a multiple of 1/FPS
CRF = 36  # H.264 quality; raise to shrink the files
VIDEO_BUDGET = 1_200_000  # bytes, all clips together
POSTER_BUDGET = 300_000  # bytes, all posters together
POSTER_COLOURS = 16  # palette size of the posters

KINDS = ("lecture", "motion")
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")

# Background / accent / dark track colour per module number.
PALETTES = {
    1: ((31, 78, 121), (242, 177, 52), (20, 52, 82)),
    2: ((21, 101, 122), (242, 140, 56), (13, 66, 80)),
    3: ((92, 58, 122), (127, 209, 174), (60, 36, 82)),
    4: ((44, 104, 58), (244, 211, 94), (28, 70, 38)),
}
MOTION_BG = (27, 34, 48)
MOTION_TRACK = (55, 64, 82)
PANEL = (247, 246, 240)
INK = (26, 26, 26)
WHITE = (255, 255, 255)


# --------------------------------------------------------------------------- content


class ContentError(Exception):
    pass


def load_clips() -> list[dict]:
    data = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    clips = data["clips"]
    errors, seen = [], set()
    for c in clips:
        where = c.get("slug", "?")
        for key in ("slug", "topic", "title", "kind", "cues", "chapters"):
            if key not in c:
                errors.append(f"{where}: missing {key}")
        if errors:
            continue
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c["slug"]):
            errors.append(f"{where}: slug must be lowercase-hyphenated")
        if c["slug"] in seen:
            errors.append(f"{where}: duplicate slug")
        seen.add(c["slug"])
        if not (COURSE / c["topic"]).is_file():
            errors.append(f"{where}: topic file not found: {c['topic']}")
        if c["kind"] not in KINDS:
            errors.append(f"{where}: kind must be one of {KINDS}")
        cues = c["cues"]
        if not 3 <= len(cues) <= 5:
            errors.append(f"{where}: needs 3-5 cues, has {len(cues)}")
        t, starts = 0.0, []
        for i, cue in enumerate(cues, 1):
            secs, text = float(cue["secs"]), str(cue["text"]).strip()
            if not 2 <= secs <= 4:
                errors.append(f"{where}: cue {i} lasts {secs} s (allowed 2-4 s)")
            if abs(secs * FPS - round(secs * FPS)) > 1e-9:
                errors.append(f"{where}: cue {i} length must be a multiple of 1/{FPS} s")
            if not text or "-->" in text or "\n" in text:
                errors.append(f"{where}: cue {i} text is empty or invalid")
            if len(text) / secs > 20:
                errors.append(f"{where}: cue {i} reads too fast ({len(text) / secs:.1f} chars/s)")
            starts.append(t)
            cue["start"], cue["end"], cue["text"] = t, t + secs, text
            t += secs
        c["duration"] = round(t, 3)
        if not 10 <= t <= 16:
            errors.append(f"{where}: total {t} s, must be 10-16 s")
        chapters = c["chapters"]
        if len(chapters) != 2:
            errors.append(f"{where}: needs exactly 2 chapters")
        prev = -1.0
        for ch in chapters:
            start = float(ch["start"])
            if not any(abs(start - s) < 1e-9 for s in starts):
                errors.append(f"{where}: chapter {ch['title']!r} does not start at a cue")
            if start <= prev:
                errors.append(f"{where}: chapters must be in increasing order")
            prev = start
        if chapters and float(chapters[0]["start"]) != 0:
            errors.append(f"{where}: the first chapter must start at 0")
    if errors:
        raise ContentError("\n".join(errors))
    return clips


def module_number(clip: dict) -> int:
    m = re.match(r"modules/(\d+)-", clip["topic"])
    return int(m.group(1)) if m else 1


def position_label(clip: dict) -> str:
    nums = re.findall(r"/(\d+)-", "/" + clip["topic"])
    if len(nums) >= 3:
        return "MODULE {} · LESSON {} · TOPIC {}".format(*(int(n) for n in nums[:3]))
    return "LECTURE"


# --------------------------------------------------------------------------- drawing

_font_cache: dict[tuple[bool, int], ImageFont.FreeTypeFont] = {}


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    key = (bold, size)
    if key not in _font_cache:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        for d in FONT_DIRS:
            if (Path(d) / name).is_file():
                _font_cache[key] = ImageFont.truetype(str(Path(d) / name), size)
                break
        else:
            _font_cache[key] = ImageFont.load_default(size)
    return _font_cache[key]


def wrap(text: str, fnt, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and fnt.getlength(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def fit(text: str, width: int, max_lines: int, sizes, bold: bool):
    for size in sizes:
        lines = wrap(text, font(size, bold), width)
        if len(lines) <= max_lines:
            return font(size, bold), size, lines
    raise ContentError(f"text does not fit the card: {text!r}")


def draw_lines(d: ImageDraw.ImageDraw, lines, fnt, size, x, y, fill, centre_w=None):
    lh = size + 4
    for i, line in enumerate(lines):
        lx = x if centre_w is None else x + (centre_w - fnt.getlength(line)) / 2
        d.text((lx, y + i * lh), line, font=fnt, fill=fill)
    return lh * len(lines)


def progress_bar(d, clip, t, accent, track):
    x0, x1, y0, y1 = 12, W - 12, H - 8, H - 5
    d.rectangle((x0, y0, x1, y1), fill=track)
    if t > 0:
        d.rectangle((x0, y0, x0 + round((x1 - x0) * min(t / clip["duration"], 1)), y1), fill=accent)
    for ch in clip["chapters"][1:]:  # chapter ticks
        cx = x0 + round((x1 - x0) * float(ch["start"]) / clip["duration"])
        d.rectangle((cx, y0 - 2, cx + 1, y1 + 2), fill=WHITE)


def play_icon(d, cx, cy, r, fill, ink):
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)
    d.polygon([(cx - r * 0.35, cy - r * 0.5), (cx - r * 0.35, cy + r * 0.5), (cx + r * 0.55, cy)], fill=ink)


def fmt_clock(seconds: float) -> str:
    s = int(seconds + 0.5)  # round half up
    return f"{s // 60}:{s % 60:02d}"


def card_lecture(clip, cue_index, t, poster=False) -> Image.Image:
    bg, accent, track = PALETTES.get(module_number(clip), PALETTES[1])
    img = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, W, 3), fill=accent)
    d.text((12, 10), position_label(clip), font=font(9, True), fill=accent)
    fnt, size, lines = fit(clip["title"], W - 24, 3, (15, 14, 13, 12), True)
    draw_lines(d, lines, fnt, size, 12, 26, WHITE)
    d.rounded_rectangle((8, 96, W - 8, 162), radius=6, fill=PANEL)
    if poster:
        play_icon(d, 44, 129, 19, accent, INK)
        d.text((76, 114), "Video lecture", font=font(13, True), fill=INK)
        d.text((76, 133), f"{fmt_clock(clip['duration'])} · English captions", font=font(11), fill=INK)
    else:
        text = clip["cues"][cue_index]["text"]
        fnt, size, lines = fit(text, W - 40, 3, (13, 12, 11), False)
        block = (size + 4) * len(lines) - 4
        draw_lines(d, lines, fnt, size, 20, 129 - block / 2 - 1, INK)
    progress_bar(d, clip, 0 if poster else t, accent, track)
    return img


def card_motion(clip, cue_index, t, poster=False) -> Image.Image:
    _, accent, _ = PALETTES.get(module_number(clip), PALETTES[1])
    img = Image.new("RGB", (W, H), MOTION_BG)
    d = ImageDraw.Draw(img)
    d.text((12, 10), "MOTION EXPLAINER", font=font(9, True), fill=accent)
    fnt, size, lines = fit(clip["title"], W - 24, 2, (15, 14, 13), True)
    draw_lines(d, lines, fnt, size, 12, 24, WHITE)
    # Step indicator: one numbered node per cue, joined by a line that fills with time.
    n = len(clip["cues"])
    y, r = 78, 9
    xs = [40 + i * (W - 80) / (n - 1) for i in range(n)]
    d.line((xs[0], y, xs[-1], y), fill=MOTION_TRACK, width=3)
    if not poster and t > 0:
        cues = clip["cues"]
        # position along the line: node i at cue i start, linear in between
        k = next(i for i, c in enumerate(cues) if c["start"] <= t < c["end"] or i == n - 1)
        frac = min((t - cues[k]["start"]) / (cues[k]["end"] - cues[k]["start"]), 1.0)
        xe = xs[k] + (xs[k + 1] - xs[k]) * frac if k < n - 1 else xs[-1]
        d.line((xs[0], y, xe, y), fill=accent, width=3)
    for i, x in enumerate(xs):
        box = (x - r, y - r, x + r, y + r)
        label = str(i + 1)
        if poster or i > cue_index:
            d.ellipse(box, fill=MOTION_BG, outline=MOTION_TRACK, width=2)
            colour = (150, 158, 175)
        elif i == cue_index:
            d.ellipse((x - r - 3, y - r - 3, x + r + 3, y + r + 3), fill=accent)
            colour = INK
        else:
            d.ellipse(box, fill=accent)
            colour = INK
        f = font(10, True)
        d.text((x - f.getlength(label) / 2, y - 6), label, font=f, fill=colour)
    if poster:
        play_icon(d, W / 2, 127, 20, accent, INK)
        note = f"{fmt_clock(clip['duration'])} · English captions"
        f = font(10)
        d.text(((W - f.getlength(note)) / 2, 152), note, font=f, fill=(190, 196, 208))
    else:
        text = clip["cues"][cue_index]["text"]
        fnt, size, lines = fit(text, W - 32, 3, (13, 12, 11), False)
        block = (size + 4) * len(lines) - 4
        draw_lines(d, lines, fnt, size, 16, 130 - block / 2, WHITE, centre_w=W - 32)
    progress_bar(d, clip, 0 if poster else t, accent, MOTION_TRACK)
    return img


def card(clip, cue_index, t, poster=False) -> Image.Image:
    maker = card_motion if clip["kind"] == "motion" else card_lecture
    return maker(clip, cue_index, t, poster)


# --------------------------------------------------------------------------- outputs


def paths(slug: str) -> dict[str, str]:
    return {
        "video": f"{VIDEO_DIR}/{slug}.mp4",
        "poster": f"{POSTER_DIR}/{slug}.png",
        "captions": f"{CAPTION_DIR}/{slug}.en.vtt",
    }


def vtt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def write_vtt(clip: dict, path: Path) -> None:
    out = ["WEBVTT", ""]
    for cue in clip["cues"]:
        out.append(f"{vtt_time(cue['start'])} --> {vtt_time(cue['end'])}")
        out.append(html.escape(cue["text"], quote=False))
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


def write_poster(clip: dict, path: Path) -> None:
    img = card(clip, 0, 0.0, poster=True)
    pal = img.quantize(colors=POSTER_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    pal.save(path, format="PNG", optimize=True)


def write_video(clip: dict, path: Path) -> None:
    frames = round(clip["duration"] * FPS)
    cmd = [
        FFMPEG,
        "-v",
        "error",
        "-y",
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgb24",
        "-s",
        f"{W}x{H}",
        "-r",
        str(FPS),
        "-i",
        "-",
        "-an",
        "-c:v",
        "libx264",
        "-preset",
        "veryslow",
        "-tune",
        "stillimage",
        "-crf",
        str(CRF),
        "-pix_fmt",
        "yuv420p",
        "-threads",
        "1",
        # One keyframe per clip: cue changes as P-frames cost far less than I-frames,
        # and seeking in a 16 s, 4 fps clip decodes at most 64 frames.
        "-g",
        str(frames),
        "-sc_threshold",
        "0",
        "-bsf:v",
        "filter_units=remove_types=6",  # drop the x264 settings SEI
        "-map_metadata",
        "-1",
        "-fflags",
        "+bitexact",
        "-flags:v",
        "+bitexact",
        "-movflags",
        "+faststart",
        str(path),
    ]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    for i in range(frames):
        t = i / FPS
        k = next(j for j, c in enumerate(clip["cues"]) if c["start"] - 1e-9 <= t < c["end"] - 1e-9)
        proc.stdin.write(card(clip, k, t).tobytes())
    proc.stdin.close()
    err = proc.stderr.read().decode()
    if proc.wait() != 0:
        raise RuntimeError(f"ffmpeg failed for {clip['slug']}:\n{err}")


def topic_order(clip: dict):
    return (clip["topic"], KINDS.index(clip["kind"]))


def write_manifest(clips: list[dict]) -> None:
    items = []
    for c in sorted(clips, key=topic_order):
        p = paths(c["slug"])
        items.append(
            {
                "topic": c["topic"],
                "slug": c["slug"],
                "title": c["title"],
                "kind": c["kind"],
                "video": p["video"],
                "poster": p["poster"],
                "duration": float(c["duration"]),
                "captions": {"en": p["captions"]},
                "chapters": [{"title": ch["title"], "start": float(ch["start"])} for ch in c["chapters"]],
            }
        )
    header = (
        "# Demo video clips per topic, generated by demo/tools/make_videos.py from\n"
        "# demo/tools/videos.yaml. Do not edit by hand: change videos.yaml and re-run.\n"
        "# Paths are relative to demo/cluster4smart. Sorted by topic file, then clip order\n"
        "# (lecture before motion). duration and chapter starts are in seconds.\n"
    )
    body = yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=1000)
    MANIFEST.write_text(header + body, encoding="utf-8")


# --------------------------------------------------------------------------- checks

VTT_TIMING = re.compile(
    r"^(\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3}) --> (\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3})(?: .*)?$"
)


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    """A small strict WebVTT parser: header, blank line, cue blocks."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").split("\n")
    if not re.fullmatch(r"WEBVTT([ \t].*)?", lines[0]):
        raise ValueError("missing WEBVTT header")
    if len(lines) < 2 or lines[1] != "":
        raise ValueError("header must be followed by a blank line")
    blocks, block = [], []
    for line in lines[2:]:
        if line.strip() == "":
            if block:
                blocks.append(block)
            block = []
        else:
            block.append(line)
    if block:
        blocks.append(block)
    cues, prev_end = [], 0.0
    for b in blocks:
        if b[0].startswith("NOTE"):
            continue
        if "-->" not in b[0]:
            b = b[1:]  # cue identifier
        m = VTT_TIMING.match(b[0]) if b else None
        if not m:
            raise ValueError(f"bad cue timing line: {b[:1]}")
        g = [int(x) for x in m.groups()]
        start = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
        end = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        if not start < end:
            raise ValueError(f"cue ends before it starts: {b[0]}")
        if start < prev_end - 1e-9:
            raise ValueError(f"cues overlap or are out of order: {b[0]}")
        body = b[1:]
        if not body or any("-->" in x for x in body):
            raise ValueError(f"cue without valid text: {b[0]}")
        cues.append((start, end, html.unescape("\n".join(body))))
        prev_end = end
    if not cues:
        raise ValueError("no cues")
    return cues


def moov_before_mdat(path: Path) -> bool:
    order, data, pos = [], path.read_bytes(), 0
    while pos + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
        order.append(kind.decode("latin-1"))
        if size < 8:
            break
        pos += size
    return "moov" in order and "mdat" in order and order.index("moov") < order.index("mdat")


def probe(path: Path) -> dict:
    out = subprocess.run(
        [
            FFPROBE,
            "-v",
            "error",
            "-count_frames",
            "-show_entries",
            "format=duration,format_name:stream=codec_type,codec_name,profile,pix_fmt,width,height,"
            "avg_frame_rate,nb_read_frames",
            "-of",
            "json",
            str(path),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def decode_errors(path: Path) -> str:
    proc = subprocess.run(
        [FFMPEG, "-v", "error", "-xerror", "-i", str(path), "-f", "null", "-"], capture_output=True, text=True
    )
    return proc.stderr.strip() if proc.returncode == 0 else (proc.stderr.strip() or "decode failed")


def check(clips: list[dict]) -> bool:
    ok = True
    video_total = poster_total = caption_total = 0

    def fail(msg):
        nonlocal ok
        ok = False
        print("FAIL", msg)

    for c in clips:
        p = {k: COURSE / v for k, v in paths(c["slug"]).items()}
        for k, f in p.items():
            if not f.is_file():
                fail(f"{c['slug']}: missing {k} {f}")
        if not all(f.is_file() for f in p.values()):
            continue
        # captions
        try:
            cues = parse_vtt(p["captions"].read_text(encoding="utf-8"))
        except ValueError as e:
            fail(f"{c['slug']}: invalid WebVTT: {e}")
            cues = []
        expected = [(x["start"], x["end"], x["text"]) for x in c["cues"]]
        if cues and [(round(a, 3), round(b, 3), t) for a, b, t in cues] != [
            (round(a, 3), round(b, 3), t) for a, b, t in expected
        ]:
            fail(f"{c['slug']}: captions differ from videos.yaml")
        last_end = cues[-1][1] if cues else c["duration"]
        # video
        info = probe(p["video"])
        streams = info.get("streams", [])
        v = [s for s in streams if s.get("codec_type") == "video"]
        duration = float(info["format"]["duration"])
        if (
            len(v) != 1
            or v[0]["codec_name"] != "h264"
            or v[0]["pix_fmt"] != "yuv420p"
            or (v[0]["width"], v[0]["height"]) != (W, H)
        ):
            fail(f"{c['slug']}: unexpected video stream {v}")
        if "mp4" not in info["format"]["format_name"]:
            fail(f"{c['slug']}: not an MP4 container")
        if abs(duration - last_end) > 0.5:
            fail(f"{c['slug']}: duration {duration} s vs last cue end {last_end} s")
        frames = int(v[0].get("nb_read_frames", 0)) if v else 0
        if frames != round(c["duration"] * FPS):
            fail(f"{c['slug']}: decoded {frames} frames, expected {round(c['duration'] * FPS)}")
        err = decode_errors(p["video"])
        if err:
            fail(f"{c['slug']}: decode errors: {err}")
        if not moov_before_mdat(p["video"]):
            fail(f"{c['slug']}: moov atom is not at the start (faststart)")
        # poster
        with Image.open(p["poster"]) as im:
            if im.format != "PNG" or im.size != (W, H):
                fail(f"{c['slug']}: poster is {im.format} {im.size}")
        video_total += p["video"].stat().st_size
        poster_total += p["poster"].stat().st_size
        caption_total += p["captions"].stat().st_size
    # stale files in the directories this tool owns
    known = {c["slug"] for c in clips}
    for d, suffix in ((VIDEO_DIR, ".mp4"), (CAPTION_DIR, ".en.vtt"), (POSTER_DIR, ".png")):
        for f in sorted((COURSE / d).glob(f"*{suffix}")):
            if f.name[: -len(suffix)] not in known:
                print(f"NOTE stale file not in videos.yaml: {f.relative_to(COURSE)}")
    # manifest
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.is_file() else None
    if not manifest or [m["slug"] for m in manifest] != [c["slug"] for c in sorted(clips, key=topic_order)]:
        fail("manifest missing or out of date")
    if video_total >= VIDEO_BUDGET:
        fail(f"videos total {video_total} bytes >= budget {VIDEO_BUDGET}")
    if poster_total >= POSTER_BUDGET:
        fail(f"posters total {poster_total} bytes >= budget {POSTER_BUDGET}")
    print(
        f"{len(clips)} clips: videos {video_total} B, posters {poster_total} B, "
        f"captions {caption_total} B -> {'OK' if ok else 'PROBLEMS'}"
    )
    return ok


# --------------------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only check existing outputs")
    ap.add_argument("--only", nargs="+", metavar="SLUG", help="rebuild only these clips")
    args = ap.parse_args(argv)
    try:
        clips = load_clips()
    except ContentError as e:
        print(f"{CONTENT}:\n{e}", file=sys.stderr)
        return 2
    if not args.check:
        todo = [c for c in clips if not args.only or c["slug"] in args.only]
        if args.only and len(todo) != len(set(args.only)):
            print("unknown slug in --only", file=sys.stderr)
            return 2
        for d in (VIDEO_DIR, CAPTION_DIR, POSTER_DIR):
            (COURSE / d).mkdir(parents=True, exist_ok=True)
        for c in todo:
            p = {k: COURSE / v for k, v in paths(c["slug"]).items()}
            write_vtt(c, p["captions"])
            write_poster(c, p["poster"])
            write_video(c, p["video"])
            print(
                f"built {c['slug']} ({c['duration']:g} s, {p['video'].stat().st_size} B video, "
                f"{p['poster'].stat().st_size} B poster)"
            )
        write_manifest(clips)
    return 0 if check(clips) else 1


if __name__ == "__main__":
    sys.exit(main())
