"""Wrong answers of the same type and form as the right one.

Numbers get near values of the same size (134 -> 124, 143, 150), written like the answer (same qualifier,
counted noun and digit script); places get places of the same category (a country for a country), first from
the article, then from the gazetteer; people get other people of the article. Every distractor differs from
the answer after normalisation; choices are shuffled by a random generator seeded from the seed and the fact.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from functools import cache

from quiz.arabic.lexicon import date_words, gazetteer, load_data
from quiz.arabic.normalize import match_key, normalize
from quiz.arabic.numbers import find_numbers, to_words
from quiz.generation.types import Fact

_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+(?:[.,٬][0-9٠-٩۰-۹]{3})*(?![0-9٠-٩۰-۹])")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def rng_for(seed: int, key: str) -> random.Random:
    """A generator that depends only on the seed and a string (never on hash randomisation)."""
    return random.Random(f"{seed}:{key}")  # noqa: S311 - shuffling quiz choices, not security


def near_numbers(n: int, rng: random.Random, *, year: bool = False) -> list[int]:
    """Plausible wrong values for ``n``: same order of magnitude, never n, never absurd."""
    candidates: set[int] = set()
    if year:
        candidates.update(n + d for d in (-3, -2, -1, 1, 2, 3, -10, 10))
    elif n < 10:
        candidates.update(x for x in (n - 2, n - 1, n + 1, n + 2, n + 3) if x > 0)
    else:
        magnitude = 10 ** (len(str(n)) - 1)
        step = max(1, magnitude // 10 if n % magnitude else magnitude // 2)
        if n % magnitude == 0:
            step = magnitude // 2 if n > magnitude else max(1, magnitude // 5)
        candidates.update(n + k * step for k in (-3, -2, -1, 1, 2, 3, 4))
        digits = str(n)
        if len(digits) >= 2 and digits[-1] != digits[-2] and digits[-1] != "0":
            candidates.add(int(digits[:-2] + digits[-1] + digits[-2]))  # 134 -> 143
        candidates.add(round(n * 1.1 / step) * step if step else n + 1)
        candidates.add(max(1, round(n * 0.9 / step) * step) if step else n - 1)
    good = sorted(c for c in candidates if c > 0 and c != n and 0.5 * n <= c <= 2 * n + 3)
    rng.shuffle(good)
    return good


def with_number(text: str, old: int, new: int) -> str:
    """``text`` with the number ``old`` replaced by ``new``, in the same script (digits) or as words."""
    match = _DIGITS.search(text)
    if match:
        written = match.group()
        shown = int(normalize(written).replace(",", "").replace(".", "").replace("٬", "")) or 1
        if old != shown and old % shown == 0:
            # "45 ألف": the value is the digits times a scale word; keep the scale word, scale the digits.
            scale = old // shown
            scaled = new / scale
            digits = f"{scaled:.1f}".rstrip("0").rstrip(".") if scaled != int(scaled) else str(int(scaled))
            if not written.isascii():
                digits = digits.translate(_ARABIC_INDIC)
            return text[: match.start()] + digits + text[match.end() :]
        separator = next((ch for ch in written if ch in ".,٬"), "")
        digits = f"{new:,}".replace(",", separator) if separator else str(new)
        if not written.isascii():
            digits = digits.translate(_ARABIC_INDIC)
        return text[: match.start()] + digits + text[match.end() :]
    words = text.split()
    found = find_numbers(words)
    if not found:
        return str(new)
    span = found[0]
    feminine = span.end < len(words) and normalize(words[span.end]).endswith(("ه", "ات"))
    written = to_words(new, feminine=feminine) if new < 10**12 else str(new)
    if old != span.value:
        written = str(new)
    return " ".join([*words[: span.start], written, *words[span.end :]])


def _distinct(answer: str, options: Iterable[str], k: int = 3) -> list[str]:
    seen = {match_key(answer)}
    chosen = []
    for option in options:
        key = match_key(option)
        if key and key not in seen:
            seen.add(key)
            chosen.append(option)
        if len(chosen) == k:
            break
    return chosen


def numeric(fact: Fact, answer: str, facts: list[Fact], rng: random.Random) -> list[str]:
    """Distractors for a count, percentage, amount, duration or year, in the answer's own form."""
    assert fact.number is not None
    same_unit = sorted(
        {
            f.number
            for f in facts
            if f.type == fact.type
            and f.number is not None
            and f.number != fact.number
            and f.unit
            and normalize(f.unit) == normalize(fact.unit)
        }
    )
    options: list[int] = [n for n in same_unit if n and 0.3 * fact.number <= n <= 3 * fact.number][:1]
    options += near_numbers(fact.number, rng, year=fact.type == "year")
    if 3 <= fact.number <= 10:
        options = [n for n in options if 3 <= n <= 10]  # a plural counted noun ("خمس سنوات") fits 3 to 10 only
    return _distinct(answer, (with_number(answer, fact.number, n) for n in options))


_DECIMAL = re.compile(r"([0-9٠-٩]+)([.,٫])([0-9٠-٩]+)")


def decimals(answer: str, rng: random.Random) -> list[str]:
    """Near values of a decimal answer ("45.44%" -> "41.2%"...), with the same separator and precision."""
    match = _DECIMAL.search(answer)
    if not match:
        return []
    whole, sep, frac = match.groups()
    value = float(f"{normalize(whole)}.{normalize(frac)}")
    digits = len(frac)
    options = []
    for factor in (0.7, 0.8, 0.9, 1.1, 1.25, 1.4):
        new = f"{value * factor:.{digits}f}".replace(".", sep)
        options.append(answer[: match.start()] + new + answer[match.end() :])
    rng.shuffle(options)
    return _distinct(answer, options)


def dates(fact: Fact, answer: str, rng: random.Random) -> list[str]:
    """Distractors for a full date: the same date with the day, month or year moved."""
    words = date_words()
    names_by_number: dict[int, str] = {}
    for name, number in words.months.items():
        names_by_number.setdefault(number, name)
    options = []
    tokens = answer.split()
    for index, token in enumerate(tokens):
        value = _DIGITS.fullmatch(token)
        if value:
            n = int(normalize(token))
            for m in near_numbers(n, rng, year=n > 31)[:2]:
                if n <= 31 and not 1 <= m <= 28:
                    continue
                options.append(" ".join([*tokens[:index], with_number(token, n, m), *tokens[index + 1 :]]))
    # Keep the month series of the answer (يناير or كانون الثاني or جانفي, or the Hijri months): shift the
    # month within it.
    data = load_data("dates.json")
    for raw in (data["months"], data["hijri_months"]):
        for series in range(3):
            for number, forms in raw.items():
                if series < len(forms) and forms[series] in answer:
                    for shift in (1, -1, 2):
                        other = raw[str((int(number) - 1 + shift) % 12 + 1)]
                        if series < len(other):
                            options.append(answer.replace(forms[series], other[series]))
    # A day written as an ordinal ("الخامس من شعبان"): another day of the month.
    ordinals = sorted(
        ((int(day), form) for day, forms in data["ordinal_days"].items() for form in forms), key=lambda x: -len(x[1])
    )
    for day, form in ordinals:
        if answer.startswith(form + " من"):
            others = {d: f for d, f in reversed(ordinals)}
            for shift in (1, -1, 2, 3):
                if (day + shift) in others and 1 <= day + shift <= 28:
                    options.append(others[day + shift] + answer[len(form) :])
            break
    rng.shuffle(options)
    return _distinct(answer, options)


def periods(answer: str, rng: random.Random) -> list[str]:
    """A period of years ("بين عامي 1908 و1914") moved as a whole by a few years or decades."""
    years = [m for m in _DIGITS.finditer(answer) if len(m.group()) >= 3]
    if not years and "القرن" in answer:  # "من مطلع القرن السابع عشر إلى نهاية القرن الثامن عشر"
        return _century_periods(answer, rng)
    if len(years) != 2:
        return []
    shifts = [-20, -10, -5, -3, 3, 5, 10, 20]
    rng.shuffle(shifts)
    options = []
    for shift in shifts:
        text = answer
        for match in reversed(years):
            value = int(normalize(match.group())) + shift
            digits = str(value) if match.group().isascii() else str(value).translate(_ARABIC_INDIC)
            text = text[: match.start()] + digits + text[match.end() :]
        options.append(text)
    return _distinct(answer, options)


def ranges(answer: str, rng: random.Random) -> list[str]:
    """A range of numbers ("بين 3 و5 أعوام") moved as a whole, its width kept."""
    found = list(_DIGITS.finditer(answer))
    if len(found) != 2:
        return []
    low, high = (int(normalize(m.group()).replace(",", "").replace(".", "").replace("٬", "")) for m in found)
    options = []
    for new_low in near_numbers(low, rng):
        shift = new_low - low
        text = answer
        for match, value in reversed(list(zip(found, (low + shift, high + shift), strict=True))):
            digits = str(value) if match.group().isascii() else str(value).translate(_ARABIC_INDIC)
            text = text[: match.start()] + digits + text[match.end() :]
        if low + shift > 0:
            options.append(text)
    return _distinct(answer, options)


def centuries(answer: str, rng: random.Random) -> list[str]:
    """A century ("القرن السادس عشر") moved by one or two: its ordinal swapped for a neighbour's."""
    ordinals = load_data("dates.json")["ordinal_centuries"]
    found = max((o for o in ordinals if f" {o}" in f" {answer} "), key=len, default="")
    if not found:
        return []
    index = ordinals.index(found)
    options = [
        answer.replace(found, ordinals[index + shift], 1)
        for shift in (1, -1, 2, -2)
        if 0 <= index + shift < len(ordinals)
    ]
    rng.shuffle(options)
    return _distinct(answer, options)


def _century_periods(answer: str, rng: random.Random) -> list[str]:
    """A period of centuries moved as a whole: every ordinal shifted by the same step."""
    ordinals = load_data("dates.json")["ordinal_centuries"]
    pattern = re.compile("|".join(sorted(map(re.escape, ordinals), key=len, reverse=True)))
    found = [m for m in pattern.finditer(answer) if m.group() in ordinals]
    options = []
    for shift in (1, -1, 2, -2):
        indices = [ordinals.index(m.group()) + shift for m in found]
        if found and all(0 <= i < len(ordinals) for i in indices):
            text = answer
            for match, index in reversed(list(zip(found, indices, strict=True))):
                text = text[: match.start()] + ordinals[index] + text[match.end() :]
            options.append(text)
    rng.shuffle(options)
    return _distinct(answer, options)


def weekdays(answer: str, rng: random.Random) -> list[str]:
    days = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]  # Saturday..Friday
    rng.shuffle(days)
    return _distinct(answer, days)


_RELATIVE = {
    # "next/last/this" variants of a relative time expression, by its head word.
    "العام": ["العام المقبل", "العام الماضي", "العام الحالي"],
    "السنة": ["السنة المقبلة", "السنة الماضية", "السنة الحالية"],
    "الشهر": ["الشهر المقبل", "الشهر الماضي", "الشهر الجاري"],
    "الأسبوع": ["الأسبوع المقبل", "الأسبوع الماضي", "الأسبوع الجاري"],
    "العقد": ["العقد المقبل", "العقد الماضي", "العقد الحالي"],
}
_DAY_WORDS = ["اليوم", "أمس", "غدا"]  # today, yesterday, tomorrow


def relative_times(answer: str, rng: random.Random) -> list[str]:
    head = answer.split()[0] if answer.split() else ""
    options = list(_RELATIVE.get(head, _DAY_WORDS))
    options += ["قبل عامين", "بعد عامين"] if head in {"العام", "السنة"} else []  # two years ago / later
    rng.shuffle(options)
    return _distinct(answer, options)


def places(fact: Fact, answer: str, facts: list[Fact], rng: random.Random) -> list[str]:
    """Places of the same category (country, capital, city, region, org), article first, as many as the answer
    names ("سوريا والعراق" -> two countries)."""
    parts = len(fact.key.split(":", 1)[1].split("+"))
    category = fact.detail
    in_article = [
        f.answer
        for f in facts
        if f.type == fact.type and f.detail == category and "+" not in f.key and f.key != fact.key
    ]
    answer_names = {normalize(x) for x in fact.key.split(":", 1)[1].split("+")}
    pool = [name for name, norm in _pool(category) if norm not in answer_names]
    if category == "region":
        # A continent for a continent, a sea for a sea, a river for a river.
        kind = _region_kind(fact.answer)
        in_article = [name for name in in_article if _region_kind(name) == kind]
        pool = [name for name in pool if _region_kind(name) == kind]
    rng.shuffle(pool)
    singles = [x for x in dict.fromkeys(in_article) if normalize(x) not in answer_names] + pool
    if parts == 1:
        return _distinct(answer, singles)
    options = []
    for start in range(0, min(len(singles), 3 * parts * 3), parts):
        group = singles[start : start + parts]
        if len(group) == parts:
            options.append(" و".join(group))
    return _distinct(answer, options)


# Continents (Africa, Europe, Asia, the Americas, Oceania, Australia, Antarctica) and the first words of seas and
# rivers (sea, ocean, gulf, river): the kinds of region a distractor must share.
_CONTINENTS = frozenset(
    normalize(w)
    for w in (
        *("أفريقيا", "إفريقيا", "أوروبا", "آسيا", "أمريكا الشمالية", "أمريكا الجنوبية", "أمريكا اللاتينية"),
        *("أوقيانوسيا", "أستراليا", "أنتاركتيكا", "القارة القطبية الجنوبية"),
    )
)
_SEA_WORDS = frozenset(normalize(w) for w in ("البحر", "بحر", "المحيط", "محيط", "الخليج", "خليج"))
_RIVER_WORDS = frozenset(normalize(w) for w in ("نهر", "النهر"))


def _region_kind(name: str) -> str:
    norm = normalize(name)
    first = norm.split()[0] if norm.split() else ""
    if norm in _CONTINENTS:
        return "continent"
    if first in _SEA_WORDS:
        return "sea"
    if first in _RIVER_WORDS:
        return "river"
    return "region"


@cache
def _pool(category: str) -> tuple[tuple[str, str], ...]:
    """Gazetteer names (and normalised forms) of a category; cities and capitals stand in for each other."""
    kinds = {category} | ({"capital", "city"} if category in {"capital", "city"} else set())
    return tuple((p.name, normalize(p.name)) for p in gazetteer().entries if p.type in kinds)


def people(fact: Fact, answer: str, facts: list[Fact], rng: random.Random) -> list[str]:
    others = sorted({f.answer for f in facts if f.type == "person" and f.key != fact.key})
    rng.shuffle(others)
    return _distinct(answer, others)


def same_type_texts(fact: Fact, answer: str, facts: list[Fact], rng: random.Random) -> list[str]:
    """Other answers of the same fact type in the article (roles, descriptions), none about the same subject:
    a second description or other name of it is no wrong answer."""
    subject = match_key(fact.subject)
    others = sorted(
        {
            f.answer
            for f in facts
            if f.type == fact.type and f.key != fact.key and not (subject and match_key(f.subject) == subject)
        }
    )
    rng.shuffle(others)
    return _distinct(answer, others)


def for_fact(fact: Fact, answer: str, facts: list[Fact], seed: int) -> list[str]:
    """Up to three distractors for ``fact`` whose right answer is displayed as ``answer``."""
    rng = rng_for(seed, fact.key)
    if fact.type in {"count", "percent", "amount", "duration", "year"}:
        if fact.detail == "range":
            return ranges(answer, rng)
        if fact.number is None:
            return decimals(answer, rng)
        return numeric(fact, answer, facts, rng)
    if fact.type == "date":
        return dates(fact, answer, rng)
    if fact.type == "period":
        return periods(answer, rng)
    if fact.type == "weekday":
        return weekdays(answer, rng)
    if fact.type == "century":
        return centuries(answer, rng)
    if fact.type == "time":
        return relative_times(answer, rng)
    if fact.type in {"place", "org"}:
        return places(fact, answer, facts, rng)
    if fact.type == "person":
        return people(fact, answer, facts, rng)
    if fact.type in {"role", "description", "alias", "location", "examples"}:
        return same_type_texts(fact, answer, facts, rng)
    return []


def shuffled_choices(answer: str, distractors: list[str], seed: int, key: str) -> tuple[str, ...]:
    options = [answer, *distractors[:3]]
    rng_for(seed, "choices:" + key).shuffle(options)
    return tuple(options)
