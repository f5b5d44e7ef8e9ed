"""Background generation with Django's tasks framework: its states, its failure, and the real database queue."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from quiz import tasks
from quiz.models import Article, Question
from quiz.services import article_generation_queue

from .conftest import make_article

NO_QUESTIONS_TEXT = "الطقس الجميل\n\nكان الجو جميلا في الصباح وذهبنا إلى الحديقة."


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.django_db
def test_the_task_stores_the_questions_and_reports_done():
    article = make_article()
    result = tasks.generate_article.enqueue(article.pk)
    assert result.status == TaskResultStatus.SUCCESSFUL
    article.refresh_from_db()
    assert article.generation_status == Article.Generation.DONE
    assert article.generation_error == ""
    assert result.return_value["created"] == article.questions.count() >= 20
    again = tasks.generate_article.enqueue(article.pk)
    assert again.return_value["created"] == 0
    assert again.return_value["unchanged"] == article.questions.count()


@pytest.mark.django_db
def test_a_text_without_questions_fails_with_the_reason():
    article = make_article(NO_QUESTIONS_TEXT)
    tasks.generate_article.enqueue(article.pk)
    article.refresh_from_db()
    assert article.generation_status == Article.Generation.FAILED
    assert article.generation_error == tasks.NO_QUESTIONS


@pytest.mark.django_db
def test_a_crash_in_the_generator_fails_with_the_reason_and_stores_nothing(monkeypatch):
    # Fault injection: the generator is pure and never raises on real text, so make it raise here to see the
    # failure path end to end (the state, the reason, the rolled-back transaction, the task's own record).
    article = make_article()

    def crash(text: str, *, seed: int = 0) -> None:
        raise RuntimeError("the generator crashed")

    monkeypatch.setattr("quiz.services.article_generation.generate", crash)
    result = tasks.generate_article.enqueue(article.pk)
    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class_path == "builtins.RuntimeError"
    article.refresh_from_db()
    assert article.generation_status == Article.Generation.FAILED
    assert article.generation_error == "RuntimeError: the generator crashed"
    assert not article.questions.exists()


@pytest.mark.django_db
def test_an_article_deleted_before_its_turn_is_skipped():
    article = make_article()
    pk = article.pk
    article.delete()
    result = tasks.generate_article.enqueue(pk)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value is None


@pytest.mark.django_db(transaction=True)
def test_the_real_queue_waits_for_the_worker(database_queue):
    article = make_article()
    article_generation_queue(article=article)  # outside any transaction: enqueued at once
    article.refresh_from_db()
    assert article.generation_status == Article.Generation.QUEUED
    queued = DBTaskResult.objects.get()
    assert queued.status == TaskResultStatus.READY
    assert queued.task_path == "quiz.tasks.generate_article"
    assert not article.questions.exists()

    run_worker()

    queued.refresh_from_db()
    article.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert article.generation_status == Article.Generation.DONE
    assert article.questions.filter(status=Question.Status.GENERATED).count() == queued.return_value["created"] >= 20


@pytest.mark.django_db(transaction=True)
def test_the_real_queue_records_a_failure(database_queue):
    article = make_article(NO_QUESTIONS_TEXT)
    article_generation_queue(article=article)
    run_worker()
    article.refresh_from_db()
    assert article.generation_status == Article.Generation.FAILED
    assert article.generation_error == tasks.NO_QUESTIONS
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL  # the task ran; the article failed


@pytest.mark.django_db(transaction=True)
def test_nothing_is_queued_when_the_saving_transaction_rolls_back(database_queue):
    from django.db import transaction

    article = make_article()
    with pytest.raises(RuntimeError), transaction.atomic():
        article_generation_queue(article=article)
        raise RuntimeError("the admin's save failed")
    assert not DBTaskResult.objects.exists()
    article.refresh_from_db()
    assert article.generation_status == Article.Generation.NOT_STARTED
