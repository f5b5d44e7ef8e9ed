"""The adapter to the fsrs package (FSRS, the scheduler Anki uses) and the learner's review queue.

A ``CardState`` row holds an ``fsrs.Card``'s fields in real columns; ``to_fsrs`` and ``store`` move them back and
forth unchanged, with ``card_id`` the row's primary key. fsrs wants every datetime in ``datetime.UTC``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Min, Prefetch, QuerySet
from django.utils import timezone
from fsrs import Card, Rating, Scheduler, State

from quiz.learners import Learner
from quiz.models import Article, CardState, VocabItem

LEECH_LAPSES = 8
# Like Anki's "learn ahead limit": when nothing else is due, a learning card due within this long is shown now.
LEARN_AHEAD = dt.timedelta(minutes=20)
DEFAULT_RETENTION = 0.9
DEFAULT_NEW_PER_DAY = 20
RATINGS = {1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy}


@dataclass(frozen=True, slots=True)
class Settings:
    """A learner's review settings (a profile's for an account, the session's for a guest)."""

    desired_retention: float = DEFAULT_RETENTION
    new_cards_per_day: int = DEFAULT_NEW_PER_DAY


@lru_cache(maxsize=32)
def scheduler(desired_retention: float = DEFAULT_RETENTION) -> Scheduler:
    return Scheduler(desired_retention=desired_retention)


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    """The same moment with ``datetime.UTC`` as its tzinfo (the database may hand back another UTC object)."""
    return None if moment is None else moment.astimezone(dt.UTC)


def to_fsrs(state: CardState) -> Card:
    """The fsrs Card a CardState row holds."""
    due = _utc(state.due)
    assert due is not None
    return Card(
        card_id=state.pk,
        state=State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=due,
        last_review=_utc(state.last_review),
    )


def store(state: CardState, card: Card) -> None:
    """Copy an fsrs Card's fields into the row (not saved)."""
    state.state = card.state.value
    state.step = card.step
    state.stability = card.stability
    state.difficulty = card.difficulty
    state.due = card.due
    state.last_review = card.last_review


def review(
    state: CardState,
    rating: int,
    *,
    now: dt.datetime,
    desired_retention: float = DEFAULT_RETENTION,
    duration_ms: int | None = None,
) -> None:
    """Rate the card (1 Again, 2 Hard, 3 Good, 4 Easy) at ``now`` and write the new schedule into the row:
    fsrs's fields, the review count, lapses (Again on a card in Review), and the leech flag."""
    before = State(state.state)
    card, _log = scheduler(desired_retention).review_card(
        to_fsrs(state), RATINGS[rating], review_datetime=_utc(now), review_duration=duration_ms
    )
    store(state, card)
    state.reps += 1
    if before == State.Review and rating == Rating.Again:
        state.lapses += 1
    state.is_leech = state.lapses >= LEECH_LAPSES


def day_start(now: dt.datetime) -> dt.datetime:
    """Midnight (UTC) of ``now``'s day: the daily limit of new cards starts again then."""
    return now.astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True, slots=True)
class Queue:
    """What a learner has to review now, in one article or in their whole deck.

    ``due``: started cards due now. ``new``: new cards they may still start today. ``item``: the card to show
    next (None when done), ``state`` its schedule (None for a card never started). ``next_due``: when the next
    card falls due, when none is due now.
    """

    due: int
    new: int
    new_today: int
    item: VocabItem | None
    state: CardState | None
    next_due: dt.datetime | None


def queue(
    learner: Learner,
    settings: Settings,
    *,
    article: Article | None = None,
    now: dt.datetime | None = None,
    pick: bool = True,
) -> Queue:
    """The learner's review queue: due cards first (earliest first), then new cards (best first) up to the daily
    limit, then learning cards due within ``LEARN_AHEAD``. For one article, its cards; else the whole deck
    (cards the learner has started or added). Without ``pick``, only the counts (the card is chosen elsewhere)."""
    now = now or timezone.now()
    states = CardState.objects.for_learner(learner).select_related("item__article", "item__sentence")
    if article is not None:
        states = states.filter(item__article=article)
    due_states = states.started().filter(due__lte=now).order_by("due", "pk")
    due_count = due_states.count()
    new_today = (
        CardState.objects.for_learner(learner)
        .annotate(first=Min("reviews__reviewed_at"))
        .filter(first__gte=day_start(now))
        .count()
    )
    new_left = max(0, settings.new_cards_per_day - new_today)
    new_items = _new_items(learner, article)
    new_count = min(new_left, new_items.count()) if new_left else 0
    if not pick:
        return Queue(due=due_count, new=new_count, new_today=new_today, item=None, state=None, next_due=None)
    state = due_states.first() if due_count else None
    item = state.item if state is not None else None
    if item is None and new_count:
        item = new_items.first()
        state = None
        if item is not None:
            state = next(iter(item.learner_states), None)  # type: ignore[attr-defined]
    next_due = None
    if item is None:
        ahead = states.started().filter(due__lte=now + LEARN_AHEAD, state__in=[1, 3]).order_by("due", "pk").first()
        if ahead is not None:
            state, item = ahead, ahead.item
        else:
            upcoming = states.started().order_by("due").values_list("due", flat=True).first()
            next_due = upcoming
    return Queue(due=due_count, new=new_count, new_today=new_today, item=item, state=state, next_due=next_due)


def _new_items(learner: Learner, article: Article | None) -> QuerySet[VocabItem]:
    """Cards the learner has not started: an article's current cards, or for the whole deck the cards they added
    and never reviewed. Each with ``learner_states``: the learner's (unreviewed) schedule, if any."""
    mine = CardState.objects.for_learner(learner)
    items = VocabItem.objects.select_related("article", "sentence").exclude(pk__in=mine.started().values("item"))
    scope = items.filter(article=article).current() if article is not None else items.filter(pk__in=mine.values("item"))
    items = scope
    return items.prefetch_related(Prefetch("states", queryset=mine, to_attr="learner_states")).order_by(
        "article", "rank", "pk"
    )
