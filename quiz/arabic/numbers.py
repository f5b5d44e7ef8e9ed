"""Arabic numbers: digits in any script and number words, to int and back.

``parse_number("مئة وأربع وثلاثين دولة") == 134``; ``parse_number("و١٣٤") == 134``;
``to_words(134, feminine=True) == "مئة وأربع وثلاثون"``. ``find_numbers`` locates number expressions in a
list of tokens, for the extractors. Word lists: ``data/number_words.json``.

pyarabic has ``number.text2number``, but it misreads forms a learner types: the feminine two
("اثنتان وأربعون" -> 40), "مائتين" (-> 20), "ثلاثمئة وواحدة" (-> 300); over to_words' forms of every seventh
number below 20,000 it is wrong on 630 of 11,432. This parser reads all of them (tests/test_arabic_numbers).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

Case = Literal["nominative", "oblique"]

# One number in digits, any script, with thousands separators or a decimal part, and attached و/ب/ل/ف/ك.
DIGITS_RE = re.compile(r"^[وفبلك]{0,2}ـ?([0-9٠-٩۰-۹]+(?:[.,٫٬،][0-9٠-٩۰-۹]+)*)$")
_DIGIT_TABLE = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬،", "01234567890123456789.,,")
_TASHKEEL = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
# Separators between words; a '.' or ',' between two digits is part of a number.
_SPLIT = re.compile(r"[\s\-–؛;:!?؟()\"'«»“”]+|(?<![0-9٠-٩])[.,،]+|[.,،]+(?![0-9٠-٩])")


def _key(word: str) -> str:
    return _TASHKEEL.sub("", word).translate(_FOLD)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: dict[str, tuple[str, int]]  # folded word -> (kind, value)


@cache
def _lexicon() -> _Lexicon:
    data = json.loads(resources.files("quiz.arabic").joinpath("data/number_words.json").read_text("utf-8"))
    words: dict[str, tuple[str, int]] = {}
    for word in data["zero"]:
        words[_key(word)] = ("zero", 0)
    for kind in ("units", "tens", "hundreds", "scales", "dual_scales"):
        for value, forms in data[kind].items():
            for form in forms:
                words.setdefault(_key(form), (kind, int(value)))
    return _Lexicon(words)


def _lookup(token: str, first: bool) -> tuple[str, int] | None:
    """The kind and value of one number word, allowing an attached و (and ب/ل/ف/ك on the first word)."""
    lex = _lexicon().words
    key = _key(token)
    if key in lex:
        return lex[key]
    prefixes = ("و", "ف", "ب", "ل", "ك", "وب", "ول") if first else ("و",)
    for prefix in prefixes:
        if key.startswith(prefix) and key[len(prefix) :] in lex:
            return lex[key[len(prefix) :]]
    return None


def parse_digits(token: str) -> int | None:
    """The integer written in digits in ``token`` (any script, attached و/ب/ل/ف/ك allowed), else None.

    Thousands separators are dropped ("1,000" and "1.000.000"); a decimal number gives None.
    """
    match = DIGITS_RE.match(token.strip())
    if not match:
        return None
    body = match.group(1).translate(_DIGIT_TABLE)
    groups = re.split(r"[.,]", body)
    if len(groups) > 1 and not all(len(g) == 3 for g in groups[1:]):
        return None  # a decimal, not a whole number
    return int("".join(groups))


def parse_decimal(token: str) -> float | None:
    """A number in digits that may have a decimal part ("3.5", "٣٫٥"), else None."""
    match = DIGITS_RE.match(token.strip())
    if not match:
        return None
    body = match.group(1).translate(_DIGIT_TABLE)
    whole = parse_digits(token)
    if whole is not None:
        return float(whole)
    try:
        return float(body.replace(",", "."))
    except ValueError:
        return None


def words_to_int(tokens: list[str]) -> int | None:
    """The value of a run of number words ("مئة", "وأربع", "وثلاثين"), or None if it is not one number."""
    if not tokens:
        return None
    total = 0
    current = 0  # the group below the last scale word
    last_kind = ""
    for index, token in enumerate(tokens):
        entry = _lookup(token, first=index == 0)
        if entry is None:
            return None
        kind, value = entry
        if kind == "zero":
            if len(tokens) > 1:
                return None
            return 0
        if kind == "units" and value == 10 and last_kind == "units" and current % 10 and current % 100 < 10:
            current += 10  # ثلاثة عشر: a teen
        elif kind == "units":
            if current % 100:
                return None
            current += value
        elif kind == "tens":
            if current % 100 >= 10:
                return None
            current += value
        elif kind == "hundreds":
            if value == 100 and last_kind == "units" and 3 <= current <= 9:
                current *= 100  # ثلاث مئة, written apart
            elif current:
                return None
            else:
                current = value
        elif kind == "scales":
            total += (current or 1) * value
            current = 0
        else:  # dual_scales
            if current:
                return None
            total += 2 * value
        last_kind = kind
    return total + current


def parse_number(text: str) -> int | None:
    """The one whole number ``text`` states, in digits or words, else None.

    Words around the number (a qualifier such as "أكثر من", a counted noun) are allowed; text with no number,
    with two separate numbers (a date such as "13 أكتوبر 1958") or with a decimal ("3.5") gives None; a
    decimal with a scale word is whole ("3.79 مليون" = 3790000).
    """
    tokens = [t for t in _SPLIT.split(text) if t]
    found = find_numbers(tokens)
    if len(found) != 1 or found[0].decimal:
        return None
    return found[0].value


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number found in a token list: tokens[start:end] state ``value``; ``words`` if written in words."""

    start: int
    end: int
    value: int
    words: bool
    decimal: bool = False  # a decimal without a scale word ("3.5"): value is rounded


def find_numbers(tokens: list[str]) -> list[NumberSpan]:
    """Every number expression in ``tokens``: a digits token, or the longest run of number words."""
    spans: list[NumberSpan] = []
    index = 0
    while index < len(tokens):
        value = parse_digits(tokens[index])
        fraction = parse_decimal(tokens[index]) if value is None else None
        if value is not None or fraction is not None:
            amount = float(value) if value is not None else float(fraction or 0)
            end = index + 1
            scaled = False
            # "3 ملايين", "2.5 مليار": a scale word right after digits multiplies them.
            if end < len(tokens):
                entry = _lookup(tokens[end], first=False)
                if entry and entry[0] == "scales":
                    amount *= entry[1]
                    end += 1
                    scaled = True
            decimal = value is None and not scaled
            spans.append(NumberSpan(index, end, round(amount), words=False, decimal=decimal))
            index = end
            continue
        if _lookup(tokens[index], first=True) is None:
            index += 1
            continue
        best: NumberSpan | None = None
        end = index + 1
        while end <= len(tokens) and _lookup(tokens[end - 1], first=end - 1 == index) is not None:
            parsed = words_to_int(tokens[index:end])
            if parsed is not None:
                best = NumberSpan(index, end, parsed, words=True)
            end += 1
        if best is None:
            index += 1
            continue
        spans.append(best)
        index = best.end
    return spans


# ---------------------------------------------------------------------------------------------------------
# int -> words

_UNITS_MASC = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"]
_UNITS_FEM = ["", "واحدة", "اثنتان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر"]
_TENS = ["", "عشر", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_HUNDREDS = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"]
# (singular, dual nominative, plural) of each scale; after 11-99 the singular takes accusative -ا.
_SCALES = [
    (10**9, "مليار", "ملياران", "مليارات"),
    (10**6, "مليون", "مليونان", "ملايين"),
    (10**3, "ألف", "ألفان", "آلاف"),
]


def _oblique(word: str) -> str:
    """The accusative/genitive form of a word ending in the nominative -ان or -ون."""
    if word.endswith("ان"):
        return word[:-2] + "ين"
    if word.endswith("ون"):
        return word[:-2] + "ين"
    return word


def _below_thousand(n: int, feminine: bool, case: Case) -> list[str]:
    """Words for 1..999 counting a noun of the given gender (the number takes the opposite form for 3-10)."""
    parts: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        word = _HUNDREDS[hundreds]
        parts.append(_oblique(word) if case == "oblique" else word)
    if rest:
        parts.append(_below_hundred(rest, feminine, case))
    return parts


def _below_hundred(n: int, feminine: bool, case: Case) -> str:
    # The lists hold the forms used with a noun of that gender: 3-10 already show the polarity (ثلاثة رجال,
    # ثلاث نساء).
    units = _UNITS_FEM if feminine else _UNITS_MASC
    polar = units
    if n <= 2:
        word = units[n]
        return _oblique(word) if case == "oblique" and n == 2 else word
    if n <= 10:
        return polar[n] if n != 10 else ("عشر" if feminine else "عشرة")
    if n < 20:
        ten = "عشرة" if feminine else "عشر"
        if n == 11:
            return ("إحدى " if feminine else "أحد ") + ten
        if n == 12:
            two = "اثنتا" if feminine else "اثنا"
            if case == "oblique":
                two = "اثنتي" if feminine else "اثني"
            return f"{two} {ten}"
        return f"{polar[n - 10]} {ten}"
    tens, unit = divmod(n, 10)
    tens_word = _TENS[tens] if case == "nominative" else _oblique(_TENS[tens])
    if not unit:
        return tens_word
    if unit == 1:
        unit_word = "إحدى" if feminine else "واحد"
    elif unit == 2:
        unit_word = units[2] if case == "nominative" else _oblique(units[2])
    else:
        unit_word = polar[unit]
    return f"{unit_word} و{tens_word}"


def to_words(n: int, *, feminine: bool = False, case: Case = "nominative") -> str:
    """``n`` (0 <= n < 10**12) in Arabic words, as a number counting a noun of the given gender, in that case.

    ``to_words(134) == "مئة وأربعة وثلاثون"``; ``to_words(134, feminine=True, case="oblique")`` ==
    ``"مئة وأربع وثلاثين"``; ``to_words(3000) == "ثلاثة آلاف"``; ``to_words(11000) == "أحد عشر ألفا"``.
    """
    if n < 0 or n >= 10**12:
        raise ValueError(f"out of range: {n}")
    if n == 0:
        return "صفر"
    parts: list[str] = []
    rest = n
    for scale, single, dual, plural in _SCALES:
        count, rest = divmod(rest, scale)
        if not count:
            continue
        if count == 1:
            parts.append(single)
        elif count == 2:
            parts.append(_oblique(dual) if case == "oblique" else dual)
        elif count <= 10:
            # The scale nouns are masculine, so 3-10 take the -ة form.
            parts.append(f"{_below_hundred(count, False, case)} {plural}")
        elif count == 200:
            parts.append(("مئتي" if case == "oblique" else "مئتا") + f" {single}")  # construct: مئتا ألف
        else:
            count_words = " و".join(_below_thousand(count, False, case))
            tail = count % 100
            parts.append(f"{count_words} {single}" + ("ا" if 11 <= tail <= 99 else ""))
    if rest:
        parts.extend(_below_thousand(rest, feminine, case))
    return " و".join(parts)
