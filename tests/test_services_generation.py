"""Generated questions stored as rows: on import, again on regeneration, never over a teacher's work."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from quiz.models import Attempt, Choice, Question, Response
from quiz.services import article_generate

from .conftest import SEED, make_article

pytestmark = pytest.mark.django_db


def test_import_stores_the_generated_questions_with_choices_and_evidence(capsys):
    call_command("import_article", str(SEED))
    questions = list(Question.objects.prefetch_related("choices").select_related("evidence"))
    assert len(questions) >= 20
    assert {q.status for q in questions} == {Question.Status.GENERATED}
    for q in questions:
        assert q.evidence is not None, q.prompt
        assert q.evidence.article_id == q.article_id
        assert q.answer_start is not None and q.answer_end is not None
        assert 0 <= q.answer_start < q.answer_end <= len(q.evidence.text)
        choices = list(q.choices.all())
        if q.mode == Question.Mode.CHOICE:
            assert len(choices) == 4
            assert [c.text for c in choices if c.is_correct] == [q.answer]
        elif q.mode == Question.Mode.TRUE_FALSE:
            assert sorted(c.text for c in choices) == sorted(["صح", "خطأ"])
            assert sum(c.is_correct for c in choices) == 1
        elif q.mode == Question.Mode.TYPED:
            assert choices == []
    by_answer = {q.answer: q for q in questions if q.kind == "how_many"}
    assert "134 دولة" in by_answer
    assert "134" in by_answer["134 دولة"].evidence.text
    assert "new questions" in capsys.readouterr().out


def test_regenerating_the_same_text_changes_nothing():
    article = make_article()
    article_generate(article=article)
    before = list(Question.objects.values_list("id", "prompt", "answer", "updated_at"))
    choices = list(Choice.objects.values_list("id", "text", "is_correct"))
    result = article_generate(article=article)
    assert result.created == result.updated == result.deleted == result.retired == 0
    assert result.unchanged == len(before)
    assert list(Question.objects.values_list("id", "prompt", "answer", "updated_at")) == before
    assert list(Choice.objects.values_list("id", "text", "is_correct")) == choices


def test_a_teachers_questions_survive_regeneration_untouched():
    article = make_article()
    article_generate(article=article)
    edited, rejected, approved = Question.objects.order_by("id")[:3]
    edited.prompt, edited.edited = "سؤال عدله المعلم؟", True
    edited.save()
    rejected.status = Question.Status.REJECTED
    rejected.save()
    approved.status = Question.Status.APPROVED
    approved.save()
    own = Question.objects.create(
        article=article,
        kind="what",
        mode="typed",
        prompt="ما موضوع المقال؟",
        answer="الإرهاب",
        status=Question.Status.TEACHER,
    )
    count = Question.objects.count()
    result = article_generate(article=article)
    assert result.kept_by_teacher == 3
    assert Question.objects.count() == count
    edited.refresh_from_db()
    rejected.refresh_from_db()
    assert edited.prompt == "سؤال عدله المعلم؟" and edited.edited
    assert rejected.status == Question.Status.REJECTED
    assert Question.objects.get(pk=own.pk).prompt == "ما موضوع المقال؟"


def test_a_changed_text_retires_answered_questions_and_deletes_unanswered_ones(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "زيارة رسمية\n\nوصل الرئيس إلى باريس يوم الاثنين في زيارة تستمر ثلاثة أيام.\n\n"
        "وشارك في القمة أكثر من 40 دولة و12 منظمة دولية.",
        encoding="utf-8",
    )
    call_command("import_article", str(path))
    article = Question.objects.first().article
    answered = Question.objects.filter(answer_type="count").order_by("id").first()
    unanswered = Question.objects.exclude(pk=answered.pk).filter(fact_key=answered.fact_key).first()
    attempt = Attempt.objects.create(article=article)
    Response.objects.create(attempt=attempt, question=answered, given="40", is_correct=True)
    path.write_text("زيارة رسمية\n\nوصل الرئيس إلى باريس يوم الاثنين في زيارة تستمر ثلاثة أيام.", encoding="utf-8")
    call_command("import_article", str(path))
    answered.refresh_from_db()
    assert answered.status == Question.Status.RETIRED
    assert not Question.objects.filter(pk=getattr(unanswered, "pk", -1)).exists()
    assert not Question.objects.playable().filter(fact_key=answered.fact_key).exists()
    assert Response.objects.filter(question=answered).count() == 1


def test_generate_questions_prints_without_touching_the_database(capsys, django_assert_num_queries):
    with django_assert_num_queries(0):
        call_command("generate_questions", str(SEED), "--limit", "5")
    out = capsys.readouterr().out
    assert "134" in out or "1000" in out
    assert "evidence (sentence" in out
    with django_assert_num_queries(0):
        call_command("generate_questions", str(SEED), "--json")
    document = json.loads(capsys.readouterr().out)
    assert len(document["questions"]) >= 20
    first = document["questions"][0]
    assert {"kind", "prompt", "answer", "accepted", "choices", "evidence", "score"} <= set(first)
    assert not Question.objects.exists()
