"""The result card: Arabic shaped by raqm, right to left, in the two faces of the shipped Noto Naskh Arabic."""

from __future__ import annotations

import io

from PIL import Image, ImageFont, features

from quiz.cards import HEIGHT, WIDTH, CardText, _font, _in_arabic_face, _levels, _pieces, result_card_png, wrap

TITLE = 'ختام أسبوع مكافحة الإرهاب: المجتمع الدولي يؤكد أهمية "تعزيز التعددية" لمكافحة الإرهاب العالمي في خضم كوفيد-19'


def card(**changes) -> Image.Image:
    text = {
        "brand": "اقرأ واختبر",
        "heading": "نتيجة الاختبار",
        "title": TITLE,
        "score": "8040",
        "score_label": "نقطة",
        "right_answers": "8 من 10 إجابات صحيحة (80%)",
        "learner": "ليلى",
        "when": "28 نوفمبر 2026",
        "rtl": True,
        "fraction_right": 0.8,
    } | changes
    return Image.open(io.BytesIO(result_card_png(CardText(**text))))


def test_raqm_lays_out_the_text():
    assert features.check("raqm")
    assert _font("arabic", 700, 40).layout_engine == ImageFont.Layout.RAQM


def test_every_character_of_the_card_has_a_glyph_in_the_face_it_is_drawn_with():
    def mask(font, char):
        return bytes(font.getmask(char, mode="L"))

    for char in set(TITLE + "8 من 10 إجابات صحيحة (80%) نقطة ليلى 28 نوفمبر 2026 Learner 1,000") - {" "}:
        face = "arabic" if _in_arabic_face(char) else "latin"
        font = _font(face, 700, 40)
        missing = mask(font, "\ue000")  # a private-use character: no face has it, so this is the .notdef box
        assert mask(font, char) != missing, (char, face)


def test_numbers_and_latin_words_are_left_to_right_islands_in_arabic():
    text = "كوفيد-19 في New York (134 دولة)"
    levels = _levels(text, rtl=True)
    by_char = dict(zip(range(len(text)), levels, strict=True))
    assert [by_char[i] for i in range(len("كوفيد-"))] == [1] * 6
    assert levels[text.index("19")] == levels[text.index("19") + 1] == 2
    assert all(levels[i] == 2 for i in range(text.index("New"), text.index("York") + 4))  # the space inside too
    assert levels[text.index("(")] == 1 and levels[text.index("134")] == 2
    # In an English line, an Arabic name is the right-to-left island.
    english = _levels("Result of ليلى today", rtl=False)
    assert english[len("Result of ")] == 1 and english[0] == 0


def test_a_run_is_cut_into_pieces_of_one_face():
    runs = _pieces("كوفيد-19", weight=700, size=40, rtl=True)
    assert [[(p.text, p.arabic, p.rtl) for p in run] for run in runs] == [
        [("كوفيد", True, True), ("-", False, True)],
        [("19", False, False)],
    ]


def test_a_long_title_wraps_and_ends_with_an_ellipsis():
    lines = wrap(TITLE * 3, weight=700, size=44, max_width=1072, max_lines=3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert wrap("قصير", weight=700, size=44, max_width=1072, max_lines=3) == ["قصير"]


def ink_columns(image: Image.Image, top: int, bottom: int) -> tuple[int, int]:
    """The leftmost and rightmost columns with dark ink between two rows."""
    ink = image.convert("L").crop((0, top, WIDTH, bottom)).point(lambda v: 255 if v < 100 else 0)
    box = ink.getbbox()
    assert box is not None, "no ink"
    return box[0], box[2] - 1


def test_the_card_is_open_graph_sized_and_arabic_starts_at_the_right():
    image = card(title="عنوان قصير")
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT) == (1200, 630)
    left, right = ink_columns(image, 130, 195)  # the title's line
    assert right > WIDTH - 64 - 10 and left > WIDTH / 2
    # In English the labels start at the left; the Arabic title still starts at the right.
    english = card(title="عنوان قصير", score_label="points", right_answers="8 of 10 right", rtl=False)
    left, _right = ink_columns(english, 480, 545)  # the "8 of 10 right" line
    assert left < 64 + 10
    assert ink_columns(english, 130, 195)[1] > WIDTH - 64 - 10


def test_the_bar_shows_the_share_of_right_answers_from_the_reading_start():
    def filled(image: Image.Image) -> int:
        row = image.convert("RGB").crop((64, 566, WIDTH - 64, 567))
        return sum(1 for x in range(row.width) if row.getpixel((x, 0)) == (0x0B, 0x5D, 0x4B))

    assert filled(card(fraction_right=0)) == 0
    half = card(fraction_right=0.5)
    assert abs(filled(half) - (WIDTH - 128) / 2) < 12
    assert half.convert("RGB").getpixel((WIDTH - 80, 566)) == (0x0B, 0x5D, 0x4B)  # filled from the right
    assert abs(filled(card(fraction_right=1)) - (WIDTH - 128)) < 12
