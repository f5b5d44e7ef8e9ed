"""Normalise Arabic text for matching, and check a typed answer against the expected one.

``normalize`` folds the differences a reader does not count as spelling: alef with hamza or madda or wasla
(أ إ آ ٱ → ا), ta marbuta (ة → ه), alef maqsura (ى → ي), tashkeel, tatweel, Arabic-Indic and Persian digits
(١٣٤ → 134), non-breaking and other Unicode spaces, bidi control characters, and NFKC compatibility forms.

``answers_match`` is the typed-answer checker the quiz calls: see its docstring for what it forgives.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from quiz.arabic import numbers

# Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks.
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
# Left-to-right/right-to-left marks and embeddings, isolates, zero-width characters, BOM.
_BIDI_AND_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad]")
_SPACES = re.compile(r"\s+")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ک": "ك", "ی": "ي"})
# Punctuation and quotes that may surround a typed answer.
_EDGE_PUNCT = "\"'«»“”‘’„()[]{}<>.,،؛;:!?؟-–—_*/\\ \t"
_INNER_PUNCT = re.compile(r"[\"'«»“”‘’„()\[\]{}<>,،؛;:!?؟*]")


def strip_tashkeel(text: str) -> str:
    """``text`` without harakat, shadda, sukun, tanween, superscript alef or tatweel."""
    return _TASHKEEL.sub("", text).replace(_TATWEEL, "")


def fold_digits(text: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits as ASCII digits."""
    return text.translate(_DIGITS)


@lru_cache(maxsize=262144)
def normalize(text: str) -> str:
    """The matching form of ``text``: NFKC, no tashkeel/tatweel/bidi marks, folded letters and
    digits, single spaces.

    Offsets are not kept: use it to compare, never to slice the original text.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _BIDI_AND_ZERO_WIDTH.sub("", text)
    text = strip_tashkeel(text)
    text = text.translate(_LETTERS)
    text = fold_digits(text)
    return _SPACES.sub(" ", text).strip()


def strip_clitics(word: str) -> str:
    """A normalised word without the attached prefixes a learner may add or leave out: و (and), ف (so),
    ب (with), ل (for), ك (like), and the article ال (or لل), keeping at least two letters.

    A surface rule, applied alike to both answers being compared: "والعراق", "بالعراق" and "العراق" all give
    "عراق"; "و47" gives "47".
    """
    rest = word
    if len(rest) >= 3 and rest[0] in "وف":
        rest = rest[1:]
    if (rest.startswith("لل") and len(rest) >= 4) or (rest.startswith("ال") and len(rest) >= 4):
        rest = rest[2:]
    elif len(rest) >= 5 and rest[0] in "بكل" and rest[1:3] == "ال":
        rest = rest[3:]
    elif len(rest) >= 3 and rest[0] in "بكل":
        rest = rest[1:]
    return rest


def _words(text: str) -> list[str]:
    text = normalize(text).strip(_EDGE_PUNCT)
    text = _INNER_PUNCT.sub(" ", text)
    return text.split()


def match_key(text: str) -> str:
    """A loose comparison key: normalised words without attached prefixes, punctuation or quotes."""
    return " ".join(strip_clitics(word) for word in _words(text))


def answers_match(
    given: str,
    expected: str,
    *,
    accepted: Iterable[str] = (),
    numeric_tolerance: float = 0,
) -> bool:
    """Whether a learner's typed ``given`` answer counts as ``expected`` (or one of the ``accepted`` forms).

    Forgiven: hamza forms of alef, ة/ه, ى/ي, tashkeel, tatweel, Unicode spaces and bidi marks, surrounding
    punctuation and quotes, a leading ال and attached و/ف/ب/ل/ك on any word, and the script of digits
    (١٣٤ = 134). When the expected answer is a number (digits or words, with a qualifier such as "أكثر من"
    and a counted noun allowed around it), a given number written in digits or in words in any grammatical
    form ("مئة وأربع وثلاثون" = "مائة وأربعة وثلاثين" = 134) matches when it differs by at most
    ``numeric_tolerance``. An empty answer never matches.
    """
    given_key = match_key(given)
    if not given_key:
        return False
    candidates = [expected, *accepted]
    for candidate in candidates:
        candidate_key = match_key(candidate)
        if candidate_key and given_key == candidate_key:
            return True
    given_number = numbers.parse_number(given)
    if given_number is None:
        return False
    for candidate in candidates:
        expected_number = numbers.parse_number(candidate)
        if expected_number is not None and abs(given_number - expected_number) <= numeric_tolerance:
            return True
    return False
