"""The question bank: questions, their choices and pictures, and how an answer is graded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from quiz.arabic.normalize import answers_match, normalize
from quiz.models.articles import Article, Sentence

if TYPE_CHECKING:
    pass


# Answers ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Submission:
    """What a learner sent for one question: a choice, a typed answer, one choice per matching pair, or
    "I don't know"."""

    choice_id: int | None = None
    text: str = ""
    matches: tuple[int | None, ...] = ()
    skipped: bool = False


@dataclass(frozen=True, slots=True)
class Graded:
    is_correct: bool
    given: str
    choice: Choice | None = None
    pair_results: tuple[bool, ...] = field(default=())


class AnswerInvalid(ValueError):
    """The submission does not fit the question (a choice of another question, a missing pair, no answer)."""


# A lone "و" typed apart from the next word ("سوريا و العراق"): joined to it before matching, as it is written.
_LONE_WA = re.compile(r"(?<!\S)و\s+(?=\S)")


# The question bank -----------------------------------------------------------------------------------------------


class QuestionQuerySet(models.QuerySet["Question"]):
    def playable(self) -> QuestionQuerySet:
        """Questions a quiz may draw on: not rejected by a teacher, not retired by a change of the text."""
        return self.exclude(status__in=[Question.Status.REJECTED, Question.Status.RETIRED])

    def protected(self) -> QuestionQuerySet:
        """Questions a teacher wrote, judged or edited: regeneration leaves them as they are."""
        return self.filter(Q(status__in=Question.TEACHER_STATUSES) | Q(edited=True))

    def quiz_order(self) -> QuestionQuerySet:
        """In the order a quiz should take them: the ones a teacher approved or wrote first, then the generator's
        best. A quiz draws from ``playable().quiz_order()``."""
        checked_first = models.Case(
            models.When(status__in=[Question.Status.APPROVED, Question.Status.TEACHER], then=models.Value(0)),
            default=models.Value(1),
        )
        return self.order_by(checked_first, "-score", "id")

    def with_use(self) -> QuestionQuerySet:
        """Each question with how often quizzes asked it, how often it was answered and answered right."""
        return self.annotate(
            times_used=models.Count("slots", distinct=True),
            answer_count=models.Count("responses", distinct=True),
            right_count=models.Count("responses", filter=Q(responses__is_correct=True), distinct=True),
        )


class Question(models.Model):
    class Kind(models.TextChoices):
        WHO = "who", _("who")
        WHEN = "when", _("when")
        WHERE = "where", _("where")
        HOW_MANY = "how_many", _("how many")
        WHAT = "what", _("what")
        TRUE_FALSE = "true_false", _("true or false")
        CLOZE = "cloze", _("fill the gap")
        MATCHING = "matching", _("matching")

    class Mode(models.TextChoices):
        CHOICE = "choice", _("multiple choice")
        TYPED = "typed", _("typed answer")
        TRUE_FALSE = "true_false", _("true or false")
        MATCHING = "matching", _("matching")

    class Status(models.TextChoices):
        GENERATED = "generated", _("generated")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        TEACHER = "teacher", _("written by a teacher")
        RETIRED = "retired", _("retired: no longer in the text")

    TEACHER_STATUSES = (Status.APPROVED, Status.REJECTED, Status.TEACHER)

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    mode = models.CharField(_("answer by"), max_length=12, choices=Mode, default=Mode.CHOICE)
    prompt = models.TextField(_("question"))
    answer = models.CharField(_("answer"), max_length=500)
    accepted = models.JSONField(
        _("also accepted"), default=list, blank=True, help_text=_("Other answers that count as right.")
    )
    tolerance = models.PositiveIntegerField(
        _("tolerance"),
        default=0,
        help_text=_("For a number: how far from it an answer may be and still count."),
    )
    pairs = models.JSONField(_("pairs"), default=list, blank=True, help_text=_("For matching: [left, right] pairs."))
    evidence = models.ForeignKey(
        Sentence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("evidence sentence"),
    )
    answer_start = models.PositiveIntegerField(null=True, blank=True)
    answer_end = models.PositiveIntegerField(null=True, blank=True)
    fact_key = models.CharField(
        _("fact"), max_length=200, blank=True, help_text=_("Questions on the same fact share this key.")
    )
    origin_key = models.CharField(
        max_length=300, blank=True, editable=False, help_text="The generator's identity for this question."
    )
    answer_type = models.CharField(_("answer type"), max_length=20, blank=True)
    score = models.FloatField(_("rank score"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.GENERATED)
    edited = models.BooleanField(
        _("edited by a teacher"),
        default=False,
        help_text=_("Regeneration never replaces an edited question."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "-score", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.prompt[:100]

    @property
    def is_protected(self) -> bool:
        """A teacher has written, approved, rejected or edited it: regeneration keeps it as it is."""
        return self.status in self.TEACHER_STATUSES or self.edited

    @property
    def evidence_parts(self) -> tuple[str, str, str] | None:
        """The evidence sentence cut around the answer: (before, answer, after); None without evidence."""
        if self.evidence is None:
            return None
        text = self.evidence.text
        start, end = self.answer_start, self.answer_end
        if start is None or end is None or not 0 <= start < end <= len(text):
            return (text, "", "")
        return (text[:start], text[start:end], text[end:])

    def grade(self, submission: Submission, choices: list[Choice]) -> Graded:
        """Check a submission against this question. ``choices`` are its Choice rows, in order."""
        if submission.skipped:
            return Graded(is_correct=False, given="")
        if self.mode == self.Mode.TYPED:
            text = " ".join(submission.text.split())
            if not text:
                raise AnswerInvalid(_("Type an answer, or choose “I don't know”."))
            is_correct = answers_match(
                _LONE_WA.sub("و", text), self.answer, accepted=self.accepted, numeric_tolerance=self.tolerance
            )
            return Graded(is_correct=is_correct, given=text[:500])
        by_id = {choice.pk: choice for choice in choices}
        if self.mode == self.Mode.MATCHING:
            if len(submission.matches) != len(self.pairs) or any(m is None for m in submission.matches):
                raise AnswerInvalid(_("Match every item before checking."))
            picked = [by_id.get(m) for m in submission.matches if m is not None]
            if any(choice is None for choice in picked):
                raise AnswerInvalid(_("That choice is not one of this question's."))
            results = tuple(
                choice is not None and choice.text == right
                for choice, (_left, right) in zip(picked, self.pairs, strict=True)
            )
            given = "؛ ".join(
                f"{left} ← {choice.text if choice else ''}"
                for choice, (left, _right) in zip(picked, self.pairs, strict=True)
            )
            return Graded(is_correct=all(results), given=given[:500], pair_results=results)
        if submission.choice_id is None:
            raise AnswerInvalid(_("Choose an answer, or choose “I don't know”."))
        chosen = by_id.get(submission.choice_id)
        if chosen is None:
            raise AnswerInvalid(_("That choice is not one of this question's."))
        return Graded(is_correct=chosen.is_correct, given=chosen.text, choice=chosen)

    @property
    def answer_span(self) -> str:
        """The words of the article that answer it: the highlighted part of the evidence, else the answer."""
        parts = self.evidence_parts
        return parts[1] if parts and parts[1] else self.answer

    @property
    def image(self) -> Image | None:
        """The picture shown with the question in a quiz, if a teacher attached one (prefetch ``images``)."""
        return next(iter(self.images.all()), None)


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("text"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["question_id", "position", "id"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.text


def choice_problems(mode: str, choices: list[tuple[str, bool]]) -> list[str]:
    """What is wrong with a question's choices, as (text, is_correct) pairs, for its answer mode.

    Multiple choice and true/false: two or more choices, exactly one right. Matching: every choice is the right
    side of a pair. Typed: no choices. In every mode no two choices are the same after Arabic normalisation.
    """
    problems: list[str] = []
    if mode == Question.Mode.TYPED:
        if choices:
            problems.append(
                gettext("A typed-answer question has no choices: remove them or change how it is answered.")
            )
        return problems
    if mode in {Question.Mode.CHOICE, Question.Mode.TRUE_FALSE}:
        if len(choices) < 2:
            problems.append(gettext("A multiple-choice question needs two or more choices."))
        right = sum(1 for _text, is_correct in choices if is_correct)
        if right != 1:
            problems.append(
                _("Mark exactly one choice as the right one (now %(count)d are marked).") % {"count": right}
            )
    seen: dict[str, str] = {}
    for text, _is_correct in choices:
        key = normalize(text)
        if key in seen:
            problems.append(
                _("“%(first)s” and “%(second)s” are the same choice once diacritics and letter forms are ignored.")
                % {"first": seen[key], "second": text}
            )
        seen.setdefault(key, text)
    return problems


# Images ----------------------------------------------------------------------------------------------------------


class Image(models.Model):
    """A picture a teacher attached to an article (shown on its page) or to a question (shown in the quiz).

    ``file`` is the stored, downscaled copy without EXIF metadata; ``thumbnail`` a small one for lists."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="images", verbose_name=_("article")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="images", verbose_name=_("question")
    )
    file = models.ImageField(_("image"), upload_to="images/", width_field="width", height_field="height")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="images/thumbs/")
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    alt = models.CharField(
        _("text alternative"),
        max_length=300,
        help_text=_("What the picture shows, read out to learners who cannot see it."),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True, help_text=_("Who took or owns the picture."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, question__isnull=True)
                | Q(article__isnull=True, question__isnull=False),
                name="image_belongs_to_article_or_question",
            )
        ]

    def __str__(self) -> str:
        return self.alt
