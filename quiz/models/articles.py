"""Articles, their blocks (headings, paragraphs, captions) and sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    pass


# Articles --------------------------------------------------------------------------------------------------------


class ArticleQuerySet(models.QuerySet["Article"]):
    def with_counts(self) -> ArticleQuerySet:
        """Each article with how many questions a quiz can draw on and how many vocabulary cards it has."""
        from quiz.models.questions import Question  # questions refer to articles

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
