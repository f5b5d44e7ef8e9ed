"""The result card: a PNG of an attempt's score, for sharing and as the end screen's Open Graph image.

Arabic is shaped and laid out right to left by Pillow's raqm engine, in the Noto Naskh Arabic faces shipped in
``static/fonts``. Those files are the web subsets: one holds the Arabic script (and the space), the other the Latin
letters, digits and ASCII punctuation. A line is therefore cut into runs of one direction (a small version of the
Unicode bidirectional algorithm: Latin words and numbers are left-to-right islands in Arabic text) and each run
into pieces of one face; the pieces are measured and drawn one by one on a shared baseline.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
# The Arabic subset's unicode-range, as in static/css/site.css.
ARABIC_FACE_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x088E),
    (0x0890, 0x0891),
    (0x0897, 0x08E1),
    (0x08E3, 0x08FF),
    (0x200C, 0x200E),
    (0x2010, 0x2011),
    (0x204F, 0x204F),
    (0x2E41, 0x2E41),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFE74),
    (0xFE76, 0xFEFC),
)
# Colours of static/css/site.css.
PAPER, INK, INK_SOFT, ACCENT, ACCENT_SOFT, LINE, WHITE = (
    "#fbfaf7",
    "#1b1f24",
    "#4a5360",
    "#0b5d4b",
    "#e3f1ec",
    "#d9d4c7",
    "#ffffff",
)


@cache
def _font(face: str, weight: int, size: int) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / f"noto-naskh-arabic-{face}-{weight}-normal.woff2"
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


def _in_arabic_face(char: str) -> bool:
    code = ord(char)
    return char == " " or any(start <= code <= end for start, end in ARABIC_FACE_RANGES)


def _levels(text: str, rtl: bool) -> list[int]:
    """Embedding levels of the characters of one line: 1 is right to left, 0 and 2 left to right."""
    kinds: list[str] = []
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in ("R", "AL"):
            kinds.append("R")
        elif bidi == "L":
            kinds.append("L")
        elif bidi in ("EN", "AN"):
            kinds.append("N")
        elif bidi == "NSM":
            kinds.append(kinds[-1] if kinds else "X")
        else:
            kinds.append("X")
    # A separator or sign inside or at the end of a number belongs to it: 1,000  3.5  80%.
    for i, kind in enumerate(kinds):
        if kind == "X" and unicodedata.bidirectional(text[i]) in ("CS", "ES", "ET"):
            before = kinds[i - 1] if i > 0 else ""
            after = kinds[i + 1] if i + 1 < len(kinds) else ""
            if (before == "N" and after == "N") or (before == "N" and text[i] == "%"):
                kinds[i] = "N"
    strong = ["" if kind == "X" else kind for kind in kinds]
    levels = []
    for i, kind in enumerate(kinds):
        if kind == "X":
            previous = next((k for k in reversed(strong[:i]) if k), "")
            following = next((k for k in strong[i + 1 :] if k), "")
            # A neutral between two letters of the other direction goes with them; otherwise with the line.
            if rtl:
                kind = "L" if previous == following == "L" else "R"
            else:
                kind = "R" if previous == following == "R" else "L"
        if rtl:
            levels.append(1 if kind == "R" else 2)
        else:
            levels.append(1 if kind == "R" else 0)
    return levels


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    font: ImageFont.FreeTypeFont
    arabic: bool
    rtl: bool
    width: float


def _pieces(text: str, *, weight: int, size: int, rtl: bool) -> list[list[Piece]]:
    """The line's runs in logical order; each run is its pieces of one face, in the run's own reading order."""
    levels = _levels(text, rtl)
    runs: list[list[Piece]] = []
    i = 0
    while i < len(text):
        level = levels[i]
        j = i
        while j < len(text) and levels[j] == level:
            j += 1
        run_rtl = level % 2 == 1
        pieces: list[Piece] = []
        k = i
        while k < j:
            arabic = _in_arabic_face(text[k]) and (run_rtl or text[k] != " ")
            m = k
            while m < j and (_in_arabic_face(text[m]) and (run_rtl or text[m] != " ")) == arabic:
                m += 1
            chunk = text[k:m]
            font = _font("arabic" if arabic else "latin", weight, size)
            direction = "rtl" if run_rtl else "ltr"
            width = font.getlength(chunk, direction=direction, language="ar" if arabic else None)
            pieces.append(Piece(chunk, font, arabic, run_rtl, width))
            k = m
        runs.append(pieces)
        i = j
    return runs


def line_width(text: str, *, weight: int, size: int, rtl: bool = True) -> float:
    return sum(piece.width for run in _pieces(text, weight=weight, size=size, rtl=rtl) for piece in run)


def draw_line(
    draw: ImageDraw.ImageDraw,
    text: str,
    *,
    x: float,
    baseline: float,
    weight: int,
    size: int,
    fill: str,
    rtl: bool = True,
) -> float:
    """Draw one line starting at ``x`` (its right edge when ``rtl``, else its left edge); return its width."""
    runs = _pieces(text, weight=weight, size=size, rtl=rtl)
    total = sum(piece.width for run in runs for piece in run)
    cursor = x
    for run in runs:
        run_width = sum(piece.width for piece in run)
        start = cursor - run_width if rtl else cursor
        # Inside a run, pieces follow the run's direction.
        piece_x = start + run_width if run[0].rtl else start
        for piece in run:
            if piece.rtl:
                piece_x -= piece.width
            draw.text(
                (piece_x, baseline),
                piece.text,
                font=piece.font,
                fill=fill,
                anchor="ls",
                direction="rtl" if piece.rtl else "ltr",
                language="ar" if piece.arabic else None,
            )
            if not piece.rtl:
                piece_x += piece.width
        cursor = cursor - run_width if rtl else cursor + run_width
    return total


def wrap(text: str, *, weight: int, size: int, max_width: float, max_lines: int, rtl: bool = True) -> list[str]:
    """Greedy word wrap; a text longer than ``max_lines`` ends with an ellipsis."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and line_width(candidate, weight=weight, size=size, rtl=rtl) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and line_width(last + " …", weight=weight, size=size, rtl=rtl) > max_width:
            last = last.rsplit(" ", 1)[0] if " " in last else ""
        lines = [*lines[: max_lines - 1], f"{last} …".strip()]
    return lines


@dataclass(frozen=True, slots=True)
class CardText:
    """What the card says, already translated into the language it is drawn in."""

    brand: str
    heading: str
    title: str
    score: str
    score_label: str
    right_answers: str
    learner: str
    when: str
    rtl: bool
    fraction_right: float


def result_card_png(text: CardText) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    rtl = text.rtl
    margin = 64
    start = WIDTH - margin if rtl else margin
    end = margin if rtl else WIDTH - margin

    def line(value: str, baseline: float, *, weight: int, size: int, fill: str, at: float = start) -> float:
        return draw_line(draw, value, x=at, baseline=baseline, weight=weight, size=size, fill=fill, rtl=rtl)

    def line_end(value: str, baseline: float, *, weight: int, size: int, fill: str) -> None:
        """A line that ends at the far margin (left in Arabic)."""
        width = line_width(value, weight=weight, size=size, rtl=rtl)
        line(value, baseline, weight=weight, size=size, fill=fill, at=end + width if rtl else end - width)

    draw.rectangle((0, 0, WIDTH, 96), fill=ACCENT)
    line(text.brand, 64, weight=700, size=40, fill=WHITE)
    line_end(text.heading, 64, weight=400, size=32, fill=WHITE)

    # The article's title is Arabic whatever the interface language.
    title_x = WIDTH - margin
    for i, title_line in enumerate(wrap(text.title, weight=700, size=44, max_width=WIDTH - 2 * margin, max_lines=3)):
        draw_line(draw, title_line, x=title_x, baseline=178 + i * 68, weight=700, size=44, fill=INK, rtl=True)

    score_width = line(text.score, 470, weight=700, size=120, fill=ACCENT)
    label_x = start - score_width - 24 if rtl else start + score_width + 24
    line(text.score_label, 470, weight=400, size=40, fill=INK_SOFT, at=label_x)
    line(text.right_answers, 530, weight=700, size=36, fill=INK)

    # The share of right answers as a bar, filled from the reading start.
    bar_top, bar_bottom = 556, 576
    draw.rounded_rectangle((margin, bar_top, WIDTH - margin, bar_bottom), radius=10, fill=LINE)
    filled = round((WIDTH - 2 * margin) * max(0.0, min(1.0, text.fraction_right)))
    if filled > 0:
        box = (WIDTH - margin - filled, bar_top, WIDTH - margin) if rtl else (margin, bar_top, margin + filled)
        draw.rounded_rectangle((box[0], bar_top, box[2], bar_bottom), radius=10, fill=ACCENT)

    line_end(text.learner, 470, weight=700, size=36, fill=INK)
    line_end(text.when, 530, weight=400, size=30, fill=INK_SOFT)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
