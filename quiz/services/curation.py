"""Teachers' curation: reviewing questions and regenerating their distractors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from quiz.arabic.normalize import match_key
from quiz.generation import Fact, distractors, generate
from quiz.models import (
    Choice,
    Question,
)


@transaction.atomic
def questions_review(*, questions: QuerySet[Question], status: str) -> int:
    """Approve or reject questions; returns how many changed. Either way regeneration leaves them alone."""
    if status not in {Question.Status.APPROVED, Question.Status.REJECTED}:
        raise ValueError(f"not a review status: {status}")
    return questions.exclude(status=status).update(status=status, updated_at=timezone.now())


@dataclass(frozen=True)
class DistractorResult:
    changed: int = 0
    without_distractors: int = 0
    not_multiple_choice: int = 0


@transaction.atomic
def questions_distractors_regenerate(*, questions: QuerySet[Question], seed: int) -> DistractorResult:
    """New wrong choices for multiple-choice questions, from the generator's own distractor rules with another
    seed. The right choice stays; the question counts as edited by the teacher from then on."""
    counts: Counter[str] = Counter()
    facts_by_article: dict[int, list[Fact]] = {}
    for question in questions.select_related("article").prefetch_related("choices").select_for_update(of=("self",)):
        if question.mode != Question.Mode.CHOICE:
            counts["not_multiple_choice"] += 1
            continue
        if question.article_id not in facts_by_article:
            facts_by_article[question.article_id] = generate(question.article.text, seed=seed).facts
        facts = facts_by_article[question.article_id]
        answer = next((c.text for c in question.choices.all() if c.is_correct), question.answer)
        fact = _fact_of(question, answer, facts)
        wrong = distractors.for_fact(fact, answer, facts, seed) if fact is not None else []
        if not wrong:
            counts["without_distractors"] += 1
            continue
        question.choices.all().delete()
        options = distractors.shuffled_choices(answer, wrong, seed, question.fact_key or str(question.pk))
        Choice.objects.bulk_create(
            Choice(question=question, text=text[:500], position=i, is_correct=text == answer)
            for i, text in enumerate(options)
        )
        question.answer = answer
        question.edited = True
        question.save(update_fields=["answer", "edited", "updated_at"])
        counts["changed"] += 1
    return DistractorResult(**counts)


def _fact_of(question: Question, answer: str, facts: list[Fact]) -> Fact | None:
    """The generator's fact behind a question: by its key, else the fact whose answer is this answer."""
    key = question.fact_key.removesuffix(":reverse")
    by_key = next((f for f in facts if key and f.key == key), None)
    if by_key is not None:
        return by_key
    wanted = match_key(answer)
    return next((f for f in facts if match_key(f.answer) == wanted or match_key(f.text) == wanted), None)
