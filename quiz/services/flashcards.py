"""Adding and reviewing vocabulary cards on the FSRS schedule."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from quiz.learners import Learner
from quiz.models import (
    CardState,
    Review,
    VocabItem,
)
from quiz.services.learners import owner_fields


@transaction.atomic
def card_add(*, learner: Learner, item: VocabItem, now: dt.datetime | None = None) -> tuple[CardState, bool]:
    """Put a card in the learner's deck, new and due at once; returns its schedule and whether it was added now."""
    existing = CardState.objects.for_learner(learner).filter(item=item).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return CardState.objects.create(item=item, due=now or timezone.now(), **owner_fields(learner)), True
    except IntegrityError:  # the same learner added it in another tab at the same moment
        return CardState.objects.for_learner(learner).get(item=item), False


class StaleReview(Exception):
    """The card was rated since the learner saw it (a repeated or an old form): nothing was changed."""


@transaction.atomic
def card_review(
    *,
    learner: Learner,
    item: VocabItem,
    rating: int,
    reps: int,
    desired_retention: float = 0.9,
    duration_ms: int | None = None,
    now: dt.datetime | None = None,
) -> CardState:
    """Rate one card for one learner (1 Again .. 4 Easy) on their FSRS schedule and log the review.

    ``reps`` is how many reviews the card had when it was shown: a second submission of the same rating (or a form
    from an old page) raises StaleReview instead of rating the card twice."""
    from quiz import scheduling

    if rating not in scheduling.RATINGS:
        raise ValueError(f"rating must be 1-4, not {rating!r}")
    now = now or timezone.now()
    state = CardState.objects.for_learner(learner).select_for_update().filter(item=item).first()
    if state is None:
        if reps != 0:
            raise StaleReview
        try:
            with transaction.atomic():
                state = CardState.objects.create(item=item, due=now, **owner_fields(learner))
        except IntegrityError:
            raise StaleReview from None
    elif state.reps != reps:
        raise StaleReview
    scheduling.review(state, rating, now=now, desired_retention=desired_retention, duration_ms=duration_ms)
    state.save()
    Review.objects.create(card=state, rating=rating, reviewed_at=now, duration_ms=duration_ms)
    return state
