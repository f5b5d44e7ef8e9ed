"""Quiz attempts, their questions and the learner's responses."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import F, Max, Window
from django.db.models.functions import Rank, RowNumber
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from quiz.models.articles import Article
from quiz.models.learners import LearnerOwned, LearnerOwnedQuerySet
from quiz.models.questions import Choice, Question

if TYPE_CHECKING:
    from quiz.learners import Learner


# Quiz attempts ---------------------------------------------------------------------------------------------------


class AttemptQuerySet(LearnerOwnedQuerySet["Attempt"]):
    def finished(self) -> AttemptQuerySet:
        return self.filter(finished_at__isnull=False)

    def full_quizzes(self) -> AttemptQuerySet:
        """Attempts at the article's quiz, not rounds practising the questions missed in one."""
        return self.filter(practice_of__isnull=True)

    def leaderboard_rows(self, article_ids: list[int], size: int = 10) -> models.QuerySet[Any, Any]:
        """For each article, the ``size`` learners with the best score in a finished full quiz, best first:
        ``article_id``, ``display_name``, ``best``, ``rank`` (equal scores share one). Guests and accounts
        without a display name are not listed."""
        by_article = [F("article_id")]
        return (
            self.finished()
            .full_quizzes()
            .filter(article_id__in=article_ids, user__profile__isnull=False)
            .values("article_id", "user_id", display_name=F("user__profile__display_name"))
            .annotate(best=Max("score"))
            .annotate(
                rank=Window(Rank(), partition_by=by_article, order_by=[F("best").desc()]),
                row=Window(RowNumber(), partition_by=by_article, order_by=[F("best").desc(), F("user_id")]),
            )
            .filter(row__lte=size)
            .order_by("article_id", "row")
        )


class Attempt(LearnerOwned):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attempts")
    questions = models.ManyToManyField(Question, through="AttemptQuestion", related_name="+")
    timed = models.BooleanField(_("timed"), default=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveIntegerField(_("score"), default=0)
    question_count = models.PositiveSmallIntegerField(_("questions"), default=0)
    correct_count = models.PositiveSmallIntegerField(default=0)
    answered_count = models.PositiveSmallIntegerField(default=0)
    streak = models.PositiveSmallIntegerField(default=0)
    best_streak = models.PositiveSmallIntegerField(_("longest streak"), default=0)
    practice_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_rounds",
        verbose_name=_("practice of"),
        help_text=_("The attempt whose missed questions this round practises."),
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        indexes = [models.Index(fields=["user", "article"])]

    def __str__(self) -> str:
        return f"{self.article} ({self.started_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("quiz:play", kwargs={"public_id": self.public_id})

    def belongs_to(self, learner: Learner) -> bool:
        if learner.user is not None:
            return self.user_id == learner.user.pk
        return self.user_id is None and learner.guest_id is not None and self.guest_id == learner.guest_id

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def is_practice(self) -> bool:
        return self.practice_of_id is not None

    @property
    def duration(self) -> timedelta | None:
        """How long the attempt took, from its start to its end."""
        return self.finished_at - self.started_at if self.finished_at else None

    @property
    def percent(self) -> int:
        """Right answers as a whole percentage of the questions."""
        return round(100 * self.correct_count / self.question_count) if self.question_count else 0


class AttemptQuestion(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="slots")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="slots")
    position = models.PositiveSmallIntegerField()
    shown_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["attempt_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="slot_unique_position"),
            models.UniqueConstraint(fields=["attempt", "question"], name="slot_unique_question"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}#{self.position}"

    def mark_shown(self, now: datetime) -> None:
        """Start the question's clock the first time it is shown; showing it again does not restart it."""
        if self.shown_at is None:
            self.shown_at = now
            AttemptQuestion.objects.filter(pk=self.pk, shown_at__isnull=True).update(shown_at=now)


class Response(models.Model):
    """A learner's one answer to one question of an attempt."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="responses")
    given = models.CharField(max_length=500, blank=True)
    choice = models.ForeignKey(Choice, on_delete=models.SET_NULL, null=True, blank=True)
    is_correct = models.BooleanField()
    points = models.PositiveIntegerField(default=0)
    speed_bonus = models.PositiveIntegerField(default=0)
    streak_bonus = models.PositiveIntegerField(default=0)
    elapsed_ms = models.PositiveIntegerField(null=True, blank=True)
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["attempt_id", "answered_at", "id"]
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="response_unique_per_question")]

    def __str__(self) -> str:
        return self.given
