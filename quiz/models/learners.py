"""Learners' profiles, and what belongs to a learner (a user or a guest)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Self

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from quiz.learners import Learner


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
