"""Articles and their sentences, the question bank, quiz attempts, vocabulary cards and their schedules."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Self

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Max, Q, Window
from django.db.models.functions import Rank, RowNumber
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from quiz.arabic.normalize import answers_match, normalize

if TYPE_CHECKING:
    from quiz.learners import Learner

# Articles --------------------------------------------------------------------------------------------------------


class ArticleQuerySet(models.QuerySet["Article"]):
    def with_counts(self) -> ArticleQuerySet:
        """Each article with how many questions a quiz can draw on and how many vocabulary cards it has."""
        return self.annotate(
            question_count=models.Count(
                "questions",
                filter=~Q(questions__status__in=[Question.Status.REJECTED, Question.Status.RETIRED]),
                distinct=True,
            ),
            card_count=models.Count("vocab_items", distinct=True),
        )


class Article(models.Model):
    class Generation(models.TextChoices):
        NOT_STARTED = "", _("not started")
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)
    title = models.CharField(_("title"), max_length=500)
    lead = models.TextField(_("lead"), blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    masthead = models.CharField(_("masthead"), max_length=200, blank=True)
    text = models.TextField(
        _("text"), help_text=_("The lead, headings, paragraphs and captions that questions are made from.")
    )
    content_hash = models.CharField(max_length=64, editable=False)
    source_name = models.CharField(
        _("imported from"),
        max_length=255,
        blank=True,
        help_text=_("The file this article was imported from."),
    )
    word_count = models.PositiveIntegerField(_("words"), default=0)
    questions_per_quiz = models.PositiveSmallIntegerField(
        _("questions per quiz"), default=10, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    generation_status = models.CharField(
        _("generation"), max_length=10, choices=Generation, default=Generation.NOT_STARTED, blank=True
    )
    generation_error = models.TextField(_("generation error"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(
                fields=["source_name"], condition=~Q(source_name=""), name="article_unique_source_name"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def summary(self) -> str:
        """The lead, or the article's first sentence when it has none."""
        if self.lead:
            return self.lead
        first = self.text.split("\n", 1)[0]
        return first


class Block(models.Model):
    """A heading, paragraph, caption, pull quote or related-story line of an article, in reading order."""

    class Kind(models.TextChoices):
        HEADING = "heading", _("heading")
        PARAGRAPH = "paragraph", _("paragraph")
        CAPTION = "caption", _("caption")
        QUOTE = "quote", _("pull quote")
        RELATED = "related", _("related story")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind)
    text = models.TextField()
    credit = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["article_id", "position"]
        constraints = [models.UniqueConstraint(fields=["article", "position"], name="block_unique_position")]

    def __str__(self) -> str:
        return self.text[:80]


class Sentence(models.Model):
    """A sentence of ``Article.text``; ``position`` is its index there and ``start`` its offset."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sentences")
    block = models.ForeignKey(Block, on_delete=models.CASCADE, related_name="sentences", null=True, blank=True)
    position = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["article_id", "position"]
        constraints = [models.UniqueConstraint(fields=["article", "position"], name="sentence_unique_position")]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"s{self.position}"


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


# Learners --------------------------------------------------------------------------------------------------------


class LearnerProfile(models.Model):
    """What the site keeps about a learner beyond the account: the name others see, XP, streak, settings."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(_("display name"), max_length=40)
    xp = models.PositiveIntegerField(_("XP"), default=0)
    streak_days = models.PositiveIntegerField(_("daily streak"), default=0)
    last_active_on = models.DateField(null=True, blank=True)
    new_cards_per_day = models.PositiveSmallIntegerField(
        _("new cards a day"), default=20, validators=[MinValueValidator(0), MaxValueValidator(200)]
    )
    desired_retention = models.FloatField(
        _("desired retention"), default=0.9, validators=[MinValueValidator(0.7), MaxValueValidator(0.99)]
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self) -> str:
        return self.display_name

    def current_streak(self, today: date) -> int:
        """The daily streak as it stands today: broken when the learner was last active before yesterday."""
        if self.last_active_on is None or self.last_active_on < today - timedelta(days=1):
            return 0
        return self.streak_days


class LearnerOwnedQuerySet[M: models.Model](models.QuerySet[M]):
    def for_learner(self, learner: Learner) -> Self:
        """One learner's rows: an account's, or a guest's (none for a visitor who has no guest id yet)."""
        if learner.user is not None:
            return self.filter(user=learner.user)
        if learner.guest_id is not None:
            return self.filter(guest_id=learner.guest_id, user__isnull=True)
        return self.none()


class LearnerOwned(models.Model):
    """Belongs to a signed-in learner or, until they sign up or log in, to a guest's session."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True)
    guest_id = models.UUIDField(null=True, blank=True, db_index=True)

    class Meta:
        abstract = True


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


# Vocabulary ------------------------------------------------------------------------------------------------------


class VocabItemQuerySet(models.QuerySet["VocabItem"]):
    def current(self) -> VocabItemQuerySet:
        """Cards new learners may start: not retired by a change of the article's text."""
        return self.filter(retired=False)


class VocabItem(models.Model):
    """A flashcard made from an article: one per lemma."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="vocab_items")
    word = models.CharField(_("word"), max_length=100, help_text=_("As it appears in the article."))
    lemma = models.CharField(_("lemma"), max_length=100)
    lemma_vowelled = models.CharField(_("lemma with diacritics"), max_length=150, blank=True)
    vowelled_by_machine = models.BooleanField(default=True)
    root = models.CharField(_("root"), max_length=20, blank=True)
    pos = models.CharField(_("part of speech"), max_length=20, blank=True)
    gloss = models.CharField(_("English gloss"), max_length=300, blank=True)
    gloss_trusted = models.BooleanField(_("gloss checked"), default=False)
    sentence = models.ForeignKey(Sentence, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    word_start = models.PositiveIntegerField(null=True, blank=True)
    word_end = models.PositiveIntegerField(null=True, blank=True)
    frequency = models.PositiveIntegerField(default=1)
    rank = models.PositiveIntegerField(default=0)
    edited = models.BooleanField(
        _("edited by a teacher"), default=False, help_text=_("Regeneration never replaces an edited card.")
    )
    origin_key = models.CharField(
        max_length=100, blank=True, editable=False, help_text="The generator's lemma for this card."
    )
    occurrences = models.JSONField(
        default=list, blank=True, editable=False, help_text="[sentence position, start, end] of each of its words."
    )
    retired = models.BooleanField(
        _("retired"), default=False, help_text=_("No longer in the text: kept for learners who already review it.")
    )

    objects = VocabItemQuerySet.as_manager()

    POS_LABELS = {"noun": _("noun"), "adj": _("adjective"), "verb": _("verb"), "adv": _("adverb")}

    class Meta:
        ordering = ["article_id", "rank", "id"]
        verbose_name = _("flashcard")
        verbose_name_plural = _("flashcards")
        constraints = [models.UniqueConstraint(fields=["article", "lemma"], name="vocab_unique_lemma")]

    def __str__(self) -> str:
        return self.lemma

    @property
    def pos_label(self) -> str:
        return str(self.POS_LABELS.get(self.pos, self.pos))

    @property
    def root_letters(self) -> str:
        """The root with its letters apart, as dictionaries write it: "ر ه ب"."""
        return " ".join(self.root)

    @property
    def sentence_parts(self) -> tuple[str, str, str] | None:
        """The example sentence split around the word: (before, word, after); None without a sentence."""
        if self.sentence is None or self.word_start is None or self.word_end is None:
            return None
        text = self.sentence.text
        if not 0 <= self.word_start < self.word_end <= len(text):
            return None
        return text[: self.word_start], text[self.word_start : self.word_end], text[self.word_end :]


class CardStateQuerySet(LearnerOwnedQuerySet["CardState"]):
    def leeches(self) -> CardStateQuerySet:
        """Cards a learner keeps forgetting (eight lapses or more), for the teacher to look at."""
        return self.filter(is_leech=True)

    def started(self) -> CardStateQuerySet:
        """Cards reviewed at least once (a card added to the deck but never reviewed is still new)."""
        return self.filter(reps__gt=0)

    def known(self) -> CardStateQuerySet:
        """Cards past their learning steps (fsrs Review state): words the learner knows."""
        return self.filter(state=2)


class CardState(LearnerOwned):
    """One learner's schedule for one card: the fsrs Card fields in real columns."""

    item = models.ForeignKey(VocabItem, on_delete=models.CASCADE, related_name="states")
    state = models.PositiveSmallIntegerField(default=1)  # fsrs.State: Learning=1, Review=2, Relearning=3
    step = models.PositiveSmallIntegerField(null=True, blank=True, default=0)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField(db_index=True)
    last_review = models.DateTimeField(null=True, blank=True)
    lapses = models.PositiveIntegerField(default=0)
    reps = models.PositiveIntegerField(default=0)
    is_leech = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CardStateQuerySet.as_manager()

    class Meta:
        verbose_name = _("card schedule")
        verbose_name_plural = _("card schedules")
        constraints = [
            models.UniqueConstraint(fields=["user", "item"], condition=Q(user__isnull=False), name="card_unique_user"),
            models.UniqueConstraint(
                fields=["guest_id", "item"], condition=Q(guest_id__isnull=False), name="card_unique_guest"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} ({self.due:%Y-%m-%d})"


class Review(models.Model):
    card = models.ForeignKey(CardState, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField()  # fsrs.Rating: Again=1, Hard=2, Good=3, Easy=4
    reviewed_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["card_id", "reviewed_at"]

    def __str__(self) -> str:
        return f"{self.card_id}: {self.rating}"
