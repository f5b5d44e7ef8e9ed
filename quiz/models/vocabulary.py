"""Vocabulary cards, each learner's schedule of them (FSRS) and their reviews."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from quiz.models.articles import Article, Sentence
from quiz.models.learners import LearnerOwned, LearnerOwnedQuerySet

if TYPE_CHECKING:
    pass


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
