"""The FSRS schedule: real fsrs, real database. Ratings, lapses and leeches, the queue and the daily limit."""

from __future__ import annotations

import datetime as dt

import pytest
from fsrs import Card, Rating, Scheduler, State

from quiz import scheduling
from quiz.learners import Learner
from quiz.models import CardState, Review, VocabItem
from quiz.services import StaleReview, card_add, card_review

from .conftest import make_user

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def learner():
    return Learner(user=make_user())


def first_item(article) -> VocabItem:
    return article.vocab_items.order_by("rank").first()


def test_good_moves_due_into_the_future_and_again_brings_the_card_back_within_minutes(cards_article, learner):
    item = first_item(cards_article)
    state = card_review(learner=learner, item=item, rating=3, reps=0, now=NOW)
    assert state.due > NOW
    assert state.state == State.Learning.value and state.reps == 1
    state = card_review(learner=learner, item=item, rating=3, reps=1, now=state.due)
    assert state.state == State.Review.value
    assert state.due - state.last_review >= dt.timedelta(days=1)
    again_at = state.due
    state = card_review(learner=learner, item=item, rating=1, reps=2, now=again_at)
    assert state.state == State.Relearning.value
    assert dt.timedelta(0) < state.due - again_at <= dt.timedelta(minutes=10)
    assert state.lapses == 1
    assert [r.rating for r in Review.objects.filter(card=state)] == [3, 3, 1]


def test_a_state_saved_and_loaded_back_is_the_fsrs_card_unchanged(cards_article, learner):
    item = first_item(cards_article)
    state = card_review(learner=learner, item=item, rating=3, reps=0, now=NOW, duration_ms=4200)
    # What fsrs itself computes for the same card and rating.
    expected, _log = Scheduler().review_card(Card(card_id=state.pk, due=NOW), Rating.Good, review_datetime=NOW)
    loaded = CardState.objects.get(pk=state.pk)
    assert scheduling.to_fsrs(loaded).to_dict() == expected.to_dict()
    for rating in (3, 2, 4):
        before = scheduling.to_fsrs(CardState.objects.get(pk=state.pk))
        when = before.due + dt.timedelta(hours=1)
        expected, _log = Scheduler().review_card(before, Rating(rating), review_datetime=when)
        card_review(learner=learner, item=item, rating=rating, reps=loaded.reps, now=when)
        loaded = CardState.objects.get(pk=state.pk)
        after = scheduling.to_fsrs(loaded)
        # Fuzzing randomises a Review card's interval; everything else must be exactly what fsrs computed.
        assert (after.state, after.step, after.stability, after.difficulty, after.last_review) == (
            expected.state,
            expected.step,
            expected.stability,
            expected.difficulty,
            expected.last_review,
        )
        assert after.last_review is not None and after.last_review.tzinfo is dt.UTC
    assert Review.objects.filter(card=state).first().duration_ms == 4200


def test_eight_lapses_make_a_leech_the_teacher_can_list(cards_article, learner):
    item = first_item(cards_article)
    state = card_review(learner=learner, item=item, rating=4, reps=0, now=NOW)  # Easy: straight to Review
    when = NOW
    while state.lapses < 8:
        assert not state.is_leech
        when = state.due + dt.timedelta(minutes=1)
        rating = 1 if state.state == State.Review.value else 4
        state = card_review(learner=learner, item=item, rating=rating, reps=state.reps, now=when)
    assert state.is_leech
    assert list(CardState.objects.leeches()) == [state]
    other = card_review(learner=learner, item=item.article.vocab_items.all()[1], rating=3, reps=0, now=NOW)
    assert other not in CardState.objects.leeches()


def test_a_repeated_rating_is_refused_and_changes_nothing(cards_article, learner):
    item = first_item(cards_article)
    card_review(learner=learner, item=item, rating=3, reps=0, now=NOW)
    with pytest.raises(StaleReview):
        card_review(learner=learner, item=item, rating=3, reps=0, now=NOW)
    assert Review.objects.count() == 1
    with pytest.raises(ValueError, match="rating"):
        card_review(learner=learner, item=item, rating=5, reps=1, now=NOW)


def test_the_queue_starts_new_cards_best_first_up_to_the_daily_limit(cards_article, learner):
    settings = scheduling.Settings(new_cards_per_day=3)
    items = list(cards_article.vocab_items.order_by("rank"))
    queue = scheduling.queue(learner, settings, article=cards_article, now=NOW)
    assert (queue.due, queue.new, queue.new_today) == (0, 3, 0)
    assert queue.item == items[0] and queue.state is None
    for n in range(3):
        queue = scheduling.queue(learner, settings, article=cards_article, now=NOW)
        assert queue.item == items[n]
        card_review(learner=learner, item=queue.item, rating=3, reps=0, now=NOW)
    queue = scheduling.queue(learner, settings, article=cards_article, now=NOW + dt.timedelta(seconds=5))
    assert (queue.new, queue.new_today) == (0, 3)
    # Nothing due and no new card left: a learning card due within 20 minutes is shown ahead of time.
    assert queue.item == items[0] and queue.state is not None
    later = scheduling.queue(learner, settings, article=cards_article, now=NOW + dt.timedelta(minutes=11))
    assert later.due == 3 and later.item == items[0]
    # The next day the limit starts again.
    tomorrow = scheduling.queue(learner, settings, article=cards_article, now=NOW + dt.timedelta(days=1))
    assert (tomorrow.new, tomorrow.new_today) == (3, 0)


def test_the_whole_deck_holds_started_and_added_cards_only(cards_article, learner):
    settings = scheduling.Settings()
    assert scheduling.queue(learner, settings, now=NOW).item is None
    items = list(cards_article.vocab_items.order_by("rank"))
    card_add(learner=learner, item=items[5], now=NOW)
    queue = scheduling.queue(learner, settings, now=NOW)
    assert (queue.due, queue.new, queue.item) == (0, 1, items[5])
    assert queue.state is not None and queue.state.reps == 0
    card_review(learner=learner, item=items[5], rating=1, reps=0, now=NOW)
    queue = scheduling.queue(learner, settings, now=NOW + dt.timedelta(minutes=2))
    assert (queue.due, queue.new, queue.item) == (1, 0, items[5])
    # Another learner's deck is their own.
    assert scheduling.queue(Learner(user=make_user("omar")), settings, now=NOW).item is None


def test_card_add_is_idempotent_and_a_guest_needs_an_id(cards_article, learner):
    item = first_item(cards_article)
    state, added = card_add(learner=learner, item=item)
    again, added_again = card_add(learner=learner, item=item)
    assert added and not added_again and state == again
    with pytest.raises(ValueError, match="guest id"):
        card_add(learner=Learner(), item=item)
