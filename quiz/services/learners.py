"""Learners' accounts: sign-up, profile, XP and streak, guest work moving to an account."""

from __future__ import annotations

import uuid
from datetime import date
from typing import cast

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from quiz.learners import Learner
from quiz.models import (
    Attempt,
    CardState,
    LearnerProfile,
)
from quiz.scoring import next_daily_streak, xp_for_score


@transaction.atomic
def learner_signup(*, username: str, password: str, display_name: str, guest_id: uuid.UUID | None) -> User:
    """Create a learner account with its profile and move the guest's work to it."""
    user = User.objects.create_user(username=username, password=password)
    LearnerProfile.objects.create(user=user, display_name=display_name)
    if guest_id is not None:
        guest_work_claim(guest_id=guest_id, user=user)
    return user


def learner_profile(*, user: User) -> LearnerProfile:
    """The user's profile (loaded with the user by quiz.auth.ProfileBackend, so usually no query), made on first
    use for accounts created elsewhere (the admin, a command)."""
    try:
        if user.profile.pk is not None:
            return user.profile
    except LearnerProfile.DoesNotExist:
        pass
    profile, _created = LearnerProfile.objects.get_or_create(
        user=user, defaults={"display_name": user.first_name or _("Learner %(id)s") % {"id": user.pk}}
    )
    # When another request made it first, get_or_create's failed insert left its unsaved profile cached on the user
    # (``user.profile``, whose pk is None: crediting it later would update no row). Cache the stored one instead.
    user.profile = profile
    return profile


@transaction.atomic
def guest_work_claim(*, guest_id: uuid.UUID, user: User) -> None:
    """Give a guest's quiz attempts and card schedules to the account they signed up or logged in with.

    Where the account already schedules the same card, the schedule with more reviews is kept. The attempts' XP
    and days of play are credited to the account."""
    guest_attempts = Attempt.objects.filter(guest_id=guest_id, user__isnull=True)
    played = [
        (score, started)
        for score, started, answered in guest_attempts.values_list("score", "started_at", "answered_count")
        if answered
    ]
    guest_attempts.update(user=user, guest_id=None)
    if played:
        credit_learner(
            user,
            xp=sum(xp_for_score(score) for score, _started in played),
            days=[timezone.localdate(started) for _score, started in played],
        )
    guest_cards = CardState.objects.filter(guest_id=guest_id, user__isnull=True)
    own = {c.item_id: c for c in CardState.objects.filter(user=user, item__in=guest_cards.values("item"))}
    for card in guest_cards.select_for_update():
        kept = own.get(card.item_id)
        if kept is None:
            continue
        loser = card if kept.reps >= card.reps else kept
        loser.delete()
    CardState.objects.filter(guest_id=guest_id, user__isnull=True).update(user=user, guest_id=None)


def owner_fields(learner: Learner) -> dict[str, object]:
    if learner.user is not None:
        return {"user": learner.user, "guest_id": None}
    if learner.guest_id is None:
        raise ValueError("a learner without an account needs a guest id")
    return {"user": None, "guest_id": learner.guest_id}


@transaction.atomic
def learner_review_settings_update(*, user: User, new_cards_per_day: int, desired_retention: float) -> LearnerProfile:
    """Save an account's review settings: new cards a day and the desired retention."""
    profile = learner_profile(user=user)
    profile.new_cards_per_day = new_cards_per_day
    profile.desired_retention = desired_retention
    profile.full_clean(exclude=["user", "display_name"])
    profile.save(update_fields=["new_cards_per_day", "desired_retention"])
    return profile


def user_of(learner: Learner) -> User | None:
    """The learner's account: the site's users are ``auth.User`` (``Learner`` types them more loosely)."""
    return cast("User | None", learner.user)


def credit_learner(user: User, *, xp: int, days: list[date]) -> None:
    """Add XP to the learner's profile and count each day of activity towards the daily streak."""
    profile = learner_profile(user=user)
    streak, last = profile.streak_days, profile.last_active_on
    for day in sorted(days):
        streak, last = next_daily_streak(streak_days=streak, last_active_on=last, day=day)
    if xp == 0 and (streak, last) == (profile.streak_days, profile.last_active_on):
        return
    # XP is added in the database, so that two answers at once (two tabs) both count.
    LearnerProfile.objects.filter(pk=profile.pk).update(xp=F("xp") + xp, streak_days=streak, last_active_on=last)
    profile.xp += xp
    profile.streak_days, profile.last_active_on = streak, last
