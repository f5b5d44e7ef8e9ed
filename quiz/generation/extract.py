"""Facts from article text: people and their roles, counts and ranges, dates and times, durations, places,
organisations, definitions ("X، صحفي وإعلامي سعودي،") and other names ("X (بالإنجليزية: Y)", "X أو Y").

Rules are linguistic and work on tokens of one sentence at a time; each fact records its offsets in the
sentence so the question's evidence can be highlighted. Overlaps are resolved by extraction order: definitions
and other names (which take no tokens), dates, numbers, places and organisations, people.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from quiz.arabic import morphology
from quiz.arabic.lexicon import Place, date_words, gazetteer, people_words
from quiz.arabic.normalize import match_key, normalize, strip_tashkeel
from quiz.arabic.numbers import NumberSpan, find_numbers, parse_digits
from quiz.arabic.sentences import Span, split_sentences
from quiz.arabic.tokens import Token, is_arabic, is_latin_only, split_prefix, tokenize
from quiz.generation.grammar import grammar, is_name_word, is_verb, without_conjunction
from quiz.generation.types import Fact

_YEAR_WITH_ERA = re.compile(r"^[وفبل]?([0-9٠-٩]{3,4})(م|هـ|ه)$")
_MAX_SENTENCE_TOKENS = 200


def _number_forms() -> frozenset[str]:
    """Number words as they are (so "واحد" keeps its و)."""
    from quiz.arabic.numbers import _lexicon

    return frozenset(_lexicon().words)


# longer "sentences" (lists, tables) are skipped: no good question comes from them


@dataclass
class Sentence:
    """A sentence being read: its span in the text, tokens, normalised tokens, and which tokens are taken."""

    index: int
    span: Span
    tokens: list[Token]
    norms: list[str]
    active: bool
    taken: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return self.span.text

    def gap(self, left: int) -> str:
        """The characters between token ``left`` and the next one (punctuation, spaces)."""
        end = self.tokens[left].end
        start = self.tokens[left + 1].start if left + 1 < len(self.tokens) else len(self.text)
        return self.text[end:start]

    def free(self, start: int, end: int) -> bool:
        return not any(i in self.taken for i in range(start, end))

    def take(self, start: int, end: int) -> None:
        self.taken.update(range(start, end))

    def bare(self, index: int) -> str:
        """Token ``index`` normalised, without an attached و/ف/ب/ل/ك (a surface guess: check the result)."""
        return normalize(split_prefix(self.tokens[index].text).rest)

    def forms(self, index: int) -> tuple[str, str]:
        """Token ``index`` normalised as it is, and without a guessed attached prefix."""
        return self.norms[index], self.bare(index)

    def prefix_len(self, index: int, core: str) -> int:
        """The length of the raw prefix before ``core`` (normalised) in token ``index``, 0 if it is
        not one."""
        text = self.tokens[index].text
        if normalize(text) == core:
            return 0
        split = split_prefix(text)
        if split.prefix and normalize(split.rest) == core:
            return len(split.prefix)
        return 0

    def digit_prefix_len(self, index: int) -> int:
        """How many characters come before the first digit or number word of token ``index`` (و47 -> 1)."""
        text = self.tokens[index].text
        match = re.match(r"^[وفبلك]{0,2}ـ?(?=[0-9٠-٩۰-۹])", text)
        if match:
            return match.end()
        split = split_prefix(text)
        if split.prefix and find_numbers([split.rest]) and not find_numbers([split.prefix + "x"]):
            whole = find_numbers([text])
            if not whole or whole[0].value == find_numbers([split.rest])[0].value:
                return len(split.prefix) if normalize(text) not in _number_forms() else 0
        return 0


def read_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``; Latin-only lines, repeats and over-long lines are marked inactive."""
    seen: set[str] = set()
    result = []
    for index, span in enumerate(split_sentences(text)):
        tokens = tokenize(span.text)
        norms = [normalize(t.text) for t in tokens]
        key = " ".join(norms)
        credit = bool(norms) and norms[0] in grammar().credit_markers
        active = (
            bool(tokens)
            and not credit
            and is_arabic(span.text)
            and not is_latin_only(span.text)
            and key not in seen
            and len(tokens) <= _MAX_SENTENCE_TOKENS
        )
        seen.add(key)
        result.append(Sentence(index, span, tokens, norms, active))
    return result


def _fact(
    sentence: Sentence,
    type_: str,
    key: str,
    first: int,
    last: int,
    *,
    prefix: int = 0,
    answer: str | None = None,
    **extra: object,
) -> Fact:
    """A fact covering tokens first..last-1, without the first ``prefix`` characters (an attached و/ب/ل)."""
    start = sentence.tokens[first].start + prefix
    end = sentence.tokens[last - 1].end
    text = sentence.text[start:end]
    return Fact(
        type=type_,
        key=key,
        sentence_index=sentence.index,
        start=start,
        end=end,
        text=text,
        answer=answer if answer is not None else text,
        **extra,  # type: ignore[arg-type]
    )


def _match_phrase(norms: Sequence[str], end: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the longest phrase ending right before index ``end`` (0 if none)."""
    for phrase in phrases:
        n = len(phrase)
        if end - n >= 0 and tuple(norms[end - n : end]) == phrase:
            return n
        if n and end - n >= 0 and norms[end - n][:1] in "وبلف" and (norms[end - n][1:], *phrase[1:]) == phrase:
            return n  # "وأكثر من", "بحوالي", "لما يقرب من": an attached و/ب/ل/ف
    return 0


# ----------------------------------------------------------------------------------------------------------
# Dates and times


def _month_at(sentence: Sentence, k: int) -> tuple[int, int, bool] | None:
    """(month number, token count, whether Hijri) if a month name starts at token k (one or two words)."""
    words = date_words()
    for table, hijri in ((words.months, False), (words.hijri_months, True)):
        for form in sentence.forms(k):
            if k + 1 < len(sentence.tokens) and form + " " + sentence.norms[k + 1] in table:
                return table[form + " " + sentence.norms[k + 1]], 2, hijri
            if form in table:
                return table[form], 1, hijri
    return None


def _month_form(sentence: Sentence, k: int) -> str:
    """The form of token k (as it is, or without an attached prefix) that starts a month name."""
    words = date_words()
    for form in sentence.forms(k):
        two = k + 1 < len(sentence.tokens) and form + " " + sentence.norms[k + 1]
        if form in words.months or form in words.hijri_months or two in words.months or two in words.hijri_months:
            return form
    return sentence.norms[k]


def _ordinal_day_before(sentence: Sentence, k: int) -> tuple[int, int] | None:
    """(day, first token) for "الأول من" / "السابع عشر من" right before the month at token k."""
    if k < 2 or sentence.norms[k - 1] != "من":
        return None
    days = date_words().ordinal_days
    for width in (2, 1):
        first = k - 1 - width
        if first < 0:
            continue
        words = [normalize(split_prefix(sentence.tokens[first].text).rest), *sentence.norms[first + 1 : k - 1]]
        for head in dict.fromkeys((sentence.norms[first], words[0])):
            phrase = " ".join([head, *words[1:]])
            if phrase in days:
                return days[phrase], first
    return None


def _year_after_month(sentence: Sentence, k: int) -> tuple[int, int] | None:
    """(year, token count) for the year right after a month: "2009", "1299م", "من عام 1939", "سنة 2 هـ"."""
    words = date_words()
    n = len(sentence.tokens)
    at = k
    if at + 1 < n and sentence.norms[at] == "من" and sentence.norms[at + 1] in words.year_words:
        at += 1  # "الثالث من مايو من عام 1950"
    has_word = at < n and sentence.norms[at] in words.year_words
    at += 1 if has_word else 0
    if at >= n:
        return None
    year = _year_at(sentence, at)
    if year is None and has_word and _era_after(sentence, at + 1):
        value = parse_digits(sentence.tokens[at].text)
        year = value if value is not None and 1 <= value <= 2100 else None  # "سنة 2 هـ"
    if year is None:
        return None
    end = at + 1 + _era_after(sentence, at + 1)
    return year, end - k


def _year_at(sentence: Sentence, k: int) -> int | None:
    if k >= len(sentence.tokens):
        return None
    era = _YEAR_WITH_ERA.match(sentence.tokens[k].text)
    if era:
        return parse_digits(era.group(1))
    value = parse_digits(sentence.tokens[k].text)
    if value is not None and 30 <= value <= 2100:
        return value
    return None


def _era_after(sentence: Sentence, k: int) -> int:
    """How many tokens from k form an era mark (م, هـ, قبل الميلاد)."""
    marks = date_words().era_marks
    if k + 1 < len(sentence.tokens) and sentence.norms[k] + " " + sentence.norms[k + 1] in marks:
        return 2
    if k < len(sentence.tokens) and sentence.norms[k] in marks:
        return 1
    return 0


def date_words_form(sentence: Sentence, k: int) -> str:
    """Token k's form that starts an ordinal day ("والعاشر" -> "العاشر")."""
    days = date_words().ordinal_days
    firsts = {phrase.split()[0] for phrase in days}
    return next((f for f in sentence.forms(k) if f in firsts), sentence.norms[k])


def extract_dates(sentence: Sentence) -> list[Fact]:
    facts: list[Fact] = []
    words = date_words()
    g = grammar()
    n = len(sentence.tokens)
    for k in range(n):
        if k in sentence.taken:
            continue
        month = _month_at(sentence, k)
        if month is None:
            continue
        number, width, hijri = month
        start, end = k, k + width
        day = parse_digits(sentence.tokens[k - 1].text) if k > 0 else None
        ordinal: tuple[int, int] | None = _ordinal_day_before(sentence, k)
        if day is not None and 1 <= day <= 31 and (k - 1) not in sentence.taken:
            start = k - 1
        elif ordinal is not None and sentence.free(ordinal[1], k):
            day, start = ordinal  # "الثالث من مايو", "الخامس من شعبان"
        year_after = _year_after_month(sentence, end)
        year = year_after[0] if year_after else None
        if year_after:
            end += year_after[1]
        has_number = start < k or year is not None
        ambiguous = bool(set(sentence.forms(k)) & words.ambiguous_months)
        after_prep = k > 0 and sentence.norms[k - 1] in g.time_prepositions
        after_month_word = k > 0 and sentence.bare(k - 1) in {"شهر", "شهري"}
        if not has_number and (ambiguous or hijri or not after_prep) and not after_month_word:
            continue  # "صفر" 'zero', "رمضان" a name: a Hijri month needs its day, its year or شهر
        if not sentence.free(start, end):
            continue
        sentence.take(start, end)
        kind = "date" if start < k else ("date" if year is None else "month_year")
        key = f"{'hdate' if hijri else 'date'}:{day if start < k else 0}:{number}:{year or 0}"
        if start < k and ordinal is not None and start == ordinal[1]:
            prefix = sentence.prefix_len(start, date_words_form(sentence, start))
        elif start < k:
            prefix = sentence.digit_prefix_len(start)
        else:
            prefix = sentence.prefix_len(k, _month_form(sentence, k))
        facts.append(_fact(sentence, "date", key, start, end, number=year, prefix=prefix, detail=kind))
    for k in range(n):
        if k in sentence.taken:
            continue
        bare = next((f for f in sentence.forms(k) if f in words.weekdays | {"القرن"}), sentence.norms[k])
        if bare in words.weekdays:
            prev = sentence.norms[k - 1] if k else ""
            # after "today", "day", "evening", "morning", "night", "noon", "dawn" or a time preposition
            if prev in {"اليوم", "يوم", "مساء", "صباح", "ليله", "ظهر", "فجر"} or prev in g.time_prepositions:
                end = k + 1
                if end < n and sentence.norms[end] in {"المقبل", "الماضي", "القادم", "الفائت"}:
                    end += 1  # "الأربعاء المقبل"
                sentence.take(max(0, k - 1) if prev in {"اليوم", "يوم"} else k, end)
                prefix = sentence.prefix_len(k, bare)
                facts.append(_fact(sentence, "weekday", f"weekday:{bare}", k, end, prefix=prefix))
            continue
        if k + 1 < n:
            two = bare + " " + sentence.norms[k + 1]
            if two in words.relative and sentence.free(k, k + 2):
                sentence.take(k, k + 2)
                facts.append(_fact(sentence, "time", f"time:{two}", k, k + 2, prefix=sentence.prefix_len(k, bare)))
                continue
        if bare == "القرن" and k + 1 < n:
            width = 2 if k + 2 < n and sentence.norms[k + 1] + " " + sentence.norms[k + 2] in words.ordinals else 1
            if sentence.norms[k + 1] in words.ordinals or width == 2:
                end = k + 1 + width
                end += _era_after(sentence, end)
                start = k
                if k > 0 and sentence.bare(k - 1) in words.time_qualifiers and (k - 1) not in sentence.taken:
                    start = k - 1  # "نهاية القرن الخامس عشر", "مطلع القرن العاشر"
                if sentence.free(start, end):
                    sentence.take(start, end)
                    ordinal_words = " ".join(sentence.norms[k + 1 : k + 1 + width])
                    first_form = sentence.bare(start) if start < k else bare
                    prefix = sentence.prefix_len(start, first_form)
                    key = f"century:{sentence.bare(start) + ':' if start < k else ''}{ordinal_words}"
                    facts.append(_fact(sentence, "century", key, start, end, prefix=prefix))
    return facts


# ----------------------------------------------------------------------------------------------------------
# Numbers: years, durations, counts, percentages, amounts


# Words that open a range of numbers: "بين 3 و5 أعوام" 'between', "ما بين", "من 10 إلى 20" 'from'.
_RANGE_OPENERS = (("ما", "بين"), ("بين",), ("من",))
_RANGE_LINKS = frozenset({"و", "الي", "حتي"})  # and, to, until
_DASHED_RANGE = re.compile(r"^[وبل]?([0-9٠-٩]+)[-–]([0-9٠-٩]+)$")


def _range_unit(sentence: Sentence, k: int) -> tuple[str, int] | None:
    """(fact type, unit width) when token k can count a range: a duration unit, a measure or currency, or a counted
    noun."""
    if k >= len(sentence.tokens) or re.search(r"[،,.؛:()]", sentence.gap(k - 1)):
        return None
    g = grammar()
    norm, bare = sentence.norms[k], sentence.bare(k)
    if norm in date_words().duration_units or bare in date_words().duration_units:
        return "duration", 1
    if {norm, bare} & (g.currency_words | g.measure_units) or norm in g.unit_names:
        square = k + 1 < len(sentence.tokens) and sentence.norms[k + 1] in {"مربع", "مربعا", "مكعب", "مكعبا"}
        return "amount", 2 if square else 1
    if not is_arabic(sentence.tokens[k].text) or norm.startswith("ال") or norm in g.count_stop_nouns:
        return None
    if norm in g.prepositions or bare in g.prepositions or bare in people_words().not_names:
        return None
    if morphology.is_only_verb(sentence.tokens[k].text) or parse_digits(sentence.tokens[k].text) is not None:
        return None
    if any(r.pos == "PREP" for r in morphology.analyse(sentence.tokens[k].text)):
        return None
    return "count", 1


def _extract_ranges(sentence: Sentence, spans: Sequence[NumberSpan]) -> list[Fact]:
    """Two numbers of one unit as one answer: "بين 3 و5 أعوام", "ما بين 20 و30 ألف زائر", "من 3-4 أيام"."""
    facts: list[Fact] = []
    pairs: list[tuple[int, int, int, int, int]] = []  # (first number token, its end, end of second, low, high)
    for left, right in itertools.pairwise(spans):
        if left.decimal or right.decimal or left.words != right.words:
            continue
        glued = right.start == left.end and sentence.norms[right.start][:1] == "و"
        linked = right.start == left.end + 1 and sentence.norms[left.end] in _RANGE_LINKS
        dashed = right.start == left.end and re.fullmatch(r"\s*[-–]\s*", sentence.gap(left.end - 1)) is not None
        if glued or linked or dashed:
            pairs.append((left.start, left.end, right.end, left.value, right.value))
    for k, token in enumerate(sentence.tokens):
        dashed_token = _DASHED_RANGE.match(token.text)
        if dashed_token:
            low, high = parse_digits(dashed_token.group(1)), parse_digits(dashed_token.group(2))
            if low is not None and high is not None:
                pairs.append((k, k + 1, k + 1, low, high))
    for start, left_end, end, low, high in pairs:
        era = _era_after(sentence, end)
        if era and low < high and sentence.free(start, end + era):
            # "532 - 589 هـ", "1138 - 1193 م": two years of one era, joined into a period later.
            sentence.take(start, end + era)
            facts.append(_fact(sentence, "year", f"year:{low}", start, left_end, number=low))
            second = end - 1 if end - 1 > start else start
            facts.append(_fact(sentence, "year", f"year:{high}", second, end + era, number=high))
            continue
        signs = [sentence.gap(k - 1).lstrip()[:1] in {"%", "٪"} for k in (left_end, end)]
        if all(signs) or (signs[1] and left_end == end):
            facts += _percent_range(sentence, start, end, low, high)  # "من 30% إلى 35%"
            continue
        unit = _range_unit(sentence, end)
        if unit is None or not low < high or (low >= 1000 and high <= 2100 and unit[0] != "amount"):
            continue  # "1908 و1914" is a period of years, asked as one elsewhere
        opener = next((len(o) for o in _RANGE_OPENERS if tuple(sentence.norms[max(0, start - len(o)) : start]) == o), 0)
        first, last = start - opener, end + unit[1]
        if not sentence.free(first, last):
            continue
        type_, _width = unit
        marker = _match_phrase(sentence.norms, first, grammar().duration_markers) if type_ == "duration" else 0
        first -= marker if sentence.free(first - marker, first) else 0
        sentence.take(first, last)
        unit_text = " ".join(t.text for t in sentence.tokens[end:last])
        qualifier = " ".join(t.text for t in sentence.tokens[first:start])
        facts.append(
            _fact(
                sentence,
                type_,
                f"{type_}:{low}-{high}:{_unit_key(unit_text)}",
                first,
                last,
                number=high,
                unit=unit_text,
                qualifier=qualifier,
                detail="range",
                prefix=_lead_prefix(sentence, first, start),
            )
        )
    return facts


def _percent_range(sentence: Sentence, start: int, end: int, low: int, high: int) -> list[Fact]:
    """A range of percentages as one fact, from its opener ("من", "بين") to the second sign."""
    opener = next((len(o) for o in _RANGE_OPENERS if tuple(sentence.norms[max(0, start - len(o)) : start]) == o), 0)
    first = start - opener
    if not low < high or not sentence.free(first, end):
        return []
    sentence.take(first, end)
    fact = _fact(
        sentence,
        "percent",
        f"percent:{low}-{high}",
        first,
        end,
        number=high,
        qualifier=" ".join(t.text for t in sentence.tokens[first:start]),
        detail="range",
        prefix=_lead_prefix(sentence, first, start),
    )
    sign_at = sentence.text.index(sentence.gap(end - 1).lstrip()[0], fact.end)
    return [
        replace(
            fact,
            end=sign_at + 1,
            text=sentence.text[fact.start : sign_at + 1],
            answer=sentence.text[fact.start : sign_at + 1],
        )
    ]


_BETWEEN = normalize("بين")  # between


@cache
def _ordinal_words() -> frozenset[str]:
    """First words of ordinals (الأول، الثاني ... الحادي): before عشر they make an ordinal, not a count."""
    masculine = {phrase.split()[0] for phrase in date_words().ordinal_days}
    return frozenset(masculine | {word + "ه" for word in masculine} | {"الاولي"})  # and feminine: التاسعة


def extract_numbers(sentence: Sentence) -> list[Fact]:
    facts: list[Fact] = []
    g = grammar()
    words = date_words()
    texts = [t.text for t in sentence.tokens]
    n = len(texts)
    for k in range(n):  # years with an era mark glued on: 1299م
        glued = _YEAR_WITH_ERA.match(texts[k])
        if glued and k not in sentence.taken:
            year = parse_digits(glued.group(1))
            first = k - 1 if k and sentence.norms[k - 1] in words.year_words else k
            sentence.take(first, k + 1)
            prefix = sentence.prefix_len(first, sentence.norms[first]) if first < k else sentence.digit_prefix_len(k)
            facts.append(_fact(sentence, "year", f"year:{year}", first, k + 1, number=year, prefix=prefix))
    spans = find_numbers(texts)
    facts += _extract_ranges(sentence, spans)
    for found in spans:
        i, j, value = found.start, found.end, found.value
        # A bare decimal ("45.44%", "2.3") has no whole number: its facts carry none (typed questions only).
        number: int | None = None if found.decimal else value
        key_value = normalize(" ".join(texts[i:j])) if found.decimal else str(value)
        if not sentence.free(i, j):
            continue
        nxt = sentence.norms[j] if j < n else ""
        nxt_bare = sentence.bare(j) if j < n else ""
        prev = sentence.norms[i - 1] if i else ""
        punct_after = j >= n or bool(re.search(r"[،,.؛:)(\-–/]", sentence.gap(j - 1)))
        in_range = bool(re.search(r"[(\-–/]", sentence.gap(i - 1))) if i else False
        era = 0 if found.words else _era_after(sentence, j)
        if era and value < 1000 and not found.decimal:
            # "753 ق.م", "2 هـ": a year of any size when an era mark follows.
            first = i - 1 if prev in words.year_words else i
            sentence.take(first, j + era)
            prefix = _lead_prefix(sentence, first, i)
            facts.append(_fact(sentence, "year", f"year:{value}:era", first, j + era, number=value, prefix=prefix))
            continue
        if found.words and i > 0 and sentence.norms[i - 1] in _ordinal_words() and value <= 19:
            continue  # "الثاني عشر": an ordinal, not a count
        # A year: "عام 2021", "في 1958", "منذ 2017", "2021م", or a bare 4-digit year before punctuation.
        if (
            not found.words
            and not found.decimal
            and 1000 <= value <= 2100
            and (
                prev in words.year_words
                or era
                or prev in g.time_prepositions
                or prev == _BETWEEN  # "فيما بين 1830 وحتى 1847"
                or (i > 0 and "/" in sentence.gap(i - 1) and prev in words.era_marks)  # "1157 هـ / 1744"
                or (punct_after and value >= 1500)
                or (punct_after and in_range)
            )
        ):
            first = i - 1 if prev in words.year_words and "(" not in sentence.gap(i - 1) else i
            if first > 0 and sentence.bare(first - 1) in words.time_qualifiers and (first - 1) not in sentence.taken:
                first -= 1  # "أواخر عام 2010"
            sentence.take(first, j + era)
            prefix = _lead_prefix(sentence, first, i)
            facts.append(_fact(sentence, "year", f"year:{value}", first, j + era, number=value, prefix=prefix))
            continue
        if nxt in words.duration_units or nxt_bare in words.duration_units:
            # "قبل 75 عاما", "حوالي 3,000 سنة", "لمدة لا تقل عن 20 سنة": a qualifier, then a marker before it.
            qualified = _match_phrase(sentence.norms, i, g.qualifiers)
            marker = _match_phrase(sentence.norms, i - qualified, g.duration_markers)
            first = i - qualified - marker
            if not sentence.free(first, i):
                first = i
            qualifier = " ".join(t.text for t in sentence.tokens[first:i])
            sentence.take(first, j + 1)
            unit = words.duration_units.get(nxt) or words.duration_units[nxt_bare]
            facts.append(
                _fact(
                    sentence,
                    "duration",
                    f"duration:{qualifier and normalize(qualifier)}:{key_value}:{unit}",
                    first,
                    j + 1,
                    number=number,
                    unit=texts[j],
                    qualifier=qualifier,
                    prefix=_lead_prefix(sentence, first, i),
                )
            )
            continue
        qual_len = _match_phrase(sentence.norms, i, g.qualifiers)
        first = i - qual_len
        if not sentence.free(first, i):
            first, qual_len = i, 0
        qualifier = " ".join(t.text for t in sentence.tokens[first:i])
        sign = sentence.gap(j - 1).lstrip()[:1] in {"%", "٪"} if sentence.gap(j - 1) else False
        percent = sign or nxt in g.percent_words
        if not percent and j + 1 < n:
            percent = nxt + " " + sentence.norms[j + 1] in g.percent_words
        if percent:
            width = 0 if sign else (1 if nxt in g.percent_words else 2)
            sentence.take(first, j + width)
            fact = _fact(
                sentence,
                "percent",
                f"percent:{key_value}",
                first,
                j + width,
                number=number,
                qualifier=qualifier,
                prefix=_lead_prefix(sentence, first, i),
            )
            if sign:  # take the sign in: "12%"
                sign_at = sentence.text.index(sentence.gap(j - 1).lstrip()[0], fact.end)
                fact = replace(fact, end=sign_at + 1, text=sentence.text[fact.start : sign_at + 1])
                fact = replace(fact, answer=fact.text)
            facts.append(fact)
            continue
        if nxt_bare in g.currency_words or nxt_bare in g.measure_units or nxt in g.unit_names:
            unit_end = j + 1
            if unit_end < n and sentence.norms[unit_end] in {"مربع", "مربعا", "مكعب", "مكعبا"}:
                unit_end += 1  # "كيلومتر مربع"
            sentence.take(first, unit_end)
            facts.append(
                _fact(
                    sentence,
                    "amount",
                    f"amount:{key_value}:{nxt_bare}",
                    first,
                    unit_end,
                    number=number,
                    unit=" ".join(texts[j:unit_end]),
                    qualifier=qualifier,
                    prefix=_lead_prefix(sentence, first, i),
                )
            )
            continue
        if not nxt or punct_after or nxt in g.count_stop_nouns or not is_arabic(nxt):
            continue
        if nxt_bare in g.prepositions or nxt in g.prepositions or nxt_bare in {q[0] for q in g.qualifiers}:
            continue
        if nxt.startswith("ال") or nxt_bare in people_words().not_names:
            continue  # a counted noun is indefinite: "19 النفوذ", "365.25 وهو" are no counts
        if any(r.pos == "PREP" for r in morphology.analyse(texts[j])):
            continue  # "60 مليون منهم": a preposition with a pronoun, not a counted noun
        if found.words and (not morphology.is_known(texts[j]) or morphology.is_only_proper_noun(texts[j])):
            continue  # "ألفا أديسون": a number word before a name is part of the name
        if (
            _month_at(sentence, j) is not None
            or morphology.is_only_verb(texts[j])
            or parse_digits(texts[j]) is not None
        ):
            continue
        if found.words and value <= 2:
            continue  # "واحد" and "اثنين" are rarely a count worth asking about
        sentence.take(first, j + 1)
        facts.append(
            _fact(
                sentence,
                "count",
                f"count:{key_value}:{_unit_key(texts[j])}",
                first,
                j + 1,
                number=number,
                unit=texts[j],
                qualifier=qualifier,
                prefix=_lead_prefix(sentence, first, i),
            )
        )
    return facts


def _lead_prefix(sentence: Sentence, first: int, number_index: int) -> int:
    """The attached prefix to leave out of a numeric fact starting at token ``first``."""
    if first == number_index:
        return sentence.digit_prefix_len(first)
    norm = sentence.norms[first]
    g = grammar()
    for phrase in (*g.qualifiers, *g.duration_markers, *((w,) for w in date_words().year_words)):
        if norm == phrase[0]:
            return 0
        if norm[1:] == phrase[0] and norm[0] in "وفبل":
            return 1
    return 0


def _unit_key(unit: str) -> str:
    """A counted noun's key: normalised, without tanween alif, so دولة/دولتين group loosely."""
    norm = normalize(unit)
    return norm[:-1] if norm.endswith("ا") and len(norm) > 3 else norm


# ----------------------------------------------------------------------------------------------------------
# Places and organisations


@cache
def _gazetteer_first_words() -> frozenset[str]:
    return frozenset(form[0] for form in gazetteer().by_form)


def _gazetteer_at(sentence: Sentence, k: int) -> tuple[Place, int, bool, int] | None:
    """The longest gazetteer entry starting at token k (an attached و/ب/ل/ف allowed):
    (entry, width, ambiguous, length of the raw prefix)."""
    gaz = gazetteer()
    first_forms = [(sentence.norms[k], 0)]
    rest = split_prefix(sentence.tokens[k].text)
    if rest.prefix and sentence.tokens[k].text.endswith(rest.rest):
        first_forms.append((normalize(rest.rest), len(rest.prefix)))
    if sentence.norms[k].startswith("لل"):
        first_forms.append(("ال" + sentence.norms[k][2:], 0))
    starts = _gazetteer_first_words()
    first_forms = [(form, prefix) for form, prefix in first_forms if form in starts]
    if not first_forms:
        return None
    for width in range(min(gaz.longest, len(sentence.tokens) - k), 0, -1):
        for first, prefix in first_forms:
            key = (first, *sentence.norms[k + 1 : k + width])
            if key in gaz.by_form:
                place, ambiguous = gaz.by_form[key]
                return place, width, ambiguous, prefix
    return None


# Nouns that head an organisation's name: organisation/group/movement/front ("تنظيم القاعدة").
_ORG_HEADS = frozenset(normalize(w) for w in ("تنظيم", "جماعة", "حركة", "منظمة", "جبهة"))


def extract_places(sentence: Sentence) -> list[Fact]:
    matches: list[tuple[int, int, Place, bool, int]] = []
    k = 0
    n = len(sentence.tokens)
    while k < n:
        found = _gazetteer_at(sentence, k) if k not in sentence.taken else None
        if found is None or not sentence.free(k, k + found[1]):
            k += 1
            continue
        place, width, ambiguous, prefix = found
        if k + width < n and sentence.norms[k + width] in grammar().not_place_before:
            k += width
            continue  # "مسقط رأسه": his birthplace, not Muscat
        matches.append((k, k + width, place, ambiguous, prefix))
        k += width
    facts: list[Fact] = []
    index = 0
    while index < len(matches):
        start, end, place, ambiguous, prefix = matches[index]
        if ambiguous:
            prev_org = index > 0 and matches[index - 1][1] == start and matches[index - 1][2].type == "org"
            head = start > 0 and sentence.norms[start - 1] in _ORG_HEADS
            next_org = index + 1 < len(matches) and matches[index + 1][0] == end and matches[index + 1][2].type == "org"
            if not (prev_org or head or next_org):
                index += 1
                continue
        group = [(start, end, place)]
        # Coordinated places of one kind ("سوريا والعراق") make one answer.
        while index + 1 < len(matches):
            n_start, n_end, n_place, n_amb, _ = matches[index + 1]
            same_kind = (n_place.type == "org") == (place.type == "org") and (not n_amb or place.type == "org")
            if n_start == group[-1][1] and sentence.norms[n_start].startswith("و") and same_kind:
                group.append((n_start, n_end, n_place))
                index += 1
            else:
                break
        first, last = group[0][0], group[-1][1]
        names = [p.name for _, _, p in group]
        type_ = "org" if place.type == "org" else "place"
        sentence.take(first, last)
        fact = _fact(
            sentence,
            type_,
            f"{type_}:" + "+".join(normalize(x) for x in names),
            first,
            last,
            detail=place.type,
            prefix=prefix,
        )
        if sentence.norms[first].startswith("لل") and not prefix:
            fact = replace(fact, answer=" و".join(names))  # للأمم: the text cannot lose its ل
        facts.append(fact)
        index += 1
    return facts


# ----------------------------------------------------------------------------------------------------------
# People


# Regnal numbers after a name: the first ... the tenth (عثمان الأول، سليم الثاني، دارا الثالث).
_REGNAL = frozenset(
    normalize(w)
    for w in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر")
)


def _name_run(sentence: Sentence, k: int, limit: int = 4) -> int:
    """How many tokens from k form a person's name (0 if none); a name never ends on a link word (بن)."""
    links = people_words().name_links
    end = k
    while end < len(sentence.tokens) and end - k < limit and end not in sentence.taken:
        text = sentence.tokens[end].text
        if not is_arabic(text) or (end > k and sentence.norms[end][:1] == "و" and not is_name_word(text)):
            break
        surname = end > k and _is_surname(text)
        regnal = end > k and sentence.norms[end] in _REGNAL and sentence.norms[end - 1] not in links
        if not (is_name_word(text) or surname or regnal) or _gazetteer_at(sentence, end) is not None:
            break  # "محمد الخامس بن يوسف", "بطرس الأول": a regnal number stays in the name
        end += 1
        if re.search(r"[،,.؛:()\"«»]", sentence.gap(end - 1)) or re.search("[\u064b-\u064d]", text):
            break  # punctuation, or tanween: "القائد سعيدٌ | خالدَ بن الوليد" are two people
    while end > k and sentence.norms[end - 1] in links and sentence.norms[end - 1] != "الدين":
        end -= 1  # a name never ends on بن/أبو/عبد; "صلاح الدين" does end on الدين
    if end > k and sentence.norms[k] in links and sentence.norms[k] not in {"ابو", "عبد", "ابن"}:
        return 0
    return end - k


def _titled_name(sentence: Sentence, k: int) -> int:
    """After an honorific (الدكتور) a looser name: up to three plain words ending at punctuation, one of
    them a name word ("الدكتور أدهم إسماعيل")."""
    g = grammar()
    end = k
    while end < len(sentence.tokens) and end - k < 3:
        norm = sentence.norms[end]
        text = sentence.tokens[end].text
        if norm in people_words().not_names or norm in g.prepositions or not is_arabic(text):
            break
        if morphology.is_only_verb(text) or norm in g.reporting_verbs:
            break
        if norm.startswith("ال") and end == k:
            break
        end += 1
        if re.search(r"[،,.؛:()\"«»]", sentence.gap(end - 1)):
            break
    if end - k >= 2 and any(is_name_word(sentence.tokens[i].text) for i in range(k, end)):
        return end - k
    return 0


def _is_surname(word: str) -> bool:
    """A family name with the article after a first name ("أحمد العلي"): unknown to the lexicon, or
    a nisba."""
    norm = normalize(word)
    if not norm.startswith("ال") or len(norm) < 4 or norm in people_words().not_names:
        return False
    if norm[2:] in people_words().place_heads:
        return False  # "الإمارة", "المدينة": a place word after a name is its object, not a family name
    if norm in grammar().relative_pronouns:
        return False
    return not morphology.is_known(word) or norm.endswith("ي") or morphology.is_proper_noun(word)


@cache
def _role_first_words() -> frozenset[str]:
    return frozenset(head.split()[0] for head in people_words().role_heads)


def _role_at(sentence: Sentence, k: int) -> tuple[int, int]:
    """(width, raw prefix length) of a role head (وزير, وكيل الأمين العام ...) starting at token k;
    (0, 0) if none."""
    heads = people_words().role_heads
    if not set(sentence.forms(k)) & _role_first_words():
        return 0, 0
    for width in (4, 3, 2, 1):
        if k + width <= len(sentence.tokens):
            for form in sentence.forms(k):
                if " ".join([form, *sentence.norms[k + 1 : k + width]]) in heads:
                    return width, sentence.prefix_len(k, form)
    return 0, 0


@dataclass
class _People:
    """People met so far in the article, for resolving later mentions ("السيد فورونكوف")."""

    by_word: dict[str, str] = field(default_factory=dict)  # normalised name word -> full name
    roles: dict[str, str] = field(default_factory=dict)  # full name -> role

    def add(self, name: str, role: str) -> str:
        words = name.split()
        if len(words) == 1 and normalize(words[0]) in self.by_word:
            return self.by_word[normalize(words[0])]
        links = people_words().name_links
        for index, word in enumerate(words):
            # A later mention uses the first or the family name; never a word after بن/عبد/أبو ("الله").
            edge = index in {0, len(words) - 1}
            after_link = index > 0 and normalize(words[index - 1]) in links
            norm = normalize(word)
            if edge and not after_link and norm not in links and len(norm) > 2:
                self.by_word.setdefault(norm, name)
        if role and name not in self.roles:
            self.roles[name] = role
        return name


def _names_a_thing(sentence: Sentence, k: int) -> bool:
    """Whether token k is an indefinite noun right before a name, which then names a thing ("متلازمة داون")."""
    word, norm = sentence.tokens[k].text, sentence.norms[k]
    if sentence.gap(k).strip() or norm.startswith("ال") or norm in people_words().honorifics:
        return False
    if norm in grammar().prepositions or is_verb(word) or _role_at(sentence, k)[0]:
        return False
    return any(r.pos == "NOUN" and not r.prefix for r in morphology.analyse(word))


def _person_key(name: str) -> str:
    return "person:" + normalize(name.split()[-1])


def extract_people(sentence: Sentence, people: _People) -> list[Fact]:
    facts: list[Fact] = []
    words = people_words()
    n = len(sentence.tokens)
    k = 0
    while k < n:
        if k in sentence.taken:
            k += 1
            continue
        known = people.by_word.get(sentence.norms[k]) if len(sentence.norms[k]) >= 4 else None
        whole_name = bool(known) and k + 1 < n and sentence.norms[k + 1] in normalize(known or "").split()
        if known and not whole_name and k > 0 and _names_a_thing(sentence, k - 1):
            known = None  # "متلازمة داون": a thing named after the person; "أدب نجيب محفوظ" is still the person
        if known and len(known.split()) > 1 and sentence.norms[k] not in words.not_names:
            # A later mention of someone already named ("وأضاف العلي"), with the rest of the name if it follows.
            name_words = normalize(known).split()
            end = k + 1
            while end < n and end not in sentence.taken and sentence.norms[end] in name_words:
                if re.search(r"[،,.؛:()]", sentence.gap(end - 1)):
                    break
                end += 1
            sentence.take(k, end)
            facts.append(
                _fact(
                    sentence,
                    "person",
                    _person_key(known),
                    k,
                    end,
                    answer=known,
                    detail=people.roles.get(known, ""),
                )
            )
            k = end
            continue
        if k > 0 and sentence.bare(k - 1) in words.place_heads and sentence.norms[k] in words.honorifics:
            named = _name_run(sentence, k + 1)
            sentence.take(k, k + 1 + named)
            k += 1 + named
            continue  # "جسر الملك فهد", "جامعة الملك سعود": a place named after someone
        role_width, role_prefix = _role_at(sentence, k)
        honorific = bool(set(sentence.forms(k)) & words.honorifics)  # "بالقيصر الروسي بطرس الأول"
        if honorific and not role_width:
            title = next(f for f in sentence.forms(k) if f in words.honorifics)
            role_prefix = sentence.prefix_len(k, title)
        if not role_width and not honorific:
            k += 1
            continue
        # The role phrase runs on to a comma or to the start of a name.
        end = k + max(role_width, 1)
        while end < n and end - k < 9 and (end not in sentence.taken or role_width):
            if re.search(r"[،,.؛:()\"«»]", sentence.gap(end - 1)):
                break
            if _name_run(sentence, end) and not (role_width and end == k + role_width and not honorific):
                break
            if is_verb(sentence.tokens[end].text) or sentence.norms[end] in grammar().relative_pronouns:
                break
            if not role_width and sentence.norms[end] in grammar().prepositions:
                break  # "النبي في سن ...": an honorific's phrase ends before a preposition
            end += 1
        role_end = end
        comma = bool(re.search(r"[،,]", sentence.gap(role_end - 1))) if role_end <= n else False
        name_start = role_end
        width = _name_run(sentence, name_start) if name_start < n else 0
        if not width and name_start < n and sentence.norms[name_start] in words.honorifics:
            # "ممثل المنظمة في اليمن، الدكتور أدهم إسماعيل،": a title between the role and the name.
            name_start += 1
            width = (_name_run(sentence, name_start) or _titled_name(sentence, name_start)) if name_start < n else 0
        if width == 0 and honorific and role_end > k + 1:
            # "السيد فورونكوف": the honorific's own run is the name.
            name_start = k + 1
            width = _name_run(sentence, name_start) or _titled_name(sentence, name_start)
            role_end = k + 1
        if (width == 1 and not honorific and not morphology.is_only_proper_noun(sentence.tokens[name_start].text)) and (
            morphology.is_known(sentence.tokens[name_start].text)
            or normalize(sentence.tokens[name_start].text).endswith(("ات", "ون", "ين"))
        ):
            width = 0  # "مدير عام قناة", "ومخرج كليبات": one common word after a role is no name
        if width and _is_nisba_word(sentence.tokens[name_start].text):
            width = 0  # "مهندس برمجيات | فرنسي الجنسية": an adjective, not a name
        if width and (sentence.norms[role_end - 1] in grammar().prepositions or _role_at(sentence, name_start)[0]):
            width = (
                0  # "من أمير الإقليم إلى | ملك البلاد": a role phrase never ends on a preposition; a title is no name
            )
        if width == 0 or (comma and not role_width):
            k = max(k + 1, role_end if width else k + 1)
            continue
        if comma:
            after = name_start + width
            closes = after >= n or re.search(r"[،,.؛]", sentence.gap(after - 1))
            if not closes:
                k += 1
                continue
        if sentence.norms[role_end - 1] in words.name_links and not comma:
            k += 1
            continue  # "سلطان آل عثمان": the link belongs to the name, not to a role
        role_text = sentence.text[sentence.tokens[k].start : sentence.tokens[role_end - 1].end]
        role_text = role_text[role_prefix:]
        raw_name = sentence.text[sentence.tokens[name_start].start : sentence.tokens[name_start + width - 1].end]
        is_honorific_only = honorific and role_end == k + 1 and not role_width
        role = "" if is_honorific_only else role_text
        full = people.add(raw_name, role)
        role = role or people.roles.get(full, "")
        sentence.take(k, name_start + width)
        facts.append(
            _fact(
                sentence,
                "person",
                _person_key(full),
                name_start,
                name_start + width,
                answer=full,
                detail=role,
            )
        )
        if role and not is_honorific_only:
            facts.append(
                _fact(
                    sentence,
                    "role",
                    "role:" + normalize(full),
                    k,
                    role_end,
                    answer=role_text,
                    subject=full,
                    prefix=role_prefix,
                )
            )
        k = name_start + width
    return facts


def _is_nisba_word(word: str) -> bool:
    """A relational adjective without the article ("ألماني", "مصرية"), which the lexicon may also list as a name."""
    norm = normalize(word)
    return norm.endswith(("ي", "يه")) and any(r.pos == "ADJ" and not r.prefix for r in morphology.analyse(word))


def _is_nisba(sentence: Sentence, k: int) -> bool:
    """A relational adjective with the article ("الفرنسي", "البريطاني"): a role word before a name."""
    norm = sentence.norms[k]
    return (
        norm.startswith("ال") and norm.endswith("ي") and len(norm) >= 6 and morphology.is_known(sentence.tokens[k].text)
    )


def extract_bare_names(sentence: Sentence, people: _People) -> list[Fact]:
    """Names without a title: a run of two or more name words of which one is a proper noun in the lexicon
    (or linked by بن/ابن/أبو), not a gazetteer entry; a nisba right before it is its role
    ("الفرنسي شارل فريدريك جيرهارد")."""
    facts: list[Fact] = []
    links = people_words().name_links
    n = len(sentence.tokens)
    k = 0
    while k < n:
        if k in sentence.taken or _gazetteer_at(sentence, k) is not None:
            k += 1
            continue
        width = _name_run(sentence, k, limit=8)
        if width < 2:
            k += 1
            continue
        run = [sentence.tokens[i].text for i in range(k, k + width)]
        proper = sum(1 for w in run if morphology.is_proper_noun(w))
        linked = any(normalize(w) in links for w in run[1:])
        unknown = sum(1 for w in run if not morphology.is_known(w))
        strong = sum(1 for w in run if morphology.is_only_proper_noun(w) or not morphology.is_known(w))
        first_word = run[0]
        first_strong = morphology.is_only_proper_noun(first_word) or not morphology.is_known(first_word)
        if sentence.norms[k].startswith("ال") or not (first_strong or normalize(first_word) in links):
            k += width
            continue  # "الجزيرة الأيبيرية", "ثاني أكبر ...": not a person's name
        role_word = _role_at(sentence, k)[0] or sentence.norms[k] in people_words().honorifics
        role_word = role_word or sentence.norms[k] in people_words().place_heads
        role_word = role_word or (k > 0 and sentence.bare(k - 1) in people_words().place_heads)  # "ميناء بيرل هاربر"
        if role_word or not strong or not (proper and (linked or proper + unknown == width)):
            k += width
            continue
        name = " ".join(run)
        full = people.add(name, "")
        role_first = k - 1 if k > 0 and _is_nisba(sentence, k - 1) and (k - 1) not in sentence.taken else k
        role = sentence.tokens[role_first].text if role_first < k else ""
        sentence.take(role_first, k + width)
        facts.append(_fact(sentence, "person", _person_key(full), k, k + width, answer=full, detail=role))
        k += width
    return facts


# ----------------------------------------------------------------------------------------------------------
# Definitions: "X (1958 - 2018)، صحفي وإعلامي سعودي، ..." and "X هو ..."

# "X (dates)، description،" | "X (dates) description" | "X، description،" | "X هو description"
_DEFINITION = re.compile(
    r"^(?P<subject>[^،,:()\"«»]{2,60}?)\s*"
    r"(?:(?:\([^()]{0,160}\)[\s\u200e\u200f؛;]*)+[،,]?|[،,]|\s+(?:هو|هي|هم)\s+)\s*(?:هو\s+|هي\s+)?"
    r"(?P<desc>[^،,.؛:()]{3,80})"
)


# First words that make a sentence's opening no subject to define: "as for", "was", "known as".
_NOT_SUBJECTS = frozenset(
    normalize(w) for w in ("أما", "كان", "كانت", "هذا", "هذه", "ذلك", "تلك", "وهذه", "هؤلاء", "أولئك")
)
# Words that open no description: "known (as)", "also", "where", and adverbs "formerly", "currently", "officially".
_NOT_DESCRIPTIONS = frozenset(
    normalize(w) for w in ("المعروف", "المعروفة", "المعروفين", "أيضا", "حيث", "سابقا", "حاليا", "رسميا", "أي")
)


# "X، المعروف بـ ...، هو description": the subject, asides, then the copula after a comma.
_COPULA_AFTER_ASIDES = re.compile(r"[،,]\s*(?:هو|هي|هم)\s+")
_SUBJECT_BOUNDARY = re.compile(r"[،,:()\"«»]|\s(?:أو|او)\s")
# "X أحد شهداء الثورة": 'one of' opens a description right after a name.
_ONE_OF = frozenset(normalize(w) for w in ("أحد", "إحدى"))
_MAX_DESCRIPTION = 10
_MAX_DESCRIPTION_WITH_CLAUSE = 14


def _definition_starts(sentence: Sentence) -> list[tuple[str, int]]:
    """Candidate (subject, offset where its description starts), most reliable first: "X (dates)، desc" and
    "X هو desc"; "X، aside، هو desc"; a name then "أحد" or an occupation ("حسن الطويل روائي ..."); a
    definite noun then an indefinite one ("النحاس فلز أحمر اللون")."""
    text = sentence.text
    found: list[tuple[str, int]] = []
    match = _DEFINITION.match(text)
    if match:
        desc = match.group("desc")
        found.append((match.group("subject").strip(), match.start("desc") + len(desc) - len(desc.lstrip())))
    head = _SUBJECT_BOUNDARY.search(text)
    if head and head.start() >= 2:
        copula = _COPULA_AFTER_ASIDES.search(text, head.start(), min(len(text), 400))
        if copula:
            subject = text[: head.start()].strip()
            for token in tokenize(subject)[1:]:  # "سليم الخوري ويعرف أيضا بأبي نادر": the subject ends at a verb
                if is_verb(without_conjunction(token.text)):
                    subject = subject[: token.start].strip()
                    break
            found.append((subject, copula.end()))
    tokens, norms = sentence.tokens, sentence.norms
    found += _definition_after_other_names(sentence)
    width = 0
    while width < min(6, len(tokens) - 1) and not re.search(r"[،,.؛:()]", sentence.gap(width)):
        word = tokens[width].text
        linked = width + 1 < len(tokens) and norms[width + 1] in people_words().name_links
        if norms[width] in _ONE_OF or sentence.bare(width) in people_words().occupations:
            break
        described = width + 1 < len(tokens) and (
            norms[width + 1] in _ONE_OF or sentence.bare(width + 1) in people_words().occupations
        )
        linked = linked or (width > 0 and norms[width].startswith("ال") and described)  # "حسن الطويل روائي"
        if not (is_name_word(word) or norms[width] in people_words().name_links or _is_surname(word) or linked):
            break  # "العربي بن مهيدي": a word with the article before بن is a name
        width += 1
    if width and (norms[width] in _ONE_OF or sentence.bare(width) in people_words().occupations):
        found.append((text[: tokens[width - 1].end], tokens[width].start))
    if len(tokens) > 3 and norms[0].startswith("ال") and not re.search(r"[،,.؛:()]", sentence.gap(0)):
        readings = morphology.analyse(tokens[1].text)
        indefinite = not norms[1].startswith(("ال", "و")) and norms[1] not in people_words().not_names
        indefinite = indefinite and norms[1] not in people_words().name_links
        noun = any(r.pos == "NOUN" and not r.prefix for r in readings) and not is_verb(tokens[1].text)
        if indefinite and noun and norms[1] not in grammar().prepositions:
            found.append((tokens[0].text, tokens[1].start))  # "العرب فرع ..."
    return found


def _definition_after_other_names(sentence: Sentence) -> list[tuple[str, int]]:
    """ "X أو Y أو Z (بالإنجليزية: ...) هو description": the subject before the first أو, the description after
    the copula that ends the chain of other names."""
    tokens, norms = sentence.tokens, sentence.norms
    first_or = next((i for i in range(1, min(len(tokens), 7)) if norms[i] == _OR), 0)
    if not first_or or re.search(r"[،,.؛:()]", sentence.text[: tokens[first_or].start]):
        return []
    for j in range(first_or + 2, min(len(tokens) - 1, 60)):
        if norms[j] in _COPULA:
            gap = sentence.text[tokens[first_or - 1].end : tokens[j].start]
            if _other_names_only(gap):
                return [(sentence.text[: tokens[first_or - 1].end], tokens[j + 1].start)]
            return []
    return []


# Words a description never ends on: "ما" (of "عادة ما" 'usually'), "عادة" 'usually', "كما" 'as'.
_LOOSE_ENDS = frozenset(normalize(w) for w in ("ما", "عادة", "كما"))


def _description_end(sentence: Sentence, start: int) -> int:
    """Where a description starting at offset ``start`` ends: at punctuation, before a verb, after at most ten
    words; a relative clause on its noun is kept ("نوع من الطيور [التي تهاجر شتاء إلى الجنوب]"), up to
    punctuation, a second relative clause or a coordinated one, after at most fourteen words."""
    g = grammar()
    first = next((i for i, t in enumerate(sentence.tokens) if t.start >= start), len(sentence.tokens))
    last = first
    relative = False  # inside a relative clause: its verbs belong to the description
    for i in range(first, min(len(sentence.tokens), first + _MAX_DESCRIPTION_WITH_CLAUSE)):
        word = sentence.tokens[i].text
        if i >= first + _MAX_DESCRIPTION and not relative:
            break
        verb = is_verb(word) or (sentence.norms[i][:1] == "و" and is_verb(without_conjunction(word)))
        if relative and sentence.norms[i][:1] != "و":
            pass
        elif i > first and verb and (i > first + 1 or sentence.norms[i][:1] == "و" or not is_verb(word)):
            break  # "إمبراطورية إسلامية [أسسها ...]"; after one noun a verb goes on: "مصطلح يشير إلى ..."
        if i > first and sentence.norms[i] in g.parenthetical_openers:
            break  # "ريكيافيك [وهي أكبر مدنها]"
        if i > first + 1 and sentence.norms[i].endswith(("ها", "هم")) and morphology.can_be_verb(word):
            break  # "إمبراطورية إسلامية أسسها ...": a verb with its object, the start of a clause
        if i > first + 1 and sentence.norms[i].lstrip("و") in g.relative_pronouns:
            if relative or sentence.norms[i][:1] == "و":
                break
            relative = True
        last = i + 1
        if re.search(r"[،,.؛:()\[\]\"«»]", sentence.gap(i)):
            break
    while last > first + 1 and sentence.norms[last - 1] in g.prepositions | g.relative_pronouns | _LOOSE_ENDS:
        last -= 1  # "اليوم العاشر [من]"
    return sentence.tokens[last - 1].end if last > first else start


def extract_definition(sentence: Sentence, people: _People) -> list[Fact]:
    """A definition of what the sentence opens with: its subject and a descriptive noun phrase."""
    for subject, desc_start in _definition_starts(sentence):
        fact = _definition(sentence, people, subject, desc_start)
        if fact is not None:
            return [fact]
    return []


def _definition(sentence: Sentence, people: _People, subject: str, desc_start: int) -> Fact | None:
    desc_end = _description_end(sentence, desc_start)
    desc = sentence.text[desc_start:desc_end].strip()
    subject_tokens = tokenize(subject)
    desc_tokens = tokenize(desc)
    if not (1 <= len(subject_tokens) <= 6) or not desc_tokens or len(desc) < 3:
        return None
    g = grammar()
    first_desc = desc_tokens[0].text
    if any(is_verb(t.text) for t in subject_tokens) or normalize(subject_tokens[0].text) in g.prepositions:
        return None
    if normalize(subject_tokens[0].text) in g.openers | g.complementisers:
        return None
    if is_verb(first_desc) or normalize(first_desc) in g.prepositions | g.complementisers | g.openers:
        return None
    if normalize(first_desc)[:1] == "و" and is_verb(first_desc[1:]):
        return None  # "، وكتب ...": a new clause, not a description
    if normalize(first_desc) in people_words().not_names or parse_digits(first_desc) is not None:
        return None
    first_subject = normalize(subject_tokens[0].text)
    if first_subject[:1] in "وف" and not is_name_word(subject_tokens[0].text):
        return None  # "وفي سنة 1899، ...", "فطلب ...": a clause, not a subject
    if first_subject in _NOT_SUBJECTS or any(ch.isdigit() for ch in subject):
        return None
    if normalize(first_desc)[:1] == "و" or normalize(first_desc) in _NOT_DESCRIPTIONS:
        return None  # "والفرنسي", "المعروف بـ": a list or a naming, not a description
    if normalize(first_desc).lstrip("وف") in g.complementisers or re.search(r"\s(?:هو|هي)\s", f" {desc} "):
        return None  # "فإن آسيا ...", "البظر هو ...": a clause of its own, not a description
    if find_numbers([subject_tokens[0].text]) or first_subject in people_words().honorifics:
        return None  # "اثنان من اللاعبين", "السيد": no subject to define
    if len(subject_tokens) == 1 and first_subject.endswith(("ها", "هم")) and not is_name_word(subject):
        return None  # "عاصمتها": whose?
    if any(normalize(split_prefix(t.text).rest) in people_words().occupations for t in subject_tokens[1:]):
        return None  # "ابن رشد فيلسوف من الأندلس": the name and its description, split elsewhere
    verb_first = len(subject_tokens) >= 3 and morphology.can_be_verb(subject_tokens[0].text)
    if verb_first and not first_subject.startswith("ال") and not is_name_word(subject_tokens[0].text):
        return None  # "خلف الإسكندر والده": a verb, its subject and object
    cut = next(
        (i for i, t in enumerate(subject_tokens) if i and normalize(t.text).removeprefix("و") in {"او", "رسميا"}),
        None,
    )
    if cut is not None:
        subject_tokens = subject_tokens[:cut]  # "تونس أو رسميا الجمهورية التونسية": the first name
        subject = subject[: subject_tokens[-1].end]
    if not subject_tokens:
        return None
    occupations = people_words().occupations
    place = _gazetteer_at(read_sentences(subject)[0], 0) if read_sentences(subject) else None
    described = [normalize(split_prefix(t.text).rest) for t in desc_tokens[:2]]
    is_person = place is None and (
        described[0] in occupations
        or normalize(desc_tokens[0].text) in occupations  # "كاتب" is no ك + "اتب"
        or _human_plural(subject_tokens[0].text)
        or (described[0] in _ONE_OF and len(described) > 1 and _human_plural(desc_tokens[1].text))
        or (
            all(is_name_word(t.text) or normalize(t.text) in people_words().name_links for t in subject_tokens)
            and len(subject_tokens) > 1  # not "بيتكوين", "عاشوراء"
        )
    )
    if is_person:
        people.add(subject, desc)
    return Fact(
        type="description",
        key="description:" + normalize(subject),
        sentence_index=sentence.index,
        start=desc_start,
        end=desc_end,
        text=sentence.text[desc_start:desc_end],
        answer=sentence.text[desc_start:desc_end],
        detail="person" if is_person else "thing",
        subject=subject,
    )


# "..., قلعة الأمراء، وهي قلعة حجرية ...": a copula after a comma describes the noun phrase just before the comma.
_ASIDE_COPULAS = frozenset(normalize(w) for w in ("وهو", "وهي", "وهم"))  # and he/she/it is, and they are
_MAX_ASIDE_SUBJECT = 3


def _aside_subject(sentence: Sentence, last: int) -> int:
    """The first token of the noun phrase ending at token ``last``: definite words ("المدينة القديمة"), and at
    most one construct head before them ("قلعة الأمراء"); -1 when it is no such phrase."""
    g = grammar()
    stops = g.prepositions | g.relative_pronouns | g.complementisers | g.openers | _COPULA | {_OR}

    def plain(i: int) -> bool:
        word = sentence.tokens[i].text
        return sentence.norms[i] not in stops and not is_verb(word) and find_numbers([word]) == []

    if not plain(last) or not (sentence.norms[last].startswith("ال") or is_name_word(sentence.tokens[last].text)):
        return -1
    first = last
    while first > 0 and last - first + 1 < _MAX_ASIDE_SUBJECT and plain(first - 1):
        if re.search(r"[،,.؛:()\[\]\"«»]", sentence.gap(first - 1)):
            break
        before = sentence.norms[first - 1]
        if sentence.bare(first - 1) != before and not morphology.is_known(sentence.tokens[first - 1].text):
            break  # "بالدولة": a preposition or conjunction attached, the phrase starts after it
        if before.startswith("ال"):
            if not any(r.pos in {"ADJ", "NOUN_PROP"} for r in morphology.analyse(sentence.tokens[first].text)):
                break  # two definite nouns ("المهندسون الجسر"): a subject and an object, not one phrase
            first -= 1
            continue
        if sentence.norms[first].startswith("ال"):
            first -= 1  # the head of a construct: "قلعة الأمراء"
        break
    return first


# "وهو/وهي Y" opening a sentence: a further description of what the article is about.
_OPENING_COPULAS = frozenset(normalize(w) for w in ("وهو", "وهي", "هو", "هي"))


def extract_further_description(sentence: Sentence, people: _People, topic: str) -> list[Fact]:
    """A sentence opening with a pronoun and a noun phrase ("وهي أول ...") describes the topic once more."""
    if not topic or len(sentence.tokens) < 3 or sentence.norms[0] not in _OPENING_COPULAS:
        return []
    fact = _definition(sentence, people, topic, sentence.tokens[1].start)
    if fact is None:
        return []
    return [replace(fact, key=f"description:{normalize(topic)}:{sentence.index}", detail="further")]


def _agrees(sentence: Sentence, head: int, pronoun: str) -> bool:
    """Whether ``pronoun`` (هو، هي، هم) can refer to the phrase headed by token ``head``: هي to a feminine
    noun, هم to a human plural, هو to another common noun; a name takes هو or هي."""
    word = sentence.tokens[head].text
    if _human_plural(word):
        return pronoun == "هم"
    if pronoun == "هم":
        return False
    if sentence.norms[head].endswith(("ه", "ات")):
        return pronoun == "هي"
    return pronoun == "هو" or morphology.is_proper_noun(word)


def extract_asides(sentence: Sentence, people: _People) -> list[Fact]:
    """Descriptions inside a sentence: "..., X، وهي description" about the noun phrase X before the comma."""
    found = []
    for k in range(1, len(sentence.tokens) - 1):
        if sentence.norms[k + 1] not in _ASIDE_COPULAS or not re.search(r"[،,]", sentence.gap(k)):
            continue
        first = _aside_subject(sentence, k)
        if first <= 0:
            continue  # at the start of the sentence, a definition's subject (extract_definition)
        if not _agrees(sentence, first, sentence.norms[k + 1][1:]):
            continue  # "عدد الزوار، وهي ...": the pronoun refers to something else
        subject = sentence.text[sentence.tokens[first].start : sentence.tokens[k].end]
        fact = _definition(sentence, people, subject, sentence.tokens[k + 2].start)
        if fact is not None:
            found.append(replace(fact, detail=fact.detail if fact.detail == "person" else "aside"))
    return found


# "تقع X في Y" 'X lies in Y': the verbs of lying somewhere, and the words that open where.
_LIES = frozenset(normalize(w) for w in ("يقع", "تقع"))  # it lies (masculine, feminine)
# in, within, inside, between, amid, on, under, near, at, to (the north of)
_WHERE_OPENERS = frozenset(
    normalize(w) for w in ("في", "ضمن", "داخل", "بين", "وسط", "على", "تحت", "قرب", "بالقرب", "عند", "إلى")
)
_COMPASS = frozenset(normalize(w) for w in ("شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"))
_IN = normalize("في")
_MAX_LOCATED_SUBJECT = 5
_MAX_LOCATION = 7


def extract_locations(sentence: Sentence, topic: str) -> list[Fact]:
    """Where something lies: "(و)تقع X في Y" or "X ... تقع في Y" (about the sentence's or the article's
    subject); the answer is Y ("في" left out, a compass word or "بين" kept), the subject X ('' when the verb has
    none written and there is no topic)."""
    found = []
    for k, norm in enumerate(sentence.norms):
        verb = norm[1:] if norm[:1] in "وف" and norm[1:] in _LIES else norm
        if verb not in _LIES:
            continue
        place = k + 1
        while place < len(sentence.tokens) and place - k <= _MAX_LOCATED_SUBJECT + 1:
            if re.search(r"[،,.؛:()]", sentence.gap(place - 1)):
                place = len(sentence.tokens)  # a boundary before any opener: no place named here
                break
            if sentence.norms[place] in _WHERE_OPENERS or sentence.norms[place] in _COMPASS:
                break
            place += 1
        if place >= len(sentence.tokens) - 1 or place - k > _MAX_LOCATED_SUBJECT + 1:
            continue
        words = [
            i
            for i in range(k + 1, place)
            if not (
                sentence.norms[i].endswith("ا")
                and not sentence.norms[i].endswith("ها")
                and morphology.can_be_noun(strip_tashkeel(sentence.tokens[i].text)[:-1])
            )
        ]  # "تحديدا" 'precisely': an adverb, not the subject
        subject = sentence.text[sentence.tokens[words[0]].start : sentence.tokens[words[-1]].end] if words else ""
        if words and (
            find_numbers([sentence.tokens[words[0]].text]) or sentence.norms[words[0]] in grammar().prepositions
        ):
            continue  # "تقع 48 ولاية": a count, asked elsewhere
        if len(words) == 1 and sentence.norms[words[0]].endswith(("ها", "ه")) and not is_name_word(subject):
            # "ويقع معظمها": most of it, i.e. of the topic
            possessed = strip_tashkeel(subject).removesuffix("ها").removesuffix("ه")
            subject = f"{possessed} {topic}" if topic and len(possessed) >= 2 else ""
        subject = subject or topic
        first = place + 1 if sentence.norms[place] == _IN else place
        end = _description_end(sentence, sentence.tokens[first].start)
        last = first
        while last < len(sentence.tokens) and sentence.tokens[last].start < end and last - first < _MAX_LOCATION:
            norm = sentence.norms[last]
            if last > first and (norm.lstrip("وف") in _COPULA or (last > first + 1 and norm.endswith(("ها", "هم")))):
                break  # "... فهي دولة", "... عاصمتها ...": a new clause about the place
            last += 1
        if not subject or last <= first or (last - first == 1 and sentence.norms[first] in _COMPASS):
            continue
        key = "location:" + normalize(subject)
        found.append(_fact(sentence, "location", key, first, last, detail=verb, subject=subject))
    return found


# "يعد X Y" / "X تعتبر Y" 'X is considered Y': a description introduced by a verb of regarding.
_CONSIDERED = frozenset(normalize(w) for w in ("يعد", "تعد", "يعتبر", "تعتبر"))  # is considered (m., f.)
_MAX_CONSIDERED_SUBJECT = 4
# Starts of no predicate: the article ("ويعتبر المركز الأول": subject or predicate, no telling which), "بأنه"
# (a naming), a preposition with the article ("للضيوف": the verb is active, "prepares ... for").
_NO_PREDICATE = ("ال", "بان", "لل", "بال")
# The comparative pattern أفعل ("أكبر" 'largest', "أقدم" 'oldest'): it opens a predicate, though some names
# share it; and ordinals ("ثاني" 'second') that the lexicon also knows as names.
_ELATIVE = re.compile(r"^ا[^اوي][^اوي][^او]$|^(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)ه?$")


def _has_article(word: str) -> bool:
    """Whether ``word`` starts with the article, not with letters that look like it ("التهاب" 'inflammation')."""
    readings = morphology.analyse(word)
    return normalize(word).startswith("ال") and (not readings or any("ال" in r.prefix for r in readings))


def _definite_phrase_end(sentence: Sentence, first: int) -> int:
    """The end of a definite noun phrase starting at token ``first`` (words with the article or names, an
    indefinite word only as the head of a construct: "التهاب الأعصاب الطرفية"); ``first`` if there is none."""
    g = grammar()
    i = first
    while i < len(sentence.tokens) and i - first < _MAX_CONSIDERED_SUBJECT:
        if i > first and re.search(r"[،,.؛:()\[\]\"«»]", sentence.gap(i - 1)):
            break
        norm, word = sentence.norms[i], sentence.tokens[i].text
        if norm in g.prepositions | _COPULA or is_verb(word) or find_numbers([word]):
            break
        after_article = any(sentence.norms[j].startswith("ال") for j in range(first, i))
        if (
            i > first
            and norm.startswith("ال")
            and _has_article(sentence.tokens[i - 1].text)
            and not any(r.pos in {"ADJ", "NOUN_PROP"} for r in morphology.analyse(word))
        ):
            break  # "الطباخ الطعام": two nouns, a subject and an object
        following = sentence.tokens[i + 1].text if i + 1 < len(sentence.tokens) else ""
        if norm.startswith("ال") or (is_name_word(word) and not after_article and not _ELATIVE.match(norm)):
            i += 1  # "الوادي الأخضر [أكبر] ...": after the article, a word without it starts the predicate
        elif (
            following
            and (normalize(following).startswith("ال") or is_name_word(following))
            and not after_article
            and not _ELATIVE.match(norm)
        ):
            i += 1  # the head of a construct, its definite complement follows: "مدينة النخيل", "التهاب الأعصاب"
        else:
            break
    return i


def extract_considered(sentence: Sentence, people: _People, topic: str) -> list[Fact]:
    """What something is considered: "ويعد X Y", "X تعتبر Y" and, with no subject written, "وتعد Y" about the
    topic; a description fact with the verb as detail ("considered:تعد")."""
    found = []
    for k, norm in enumerate(sentence.norms[:-1]):
        verb = norm[1:] if norm[:1] in "وف" and norm[1:] in _CONSIDERED else norm
        if verb not in _CONSIDERED:
            continue
        subject_end = _definite_phrase_end(sentence, k + 1)
        if subject_end > k + 1:
            subject = sentence.text[sentence.tokens[k + 1].start : sentence.tokens[subject_end - 1].end]
        else:
            before = k
            while before > 0 and not re.search(r"[،,.؛:()]", sentence.gap(before - 1)) and k - before < 4:
                before -= 1
            start = before + 1 if sentence.norms[before] in grammar().openers else before
            written = start < k and _definite_phrase_end(sentence, start) == k
            if written:
                first_word = sentence.tokens[start].text
                offset = len(first_word) - len(without_conjunction(first_word))  # "ومدينة": without و
                subject = sentence.text[sentence.tokens[start].start + offset : sentence.tokens[k - 1].end]
            else:
                subject = topic
        predicate = (
            subject_end + 1
            if subject_end < len(sentence.tokens) and sentence.norms[subject_end] in _COPULA
            else subject_end
        )
        if subject == topic and predicate == k + 1:
            # "وتعد معركة الوادي ..." with a subject not read as a phrase: the topic's words are no description
            size = len(tokenize(topic))
            if match_key(" ".join(sentence.norms[predicate : predicate + size])) == match_key(topic):
                predicate += size
        if not subject or predicate >= len(sentence.tokens) or sentence.norms[predicate].startswith(_NO_PREDICATE):
            continue
        head = normalize(subject.split()[0])
        if verb.startswith("ي") and head.endswith("ه") and not is_name_word(subject.split()[0]):
            continue  # "يعد" with a feminine subject: the verb is active ("يعد الطالب الدراسة ...")
        key, detail = "considered:" + normalize(subject), "considered:" + verb
        if _among_the_most(sentence, predicate):
            start = sentence.tokens[predicate].start
            end = _description_end(sentence, sentence.tokens[predicate + 1].start)
            text = sentence.text[start:end]
            found.append(
                Fact("description", key, sentence.index, start, end, text, text, detail=detail, subject=subject)
            )
            continue
        fact = _definition(sentence, people, subject, sentence.tokens[predicate].start)
        if fact is not None:
            found.append(replace(fact, key=key, detail=detail))
    return found


# Words of rank after "من" ('among the'): "من أوائل" 'among the first', "من أهم" 'among the most important'.
_RANKS = frozenset(normalize(w) for w in ("أوائل", "أولي", "أهم", "أبرز", "أشهر", "أكبر", "أقدم", "أعظم"))


def _among_the_most(sentence: Sentence, k: int) -> bool:
    """Whether tokens ``k``, ``k + 1`` read "من" and a word of rank ("يعتبر من أوائل ...")."""
    return (
        k + 2 < len(sentence.tokens)
        and sentence.norms[k] == "من"
        and (sentence.norms[k + 1] in _RANKS or bool(_ELATIVE.match(sentence.norms[k + 1])))
    )


# "بسبب X" 'because of X', "بفضل X" 'thanks to X': a cause, asked with لماذا.
_BECAUSE_OF = frozenset(normalize(w) for w in ("بسبب", "بفضل"))
# Pronouns and demonstratives, whose referent stands elsewhere: "بسبب ذلك" 'because of that'.
_PRONOUN_WORDS = frozenset(normalize(w) for w in ("ذلك", "هذا", "هذه", "تلك", "ه", "ها", "هم"))


def extract_causes(sentence: Sentence) -> list[Fact]:
    """The noun phrase after "بسبب"/"بفضل" (up to punctuation, a verb or a relative clause)."""
    found = []
    for k, norm in enumerate(sentence.norms[:-1]):
        if norm.removeprefix("و") not in _BECAUSE_OF or k == 0:
            continue
        first = k + 1
        end = _description_end(sentence, sentence.tokens[first].start)
        last = first
        while last < len(sentence.tokens) and sentence.tokens[last].start < end:
            last += 1
        word = sentence.tokens[first].text
        if last == first or find_numbers([word]) or sentence.norms[first] in _COPULA | grammar().complementisers:
            continue  # a clause ("بسبب أن"), a number (asked as a number); a noun follows, "نقص" is no verb
        if sentence.norms[first] in _PRONOUN_WORDS:
            continue  # "بسبب ذلك": the cause is in another sentence
        found.append(_fact(sentence, "cause", f"cause:{sentence.index}:{first}", first, last))
    return found


# "N مثل X، Y وZ" 'N such as X, Y and Z': examples of the noun before مثل.
_SUCH_AS = normalize("مثل")
_SOME_OTHER = frozenset(normalize(w) for w in ("بعض", "أخرى", "الأخرى", "آخر", "الآخر"))  # some, other
_MAX_EXAMPLES = 15


def extract_examples(sentence: Sentence) -> list[Fact]:
    """The list after "مثل" (through commas and و, up to other punctuation, a verb or a relative clause) and
    the noun it gives examples of ("بعض" and "أخرى" left out); none when a comma comes between them."""
    g = grammar()
    found = []
    for k, norm in enumerate(sentence.norms[:-1]):
        if norm != _SUCH_AS or k == 0 or re.search(r"[،,.؛:()]", sentence.gap(k - 1)):
            continue
        if sentence.norms[k + 1] in g.prepositions or is_verb(sentence.tokens[k + 1].text):
            continue  # "مثّل في مسرحية": the verb 'played'
        noun: list[int] = []
        i = k - 1
        while (
            i >= 0
            and len(noun) < 3
            and sentence.norms[i] not in g.prepositions
            and not is_verb(sentence.tokens[i].text)
        ):
            if sentence.norms[i] not in _SOME_OTHER:
                noun.insert(0, i)
            if i == 0 or re.search(r"[،,.؛:()]", sentence.gap(i - 1)) or sentence.norms[i] == "بعض":
                break
            i -= 1
        first = k + 1
        last = first
        while last < len(sentence.tokens) and last - first < _MAX_EXAMPLES:
            word = sentence.tokens[last].text
            verb = is_verb(word) or (sentence.norms[last][:1] == "و" and is_verb(without_conjunction(word)))
            if last > first and (verb or sentence.norms[last].lstrip("و") in g.relative_pronouns):
                break
            last += 1
            if re.search(r"[.؛;:()\[\]\"«»]", sentence.gap(last - 1)):
                break
        if not noun or last <= first:
            continue
        subject = sentence.text[sentence.tokens[noun[0]].start : sentence.tokens[noun[-1]].end]
        found.append(_fact(sentence, "examples", f"examples:{sentence.index}:{first}", first, last, subject=subject))
    return found


# "X تعني Y" 'X means Y', "ومعناها Y" 'and its meaning is Y', "بمعنى Y" 'in the sense of Y'.
_MEANS = frozenset(normalize(w) for w in ("تعني", "يعني", "معناها", "معناه", "بمعنى"))
# Words between a term and the verb: relative pronouns and pronouns ("التي تعني", "فهو يعني").
_BEFORE_MEANS = frozenset(normalize(w) for w in ("التي", "الذي", "هو", "هي", "أي"))
# Nouns that name a term: word, expression, term, title, name.
_TERM_NOUNS = frozenset(normalize(w) for w in ("كلمة", "لفظ", "لفظة", "مصطلح", "لقب", "اسم", "عبارة"))
_QUOTED_END = re.compile(r"[\"«“]([^\"«»“”]{1,40})[\"»”]\s*$")
_BRACKETED_END = re.compile(r"\(([^()]{1,60})\)\s*$")
_QUOTED_START = re.compile(r"^\s*:?\s*[\"«“]([^\"«»“”]{1,60})[\"»”]")
_MAX_MEANING = 8


def _term_before(sentence: Sentence, k: int) -> str:
    """The term whose meaning follows token ``k``: a quoted or bracketed word right before ("(X) والتي تعني"),
    with a naming noun before it ("لقب \"X\""), or the word before ("كلمة X تعني")."""
    i = k
    while i > 0 and sentence.norms[i - 1].lstrip("وف") in _BEFORE_MEANS:
        i -= 1
    if i == 0:
        return ""
    before = sentence.text[: sentence.tokens[i - 1].end + len(sentence.gap(i - 1).rstrip())]
    for pattern in (_QUOTED_END, _BRACKETED_END):
        match = pattern.search(before)
        if match:
            term = match.group(1).split(":")[-1].strip()
            if len(term.split()) > 3 or re.search(r"[\"«»“”]", term):
                return ""  # "(وهذا ما يقوله ...)": an aside, not a term
            words = before[: match.start()].split()
            if words and normalize(words[-1]).lstrip("و") in _TERM_NOUNS:
                term = f"{words[-1].lstrip('و')} {term}" if normalize(words[-1])[:1] == "و" else f"{words[-1]} {term}"
            return term
    if re.search(r"[،,.؛:()]", sentence.gap(i - 1)):
        return ""
    word = sentence.tokens[i - 1].text
    head = sentence.norms[i - 2].lstrip("و") if i >= 2 else ""
    if head in _TERM_NOUNS and not re.search(r"[،,.؛:()]", sentence.gap(i - 2)):
        return without_conjunction(sentence.tokens[i - 2].text) + " " + word
    return word if normalize(word).startswith("ال") or is_name_word(word) else ""


def extract_meanings(sentence: Sentence) -> list[Fact]:
    """What a term means: the quoted text after "تعني"/"ومعناها"/"بمعنى", else a short noun phrase."""
    found = []
    for k, norm in enumerate(sentence.norms[:-1]):
        if norm not in _MEANS and not (norm[:1] in "وف" and norm[1:] in _MEANS):
            continue
        term = _term_before(sentence, k)
        after = sentence.text[sentence.tokens[k].end :]
        quoted = _QUOTED_START.match(after)
        if quoted:
            start = sentence.tokens[k].end + quoted.start(1)
            end = sentence.tokens[k].end + quoted.end(1)
        else:
            start = sentence.tokens[k + 1].start
            end = _description_end(sentence, start)
            words = sentence.text[start:end].split()
            if len(words) > _MAX_MEANING or is_verb(sentence.tokens[k + 1].text):
                continue  # "يعني أن ...": a clause, not a meaning
            if sentence.norms[k + 1] in grammar().complementisers | grammar().prepositions:
                continue
        if not term or end <= start or normalize(term) in normalize(sentence.text[start:end]):
            continue
        text = sentence.text[start:end]
        found.append(
            Fact("meaning", f"meaning:{normalize(term)}", sentence.index, start, end, text, text, subject=term)
        )
    return found


# Nouns for people that "أحد" ('one of') takes besides occupations: martyr, king, leader, prophet, messenger.
_PEOPLE_NOUNS = frozenset(normalize(w) for w in ("شهيد", "ملك", "قائد", "زعيم", "نبي", "رسول"))


def _human_plural(word: str) -> bool:
    """A plural of an occupation or of people ("شهداء", "ملوك", "القادة"): its singular is an occupation or a
    person noun."""
    singulars = {normalize(r.lemma) for r in morphology.analyse(word) if r.pos == "NOUN"}
    return bool(singulars & (people_words().occupations | _PEOPLE_NOUNS))


# ----------------------------------------------------------------------------------------------------------


_PERIOD_LINK = re.compile(r"^\s*(?:و?(?:إلى|الى|حتى|لغاية)|و|[-–/])\s*$")  # and, to, until
_PERIOD_OPEN = re.compile(r"(?:^|\s)(?:فيما بين|ما بين|بين|من|منذ)(?:\s+(?:عامي|سنتي))?\s*\(?\s*$")


def _periods(sentence: Sentence, facts: list[Fact]) -> list[Fact]:
    """Two years or dates joined by و/إلى/حتى/- ("بين عامي 1908 و1914", "من عام 1250م إلى عام 1517م") become
    one period; the years stay as facts of their own too."""
    result = list(facts)
    times = [f for f in facts if f.type in {"year", "date", "century"}]
    for left, right in itertools.pairwise(times):
        between = sentence.text[left.end : right.start]
        if not _PERIOD_LINK.match(between):
            continue
        ranged = re.search(r"[-–]\s*$", sentence.text[: left.start]) or re.match(r"\s*[-–]", sentence.text[right.end :])
        if "/" in between and ranged:
            continue  # "532 - [589 هـ / 1138] - 1193 م": the slash joins two periods, not these two years
        start = left.start
        opener = _PERIOD_OPEN.search(sentence.text[max(0, start - 20) : start])
        if opener:
            start = max(0, start - 20) + opener.start() + (1 if opener.group()[:1].isspace() else 0)
        end = right.end
        if "(" in sentence.text[start:end] and sentence.text[end : end + 1] == ")":
            end += 1  # "بين عامي (1920 - 1935)": the bracket closes in the answer
        text = sentence.text[start:end]
        result.append(
            Fact(
                type="period",
                key=f"period:{left.key}:{right.key}",
                sentence_index=sentence.index,
                start=start,
                end=end,
                text=text,
                answer=text,
                number=left.number,
            )
        )
    return sorted(result, key=lambda f: (f.start, f.end, f.type))


# ----------------------------------------------------------------------------------------------------------
# Other names of what a sentence is about: "X (بالإنجليزية: Y)", "X أو Y هي ...", "X، المعروف بـ Y"

# "(بالإنجليزية: Malaria)", "(باللغة الفرنسية: Le Joker)": a language label and a name in another script.
_FOREIGN_NAME = re.compile(
    r"[(؛;،,]\s*و?(?P<label>ب(?:ال[لُّ]*غ[\u064b-\u0652]*ة[\u064b-\u0652]*\s+)?ال[\w\u064b-\u0652]+?ي[\u064b-\u0652]*[ةه][\u064b-\u0652]*"
    r"(?:\s+ال[\w\u064b-\u0652]+?[ةه][\u064b-\u0652]*)?)\s*:\s*(?P<name>[^()؛;،,:]+?)\s*(?=[)؛;،,]|\s[\u0621-\u064a])"
)
# Words that introduce another name, by family: known as (عرف), nicknamed (لقب), called (سمى); the feminine
# forms tell the subject's gender.
_KNOWN_AS = {
    **dict.fromkeys(("المعروف", "الشهير", "يعرف", "ويعرف"), "known:m"),
    **dict.fromkeys(("المعروفة", "الشهيرة", "تعرف", "وتعرف"), "known:f"),
    **dict.fromkeys(("الملقب", "يلقب", "ويلقب", "الملقّب"), "nick:m"),
    **dict.fromkeys(("الملقبة", "تلقب", "وتلقب"), "nick:f"),
    **dict.fromkeys(("يسمى", "ويسمى", "المسمى"), "called:m"),
    **dict.fromkeys(("تسمى", "وتسمى", "المسماة"), "called:f"),
}
_KNOWN_AS_NORM = {normalize(k): v for k, v in _KNOWN_AS.items()}
_ALSO = frozenset(normalize(w) for w in ("أيضا", "كذلك"))  # also
_BY_NAME = normalize("باسم")  # by the name
_OFFICIALLY = normalize("رسميا")  # officially
_OR = normalize("أو")  # or
_MAX_ALIAS = 6
_COPULA = frozenset({"هو", "هي", "هم"})
_LANGUAGE_LABEL = re.compile(r"^و?بال\w+يه$")  # "بالعبرية" 'in Hebrew', normalised
# Between a subject and its name in another language: spaces, marks, other parentheses ("X (2) (بالإنجليزية: Y)").
_ADJACENT = re.compile(r"^[\s\u200e\u200f؛;]*(?:\([^()]*\)[\s\u200e\u200f؛;]*)*(?:\([^()]*)?$")
_LATIN_LEAD = re.compile(r"^[^\u0600-\u06ff]+")  # the part of a name before any Arabic letter


def _opening_subject(sentence: Sentence) -> tuple[int, int] | None:
    """The tokens of the noun phrase a sentence opens with (before "(", a comma, "أو" or a verb)."""
    g = grammar()
    first = sentence.tokens[0].text if sentence.tokens else ""
    if not first or is_verb(first) or (without_conjunction(first) != first and not is_name_word(first)):
        return None  # "عُرف عند الغرب ...", "فطلب ...", "وفي يونيو ...", "وهو منهج": no subject to name
    end = 0
    while end < min(len(sentence.tokens), 7):
        norm = sentence.norms[end]
        preposition = norm in g.prepositions and sentence.tokens[end].text != "علي"  # the name علي, not على
        if norm in (_OR, _OFFICIALLY) or norm in _KNOWN_AS_NORM or preposition or norm in g.openers:
            break
        if is_verb(sentence.tokens[end].text) or norm in grammar().relative_pronouns or norm in {"هو", "هي", "هم"}:
            break
        end += 1
        if re.search(r"[،,.؛:()\"«»]", sentence.gap(end - 1)):
            break
    while end > 1 and sentence.norms[end - 1] in people_words().name_links:
        end -= 1  # "أحمد بن علي بن": a name never ends on بن
    if not end or sentence.norms[0] in _NOT_SUBJECTS or find_numbers([sentence.tokens[0].text]):
        return None
    return 0, end


# Adverbs that may stand before a name and are no part of it: for short, officially, formerly, currently, also.
_NAME_ADVERBS = frozenset(normalize(w) for w in ("اختصارا", "رسميا", "سابقا", "حاليا", "أيضا", "شعبيا", "عادة"))
# Words a name never starts with: "this", "that", "the name", "names", "title".
_NOT_NAME_STARTS = frozenset(
    normalize(w) for w in ("هذا", "هذه", "ذلك", "تلك", "اسم", "الاسم", "أسماء", "لقب", "ألقاب")
)


def _alias_span(sentence: Sentence, first: int) -> int:
    """Where a name starting at token ``first`` ends: at punctuation, a verb, "و" + verb, or six words."""
    end = first
    while end < min(len(sentence.tokens), first + _MAX_ALIAS):
        word = sentence.tokens[end].text
        if end > first and (is_verb(word) or is_verb(without_conjunction(word))):
            break
        if end > first and (sentence.norms[end] in _NAME_ADVERBS or sentence.norms[end] in _NOT_SUBJECTS):
            break  # "العراق [حاليا كانت ...]"
        if end > first and _LANGUAGE_LABEL.match(sentence.norms[end]):
            break  # "يشوع [بالعبرية ...]"
        if end > first and (sentence.norms[end] in grammar().parenthetical_openers or sentence.norms[end] in _COPULA):
            break  # "... الحرب العظمى [هي حرب عالمية]"
        end += 1
        if re.search(r"[،,.؛:()\[\]\"«»]", sentence.gap(end - 1)):
            break
    while end > first + 1 and sentence.norms[end - 1] in grammar().prepositions:
        end -= 1
    return end


def extract_aliases(sentence: Sentence, topic: str, defined: str = "") -> list[Fact]:
    """Other names of the sentence's subject (``defined`` when the sentence defines it, else its opening noun
    phrase, else the article's ``topic``): a name in another language, an official or other name after أو, a
    name after المعروف بـ / يلقب / تسمى."""
    facts: list[Fact] = []
    opening = _opening_subject(sentence)
    subject = sentence.text[: sentence.tokens[opening[1] - 1].end] if opening else ""
    if opening and sentence.norms[0] in people_words().honorifics and opening[1] > 1:
        subject = subject[sentence.tokens[1].start :]  # "السيد أحمد عرابي" -> "أحمد عرابي"
    named = defined or subject
    after = _after_brackets(sentence, opening[1]) if opening else len(sentence.tokens)  # "الموناليزا (...) أو ..."
    if opening and after < len(sentence.tokens) and sentence.norms[after] == _OR:
        facts += _alias_after_or(sentence, after + 1, named)
    ends = [sentence.text.find(named) + len(named)] if named and named in sentence.text else []
    ends += [f.end for f in facts]  # "الملاريا أو البرداء (بالإنجليزية: Malaria)": after the other name too
    for match in _FOREIGN_NAME.finditer(sentence.text):
        lead = _LATIN_LEAD.match(match.group("name").strip())  # "United Kingdom يونايتد كينغدم"
        name = (lead.group() if lead else "").strip().strip("\"'«»“”")
        if not named or not name or not re.search(r"[^\W\d_]", name) or match.start() > 300:
            continue
        between = [sentence.text[end : match.start() + 1].rstrip("(؛;،,") for end in ends]
        if not any(_ADJACENT.match(gap) or _other_names_only(gap) for gap in between):
            continue  # the name in another language belongs to the word right before it
        start = sentence.text.index(name, match.start("name"))
        label = strip_tashkeel(match.group("label"))
        key = f"alias:{normalize(label)}:{normalize(named)}"
        facts.append(
            Fact(
                "alias",
                key,
                sentence.index,
                start,
                start + len(name),
                name,
                name,
                detail="lang:" + label,
                subject=named,
            )
        )
        break  # the first language given (usually English) is enough
    for k, norm in enumerate(sentence.norms):
        family = _KNOWN_AS_NORM.get(norm)
        about = named if opening and k <= opening[1] + 12 else topic
        fact = _alias_after(sentence, k + 1, family, about) if family else None
        if fact is not None:
            facts.append(fact)
            break
    return facts


def _other_names_only(gap: str) -> bool:
    """Whether ``gap`` is only a chain of other names ("أو الاسم الثاني أو الاسم الثالث وغيرها"), asides in
    brackets left out: a name in another language after it still belongs to the subject."""
    gap = re.sub(r"\([^()]*\)", " ", gap)
    words = gap.split()
    return bool(words) and normalize(words[0]) == _OR and len(words) <= 20 and not re.search(r"[،,.؛;:()]", gap)


def _after_brackets(sentence: Sentence, k: int) -> int:
    """The first token from k on that is outside the brackets opened right before it."""
    n = len(sentence.tokens)
    while 0 < k < n:
        gap = sentence.text[sentence.tokens[k - 1].end : sentence.tokens[k].start]
        if gap.count("(") <= gap.count(")"):
            break
        close = sentence.text.find(")", sentence.tokens[k].start)
        if close < 0:
            return n
        k = next((i for i, t in enumerate(sentence.tokens) if t.start > close), n)
    return k


def _alias_after_or(sentence: Sentence, first: int, subject: str) -> list[Fact]:
    """ "تونس أو رسمياً الجمهورية التونسية": the official or other name after أو."""
    detail = "other"
    if first < len(sentence.tokens) and sentence.norms[first].removeprefix("و") == _OFFICIALLY:
        first, detail = first + 1, "official"
    while first < len(sentence.tokens) and sentence.norms[first] in _NAME_ADVERBS:
        first += 1  # "أو اختصاراً الإيدز"
    if first >= len(sentence.tokens) or sentence.tokens[first].text[:1] == "(":
        return []
    end = _alias_span(sentence, first)
    if end <= first:
        return []
    return [
        _fact(sentence, "alias", f"alias:{detail}:{normalize(subject)}", first, end, detail=detail, subject=subject)
    ]


def _alias_after(sentence: Sentence, first: int, family: str, about: str) -> Fact | None:
    """The name after a word of naming (المعروف بـ، يلقب بـ، تسمى)."""
    n = len(sentence.tokens)
    if first >= 2 and sentence.norms[first - 2].lstrip("و") in grammar().relative_pronouns:
        return None  # "المنطقة التي تسمى بالهلال الخصيب": the name of something else than the subject
    while first < n and (sentence.norms[first] in _ALSO or sentence.norms[first] in _NAME_ADVERBS):
        first += 1  # "ويعرف أيضا بـ", "المعروف سابقا باسم"
    prefix = 0
    if first < n and sentence.norms[first] == _BY_NAME:
        first += 1
    elif first < n and sentence.norms[first][:1] == "ب" and len(sentence.norms[first]) > 3:
        prefix = 1  # "بعمر المختار": the name without its ب
    elif not family.startswith("called"):
        return None  # "عُرف عند الغرب", "المعروف أنه": known as needs بـ or باسم
    if first >= n or sentence.tokens[first].text[:1] == "(":
        return None
    head = normalize(sentence.tokens[first].text[prefix:])
    g = grammar()
    if head in _NOT_NAME_STARTS or head in g.prepositions or head in g.complementisers or head in _NAME_ADVERBS:
        return None  # "يسمى هذا التقويم", "يسمى عند المسلمين", "بأسماء عديدة", "بأنه"
    end = _alias_span(sentence, first)
    name = normalize(sentence.text[sentence.tokens[first].start + prefix : sentence.tokens[end - 1].end])
    if not about or end <= first or normalize(about) == name:
        return None
    key = f"alias:{family}:{normalize(about)}"
    return _fact(sentence, "alias", key, first, end, prefix=prefix, detail=family, subject=about)


def extract_facts(sentences: list[Sentence]) -> list[Fact]:
    """All facts of the active sentences, in text order within each sentence."""
    people = _People()
    facts: list[Fact] = []
    topic = ""
    for sentence in sentences:
        if not sentence.active:
            continue
        found: list[Fact] = []
        found += extract_definition(sentence, people)
        defined = next((f.subject for f in found if f.type == "description"), "")
        topic = defined or topic
        found += extract_aliases(sentence, topic, defined)
        found += extract_asides(sentence, people)
        found += extract_further_description(sentence, people, topic)
        found += extract_locations(sentence, topic)
        found += extract_considered(sentence, people, topic)
        found += extract_causes(sentence)
        found += extract_examples(sentence)
        found += extract_meanings(sentence)
        found += extract_dates(sentence)
        found += extract_numbers(sentence)
        found += extract_places(sentence)
        found += extract_people(sentence, people)
        found += extract_bare_names(sentence, people)
        found.sort(key=lambda f: (f.start, f.end, f.type))
        facts.extend(_periods(sentence, found))
    return facts
