"""quiz.arabic.numbers: digits in any script, number words both ways."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.arabic.numbers import find_numbers, parse_digits, parse_number, to_words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("134", 134),
        ("١٣٤", 134),
        ("۱۳۴", 134),
        ("و47", 47),
        ("بـ30", 30),
        ("1,000", 1000),
        ("1.000.000", 1000000),
    ],
)
def test_parse_digits(text: str, value: int) -> None:
    assert parse_digits(text) == value


def test_parse_digits_refuses_decimals_and_words() -> None:
    assert parse_digits("3.5") is None
    assert parse_digits("دولة") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("مئة وأربع وثلاثين دولة", 134),
        ("مائة وأربعة وثلاثون", 134),
        ("أكثر من 1000 مشارك", 1000),
        ("ألف مشارك", 1000),
        ("ثلاثة آلاف وخمسمائة", 3500),
        ("ثلاث مئة", 300),
        ("ألفين", 2000),
        ("أحد عشر ألفا", 11000),
        ("خمسة عشر", 15),
        ("اثنتا عشرة", 12),
        ("مليونان", 2_000_000),
        ("3 ملايين", 3_000_000),
        ("صفر", 0),
        ("وعشرين", 20),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_parse_number_needs_exactly_one_number() -> None:
    assert parse_number("13 أكتوبر 1958") is None
    assert parse_number("لا شيء هنا") is None
    assert parse_number("") is None


@pytest.mark.parametrize(
    ("n", "feminine", "case", "words"),
    [
        (134, False, "nominative", "مئة وأربعة وثلاثون"),
        (134, True, "oblique", "مئة وأربع وثلاثين"),
        (3, False, "nominative", "ثلاثة"),
        (3, True, "nominative", "ثلاث"),
        (12, False, "oblique", "اثني عشر"),
        (13, True, "nominative", "ثلاث عشرة"),
        (2021, False, "nominative", "ألفان وواحد وعشرون"),
        (3000, False, "nominative", "ثلاثة آلاف"),
        (11000, False, "nominative", "أحد عشر ألفا"),
        (200, False, "oblique", "مئتين"),
    ],
)
def test_to_words_grammatical_forms(n: int, feminine: bool, case: str, words: str) -> None:
    assert to_words(n, feminine=feminine, case=case) == words  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=999_999), st.booleans(), st.sampled_from(["nominative", "oblique"]))
def test_words_round_trip(n: int, feminine: bool, case: str) -> None:
    assert parse_number(to_words(n, feminine=feminine, case=case)) == n  # type: ignore[arg-type]


def test_find_numbers_in_tokens() -> None:
    tokens = ["شارك", "أكثر", "من", "1000", "مشارك", "من", "مئة", "وأربع", "وثلاثين", "دولة", "و47", "منظمة"]
    found = [(f.start, f.end, f.value, f.words) for f in find_numbers(tokens)]
    assert found == [(3, 4, 1000, False), (6, 9, 134, True), (10, 11, 47, False)]


def test_to_words_rejects_out_of_range() -> None:
    with pytest.raises(ValueError):
        to_words(-1)


def test_hundreds_of_thousands_take_the_construct_form() -> None:
    assert to_words(200_000) == "مئتا ألف"
    assert to_words(200_000, case="oblique") == "مئتي ألف"
    assert to_words(1_200_000) == "مليون ومئتا ألف"


def test_every_form_of_many_numbers_reads_back() -> None:
    """The claim in the module docstring: every form of every seventh number below 20,000 reads back."""
    for n in range(0, 20_000, 7):
        for feminine in (False, True):
            for case in ("nominative", "oblique"):
                words = to_words(n, feminine=feminine, case=case)  # type: ignore[arg-type]
                assert parse_number(words) == n, words
