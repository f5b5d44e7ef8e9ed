"""The article file parser, on the seed (counts checked by reading the file) and on bad files."""

from __future__ import annotations

from collections import Counter

import pytest

from quiz.arabic.sentences import split_sentences
from quiz.parsing import MAX_BYTES, ArticleError, parse_article, parse_article_bytes

from .conftest import SEED


@pytest.fixture(scope="module")
def seed():
    return parse_article_bytes(SEED.read_bytes())


def test_seed_parts(seed):
    assert seed.masthead == "منظور عالمي قصص إنسانية"
    assert seed.title.startswith("ختام أسبوع مكافحة الإرهاب: المجتمع الدولي يؤكد أهمية")
    assert seed.title.endswith("في خضم كوفيد-19")
    assert seed.lead == "لا تزال العديد من الدول تواجه التهديدات الإرهابية"
    assert seed.source == "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"
    assert seed.topic == "السلم والأمن"


def test_seed_block_counts(seed):
    # Read off the file: 16 body paragraphs, 2 section headings, 1 captioned photo (the top photo's caption
    # is the lead), 1 related-story link, 1 pull quote repeating a sentence of the body.
    assert Counter(b.kind for b in seed.blocks) == {
        "paragraph": 16,
        "heading": 2,
        "caption": 1,
        "related": 1,
        "quote": 1,
    }
    headings = [b.text for b in seed.blocks if b.kind == "heading"]
    assert headings == ["النازيون الجدد ودعاة تفوق العنصر الأبيض", "أول مؤتمر دولي لضحايا الإرهاب"]
    (caption,) = [b for b in seed.blocks if b.kind == "caption"]
    assert caption.text.startswith("من الأرشيف: دمار قرب مطعم في العاصمة الصومالية مقديشو")
    assert caption.credit == "UN Photo/Stuart Price"
    (related,) = [b for b in seed.blocks if b.kind == "related"]
    assert related.text.startswith("الأمم المتحدة: الإرهاب لا يرتبط بأي عرق أو دين")


def test_seed_drops_repeated_lines_and_keeps_captions_apart(seed):
    paragraphs = [b.text for b in seed.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == len(set(paragraphs))
    assert not any("UN Photo" in p or "مقديشو" in p for p in paragraphs)
    assert seed.title not in seed.text
    assert seed.text.count("من الأرشيف") == 1
    assert seed.text.count("لا تزال العديد من الدول") == 1
    assert paragraphs[0].startswith("على الرغم")
    assert paragraphs[-1].startswith("وقد شارك في هذا الأسبوع")


def test_seed_sentences(seed):
    # 1 lead + 2 headings + 1 caption + 19 body sentences (one paragraph has 2, one has 3).
    spans = split_sentences(seed.text)
    assert len(spans) == 23
    assert spans[-1].text.endswith("وكيانات القطاع الخاص.")
    assert all(seed.text[s.start : s.end] == s.text for s in spans)


def test_seed_word_count(seed):
    assert seed.word_count == 528


def test_a_plain_article_without_repeats_takes_its_first_line_as_title():
    parsed = parse_article("عنوان الخبر\n\nقال الوزير إن الاقتصاد نما بنسبة 3.5 في المئة.\n\nوأضاف أن الصادرات زادت.")
    assert parsed.title == "عنوان الخبر"
    assert [b.kind for b in parsed.blocks] == ["paragraph", "paragraph"]
    assert len(split_sentences(parsed.text)) == 2


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n\n \t", "empty"),
        ("\u00a0\n".encode(), "empty"),
        ("عنوان\n".encode("utf-16"), "not_utf8"),
        (b"\xff\xfe\x00\x00garbage", "not_utf8"),
        (b"The United Nations closed its counter-terrorism week on Friday.", "not_arabic"),
        (("x" * 50 + " عربي\n").encode(), "not_arabic"),
        (("عنوان\n" + "كلمة " * (MAX_BYTES // 9 + 1)).encode(), "too_large"),
        ("عنوان الخبر الرئيسي في نشرة اليوم\nUN Photo/Stuart Price".encode(), "no_body"),
    ],
)
def test_bad_files_are_refused_with_a_reason(data, code):
    with pytest.raises(ArticleError) as error:
        parse_article_bytes(data)
    assert error.value.code == code
    assert str(error.value)


def test_control_characters_and_bidi_overrides_are_removed():
    parsed = parse_article("العنوان\n\nقال\u202e الوزير\x00 إن الخطة نجحت.")
    assert parsed.blocks[0].text == "قال الوزير إن الخطة نجحت."
