"""Every quiz request runs a fixed number of SQL queries, whatever the number of questions (N = 5 and N = 20)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from quiz import services
from quiz.models import Article, Attempt

from .conftest import make_user, right_answer

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(params=[5, 20], ids=["N=5", "N=20"])
def quiz_of_n(request, seed_quiz):
    Article.objects.filter(pk=seed_quiz.pk).update(questions_per_quiz=request.param)
    seed_quiz.refresh_from_db()
    return seed_quiz


def play_through(client, article, django_assert_num_queries, *, signed_in: bool):
    """Each request of one quiz, with the exact number of queries it runs. A signed-in learner's requests run
    one more (the user, loaded with the profile); an answer one more again (the profile's XP and streak)."""
    user = 1 if signed_in else 0
    start = reverse("quiz:start", args=[article.slug])
    new_session = 0 if signed_in else 3  # a guest's first start creates the session
    with django_assert_num_queries(7 + user + new_session):
        client.post(start, {"mode": "timed"})
    attempt = Attempt.objects.latest("started_at")
    assert attempt.question_count == article.questions_per_quiz
    with django_assert_num_queries(5 + user):  # session, article, questions counted, unfinished quiz, leaderboard
        client.get(start)
    play = attempt.get_absolute_url()
    with django_assert_num_queries(5 + user):  # session, attempt, current question, choices, clock started
        client.get(play)
    with django_assert_num_queries(4 + user):
        client.get(play, **HTMX)
    for position in range(attempt.question_count):
        data = right_answer(services.current_slot(attempt).question)
        # session, savepoint, attempt, current question, choices, response, attempt, release (+ profile)
        with django_assert_num_queries(8 + 2 * user):
            response = client.post(
                reverse("quiz:answer", args=[attempt.public_id]), data, **(HTMX if position % 2 else {})
            )
        assert response.status_code in (200, 302)
        if position == 0:
            with django_assert_num_queries(5 + user):  # session, attempt, slot, choices, response
                client.get(reverse("quiz:feedback", args=[attempt.public_id, 1]))
        if position == 1:
            with django_assert_num_queries(9 + user):  # refused: a second answer to the same question
                assert client.post(reverse("quiz:answer", args=[attempt.public_id]), data, **HTMX).status_code == 409
    with django_assert_num_queries(6 + user):  # attempt, session, leaderboard, responses, slots, choices
        response = client.get(reverse("quiz:results", args=[attempt.public_id]))
    assert response.content.decode().count('class="result-row ') == attempt.question_count
    cache.clear()
    with django_assert_num_queries(1):  # the attempt (the card is public: no session)
        client.get(reverse("quiz:card", args=[attempt.public_id]))
    with django_assert_num_queries(4 + user):  # session, attempts, accuracy by kind, leaderboards
        client.get(reverse("progress:overview"))
    with django_assert_num_queries(3 + user):
        client.get(reverse("progress:leaderboard", args=[article.slug]))
    return attempt


def test_a_guests_quiz_runs_fixed_queries(client, quiz_of_n, django_assert_num_queries):
    play_through(client, quiz_of_n, django_assert_num_queries, signed_in=False)


def test_a_learners_quiz_runs_fixed_queries(client, quiz_of_n, django_assert_num_queries):
    client.force_login(make_user())
    play_through(client, quiz_of_n, django_assert_num_queries, signed_in=True)


def test_stopping_practising_and_untiming_run_fixed_queries(client, quiz_of_n, django_assert_num_queries):
    start = reverse("quiz:start", args=[quiz_of_n.slug])
    client.post(start, {"mode": "timed"})
    attempt = Attempt.objects.latest("started_at")
    with django_assert_num_queries(5):  # session, savepoint, attempt, update, release
        client.post(reverse("quiz:untimed", args=[attempt.public_id]))
    with django_assert_num_queries(5):
        client.post(reverse("quiz:finish", args=[attempt.public_id]))
    with django_assert_num_queries(9):  # session, savepoint, attempt, missed, then the new attempt and its slots
        client.post(reverse("quiz:practice", args=[attempt.public_id]))
    assert Attempt.objects.get(practice_of=attempt).question_count == quiz_of_n.questions_per_quiz
