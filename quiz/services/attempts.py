"""Playing a quiz: starting an attempt, answering, finishing."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import NoReturn

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from quiz.learners import Learner
from quiz.models import (
    AnswerInvalid,
    Article,
    Attempt,
    AttemptQuestion,
    Choice,
    Graded,
    Question,
    Response,
    Submission,
)
from quiz.scoring import points_for_answer, xp_for_score
from quiz.selection import pick_questions
from quiz.services.learners import credit_learner, owner_fields, user_of

# Playing a quiz ----------------------------------------------------------------------------------------------------


class QuizRefused(Exception):
    """A request the quiz refuses: nothing is changed. ``status`` is the HTTP status the views answer with."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class AttemptNotFound(QuizRefused):
    status = 404


class NotYourAttempt(QuizRefused):
    status = 403


class AttemptOver(QuizRefused):
    status = 409


class QuestionNotInAttempt(QuizRefused):
    status = 400


class AlreadyAnswered(QuizRefused):
    status = 409


class NotCurrentQuestion(QuizRefused):
    status = 409


class InvalidAnswer(QuizRefused):
    status = 400


class NoQuestions(QuizRefused):
    status = 409


@dataclass(frozen=True)
class AnswerResult:
    attempt: Attempt
    slot: AttemptQuestion
    choices: list[Choice]
    response: Response
    graded: Graded


def attempt_owned(*, attempt_id: uuid.UUID, learner: Learner, attempts: QuerySet[Attempt] | None = None) -> Attempt:
    """The learner's attempt with its article; refused when there is none or when it is another learner's."""
    attempts = Attempt.objects.all() if attempts is None else attempts
    attempt = attempts.select_related("article").filter(public_id=attempt_id).first()
    if attempt is None:
        raise AttemptNotFound(_("There is no such quiz."))
    if not attempt.belongs_to(learner):
        raise NotYourAttempt(_("This quiz belongs to another learner."))
    return attempt


def _attempt_for_update(attempt_id: uuid.UUID, learner: Learner) -> Attempt:
    """The learner's attempt, locked until the transaction ends."""
    return attempt_owned(
        attempt_id=attempt_id, learner=learner, attempts=Attempt.objects.select_for_update(of=("self",))
    )


def attempt_questions(*, article: Article, count: int, seed: int | None = None) -> list[Question]:
    """The questions of a new attempt at the article's quiz: see ``quiz.selection``."""
    bank = list(article.questions.playable().select_related("evidence").order_by("-score", "id"))
    teachers = [q for q in bank if q.status in (Question.Status.APPROVED, Question.Status.TEACHER)]
    generated = [q for q in bank if q.status not in (Question.Status.APPROVED, Question.Status.TEACHER)]
    return pick_questions([teachers, generated], count, rng=random.Random(seed))  # noqa: S311 (not security)


@transaction.atomic
def attempt_start(
    *,
    article: Article,
    learner: Learner,
    timed: bool = True,
    seed: int | None = None,
    questions: list[Question] | None = None,
    practice_of: Attempt | None = None,
) -> Attempt:
    """A new attempt at the article's quiz: ``article.questions_per_quiz`` questions (or the ``questions`` given)."""
    if not learner.exists:
        raise NotYourAttempt(_("Your session has expired. Please reload the page."))
    if questions is None:
        questions = attempt_questions(article=article, count=article.questions_per_quiz, seed=seed)
    if not questions:
        raise NoQuestions(_("This article has no questions yet."))
    attempt = Attempt.objects.create(
        article=article,
        **owner_fields(learner),
        timed=timed,
        question_count=len(questions),
        practice_of=practice_of,
    )
    AttemptQuestion.objects.bulk_create(
        AttemptQuestion(attempt=attempt, question=question, position=i) for i, question in enumerate(questions)
    )
    return attempt


@transaction.atomic
def attempt_practise_missed(*, attempt_id: uuid.UUID, learner: Learner) -> Attempt:
    """A new round with the questions the learner got wrong, skipped or left unanswered in a finished attempt."""
    attempt = _attempt_for_update(attempt_id, learner)
    if not attempt.is_finished:
        raise NotCurrentQuestion(_("Finish this quiz first."))
    right = Response.objects.filter(attempt=attempt, is_correct=True).values("question")
    missed = [
        slot.question
        for slot in attempt.slots.select_related("question")
        .exclude(question__in=right)
        .exclude(question__status__in=[Question.Status.REJECTED, Question.Status.RETIRED])
        .order_by("position")
    ]
    if not missed:
        raise NoQuestions(_("You missed no questions in this quiz."))
    return attempt_start(
        article=attempt.article, learner=learner, timed=attempt.timed, questions=missed, practice_of=attempt
    )


def current_slot(attempt: Attempt) -> AttemptQuestion | None:
    """The attempt's first question not answered yet, with its question and evidence; None when none is left."""
    answered = Response.objects.filter(attempt=attempt, question=OuterRef("question"))
    return (
        attempt.slots.filter(~Exists(answered))
        .select_related("question__evidence__article")
        .order_by("position")
        .first()
    )


@transaction.atomic
def attempt_answer(
    *,
    attempt_id: uuid.UUID,
    learner: Learner,
    question_id: int,
    submission: Submission,
    now: datetime | None = None,
) -> AnswerResult:
    """Check the learner's answer to the attempt's current question, score it and store it.

    Refused, changing nothing: another learner's attempt, an attempt that has ended, a question that is not in
    the attempt, one already answered, one that is not the current question, an answer that does not fit it.
    The time taken is measured here, from when the question was first shown.
    """
    now = now or timezone.now()
    attempt = _attempt_for_update(attempt_id, learner)
    if attempt.is_finished:
        raise AttemptOver(_("This quiz has ended: its answers can no longer change."))
    slot = current_slot(attempt)
    if slot is None or slot.question_id != question_id:
        _refuse_other_question(attempt, question_id)
    assert slot is not None
    question = slot.question
    choices = list(question.choices.all())
    try:
        graded = question.grade(submission, choices)
    except AnswerInvalid as error:
        raise InvalidAnswer(str(error)) from error
    elapsed_ms = int((now - slot.shown_at).total_seconds() * 1000) if slot.shown_at else None
    points = points_for_answer(
        is_correct=graded.is_correct,
        question_count=attempt.question_count,
        mode=question.mode,
        timed=attempt.timed,
        elapsed_ms=elapsed_ms,
        streak_before=attempt.streak,
    )
    response = Response.objects.create(
        attempt=attempt,
        question=question,
        given=graded.given,
        choice=graded.choice,
        is_correct=graded.is_correct,
        points=points.total,
        speed_bonus=points.speed,
        streak_bonus=points.streak,
        elapsed_ms=max(0, min(elapsed_ms, 2**31 - 1)) if elapsed_ms is not None else None,
    )
    old_score = attempt.score
    attempt.score += points.total
    attempt.answered_count += 1
    attempt.correct_count += int(graded.is_correct)
    attempt.streak = attempt.streak + 1 if graded.is_correct else 0
    attempt.best_streak = max(attempt.best_streak, attempt.streak)
    if attempt.answered_count >= attempt.question_count:
        attempt.finished_at = now
    attempt.save(update_fields=["score", "answered_count", "correct_count", "streak", "best_streak", "finished_at"])
    user = user_of(learner)
    if user is not None:
        credit_learner(
            user,
            xp=xp_for_score(attempt.score) - xp_for_score(old_score),
            days=[timezone.localdate(now)],
        )
    return AnswerResult(attempt=attempt, slot=slot, choices=choices, response=response, graded=graded)


def _refuse_other_question(attempt: Attempt, question_id: int) -> NoReturn:
    """Why an answer to ``question_id`` is refused when it is not the attempt's current question."""
    slot = attempt.slots.filter(question_id=question_id).first()
    if slot is None:
        raise QuestionNotInAttempt(_("That question is not part of this quiz."))
    if Response.objects.filter(attempt=attempt, question_id=question_id).exists():
        raise AlreadyAnswered(_("You have already answered this question: the first answer counts."))
    raise NotCurrentQuestion(_("Please answer the current question first."))


@transaction.atomic
def attempt_finish(*, attempt_id: uuid.UUID, learner: Learner, now: datetime | None = None) -> Attempt:
    """End the attempt now; questions not answered stay unanswered (and count as missed)."""
    attempt = _attempt_for_update(attempt_id, learner)
    if attempt.is_finished:
        raise AttemptOver(_("This quiz has already ended."))
    attempt.finished_at = now or timezone.now()
    attempt.save(update_fields=["finished_at"])
    return attempt


@transaction.atomic
def attempt_untime(*, attempt_id: uuid.UUID, learner: Learner) -> Attempt:
    """Turn the clock off for the rest of the attempt: no speed bonus from now on."""
    attempt = _attempt_for_update(attempt_id, learner)
    if attempt.is_finished:
        raise AttemptOver(_("This quiz has already ended."))
    if attempt.timed:
        attempt.timed = False
        attempt.save(update_fields=["timed"])
    return attempt
