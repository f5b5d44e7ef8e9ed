"""What the generator returns: facts found in the article and the questions asked about them.

All dataclasses are frozen: the Django side copies them into rows and the quiz never mutates them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quiz.arabic.sentences import Span

if TYPE_CHECKING:
    from quiz.generation.vocab import Card

KINDS = ("who", "when", "where", "how_many", "what", "true_false", "cloze", "matching")
MODES = ("choice", "typed", "true_false", "matching")

TRUE = "صح"  # "true"
FALSE = "خطأ"  # "false"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a question's answer stands in the article.

    ``text[sentence_start : sentence_start + len(sentence)] == sentence`` and
    ``sentence[answer_start:answer_end]`` is the answer as written (an attached و/ب/ل/ف left out); for
    true/false questions, the fact the statement is about. A person named by a later mention ("السيد
    فورونكوف") has the mention as span and the full name as answer (the mention is among ``accepted``).
    """

    sentence: str
    sentence_index: int  # in split_sentences(text)
    sentence_start: int  # offset of the sentence in text
    answer_start: int  # offsets inside ``sentence``
    answer_end: int


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact found in one sentence.

    ``type``: person, role, count, percent, amount, date, year, weekday, time, duration, century, period, place,
    org, description, alias. ``text`` is ``sentence[start:end]``; ``answer`` its display form (the full name for a
    later mention of a person). ``number`` for numeric facts (the upper end of a range); ``unit`` the counted noun
    or duration unit as written; ``qualifier`` a word such as "أكثر من"; ``detail`` a type-specific extra: a
    person's role, a place's category (country, capital, city, region), "range" for two numbers of one unit, a
    description's kind (person, thing), an alias's kind (other, official, known:m, lang:بالإنجليزية ...).
    """

    type: str
    key: str  # stable identity, e.g. "count:134:دوله"
    sentence_index: int
    start: int
    end: int
    text: str
    answer: str
    number: int | None = None
    unit: str = ""
    qualifier: str = ""
    detail: str = ""
    subject: str = ""  # for a person's role, a description: what it describes


@dataclass(frozen=True, slots=True)
class Question:
    """A question, ready to store.

    ``kind`` is one of KINDS; ``mode`` one of MODES. Multiple choice: ``choices`` holds the answer and three
    distractors in an order fixed by the seed. Typed: ``choices`` is empty and ``accepted`` lists other forms
    that count as right (check with ``quiz.arabic.normalize.answers_match``). True/false: ``answer`` is
    ``TRUE`` ("صح") or ``FALSE`` ("خطأ") and ``choices`` is (TRUE, FALSE). Matching: ``pairs`` holds the
    (left, right) pairs in their right order, ``choices`` the right-hand sides in seed order, and ``answer``
    the pairs written out.
    """

    kind: str
    mode: str
    prompt: str
    answer: str
    accepted: tuple[str, ...]
    choices: tuple[str, ...]
    evidence: Evidence
    score: float
    fact_key: str
    answer_type: str
    pairs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Generated:
    """The generator's output for one text: its sentences, the facts found, the questions best first, and the
    vocabulary flashcards best first (``quiz.generation.vocab``).
    """

    sentences: list[Span]
    facts: list[Fact]
    questions: list[Question]
    cards: list[Card] = field(default_factory=list)
