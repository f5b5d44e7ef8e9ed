"""quiz.arabic.normalize: matching form and the typed-answer checker."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.arabic.lexicon import gazetteer
from quiz.arabic.normalize import answers_match, normalize, strip_tashkeel
from quiz.arabic.numbers import to_words

ARABIC_WORD = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى", min_size=2, max_size=8)
TASHKEEL = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u064c", "\u064d", "\u0640"]
HAMZA_SWAP = {"ا": "أ", "أ": "إ", "إ": "آ", "آ": "ا"}
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_normalize_folds_letters_digits_marks_and_spaces() -> None:
    raw = "\u200fأَحْمَدُ\u00a0إلى  آخر ٱلمدينة مدرسة مستشفى ١٣٤ ۱۳۴ كـــتاب"
    assert normalize(raw) == "احمد الي اخر المدينه مدرسه مستشفي 134 134 كتاب"


def test_strip_tashkeel_keeps_letters() -> None:
    assert strip_tashkeel("مُحَمَّدٌ") == "محمد"


def test_answers_match_forgives_spelling_variants() -> None:
    assert answers_match("سوريا والعراق", "سوريا والعراق")
    assert answers_match("  «العراق»  ", "عراق")
    assert answers_match("بالعراق", "العراق")
    assert answers_match("الجمعه", "الجمعة")
    assert answers_match("مستشفي", "مستشفى")
    assert answers_match("إسرائيل", "اسرائيل")


def test_answers_match_numbers_in_any_form() -> None:
    assert answers_match("١٣٤", "134 دولة")
    assert answers_match("مئة وأربع وثلاثون", "134")
    assert answers_match("مائة وأربعة وثلاثين", "134 دولة")
    assert answers_match("ألف", "أكثر من 1000 مشارك")
    assert answers_match("و47", "47 منظمة")
    assert not answers_match("135", "134 دولة")
    assert answers_match("135", "134 دولة", numeric_tolerance=1)
    assert not answers_match("136", "134 دولة", numeric_tolerance=1)


def test_answers_match_uses_accepted_forms_and_rejects_others() -> None:
    assert answers_match("الاثنين", "الجمعة", accepted=("الاثنين",))
    assert not answers_match("الخميس", "الجمعة")
    assert not answers_match("", "الجمعة")
    assert not answers_match("   ", "")
    assert not answers_match("13 أكتوبر", "13 أكتوبر 1958")


@given(ARABIC_WORD, st.randoms(use_true_random=False))
@settings(max_examples=200)
def test_any_answer_matches_itself_with_tashkeel_added_or_hamza_swapped(word: str, rnd: random.Random) -> None:
    decorated = "".join(ch + (rnd.choice(TASHKEEL) if rnd.random() < 0.5 else "") for ch in word)
    swapped = "".join(HAMZA_SWAP.get(ch, ch) if rnd.random() < 0.5 else ch for ch in word)
    assert answers_match(decorated, word)
    assert answers_match(swapped, word)


@given(st.integers(min_value=0, max_value=999_999), st.booleans(), st.sampled_from(["nominative", "oblique"]))
@settings(max_examples=300)
def test_digits_match_arabic_indic_and_words(n: int, feminine: bool, case: str) -> None:
    assert answers_match(str(n).translate(ARABIC_INDIC), str(n))
    assert answers_match(to_words(n, feminine=feminine, case=case), str(n))  # type: ignore[arg-type]
    assert not answers_match(str(n + 1), str(n))


def test_different_places_never_match() -> None:
    names = [p.name for p in gazetteer().entries if p.type == "country"]
    for a, b in itertools.pairwise(names):
        assert not answers_match(a, b), (a, b)
        assert answers_match(a, a)


@given(st.integers(min_value=0, max_value=999_999), st.integers(min_value=1, max_value=50))
def test_different_numbers_never_match_without_tolerance(n: int, delta: int) -> None:
    assert not answers_match(to_words(n), str(n + delta))
    assert answers_match(to_words(n), str(n + delta), numeric_tolerance=delta)
