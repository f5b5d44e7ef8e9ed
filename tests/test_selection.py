"""Choosing an attempt's questions: teachers' questions first, kinds mixed, never two on one fact."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

import pytest

from quiz.selection import pick_questions
from quiz.services import attempt_questions

from .conftest import make_question


@dataclass(frozen=True)
class Q:
    name: str
    kind: str = "who"
    fact_key: str = ""
    score: float = 0.5
    answer_span: str = ""
    pairs: list[list[str]] = field(default_factory=list)


def names(questions):
    return [q.name for q in questions]


def test_never_two_questions_on_the_same_fact():
    bank = [Q("a", fact_key="f1", score=0.9), Q("b", fact_key="f1", score=0.8), Q("c", fact_key="f2", score=0.1)]
    assert sorted(names(pick_questions([bank], 3, rng=random.Random(1)))) == ["a", "c"]


def test_questions_without_a_fact_key_are_each_their_own_fact():
    bank = [Q("a"), Q("b"), Q("c")]
    assert len(pick_questions([bank], 3, rng=random.Random(1))) == 3


def test_the_first_tier_is_used_up_before_the_second():
    teachers = [Q("t1", fact_key="f1", score=0.1), Q("t2", fact_key="f2", score=0.2)]
    generated = [Q(f"g{i}", fact_key=f"g{i}", score=0.99) for i in range(5)]
    chosen = names(pick_questions([teachers, generated], 4, rng=random.Random(1)))
    assert chosen[:2] == ["t2", "t1"]
    assert len(chosen) == 4
    # A teacher's question takes its fact: a generated one on the same fact is not drawn after it.
    shadowed = [Q("g", fact_key="f1", score=0.99), Q("h", fact_key="h", score=0.5)]
    assert names(pick_questions([teachers, shadowed], 4, rng=random.Random(1))) == ["t2", "t1", "h"]


def test_kinds_are_mixed_before_a_kind_repeats():
    bank = [Q(f"who{i}", kind="who", fact_key=f"w{i}", score=0.9, answer_span=f"name {i}") for i in range(5)]
    bank += [Q("when", kind="when", fact_key="t", score=0.2, answer_span="2021")]
    bank += [Q("many", kind="how_many", fact_key="n", score=0.1, answer_span="134")]
    chosen = pick_questions([bank], 3, rng=random.Random(1))
    assert Counter(q.kind for q in chosen) == {"who": 1, "when": 1, "how_many": 1}


def test_the_same_answer_is_not_asked_twice_while_others_remain():
    bank = [
        Q("a", kind="who", fact_key="a", score=0.9, answer_span="فلاديمير فورونكوف"),
        Q("b", kind="when", fact_key="b", score=0.8, answer_span="فلاديمير فورونكوف"),
        Q("c", kind="where", fact_key="c", score=0.1, answer_span="العراق"),
    ]
    assert names(pick_questions([bank], 2, rng=random.Random(1))) == ["a", "c"]


def test_a_matching_question_never_comes_with_a_question_it_gives_away():
    matching = Q("match", kind="matching", fact_key="m", score=0.95, pairs=[["134", "دولة"], ["أكثر من 1000", "مشارك"]])
    given_away = Q("count", kind="how_many", fact_key="c", score=0.5, answer_span="أكثر من 1000 مشارك")
    unrelated = Q("other", kind="who", fact_key="o", score=0.1, answer_span="فورونكوف")
    assert names(pick_questions([[matching, given_away, unrelated]], 3, rng=random.Random(1))) == ["match", "other"]
    assert names(pick_questions([[given_away, matching, unrelated]], 3, rng=random.Random(1)))[0] == "match"
    # With the count question chosen first (a teacher's), the matching question is left out.
    assert names(pick_questions([[given_away], [matching, unrelated]], 3, rng=random.Random(1))) == ["count", "other"]


def test_the_draw_varies_between_attempts_only_among_near_equals():
    bank = [Q(f"q{i}", fact_key=f"f{i}", score=0.9, answer_span=str(i)) for i in range(6)]
    bank += [Q("weak", fact_key="weak", score=0.1, answer_span="w")]
    draws = {tuple(names(pick_questions([bank], 3, rng=random.Random(seed)))) for seed in range(30)}
    assert len(draws) > 1
    assert all("weak" not in draw for draw in draws)


@pytest.mark.django_db
def test_the_seed_quiz_has_ten_questions_of_mixed_kinds_on_distinct_facts(seed_quiz):
    for seed in range(5):
        chosen = attempt_questions(article=seed_quiz, count=10, seed=seed)
        assert len(chosen) == 10
        assert len({q.fact_key for q in chosen}) == 10
        kinds = Counter(q.kind for q in chosen)
        assert len(kinds) >= 5 and max(kinds.values()) <= 3


@pytest.mark.django_db
def test_teachers_questions_come_first_and_rejected_or_retired_never(seed_quiz):
    approved = make_question(seed_quiz, prompt="سؤال وافق عليه المعلم؟", status="approved", score=0.01)
    written = make_question(seed_quiz, prompt="سؤال كتبه المعلم؟", answer="غوتيريش", status="teacher", score=0.02)
    rejected = make_question(seed_quiz, prompt="سؤال مرفوض؟", status="rejected", score=1.0)
    retired = make_question(seed_quiz, prompt="سؤال متقاعد؟", status="retired", score=1.0)
    chosen = attempt_questions(article=seed_quiz, count=10, seed=3)
    assert set(chosen[:2]) == {written, approved}
    assert rejected not in chosen and retired not in chosen
