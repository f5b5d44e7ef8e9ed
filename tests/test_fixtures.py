"""The hand-checked fixtures load and mean what fixtures/README.md says."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from quiz.learners import Learner
from quiz.models import Question, choice_problems
from quiz.services import article_generate, attempt_start

from .conftest import ROOT, make_user

BANK = ROOT / "fixtures" / "seed_teacher_questions.json"
pytestmark = pytest.mark.django_db


def test_the_seeds_teacher_questions_import_with_their_evidence(seed_article, capsys):
    call_command("import_questions", str(BANK))
    questions = list(
        Question.objects.filter(article=seed_article).select_related("evidence").prefetch_related("choices")
    )
    assert len(questions) == 4
    spans = {}
    for question in questions:
        assert question.status == Question.Status.TEACHER
        assert question.evidence is not None
        spans[question.kind] = question.evidence.text[question.answer_start : question.answer_end]
        assert choice_problems(question.mode, [(c.text, c.is_correct) for c in question.choices.all()]) == []
    assert spans == {"who": "فلاديمير فورونكوف", "how_many": "75", "true_false": "عام 2021", "where": "مقديشو"}
    call_command("import_questions", str(BANK))
    assert "0 new, 0 updated, 4 unchanged" in capsys.readouterr().out
    assert Question.objects.filter(article=seed_article).count() == 4


def test_teacher_questions_come_first_in_a_quiz(seed_article):
    call_command("import_questions", str(BANK))
    article_generate(article=seed_article)
    attempt = attempt_start(article=seed_article, learner=Learner(user=make_user()), seed=3)
    statuses = [slot.question.status for slot in attempt.slots.order_by("position")]
    assert statuses[:4] == ["teacher"] * 4
    assert "teacher" not in statuses[4:] and len(statuses) == 10
