"""Choosing an attempt's questions from an article's bank. Pure Python, no Django import.

Teacher-approved and teacher-written questions come first, then generated ones. Within each tier the next pick is
the question whose answer has come up least, then whose kind has come up least, then the best ranked (with a
little per-attempt randomness, so that trying again is not always the same quiz). Two questions on the same fact
never share an attempt, and a matching question never shares one with a question it would give away: one whose
answer holds an item the matching pairs up ("88 ← منظمة" answers "how many organisations: 88 منظمة").
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from quiz.arabic.normalize import match_key

# Ranking scores differ by less than this are treated as equal, and the draw decides between them.
SCORE_JITTER = 0.08


class Candidate(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def fact_key(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def answer_span(self) -> str: ...
    @property
    def pairs(self) -> list[list[str]]: ...


def pick_questions[Q: Candidate](tiers: Sequence[Iterable[Q]], count: int, *, rng: random.Random) -> list[Q]:
    """Up to ``count`` questions, tier by tier, never two with the same (non-empty) fact key."""
    chosen: list[Q] = []
    facts: set[str] = set()
    answers: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    answer_words: list[frozenset[str]] = []  # of the chosen questions that are not matching
    paired_items: list[frozenset[str]] = []  # the left-hand items of the chosen matching questions
    for tier in tiers:
        pool = [_Candidate(q, q.score + rng.uniform(0, SCORE_JITTER)) for q in tier]
        while len(chosen) < count:
            pool = [c for c in pool if not _conflicts(c, facts, answer_words, paired_items)]
            if not pool:
                break
            best = min(pool, key=lambda c: (answers[c.answer_key], kinds[c.question.kind], -c.score))
            pool.remove(best)
            chosen.append(best.question)
            if best.question.fact_key:
                facts.add(best.question.fact_key)
            answers[best.answer_key] += 1
            kinds[best.question.kind] += 1
            if best.items:
                paired_items.extend(best.items)
            else:
                answer_words.append(best.words)
    return chosen


class _Candidate[Q: Candidate]:
    __slots__ = ("answer_key", "items", "question", "score", "words")

    def __init__(self, question: Q, score: float) -> None:
        self.question = question
        self.score = score
        self.answer_key = match_key(question.answer_span)
        self.words = frozenset(self.answer_key.split())
        self.items = [frozenset(match_key(pair[0]).split()) for pair in question.pairs or () if pair]


def _conflicts[Q: Candidate](
    candidate: _Candidate[Q],
    facts: set[str],
    answer_words: list[frozenset[str]],
    paired_items: list[frozenset[str]],
) -> bool:
    if candidate.question.fact_key and candidate.question.fact_key in facts:
        return True
    if candidate.items:
        return any(item and item <= words for item in candidate.items for words in answer_words)
    return any(item and item <= candidate.words for item in paired_items)
