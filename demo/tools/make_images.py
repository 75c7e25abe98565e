#!/usr/bin/env python3
"""Generate the diagram images of the Cluster4Smart demo course.

Draws, with Pillow only:
  * 3 interactive infographics (1200x750) under
    demo/cluster4smart/media/images/infographics/ and their hotspot data in
    demo/_drafts/infographics.yaml;
  * 8 topic figures (1000x600) under demo/cluster4smart/media/images/figures/;
  * demo/_drafts/media-images.yaml, the list of all these images with titles.

Output is deterministic: no timestamps, no randomness, fixed palette
quantisation.  Run:  .venv/bin/python demo/tools/make_images.py
"""

from __future__ import annotations

import math
import os
from functools import lru_cache
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

DEMO = Path(__file__).resolve().parent.parent
COURSE = DEMO / "cluster4smart"
DRAFTS = DEMO / "_drafts"
INFO_DIR = COURSE / "media" / "images" / "infographics"
FIG_DIR = COURSE / "media" / "images" / "figures"

S = 2  # supersampling factor: draw at 2x, downsample for smooth edges

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
}

# Palette (flat colours)
NAVY = (31, 58, 95)
BLUE = (46, 112, 160)
TEAL = (32, 140, 128)
GREEN = (88, 140, 64)
AMBER = (214, 140, 30)
CORAL = (214, 92, 64)
PURPLE = (112, 94, 160)
RED = (190, 60, 60)
TEXT = (30, 41, 59)
MUTED = (84, 98, 118)
GRID = (200, 209, 220)
BG = (247, 249, 252)
WHITE = (255, 255, 255)


def light(c, f=0.8):
    """Blend colour c towards white by fraction f."""
    return tuple(int(round(v + (255 - v) * f)) for v in c)


def dark(c, f=0.25):
    return tuple(int(round(v * (1 - f))) for v in c)


@lru_cache(maxsize=None)
def font(size, style="regular"):
    path = os.path.join(FONT_DIR, FONT_FILES[style])
    if os.path.exists(path):
        return ImageFont.truetype(path, int(round(size * S)))
    return ImageFont.load_default(size=int(round(size * S)))


class Fig:
    def __init__(self, w, h, bg=BG):
        self.w, self.h = w, h
        self.img = Image.new("RGB", (w * S, h * S), bg)
        self.d = ImageDraw.Draw(self.img)
        self.hotspots = []
        self.colors = {bg}

    def _use(self, *cols):
        for c in cols:
            if c is not None:
                self.colors.add(tuple(c))

    # ---- primitives (all coordinates in 1x pixels) -----------------------
    @staticmethod
    def _s(pts):
        return [(x * S, y * S) for x, y in pts]

    def rect(self, box, fill=None, outline=None, width=1, r=0):
        self._use(fill, outline)
        x0, y0, x1, y1 = (v * S for v in box)
        if r:
            self.d.rounded_rectangle(
                (x0, y0, x1, y1), radius=r * S, fill=fill, outline=outline, width=int(width * S)
            )
        else:
            self.d.rectangle((x0, y0, x1, y1), fill=fill, outline=outline, width=int(width * S))

    def ellipse(self, cx, cy, rx, ry=None, fill=None, outline=None, width=1):
        ry = rx if ry is None else ry
        self._use(fill, outline)
        self.d.ellipse(
            ((cx - rx) * S, (cy - ry) * S, (cx + rx) * S, (cy + ry) * S),
            fill=fill,
            outline=outline,
            width=int(width * S),
        )

    def translucent(self, shape, coords, color, alpha):
        """Draw a filled ellipse/polygon blended over the image."""
        mask = Image.new("L", self.img.size, 0)
        md = ImageDraw.Draw(mask)
        a = int(round(255 * alpha))
        if shape == "ellipse":
            cx, cy, r = coords
            md.ellipse(((cx - r) * S, (cy - r) * S, (cx + r) * S, (cy + r) * S), fill=a)
        else:
            md.polygon(self._s(coords), fill=a)
        self.img.paste(Image.new("RGB", self.img.size, color), (0, 0), mask)

    def poly(self, pts, fill=None, outline=None, width=1):
        self._use(fill, outline)
        self.d.polygon(self._s(pts), fill=fill, outline=outline, width=int(width * S))

    def line(self, pts, fill=TEXT, width=2):
        self._use(fill)
        self.d.line(self._s(pts), fill=fill, width=int(round(width * S)), joint="curve")

    def arc(self, cx, cy, r, start, end, fill=TEXT, width=2):
        self._use(fill)
        self.d.arc(
            ((cx - r) * S, (cy - r) * S, (cx + r) * S, (cy + r) * S),
            start,
            end,
            fill=fill,
            width=int(width * S),
        )

    def dashed(self, p0, p1, fill=MUTED, width=2, dash=10, gap=7):
        (x0, y0), (x1, y1) = p0, p1
        length = math.hypot(x1 - x0, y1 - y0)
        if length == 0:
            return
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        t = 0.0
        while t < length:
            t2 = min(t + dash, length)
            self.line([(x0 + ux * t, y0 + uy * t), (x0 + ux * t2, y0 + uy * t2)], fill, width)
            t = t2 + gap

    def dashed_rect(self, box, fill=MUTED, width=2, dash=10, gap=7):
        x0, y0, x1, y1 = box
        for a, b in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
            self.dashed(a, b, fill, width, dash, gap)

    def arrow(self, p0, p1, fill=TEXT, width=3, head=12, both=False):
        (x0, y0), (x1, y1) = p0, p1
        ang = math.atan2(y1 - y0, x1 - x0)
        hx, hy = math.cos(ang) * head, math.sin(ang) * head
        sx, sy = (x0 + hx * 0.8, y0 + hy * 0.8) if both else (x0, y0)
        self.line([(sx, sy), (x1 - hx * 0.8, y1 - hy * 0.8)], fill, width)
        self._head(x1, y1, ang, fill, head)
        if both:
            self._head(x0, y0, ang + math.pi, fill, head)

    def _head(self, x, y, ang, fill, head):
        w = head * 0.6
        bx, by = x - math.cos(ang) * head, y - math.sin(ang) * head
        px, py = -math.sin(ang) * w, math.cos(ang) * w
        self.poly([(x, y), (bx + px, by + py), (bx - px, by - py)], fill=fill)

    def polyarrow(self, pts, fill=TEXT, width=3, head=12):
        self.line(pts[:-1] + [self._shorten(pts[-2], pts[-1], head * 0.8)], fill, width)
        (x0, y0), (x1, y1) = pts[-2], pts[-1]
        self._head(x1, y1, math.atan2(y1 - y0, x1 - x0), fill, head)

    @staticmethod
    def _shorten(p0, p1, by):
        (x0, y0), (x1, y1) = p0, p1
        length = math.hypot(x1 - x0, y1 - y0)
        return (x1 - (x1 - x0) / length * by, y1 - (y1 - y0) / length * by)

    # ---- text ------------------------------------------------------------
    def text(self, xy, s, size=16, style="regular", fill=TEXT, anchor="mm"):
        x, y = xy
        self._use(fill)
        self.d.text((x * S, y * S), s, font=font(size, style), fill=fill, anchor=anchor)

    def textlen(self, s, size, style="regular"):
        return font(size, style).getlength(s) / S

    def wrap(self, s, size, style, maxw):
        lines = []
        for para in s.split("\n"):
            words, cur = para.split(), ""
            for w in words:
                trial = (cur + " " + w).strip()
                if cur and self.textlen(trial, size, style) > maxw:
                    lines.append(cur)
                    cur = w
                else:
                    cur = trial
            lines.append(cur)
        return lines

    def para(
        self, x, y, s, size=15, style="regular", fill=TEXT, maxw=200, align="center", valign="middle", lh=1.28
    ):
        """Draw wrapped text. x is the centre (align=center) or left edge.
        y is the vertical middle (valign=middle) or top (valign=top).
        Returns the y of the bottom of the block."""
        lines = self.wrap(s, size, style, maxw)
        step = size * lh
        total = step * len(lines)
        top = y - total / 2 if valign == "middle" else y
        for i, ln in enumerate(lines):
            cy = top + step * (i + 0.5)
            if align == "center":
                self.text((x, cy), ln, size, style, fill, "mm")
            else:
                self.text((x, cy), ln, size, style, fill, "lm")
        return top + total

    def bullets(self, x, y, items, size=14, fill=TEXT, maxw=180, gap=6, dot=TEXT):
        """Bulleted list with hanging indent; returns bottom y."""
        for it in items:
            lines = self.wrap(it, size, "regular", maxw - 14)
            self.ellipse(x + 4, y + size * 0.64, 2.6, fill=dot)
            for ln in lines:
                self.text((x + 14, y + size * 0.64), ln, size, "regular", fill, "lm")
                y += size * 1.28
            y += gap
        return y

    def title(self, s, sub=None, size=28, y=34):
        self.text((self.w / 2, y), s, size, "bold", NAVY)
        if sub:
            self.text((self.w / 2, y + size * 1.18), sub, max(14, size * 0.58), "regular", MUTED)

    # ---- hotspots ----------------------------------------------------------
    def hot(self, x, y, title, text):
        self.hotspots.append(
            {
                "x": round(100 * x / self.w, 1),
                "y": round(100 * y / self.h, 1),
                "title": title,
                "text": " ".join(text.split()),
            }
        )

    # ---- output ------------------------------------------------------------
    def palette(self, small, colors):
        """Fixed palette: every flat colour actually drawn, topped up with
        median-cut colours for anti-aliased edges and blended areas."""
        base = sorted(self.colors)
        extra = small.quantize(
            colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        ).getpalette()[: 3 * colors]
        pal = list(base)
        for i in range(0, len(extra), 3):
            if len(pal) >= colors:
                break
            c = tuple(extra[i : i + 3])
            if all(sum((a - b) ** 2 for a, b in zip(c, p)) > 24 for p in pal):
                pal.append(c)
        return pal[:256]

    @staticmethod
    def map_to_palette(small, pal):
        """Exact nearest-colour mapping (Pillow's own mapping is approximate
        and shifts flat colours such as white)."""
        lookup = {}
        for _, c in small.getcolors(maxcolors=small.width * small.height):
            lookup[c] = min(range(len(pal)), key=lambda i: sum((a - b) ** 2 for a, b in zip(c, pal[i])))
        q = Image.new("P", small.size)
        q.putpalette([v for c in pal for v in c])
        pixels = small.get_flattened_data() if hasattr(small, "get_flattened_data") else small.getdata()
        q.putdata([lookup[c] for c in pixels])
        return q

    def save(self, path, limit_kb, colors=128):
        small = self.img.resize((self.w, self.h), Image.LANCZOS)
        path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            pal = self.palette(small, colors)
            n = len(pal)
            q = self.map_to_palette(small, pal)
            q.save(path, format="PNG", optimize=True)
            size = path.stat().st_size
            if size < limit_kb * 1024 or colors <= 32:
                break
            colors -= 16
        print(f"{path.relative_to(DEMO)}  {size / 1024:.1f} KB  ({n} colours)")
        return size


# ---------------------------------------------------------------------------
# Icons (centre coordinates, roughly 60x50 px)
# ---------------------------------------------------------------------------


def icon_machine(f, cx, cy, c):
    f.rect((cx - 30, cy - 16, cx + 22, cy + 22), fill=c, r=4)
    f.rect((cx - 23, cy - 9, cx - 1, cy + 9), fill=WHITE, r=2)
    f.ellipse(cx + 11, cy - 4, 5, fill=WHITE)
    f.ellipse(cx + 11, cy + 11, 3, fill=WHITE)
    f.rect((cx - 34, cy + 22, cx + 26, cy + 27), fill=dark(c))
    for r in (7, 13, 19):
        f.arc(cx + 22, cy - 18, r, 270, 360, fill=c, width=3)


def icon_magnifier(f, cx, cy, c):
    f.ellipse(cx - 6, cy - 6, 18, fill=WHITE, outline=c, width=5)
    f.line([(cx + 7, cy + 7), (cx + 22, cy + 22)], c, 8)
    f.line([(cx - 14, cy - 6), (cx - 8, cy + 1), (cx + 3, cy - 13)], c, 4)


def icon_robot(f, cx, cy, c):
    f.rect((cx - 28, cy + 16, cx + 2, cy + 25), fill=dark(c), r=2)
    f.line([(cx - 13, cy + 16), (cx - 16, cy - 8), (cx + 14, cy - 20)], c, 8)
    f.ellipse(cx - 16, cy - 8, 6, fill=dark(c))
    f.ellipse(cx - 13, cy + 14, 6, fill=dark(c))
    f.line([(cx + 14, cy - 20), (cx + 24, cy - 10)], c, 4)
    f.line([(cx + 14, cy - 20), (cx + 26, cy - 24)], c, 4)
    # small AGV
    f.rect((cx + 8, cy + 8, cx + 34, cy + 20), fill=c, r=3)
    f.ellipse(cx + 14, cy + 22, 3, fill=dark(c))
    f.ellipse(cx + 28, cy + 22, 3, fill=dark(c))


def icon_person_tablet(f, cx, cy, c):
    f.ellipse(cx - 12, cy - 16, 9, fill=c)
    f.rect((cx - 26, cy - 4, cx + 2, cy + 26), fill=c, r=9)
    f.rect((cx + 2, cy - 8, cx + 26, cy + 22), fill=WHITE, outline=c, width=3, r=3)
    for i in range(3):
        f.line([(cx + 7, cy - 1 + i * 7), (cx + 21, cy - 1 + i * 7)], c, 2)


def icon_shield(f, cx, cy, c, s=20):
    f.poly(
        [
            (cx - s, cy - s * 0.75),
            (cx, cy - s * 1.1),
            (cx + s, cy - s * 0.75),
            (cx + s, cy + s * 0.1),
            (cx, cy + s * 1.15),
            (cx - s, cy + s * 0.1),
        ],
        fill=c,
    )
    f.line(
        [(cx - s * 0.45, cy), (cx - s * 0.1, cy + s * 0.35), (cx + s * 0.5, cy - s * 0.35)],
        WHITE,
        max(2, s * 0.16),
    )


def icon_truck(f, cx, cy, c):
    f.rect((cx - 36, cy - 20, cx + 8, cy + 12), fill=c, r=3)
    f.rect((cx + 10, cy - 8, cx + 32, cy + 12), fill=c, r=4)
    f.rect((cx + 15, cy - 4, cx + 27, cy + 3), fill=WHITE, r=2)
    for x in (cx - 22, cx + 20):
        f.ellipse(x, cy + 15, 7, fill=TEXT)
        f.ellipse(x, cy + 15, 3, fill=WHITE)


def icon_plant(f, cx, cy, c):
    f.poly(
        [
            (cx - 34, cy - 4),
            (cx - 34, cy - 20),
            (cx - 12, cy - 4),
            (cx - 12, cy - 20),
            (cx + 10, cy - 4),
            (cx + 10, cy - 28),
            (cx + 18, cy - 28),
            (cx + 18, cy - 4),
            (cx + 34, cy - 4),
            (cx + 34, cy + 22),
            (cx - 34, cy + 22),
        ],
        fill=c,
    )
    for x in (cx - 24, cx - 8, cx + 8):
        f.rect((x, cy + 4, x + 9, cy + 12), fill=WHITE)
    f.rect((cx + 20, cy + 6, cx + 29, cy + 22), fill=WHITE)


def icon_gear(f, cx, cy, c, r=22):
    pts = []
    n = 8
    for i in range(n * 2):
        a0 = math.pi * 2 * i / (n * 2)
        rad = r if i % 2 == 0 else r * 0.76
        for da in (-0.12, 0.12):
            a = a0 + da
            pts.append((cx + math.cos(a) * rad, cy + math.sin(a) * rad))
    f.poly(pts, fill=c)
    f.ellipse(cx, cy, r * 0.32, fill=WHITE)


def icon_bolt(f, cx, cy, c):
    f.poly(
        [
            (cx + 6, cy - 26),
            (cx - 16, cy + 4),
            (cx - 2, cy + 4),
            (cx - 8, cy + 26),
            (cx + 16, cy - 6),
            (cx + 2, cy - 6),
        ],
        fill=c,
    )


def icon_chip(f, cx, cy, c):
    for i in range(4):
        o = -15 + i * 10
        f.line([(cx + o, cy - 26), (cx + o, cy + 26)], c, 3)
        f.line([(cx - 26, cy + o), (cx + 26, cy + o)], c, 3)
    f.rect((cx - 19, cy - 19, cx + 19, cy + 19), fill=c, r=4)
    f.rect((cx - 10, cy - 10, cx + 10, cy + 10), fill=WHITE, r=2)


def icon_network(f, cx, cy, c):
    nodes = [(cx - 22, cy - 14), (cx + 20, cy - 20), (cx + 2, cy + 2), (cx - 18, cy + 20), (cx + 24, cy + 16)]
    for a, b in ((0, 2), (1, 2), (2, 3), (2, 4), (0, 1), (3, 4)):
        f.line([nodes[a], nodes[b]], c, 3)
    for x, y in nodes:
        f.ellipse(x, y, 6, fill=c)
        f.ellipse(x, y, 2.5, fill=WHITE)


def icon_cloud(f, cx, cy, c, k=1.0):
    f.ellipse(cx - 22 * k, cy + 2 * k, 16 * k, fill=c)
    f.ellipse(cx + 2 * k, cy - 8 * k, 22 * k, fill=c)
    f.ellipse(cx + 24 * k, cy + 4 * k, 14 * k, fill=c)
    f.rect((cx - 22 * k, cy + 2 * k, cx + 24 * k, cy + 18 * k), fill=c)


def icon_gateway(f, cx, cy, c):
    f.rect((cx - 26, cy - 14, cx + 26, cy + 18), fill=c, r=5)
    for i in range(4):
        f.ellipse(cx - 15 + i * 10, cy + 8, 2.5, fill=WHITE)
    f.rect((cx - 16, cy - 6, cx + 16, cy), fill=light(c, 0.6), r=1)
    f.line([(cx + 16, cy - 14), (cx + 20, cy - 28)], c, 3)
    f.ellipse(cx + 20, cy - 29, 3, fill=c)


def icon_sensor(f, cx, cy, c):
    f.rect((cx - 8, cy - 4, cx + 8, cy + 18), fill=c, r=3)
    f.ellipse(cx, cy - 8, 8, fill=c)
    for r in (12, 18):
        f.arc(cx, cy - 8, r, 220, 320, fill=c, width=2.5)


# ---------------------------------------------------------------------------
# Infographic 1: smart factory and connected value chain
# ---------------------------------------------------------------------------


def info_smart_factory():
    f = Fig(1200, 750)
    f.title(
        "The smart factory and the connected value chain",
        "Building blocks inside the plant, data exchanged with suppliers and customers",
        size=30,
        y=36,
    )

    # factory building with a sawtooth roof; the red wall is the security perimeter
    x0, x1, top, bot = 300, 900, 134, 676
    roof = []
    for i in range(6):
        roof += [(x0 + 100 * i, top), (x0 + 100 * i, top - 32)]
    roof += [(x1, top)]
    f.poly(roof + [(x0, top)], fill=(196, 206, 220))
    for i in range(6):
        f.line([(x0 + 100 * i, top - 32), (x0 + 100 * (i + 1), top)], (170, 182, 198), 2)
    f.rect((x0, top, x1, bot), fill=WHITE, outline=CORAL, width=6)
    f.text((600, 154), "SMART FACTORY", 14, "bold", MUTED)

    # planning and data bars
    f.rect((325, 172, 875, 240), fill=NAVY, r=10)
    f.text((600, 194), "Planning and execution", 20, "bold", WHITE)
    f.text((600, 221), "ERP orders  →  MES  →  real-time scheduling", 15, "regular", (214, 226, 240))
    for x in (470, 730):
        f.arrow((x, 242), (x, 275), MUTED, 3, 10, both=True)
    f.rect((325, 277, 875, 345), fill=BLUE, r=10)
    f.text((600, 299), "Data infrastructure", 20, "bold", WHITE)
    f.text(
        (600, 326), "edge devices  ·  networks  ·  cloud or local platform", 15, "regular", (220, 234, 246)
    )

    tiles = [
        ("Connected assets", "status, counts, energy", TEAL, icon_machine),
        ("Quality and maintenance", "in-line checks, condition monitoring", GREEN, icon_magnifier),
        ("Flexible automation and logistics", "cobots, AGVs, mobile robots", AMBER, icon_robot),
        ("Assistance for people", "digital instructions, AR", PURPLE, icon_person_tablet),
    ]
    w, gap = 127, 14.33
    tile_centres = []
    for i, (name, sub, c, icon) in enumerate(tiles):
        tx = 325 + i * (w + gap)
        cx = tx + w / 2
        f.arrow((cx, 347), (cx, 378), MUTED, 3, 10, both=True)
        f.rect((tx, 380, tx + w, 570), fill=light(c, 0.86), outline=c, width=2, r=10)
        icon(f, cx, 420, c)
        yb = f.para(cx, 458, name, 15, "bold", TEXT, maxw=w - 12, valign="top")
        f.para(cx, max(yb + 8, 512), sub, 13, "regular", MUTED, maxw=w - 16, valign="top")
        tile_centres.append(cx)

    # security badge
    f.rect((370, 592, 830, 656), fill=light(CORAL, 0.86), outline=CORAL, width=2, r=12)
    icon_shield(f, 410, 624, CORAL, 20)
    f.text((446, 611), "Security of operational technology", 17, "bold", TEXT, "lm")
    f.text((446, 637), "whole plant network; main reference IEC 62443", 14, "regular", MUTED, "lm")

    # suppliers and customers
    def partner(box, icon, name, lines, c):
        bx0, by0, bx1, by1 = box
        cx = (bx0 + bx1) / 2
        f.rect(box, fill=light(c, 0.85), outline=c, width=2, r=14)
        icon(f, cx, by0 + 50, c)
        f.text((cx, by0 + 102), name, 20, "bold", TEXT)
        y = by0 + 126
        for head, body in lines:
            f.text((bx0 + 14, y + 8), head, 13.5, "bold", dark(c, 0.1), "lm")
            y = (
                f.para(
                    bx0 + 14,
                    y + 18,
                    body,
                    13.5,
                    "regular",
                    TEXT,
                    maxw=bx1 - bx0 - 26,
                    align="left",
                    valign="top",
                )
                + 8
            )
        return cx

    sup_cx = partner(
        (25, 240, 250, 530),
        icon_truck,
        "Suppliers",
        [
            ("deliver", "materials, certificates, batch and quality data"),
            ("receive", "orders and forecasts, stock levels"),
        ],
        NAVY,
    )
    cus_cx = partner(
        (950, 240, 1175, 530),
        icon_plant,
        "Customers",
        [
            ("send", "forecasts and orders"),
            ("receive", "products with shipment notices, traceability and carbon data"),
        ],
        NAVY,
    )
    # flows: goods and data to the right (solid), orders to the left (dashed)
    for xa, xb in ((252, 298), (902, 948)):
        f.arrow((xa, 350), (xb, 350), NAVY, 4, 13)
        f.dashed((xb - 2, 420), (xa + 14, 420), NAVY, 3, 7, 5)
        f._head(xa, 420, math.pi, NAVY, 13)

    f.rect((25, 694, 1175, 736), fill=NAVY, r=10)
    f.text(
        (600, 715),
        "Connected value chain:  solid arrows = goods and data to the customer,  "
        "dashed arrows = orders and forecasts",
        15.5,
        "regular",
        WHITE,
    )

    f.hot(
        360,
        206,
        "Planning and execution",
        """The ERP holds customer orders, stock and costs; a manufacturing execution system
          (MES), or a lighter equivalent, turns them into jobs on the shop floor and records
          what actually happened. Linking the two lets planners schedule against real machine
          status instead of yesterday's paper reports.""",
    )
    f.hot(
        360,
        311,
        "Data infrastructure",
        """Edge devices, networks and a cloud or on-site platform collect, store and share the
          data that every other building block relies on. For a small firm this can start with
          one gateway and a subscription service. It should be chosen for openness and data
          portability, not only for features.""",
    )
    f.hot(
        tile_centres[0],
        420,
        "Connected assets",
        """Machines and added sensors report their status, part counts, energy use and process
          parameters. Older machines can be connected with simple retrofit sensors, for example
          current clamps. Making machine status visible is often one of the first and cheapest
          steps.""",
    )
    f.hot(
        tile_centres[1],
        420,
        "Quality and maintenance",
        """In-line measurement and machine vision catch defects while the part is still on the
          line rather than at final inspection. Condition monitoring moves maintenance from fixed
          intervals towards actual need, which can reduce both breakdowns and unnecessary
          servicing.""",
    )
    f.hot(
        tile_centres[2],
        420,
        "Flexible automation and logistics",
        """Collaborative robots, automated guided vehicles and autonomous mobile robots take
          over repetitive or heavy tasks. Because they can be reprogrammed and moved, they suit
          the small batches and product variety typical of SMEs better than fixed automation.""",
    )
    f.hot(
        tile_centres[3],
        420,
        "Assistance for people",
        """Digital work instructions, tablets and augmented reality put the right information
          in front of operators at the moment they need it. A smart factory still depends on
          people; these tools help them handle variety and train new staff faster.""",
    )
    f.hot(
        410,
        624,
        "Security",
        """Connecting machines exposes production to cyber risks that isolated equipment rarely
          faced. The IEC 62443 series of standards is the main reference for protecting
          operational technology, from network segmentation to secure remote access. Security is
          a property of the whole plant, not an add-on to one building block.""",
    )
    f.hot(
        cus_cx,
        290,
        "Connected value chain",
        """Beyond the factory walls, customers and suppliers exchange forecasts, orders,
          shipment notices, traceability and carbon footprint data electronically. Customers
          increasingly make such data a condition for staying on the approved supplier list.
          Suppliers that can deliver it strengthen their position, and a cluster can organise a
          shared response when many members face the same request.""",
    )
    return f


# ---------------------------------------------------------------------------
# Infographic 2: digital maturity dimensions (radar profile)
# ---------------------------------------------------------------------------


def info_maturity_dimensions():
    f = Fig(1200, 750)
    f.title(
        "Digital maturity: six dimensions, one profile",
        "An assessment places the company on a scale for each dimension (illustrative example)",
        size=30,
        y=36,
    )
    cx, cy, R = 420, 430, 235
    dims = [
        ("Strategy", NAVY),
        ("Processes", BLUE),
        ("Technology", TEAL),
        ("Data", GREEN),
        ("People", AMBER),
        ("Organisation", PURPLE),
    ]
    angles = [math.radians(-90 + 60 * i) for i in range(6)]

    def pt(i, r):
        return (cx + math.cos(angles[i]) * r, cy + math.sin(angles[i]) * r)

    for k in range(5, 0, -1):
        f.poly(
            [pt(i, R * k / 5) for i in range(6)],
            fill=(232, 238, 245) if k % 2 else (244, 247, 251),
            outline=GRID,
            width=1.5,
        )
    for i in range(6):
        f.line([(cx, cy), pt(i, R)], GRID, 2)
    # level numbers on the ring edges, between the Strategy and Processes axes
    mid = math.radians(-60)
    for k in range(1, 6):
        r = R * k / 5 * math.cos(math.radians(30))
        x, y = cx + math.cos(mid) * r, cy + math.sin(mid) * r
        f.ellipse(x, y, 9, fill=BG, outline=GRID, width=1)
        f.text((x, y), str(k), 12, "bold", MUTED)

    values = [3, 2.5, 4, 1.5, 2, 2.5]
    prof = [pt(i, R * v / 5) for i, v in enumerate(values)]
    f.translucent("polygon", prof, TEAL, 0.38)
    f.poly(prof, outline=dark(TEAL, 0.15), width=3.5)
    for x, y in prof:
        f.ellipse(x, y, 6, fill=dark(TEAL, 0.15), outline=WHITE, width=2)

    label_pos = []
    for i, (name, c) in enumerate(dims):
        x, y = pt(i, R + 44)
        tw = f.textlen(name, 18, "bold") + 30
        # keep side labels clear of the rings
        if math.cos(angles[i]) > 0.3:
            x += tw / 2 - 26
        elif math.cos(angles[i]) < -0.3:
            x -= tw / 2 - 26
        f.rect((x - tw / 2, y - 18, x + tw / 2, y + 18), fill=c, r=18)
        f.text((x, y), name, 18, "bold", WHITE)
        label_pos.append((x, y))

    # right-hand panel: the scale and how to read the profile
    px0, px1 = 790, 1175
    f.rect((px0, 112, px1, 470), fill=WHITE, outline=GRID, width=2, r=14)
    f.text((px0 + 20, 138), "Levels on the scale", 19, "bold", NAVY, "lm")
    f.text((px0 + 20, 162), "five steps, wording varies by model", 13.5, "italic", MUTED, "lm")
    levels = [
        (5, "Adaptive", "the firm adjusts quickly, partly automatically"),
        (4, "Data-driven", "integrated systems; data guides decisions"),
        (3, "Connected", "key machines and software linked"),
        (2, "Digitised islands", "some digital tools, little integration"),
        (1, "Basic", "mostly paper and individual know-how"),
    ]
    y = 196
    for n, name, desc in levels:
        shade = light(NAVY, 0.75 - 0.15 * (n - 1))
        f.ellipse(px0 + 36, y + 10, 15, fill=shade)
        f.text((px0 + 36, y + 10), str(n), 15, "bold", WHITE if n >= 3 else NAVY)
        f.text((px0 + 62, y + 1), name, 15.5, "bold", TEXT, "lm")
        f.text((px0 + 62, y + 21), desc, 13, "regular", MUTED, "lm")
        y += 54

    f.rect((px0, 490, px1, 705), fill=light(TEAL, 0.88), outline=TEAL, width=2, r=14)
    f.text((px0 + 20, 516), "Reading the example profile", 18, "bold", dark(TEAL, 0.2), "lm")
    f.bullets(
        px0 + 20,
        538,
        [
            "Technology at level 4, data at 1.5, people at 2.",
            "The average of about 2.6 hides the imbalance.",
            "Read the shape first: new machines risk being used at a fraction of their capacity.",
            "Support should target the weak foundations: data and skills.",
        ],
        14,
        TEXT,
        maxw=px1 - px0 - 40,
        gap=7,
        dot=TEAL,
    )

    texts = {
        "Strategy": """Does the company have digital goals linked to its business goals, a budget
            and a person responsible? A firm can own modern tools yet score low here if
            investments are made one sales visit at a time, without a plan.""",
        "Processes": """How orders, production, quality and maintenance are planned and recorded:
            on paper, in separate spreadsheets or in connected systems. The question is whether
            the digital tools are actually used to run the business every day.""",
        "Technology": """The machines, connectivity, software and IT infrastructure in place,
            including their security. A high score on its own says little; it matters whether
            the other dimensions allow the company to use this equipment well.""",
        "Data": """Whether data is collected, reliable, shared and used for decisions, and whether
            someone is responsible for it. Clean master data and trusted figures are the
            foundation for any later analytics or AI project.""",
        "People": """The digital skills of owners, managers and operators, how they are trained
            and how far staff are involved in changes. Low scores here often explain why
            expensive tools stay under-used.""",
        "Organisation": """Roles, responsibilities and ways of working: who owns digital topics,
            how IT and production cooperate, and how the firm works with external partners.
            Some models merge this dimension with strategy or people.""",
    }
    for i, (name, _) in enumerate(dims):
        x, y = pt(i, R)
        f.hot(x, y, name, texts[name])
    f.hot(
        px1 - 30,
        138,
        "Levels on the scale",
        """Each dimension is rated on a scale, usually of four to six levels, where each level
          describes what a company at that stage typically does. The names used here are
          illustrative: every model, such as the EDIH Digital Maturity Assessment or national
          self-checks, words its levels in its own way.""",
    )
    tx, ty = prof[2]
    f.hot(
        tx - 40,
        ty - 20,
        "The profile, not the average",
        """The shaded shape links the company's score on each dimension. In this fictional
          example technology is far ahead of data and people, a common pattern after a
          machine investment. The overall average looks moderate, but the imbalance is what
          should shape the support the cluster offers.""",
    )
    return f


# ---------------------------------------------------------------------------
# Infographic 3: cluster service portfolio
# ---------------------------------------------------------------------------


def info_service_portfolio():
    f = Fig(1200, 750)
    f.title(
        "A cluster service portfolio built on the SME journey",
        "Every service leads to a clear next step; cross-cutting services support all stages",
        size=30,
        y=36,
    )
    stages = [
        (
            "1",
            "Awareness",
            BLUE,
            ["newsletters", "thematic breakfasts", "peer testimonies", "company visits"],
        ),
        ("2", "Diagnosis", TEAL, ["self-checks", "assessment visits", "benchmarking"]),
        (
            "3",
            "Exploration and testing",
            GREEN,
            ["demonstrations", "test-before-invest", "small feasibility studies"],
        ),
        (
            "4",
            "Implementation",
            AMBER,
            ["matchmaking with providers", "help with funding", "project coaching"],
        ),
        (
            "5",
            "Scaling and sharing",
            CORAL,
            ["collaborative projects", "communities of practice", "members present results"],
        ),
    ]
    w, p, step, y0, y1 = 240, 24, 222, 100, 178
    centres = []
    for i, (num, name, c, items) in enumerate(stages):
        x0 = 30 + i * step
        pts = [(x0, y0), (x0 + w - p, y0), (x0 + w, (y0 + y1) / 2), (x0 + w - p, y1), (x0, y1)]
        if i:
            pts.append((x0 + p, (y0 + y1) / 2))
        f.poly(pts, fill=c)
        cx = x0 + (w + (p if i else 0)) / 2 - 4
        f.ellipse(cx, y0 + 22, 13, fill=WHITE)
        f.text((cx, y0 + 22), num, 15, "bold", c)
        f.para(cx, y0 + 57, name, 17, "bold", WHITE, maxw=w - 2 * p - 12)
        centres.append(cx)
        # card with example services
        kx0, kx1 = x0 + (p if i else 6) + 2, x0 + w - p - 2
        if i == 0:
            kx0 = 34
        f.rect((kx0, 194, kx1, 392), fill=WHITE, outline=light(c, 0.35), width=2, r=10)
        f.rect((kx0, 194, kx1, 200), fill=c)
        f.text((kx0 + 12, 221), "Example services", 13.5, "italic", MUTED, "lm")
        f.bullets(kx0 + 12, 240, items, 16, TEXT, maxw=kx1 - kx0 - 20, gap=7, dot=c)

    # loop: members who scaled feed awareness of others
    lx1, lx0 = centres[4], centres[0]
    f.polyarrow([(lx1, 392), (lx1, 426), (lx0, 426), (lx0, 396)], MUTED, 3, 12)
    f.rect((410, 412, 790, 440), fill=BG)
    f.text((600, 426), "Members' results inspire the next ones", 15, "italic", MUTED)

    f.rect((30, 458, 1170, 514), fill=PURPLE, r=12)
    f.text(
        (600, 486),
        "Cross-cutting services:   training  ·  funding watch  ·  advocacy towards the region",
        18,
        "bold",
        WHITE,
    )

    heading = "For each service, decide who delivers it"
    f.text((600, 550), heading, 19, "bold", NAVY)
    mpr = [
        (
            "Make",
            NAVY,
            "Cluster staff deliver it: diagnosis, brokering, community "
            "activities. Needs knowledge of members and neutrality.",
        ),
        (
            "Partner",
            TEAL,
            "Run jointly with a digital innovation hub or technology "
            "centre, e.g. test-before-invest using their equipment.",
        ),
        (
            "Refer",
            AMBER,
            "The market provides it well, e.g. implementation consulting; "
            "the cluster makes a good introduction.",
        ),
    ]
    for i, (name, c, desc) in enumerate(mpr):
        bx0 = 30 + i * 385
        bx1 = bx0 + 370
        f.rect((bx0, 576, bx1, 726), fill=WHITE, outline=light(c, 0.3), width=2, r=12)
        f.rect((bx0, 576, bx0 + 96, 726), fill=c, r=12)
        f.rect((bx0 + 80, 576, bx0 + 96, 726), fill=c)
        f.text((bx0 + 48, 651), name, 18, "bold", WHITE)
        f.para(bx0 + 110, 651, desc, 15, "regular", TEXT, maxw=bx1 - bx0 - 124, align="left")

    f.hot(
        centres[0],
        122,
        "Awareness",
        """Newsletters, thematic breakfasts, peer testimonies and company visits open the
          conversation with firms that have not yet thought about digitalisation. Awareness
          only counts as part of a portfolio if it offers an obvious next step, such as booking
          a self-check.""",
    )
    f.hot(
        centres[1],
        122,
        "Diagnosis",
        """Self-checks, assessment visits and benchmarking show an SME where it stands and
          what matters most. Diagnosis relies on knowing members and being neutral, so it is a
          service the cluster usually delivers itself.""",
    )
    f.hot(
        centres[2],
        122,
        "Exploration and testing",
        """Demonstrations, test-before-invest and small feasibility studies let a firm try a
          technology before committing money. Many clusters discover they offer little at this
          stage; it is typically run with a European Digital Innovation Hub or a technology
          centre.""",
    )
    f.hot(
        centres[3],
        122,
        "Implementation",
        """When a firm is ready to invest, the cluster matches it with suitable providers,
          helps assemble funding and coaches the project. Implementation consulting itself is
          usually left to the market, and the cluster should avoid competing with consultant
          members.""",
    )
    f.hot(
        centres[4],
        122,
        "Scaling and sharing",
        """Collaborative projects, communities of practice and members presenting their
          results help successful pilots spread. It is often the emptiest stage of a portfolio,
          yet firms that have finished a project are the most credible voices for the awareness
          stage, closing the loop.""",
    )
    f.hot(
        150,
        486,
        "Cross-cutting services",
        """Some services support several stages at once: training, a watch on funding
          calls, and advocacy towards the regional government. They are planned across the
          journey rather than attached to one step.""",
    )
    f.hot(
        600 + f.textlen(heading, 19, "bold") / 2 + 26,
        550,
        "Make, partner or refer",
        """For each service the cluster decides whether to deliver it, run it with a partner
          that has equipment or deep technical skills, or refer members to the market. A
          one-page service sheet then records the target group, the promise, who delivers,
          the price, the next step and one success indicator.""",
    )
    return f


# ---------------------------------------------------------------------------
# Figures (1000x600)
# ---------------------------------------------------------------------------


def fig_cluster_helix():
    f = Fig(1000, 600)
    f.title("Who is in a cluster: the helix of actors", size=26, y=32)
    R = 130
    circles = [
        (410, 200, BLUE, "Industry", "SMEs, large firms, specialised suppliers, service providers", -1, -1),
        (
            590,
            200,
            TEAL,
            "Research and education",
            "universities, vocational schools, research centres",
            1,
            -1,
        ),
        (410, 405, AMBER, "Public authorities", "regional government, public agencies, chambers", -1, 1),
        (590, 405, PURPLE, "Civil society and users", "citizens, end users, community groups", 1, 1),
    ]
    for x, y, c, *_ in circles:
        f.translucent("ellipse", (x, y, R), c, 0.30)
    for x, y, c, name, ex, sx, sy in circles:
        f.ellipse(x, y, R, outline=c, width=3)
    f.ellipse(590, 405, R, outline=PURPLE, width=3)
    for x, y, c, name, ex, sx, sy in circles:
        tx, ty = x + sx * 58, y + sy * 40
        nl = len(f.wrap(name, 16, "bold", 130))
        el = len(f.wrap(ex, 13, "regular", 126))
        hgt = nl * 16 * 1.28 + 4 + el * 13 * 1.28
        yb = f.para(tx, ty - hgt / 2, name, 16, "bold", dark(c, 0.3), maxw=130, valign="top")
        f.para(tx, yb + 4, ex, 13, "regular", TEXT, maxw=126, valign="top")
    f.ellipse(500, 302, 64, fill=WHITE, outline=NAVY, width=3)
    f.para(500, 292, "Cluster organisation", 14, "bold", NAVY, maxw=100)
    f.text((500, 321), "links the actors", 11.5, "italic", MUTED)

    # side panels
    f.rect((20, 120, 245, 260), fill=WHITE, outline=GRID, width=2, r=12)
    f.text((36, 144), "Triple helix", 17, "bold", NAVY, "lm")
    f.para(
        36,
        164,
        "industry + research and education + public authorities",
        14,
        "regular",
        TEXT,
        maxw=195,
        align="left",
        valign="top",
    )
    f.rect((20, 280, 245, 420), fill=WHITE, outline=GRID, width=2, r=12)
    f.text((36, 304), "Quadruple helix", 17, "bold", PURPLE, "lm")
    f.para(
        36,
        324,
        "adds civil society and users, who bring needs, acceptance and new ideas",
        14,
        "regular",
        TEXT,
        maxw=195,
        align="left",
        valign="top",
    )

    f.rect((755, 120, 980, 260), fill=WHITE, outline=GRID, width=2, r=12)
    f.text((771, 144), "Linked by", 17, "bold", NAVY, "lm")
    f.para(
        771,
        164,
        "competition in the market and cooperation on skills, standards and infrastructure",
        14,
        "regular",
        TEXT,
        maxw=195,
        align="left",
        valign="top",
    )
    f.rect((755, 280, 980, 420), fill=WHITE, outline=GRID, width=2, r=12)
    f.text((771, 304), "Tests of a real cluster", 15.5, "bold", NAVY, "lm")
    f.bullets(
        771,
        320,
        ["proximity", "specialisation", "interconnection", "critical mass and co-opetition"],
        14,
        TEXT,
        maxw=200,
        gap=1,
        dot=NAVY,
    )
    f.text(
        (500, 568),
        "The cluster exists with or without an organisation; "
        "the organisation strengthens the links between actors.",
        14,
        "italic",
        MUTED,
    )
    return f


def fig_cluster_life_cycle():
    f = Fig(1000, 600)
    f.title("The cluster life cycle", size=26, y=32)
    X0, X1, YB, YT = 80, 820, 470, 110
    bounds = [X0, 250, 450, 640, X1]
    names = ["Emergence", "Growth", "Maturity", "Decline or renewal"]
    descs = [
        "Pioneers and spin-offs; informal links",
        "New firms, suppliers, skilled labour pool, institutions",
        "Growth slows, incumbents dominate, variety narrows",
        "Shrinks, or transforms through new activities",
    ]
    shades = [(236, 242, 249), (244, 247, 251)]
    for i in range(4):
        f.rect((bounds[i], YT, bounds[i + 1], YB), fill=shades[i % 2])
        f.text(((bounds[i] + bounds[i + 1]) / 2, YT + 18), names[i], 16, "bold", NAVY)
        f.para(
            (bounds[i] + bounds[i + 1]) / 2,
            515,
            descs[i],
            13,
            "regular",
            TEXT,
            maxw=bounds[i + 1] - bounds[i] - 16,
        )
    for b in bounds[1:-1]:
        f.dashed((b, YT), (b, YB), GRID, 2, 6, 5)
    f.arrow((X0, YB), (X1 + 40, YB), TEXT, 2.5, 12)
    f.arrow((X0, YB), (X0, YT - 30), TEXT, 2.5, 12)
    f.text((X1 + 40, YB + 18), "time", 14, "italic", MUTED, "rm")
    f.text((X0 + 10, YT - 22), "number of firms, links and activity", 14, "italic", MUTED, "lm")

    def base(x):
        return 462 - 250 / (1 + math.exp(-(x - 345) / 52))

    main = [(x, base(x)) for x in range(X0 + 2, 641, 4)]
    y640 = base(640)
    renew = [(x, y640 - 62 * ((x - 640) / 180) ** 1.7) for x in range(640, 821, 4)]
    decl = [(x, y640 + 190 * ((x - 640) / 180) ** 2) for x in range(640, 821, 4)]
    f.line(main, NAVY, 5)
    f.line(renew, GREEN, 5)
    for a, b in zip(decl[::2], decl[1::2]):
        f.line([a, b], RED, 5)
    f.ellipse(renew[-1][0], renew[-1][1], 6, fill=GREEN)
    f.ellipse(decl[-1][0], decl[-1][1], 6, fill=RED)

    f.text((835, renew[-1][1] - 4), "Renewal", 16, "bold", GREEN, "lm")
    f.bullets(
        835,
        renew[-1][1] + 12,
        ["upgrading, e.g. with Industry 4.0", "related diversification", "new variety"],
        13,
        TEXT,
        maxw=160,
        gap=2,
        dot=GREEN,
    )
    f.text((835, decl[-1][1] - 4), "Decline", 16, "bold", RED, "lm")
    f.para(
        835,
        decl[-1][1] + 12,
        "fewer firms, jobs and skills",
        13,
        "regular",
        TEXT,
        maxw=150,
        align="left",
        valign="top",
    )

    f.rect((462, 290, 628, 378), fill=WHITE, outline=AMBER, width=2, r=10)
    f.text((545, 308), "Risk of lock-in", 14.5, "bold", dark(AMBER, 0.25))
    f.para(545, 342, "technological, cognitive and political", 13, "regular", TEXT, maxw=150)
    f.text(
        (500, 570),
        "Stages have no fixed length, and a cluster can move back and forth between them.",
        14,
        "italic",
        MUTED,
    )
    return f


def fig_industrial_revolutions():
    f = Fig(1000, 600)
    f.title("Four industrial revolutions", size=26, y=32)
    steps = [
        (
            "Mechanisation",
            "from the late 18th century",
            "Water and steam power drive looms, spinning machines and machine tools; work moves "
            "into factories.",
            BLUE,
            icon_gear,
        ),
        (
            "Electrification and mass production",
            "from the late 19th century",
            "Electric motors, interchangeable parts, division of labour, the moving assembly line.",
            TEAL,
            icon_bolt,
        ),
        (
            "Automation with electronics and IT",
            "from around 1970",
            "PLCs, CNC machines, industrial robots and business software automate single machines "
            "and processes.",
            AMBER,
            icon_chip,
        ),
        (
            "Cyber-physical systems",
            "Industrie 4.0, named in 2011",
            "Machines, products, systems and people are connected and exchange data across the "
            "factory and beyond.",
            CORAL,
            icon_network,
        ),
    ]
    ordinal = ["1st", "2nd", "3rd", "4th"]
    for i, (name, when, desc, c, icon) in enumerate(steps):
        x0 = 35 + i * 236
        x1 = x0 + 222
        top = 478 - i * 46
        f.rect((x0, top, x1, 540), fill=c, r=6)
        f.text(((x0 + x1) / 2, (top + 540) / 2 if i == 0 else top + 31), ordinal[i], 22, "bold", WHITE)
        ctop, cbot = top - 262, top - 12
        f.rect((x0, ctop, x1, cbot), fill=WHITE, outline=light(c, 0.3), width=2, r=12)
        icon(f, (x0 + x1) / 2, ctop + 40, c)
        yb = f.para((x0 + x1) / 2, ctop + 76, name, 16.5, "bold", TEXT, maxw=200, valign="top")
        f.text(((x0 + x1) / 2, yb + 12), when, 13.5, "italic", dark(c, 0.2))
        f.para((x0 + x1) / 2, yb + 30, desc, 13.5, "regular", TEXT, maxw=196, valign="top")
    f.text(
        (500, 570),
        "On a real shop floor the eras overlap: machines from several decades often work side by side.",
        14,
        "italic",
        MUTED,
    )
    return f


def fig_edge_cloud():
    f = Fig(1000, 600)
    f.title("Edge or cloud: where is data processed?", size=26, y=32)
    f.dashed_rect((20, 78, 590, 520), MUTED, 2, 9, 6)
    f.rect((30, 66, 190, 90), fill=BG)
    f.text((40, 78), "Inside the plant", 15, "bold", MUTED, "lm")

    # shop floor
    f.rect((40, 110, 210, 500), fill=light(NAVY, 0.88), outline=light(NAVY, 0.5), width=2, r=12)
    f.text((125, 135), "Shop floor", 17, "bold", NAVY)
    icon_machine(f, 118, 200, NAVY)
    icon_machine(f, 118, 290, NAVY)
    icon_sensor(f, 100, 380, NAVY)
    icon_sensor(f, 140, 380, NAVY)
    f.para(125, 450, "machines, controllers, sensors and cameras", 13.5, "regular", TEXT, maxw=150)
    f.arrow((214, 250), (262, 250), NAVY, 4, 13)
    f.para(238, 300, "raw signals", 12, "italic", MUTED, maxw=50)

    # edge
    f.rect((268, 110, 575, 500), fill=WHITE, outline=TEAL, width=3, r=12)
    icon_gateway(f, 310, 160, TEAL)
    f.text((350, 148), "Edge", 22, "bold", dark(TEAL, 0.2), "lm")
    f.text((350, 174), "in the plant, near the machines", 13, "regular", MUTED, "lm")
    f.text((290, 204), "gateway, industrial PC or local server", 13, "italic", MUTED, "lm")
    f.text((290, 232), "Best when", 15, "bold", TEXT, "lm")
    f.bullets(
        290,
        250,
        [
            "decisions must be fast, e.g. rejecting a faulty part in milliseconds",
            "raw data is too large to send, e.g. images or vibration signals",
            "production must go on if the internet connection fails",
            "data is too sensitive to leave the site",
        ],
        14,
        TEXT,
        maxw=270,
        gap=9,
        dot=TEAL,
    )

    # cloud
    f.rect((650, 110, 975, 500), fill=WHITE, outline=BLUE, width=3, r=12)
    icon_cloud(f, 700, 160, BLUE, 0.95)
    f.text((740, 148), "Cloud", 22, "bold", dark(BLUE, 0.2), "lm")
    f.text((740, 174), "remote data centres of a provider", 13, "regular", MUTED, "lm")
    f.text((672, 204), "used as IaaS, PaaS or ready-made SaaS", 13, "italic", MUTED, "lm")
    f.text((672, 232), "Best for", 15, "bold", TEXT, "lm")
    f.bullets(
        672,
        250,
        [
            "long-term storage of history",
            "comparing lines and sites",
            "access from anywhere, dashboards and alerts",
            "training AI models and heavy analysis",
            "firms without their own IT staff",
        ],
        14,
        TEXT,
        maxw=285,
        gap=9,
        dot=BLUE,
    )

    f.arrow((580, 250), (645, 250), TEXT, 3.5, 12)
    f.para(612, 222, "aggregates, events", 11.5, "italic", MUTED, maxw=64)
    f.arrow((645, 330), (580, 330), TEXT, 3.5, 12)
    f.para(612, 362, "models, settings, updates", 11.5, "italic", MUTED, maxw=64)

    f.rect((20, 540, 980, 585), fill=NAVY, r=10)
    f.text(
        (500, 562),
        "Most real solutions are hybrid: the edge filters and reacts, the cloud stores and analyses.",
        15.5,
        "regular",
        WHITE,
    )
    return f


def fig_analytics_levels():
    f = Fig(1000, 600)
    f.title("Four levels of analytics", size=26, y=32)
    levels = [
        ("Descriptive", "What happened?", "Output per shift, downtime per machine, scrap per product", BLUE),
        (
            "Diagnostic",
            "Why did it happen?",
            "Downtime linked to causes, materials, shifts or tool changes",
            TEAL,
        ),
        (
            "Predictive",
            "What is likely to happen?",
            "When a bearing may fail; which batch may go out of tolerance",
            AMBER,
        ),
        (
            "Prescriptive",
            "What should we do?",
            "A recommended schedule, setting or maintenance date, sometimes applied automatically",
            CORAL,
        ),
    ]
    for i, (name, q, ex, c) in enumerate(levels):
        x0 = 40 + i * 232
        x1 = x0 + 222
        top = 365 - i * 78
        f.rect((x0, top, x1, 515), fill=c, r=8)
        f.text(((x0 + x1) / 2, top + 24), name, 19, "bold", WHITE)
        f.text(((x0 + x1) / 2, top + 50), q, 14.5, "italic", WHITE)
        f.line([(x0 + 20, top + 68), (x1 - 20, top + 68)], light(c, 0.45), 1.5)
        f.para((x0 + x1) / 2, top + 78, ex, 13, "regular", WHITE, maxw=196, valign="top")
    f.rect((40, 523, 958, 563), fill=NAVY, r=8)
    f.text((499, 543), "Foundation: reliable, connected data with agreed definitions", 16, "bold", WHITE)
    f.arrow((70, 300), (470, 110), MUTED, 3, 14)
    f.para(150, 150, "Each level rests on the one below", 16, "bold", NAVY, maxw=190)
    f.para(
        150,
        202,
        "value grows, and so do the data, skills and history required",
        13.5,
        "regular",
        MUTED,
        maxw=200,
    )
    f.text(
        (500, 583),
        "Many SMEs gain most from mastering the first two levels before moving to prediction.",
        13.5,
        "italic",
        MUTED,
    )
    return f


def fig_maturity_stages():
    f = Fig(1000, 600)
    f.title(
        "Levels of a maturity model: the acatech example",
        "Six development stages of the acatech Industrie 4.0 Maturity Index",
        size=26,
        y=30,
    )
    stages = [
        ("Computerisation", "IT used for single tasks, systems isolated"),
        ("Connectivity", "systems linked; IT and machines partly integrated"),
        ("Visibility", "What is happening?"),
        ("Transparency", "Why is it happening?"),
        ("Predictive capacity", "What will happen?"),
        ("Adaptability", "How can the firm respond autonomously?"),
    ]
    cols = [light(BLUE, 0.35), BLUE, TEAL, GREEN, AMBER, CORAL]
    for i, ((name, desc), c) in enumerate(zip(stages, cols)):
        x0 = 30 + i * 158
        x1 = x0 + 150
        top = 470 - i * 52
        f.rect((x0, top, x1, 520), fill=c, r=6)
        f.text(((x0 + x1) / 2, top + 22), str(i + 1), 22, "bold", WHITE)
        yb = f.para((x0 + x1) / 2, top - 92, name, 15.5, "bold", TEXT, maxw=146, valign="top")
        f.para(
            (x0 + x1) / 2,
            yb + 4,
            desc,
            13,
            "italic" if i >= 2 else "regular",
            dark(c, 0.3) if i >= 2 else TEXT,
            maxw=142,
            valign="top",
        )
    # group brackets
    for a, b, label, c in ((0, 1, "Digitalisation", BLUE), (2, 5, "Industrie 4.0", CORAL)):
        xa, xb = 30 + a * 158, 30 + b * 158 + 150
        f.line([(xa, 530), (xa, 540), (xb, 540), (xb, 530)], c, 2.5)
        f.text(((xa + xb) / 2, 560), label, 16, "bold", c)
    f.rect((30, 96, 450, 222), fill=WHITE, outline=GRID, width=2, r=12)
    f.text((48, 120), "Assessed in four structural areas", 16, "bold", NAVY, "lm")
    f.bullets(48, 136, ["resources", "information systems"], 14, TEXT, maxw=180, gap=2, dot=NAVY)
    f.bullets(236, 136, ["organisational structure", "culture"], 14, TEXT, maxw=210, gap=2, dot=NAVY)
    f.text((48, 200), "Each stage builds on the one before.", 13.5, "italic", MUTED, "lm")
    return f


def fig_roadmap():
    f = Fig(1000, 600)
    f.title("From assessment to roadmap: three horizons", size=26, y=32)
    f.rect((20, 80, 170, 440), fill=light(NAVY, 0.86), outline=NAVY, width=2, r=12)
    f.text((95, 106), "Today", 18, "bold", NAVY)
    f.para(
        95,
        126,
        "Assessment profile: paper quality records, no link between production and ERP",
        13.5,
        "regular",
        TEXT,
        maxw=126,
        valign="top",
    )
    f.rect((830, 80, 980, 440), fill=light(GREEN, 0.84), outline=GREEN, width=2, r=12)
    f.text((905, 106), "Objective", 18, "bold", dark(GREEN, 0.2))
    f.para(
        905,
        126,
        "Win a large retail customer that requires full batch traceability within three years",
        13.5,
        "regular",
        TEXT,
        maxw=126,
        valign="top",
    )

    hz = [
        (
            "0 to 6 months",
            BLUE,
            "Quality manager",
            "hours of paperwork per week",
            ["Digital HACCP check forms on tablets", "Clean up product and batch master data"],
        ),
        (
            "6 to 18 months",
            TEAL,
            "Production manager",
            "time to trace a batch",
            [
                "Barcode labels on every batch",
                "Connect scales and ovens to light production tracking, tested first via test-before-invest",
            ],
        ),
        (
            "18 to 36 months",
            AMBER,
            "Managing director",
            "energy per kilo produced",
            ["Energy monitoring", "Use the collected data to optimise drying cycles"],
        ),
    ]
    for i, (label, c, owner, indicator, acts) in enumerate(hz):
        x0 = 185 + i * 218
        x1 = x0 + 206
        f.rect((x0, 80, x1, 118), fill=c, r=8)
        f.text(((x0 + x1) / 2, 99), label, 16, "bold", WHITE)
        y = 128
        for a in acts:
            lines = f.wrap(a, 14, "regular", 176)
            hgt = len(lines) * 14 * 1.28 + 22
            f.rect((x0, y, x1, y + hgt), fill=WHITE, outline=light(c, 0.3), width=2, r=8)
            f.para((x0 + x1) / 2, y + hgt / 2, a, 14, "regular", TEXT, maxw=176)
            y += hgt + 10
        f.rect((x0, 336, x1, 384), fill=WHITE, outline=light(c, 0.5), width=1.5, r=8)
        f.text(((x0 + x1) / 2, 349), "Example indicator", 12, "italic", MUTED)
        f.text(((x0 + x1) / 2, 369), indicator, 13.5, "regular", TEXT)
        f.rect((x0, 392, x1, 440), fill=light(c, 0.85), r=8)
        f.text(((x0 + x1) / 2, 405), "Owner", 12, "italic", MUTED)
        f.text(((x0 + x1) / 2, 425), owner, 14.5, "bold", dark(c, 0.25))
    # timeline
    f.arrow((20, 478), (980, 478), TEXT, 3, 14)
    for x, lab in ((185, "0"), (403, "6"), (621, "18"), (827, "36 months")):
        f.line([(x, 470), (x, 486)], TEXT, 2.5)
        f.text((x, 498), lab, 13, "bold", TEXT)
    rx = 403 + (621 - 403) * 0.45
    f.poly([(rx, 464), (rx + 11, 478), (rx, 492), (rx - 11, 478)], fill=CORAL)
    f.para(
        rx + 18,
        504,
        "Reassess with the same tool after 12 to 18 months",
        12.5,
        "italic",
        dark(CORAL, 0.2),
        maxw=230,
        align="left",
        valign="top",
    )

    f.rect((20, 540, 980, 585), fill=NAVY, r=10)
    f.text(
        (500, 562),
        "Every action has an owner, a budget range and funding source, "
        "one or two indicators, and named support",
        14.5,
        "regular",
        WHITE,
    )
    return f


def fig_open_innovation():
    f = Fig(1000, 600)
    f.title("Open innovation: knowledge crosses the firm boundary", size=26, y=30)
    f.text(
        (500, 62),
        "The dashed line is the boundary of the SME; it is porous in both directions",
        14,
        "italic",
        MUTED,
    )
    # funnel
    L, Rx = 230, 760
    tl, bl, tr, br = 165, 455, 262, 358
    f.poly([(L, tl), (Rx, tr), (Rx, br), (L, bl)], fill=light(NAVY, 0.9))
    f.dashed((L, tl), (Rx, tr), NAVY, 3, 12, 8)
    f.dashed((L, bl), (Rx, br), NAVY, 3, 12, 8)
    f.text((300, 312), "SME", 22, "bold", light(NAVY, 0.35))
    # ideas / projects moving through
    dots = [
        (270, 210, 7),
        (285, 260, 9),
        (262, 330, 6),
        (300, 390, 8),
        (275, 420, 6),
        (360, 230, 8),
        (380, 300, 10),
        (350, 360, 7),
        (395, 400, 6),
        (450, 255, 9),
        (470, 330, 8),
        (520, 290, 10),
        (540, 350, 7),
        (600, 305, 9),
        (650, 320, 8),
        (700, 300, 9),
    ]
    for x, y, r in dots:
        f.ellipse(x, y, r, fill=light(NAVY, 0.35))
    f.arrow((560, 310), (740, 310), NAVY, 3, 12)

    # own ideas from the left
    f.rect((20, 250, 180, 370), fill=WHITE, outline=GRID, width=2, r=10)
    f.para(100, 310, "Ideas from the shop floor, customers and suppliers", 13.5, "regular", TEXT, maxw=140)
    f.arrow((184, 310), (250, 310), NAVY, 3, 12)

    # market
    f.rect((795, 270, 980, 350), fill=NAVY, r=10)
    f.text((887, 296), "Own market", 17, "bold", WHITE)
    f.text((887, 322), "new products, processes", 12.5, "regular", (214, 226, 240))
    f.arrow((762, 310), (792, 310), NAVY, 4, 12)

    # inbound
    for x, lab in ((300, "Technology providers"), (470, "University labs"), (620, "Student projects")):
        hw = f.textlen(lab, 14, "bold") / 2 + 12
        f.rect((x - hw, 88, x + hw, 124), fill=light(TEAL, 0.85), outline=TEAL, width=2, r=8)
        f.text((x, 106), lab, 14, "bold", dark(TEAL, 0.3))
        ty = tl + (tr - tl) * (x - L) / (Rx - L)
        f.arrow((x, 126), (x, ty + 30), TEAL, 4, 13)
    f.text((706, 106), "Inbound", 18, "bold", TEAL, "lm")
    f.text((706, 128), "bringing knowledge in", 13, "italic", MUTED, "lm")

    # outbound
    for x in (560, 650):
        by = bl + (br - bl) * (x - L) / (Rx - L)
        f.arrow((x, by - 20), (x + 40, 505), AMBER, 4, 13)
    f.rect((560, 508, 800, 568), fill=light(AMBER, 0.85), outline=AMBER, width=2, r=8)
    f.para(
        680,
        538,
        "Other markets: licences, spin-off products, tools sold to other firms",
        13,
        "regular",
        TEXT,
        maxw=220,
    )
    f.text((818, 520), "Outbound", 18, "bold", dark(AMBER, 0.1), "lm")
    f.text((818, 542), "taking knowledge out", 13, "italic", MUTED, "lm")

    # coupled
    x = 340
    by = bl + (br - bl) * (x - L) / (Rx - L)
    f.arrow((x, by - 22), (x, 506), PURPLE, 4, 13, both=True)
    f.rect((200, 508, 480, 568), fill=light(PURPLE, 0.85), outline=PURPLE, width=2, r=8)
    f.para(340, 538, "Partners co-develop, sharing risks and results", 13, "regular", TEXT, maxw=250)
    f.text((190, 520), "Coupled", 18, "bold", PURPLE, "rm")
    f.text((190, 542), "working together", 13, "italic", MUTED, "rm")
    return f


# ---------------------------------------------------------------------------
# Registry and metadata
# ---------------------------------------------------------------------------

M1 = "modules/01-clusters-and-industry-4-0"
M2 = "modules/02-key-enabling-technologies"
M3 = "modules/03-assessing-and-supporting-smes"
M4 = "modules/04-leading-transformation-in-the-cluster"

INFOGRAPHICS = [
    {
        "slug": "smart-factory-connected-value-chain",
        "draw": info_smart_factory,
        "topic": f"{M1}/02-understanding-industry-4-0/03-the-smart-factory-and-the-connected-value-chain.yaml",
        "title": "The smart factory and the connected value chain",
        "alt_text": "Diagram of a factory building containing planning and execution, data "
        "infrastructure, connected assets, quality and maintenance, flexible "
        "automation, assistance for people and a security layer, linked by data "
        "flows to suppliers on the left and customers on the right.",
        "description": "Explore the seven building blocks of a smart factory and the data that "
        "connects it with suppliers and customers.",
    },
    {
        "slug": "digital-maturity-dimensions",
        "draw": info_maturity_dimensions,
        "topic": f"{M3}/01-digital-maturity-assessment/01-why-measure-digital-maturity.yaml",
        "title": "Digital maturity: six dimensions, one profile",
        "alt_text": "Radar chart with six axes (strategy, processes, technology, data, people "
        "and organisation) on a five-level scale, showing an uneven example "
        "profile that is strong in technology and weak in data and people.",
        "description": "Explore the dimensions a digital maturity assessment looks at and why "
        "the shape of a profile matters more than its average.",
    },
    {
        "slug": "cluster-service-portfolio",
        "draw": info_service_portfolio,
        "topic": f"{M3}/02-cluster-services-for-digital-transformation/01-designing-a-service-portfolio.yaml",
        "title": "A cluster service portfolio built on the SME journey",
        "alt_text": "Five arrows in a row for the SME journey stages awareness, diagnosis, "
        "exploration and testing, implementation, and scaling and sharing, each "
        "with example services, above a bar of cross-cutting services and three "
        "boxes for make, partner or refer.",
        "description": "Explore how a cluster can organise its digital transformation services "
        "along the SME journey and decide who delivers each one.",
    },
]

FIGURES = [
    {
        "slug": "cluster-helix-of-actors",
        "draw": fig_cluster_helix,
        "topic": f"{M1}/01-clusters-as-engines-of-sme-competitiveness/01-what-a-cluster-is.yaml",
        "title": "Who is in a cluster: the helix of actors",
        "alt_text": "Four overlapping circles for industry, research and education, public "
        "authorities, and civil society and users, with the cluster organisation "
        "at their centre. Side notes explain the triple and quadruple helix and "
        "the tests of a real cluster.",
        "caption": "A cluster brings together firms, research and education, public authorities "
        "and, in the quadruple helix, civil society and users.",
    },
    {
        "slug": "cluster-life-cycle",
        "draw": fig_cluster_life_cycle,
        "topic": f"{M1}/01-clusters-as-engines-of-sme-competitiveness/04-cluster-life-cycle-and-maturity.yaml",
        "title": "The cluster life cycle",
        "alt_text": "An S-shaped curve rises through emergence and growth, levels off in "
        "maturity with a risk of lock-in, then splits into a rising renewal path "
        "and a falling decline path.",
        "caption": "Clusters pass through emergence, growth and maturity, then renew themselves or decline.",
    },
    {
        "slug": "four-industrial-revolutions",
        "draw": fig_industrial_revolutions,
        "topic": f"{M1}/02-understanding-industry-4-0/01-from-mechanisation-to-cyber-physical-systems.yaml",
        "title": "Four industrial revolutions",
        "alt_text": "Four rising steps, each with a card: mechanisation from the late 18th "
        "century, electrification and mass production from the late 19th century, "
        "automation with electronics and IT from around 1970, and cyber-physical "
        "systems, named Industrie 4.0 in 2011.",
        "caption": "From steam power to cyber-physical systems: four industrial revolutions in brief.",
    },
    {
        "slug": "edge-vs-cloud",
        "draw": fig_edge_cloud,
        "topic": f"{M2}/01-connected-production/02-edge-cloud-and-industrial-platforms.yaml",
        "title": "Edge or cloud: where is data processed?",
        "alt_text": "Data flows from shop-floor machines and sensors to an edge gateway inside "
        "the plant and on to the cloud. Each side lists when it is the better "
        "place to process data.",
        "caption": "The edge reacts fast and keeps working offline; the cloud stores, compares "
        "and analyses. Most solutions combine both.",
    },
    {
        "slug": "four-levels-of-analytics",
        "draw": fig_analytics_levels,
        "topic": f"{M2}/02-data-analytics-and-ai/02-from-dashboards-to-predictive-analytics.yaml",
        "title": "Four levels of analytics",
        "alt_text": "A staircase of four steps, descriptive, diagnostic, predictive and "
        "prescriptive, each with its question and a shop-floor example, resting "
        "on a foundation of reliable, connected data.",
        "caption": "Analytics climbs from what happened to what to do; each level rests on the one below.",
    },
    {
        "slug": "maturity-stages-acatech",
        "draw": fig_maturity_stages,
        "topic": f"{M3}/01-digital-maturity-assessment/02-maturity-models-and-self-assessment-tools.yaml",
        "title": "Levels of a maturity model: the acatech example",
        "alt_text": "A staircase of six stages: computerisation and connectivity, grouped as "
        "digitalisation, then visibility, transparency, predictive capacity and "
        "adaptability, grouped as Industrie 4.0, assessed across resources, "
        "information systems, organisational structure and culture.",
        "caption": "The six stages of the acatech Industrie 4.0 Maturity Index, an example of "
        "the levels in a maturity model.",
    },
    {
        "slug": "roadmap-three-horizons",
        "draw": fig_roadmap,
        "topic": f"{M3}/01-digital-maturity-assessment/05-from-assessment-to-roadmap.yaml",
        "title": "From assessment to roadmap: three horizons",
        "alt_text": "A roadmap running from the current assessment profile on the left to a "
        "business objective on the right, with actions and owners in three time "
        "horizons (0 to 6, 6 to 18 and 18 to 36 months) and a reassessment "
        "marker on the timeline.",
        "caption": "A roadmap links today's profile to a business objective through owned "
        "actions in three time horizons (fictional food producer).",
    },
    {
        "slug": "open-innovation-flows",
        "draw": fig_open_innovation,
        "topic": f"{M4}/01-collaboration-and-open-innovation/01-open-innovation-models-for-clusters.yaml",
        "title": "Open innovation: knowledge crosses the firm boundary",
        "alt_text": "A funnel with a dashed, porous boundary representing an SME: ideas move "
        "through it to its own market, while inbound arrows bring knowledge from "
        "technology providers, labs and students, outbound arrows take ideas to "
        "other markets, and a two-way arrow links it with partners.",
        "caption": "Inbound, outbound and coupled open innovation: knowledge flows across the "
        "boundary of the firm.",
    },
]


def main():
    infographics_out = []
    media = []
    for item in INFOGRAPHICS:
        fig = item["draw"]()
        rel = f"media/images/infographics/{item['slug']}.png"
        fig.save(COURSE / rel, limit_kb=80)
        infographics_out.append(
            {
                "topic": item["topic"],
                "image": rel,
                "title": item["title"],
                "alt_text": item["alt_text"],
                "description": item["description"],
                "hotspots": fig.hotspots,
            }
        )
        media.append({"path": rel, "title": item["title"]})
    for item in FIGURES:
        fig = item["draw"]()
        rel = f"media/images/figures/{item['slug']}.png"
        fig.save(COURSE / rel, limit_kb=60)
        media.append({"path": rel, "title": item["title"]})

    header = "# Generated by demo/tools/make_images.py - do not edit by hand.\n"
    with open(DRAFTS / "infographics.yaml", "w", encoding="utf-8") as fh:
        fh.write(header)
        yaml.safe_dump(infographics_out, fh, sort_keys=False, allow_unicode=True, width=88)
    with open(DRAFTS / "media-images.yaml", "w", encoding="utf-8") as fh:
        fh.write(header)
        yaml.safe_dump(
            sorted(media, key=lambda m: m["path"]), fh, sort_keys=False, allow_unicode=True, width=88
        )


if __name__ == "__main__":
    main()
