"""The load benchmark's driver plays a whole learner's sitting against a real server, and reads gunicorn's log."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest

from quiz import loadtest
from quiz.models import Attempt, CardState, Response, Review
from quiz.services import article_cards_generate

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_simulated_learner_plays_a_quiz_and_reviews_ten_cards(live_server, seed_quiz):
    article_cards_generate(article=seed_quiz)
    port = urllib.parse.urlsplit(live_server.url).port
    samples: list[loadtest.Sample] = []

    outcome = loadtest.learner_session(port, urllib.parse.quote(seed_quiz.slug), 7, samples, 0.0)

    assert outcome.failure == ""
    assert (outcome.answers_acknowledged, outcome.reviews_acknowledged) == (10, 10)
    attempt = Attempt.objects.get(public_id=outcome.attempt)
    assert attempt.is_finished
    assert Response.objects.filter(attempt=attempt).count() == 10
    assert attempt.score == sum(Response.objects.filter(attempt=attempt).values_list("points", flat=True))
    assert Review.objects.count() == 10 and CardState.objects.count() >= 1
    counts = {name: sum(s.endpoint == name for s in samples) for name in {s.endpoint for s in samples}}
    assert counts == {
        "article page": 1,
        "quiz start page": 1,
        "quiz start (POST)": 1,
        "quiz page": 10,
        "answer (POST, htmx)": 10,
        "results page": 1,
        "flashcards page": 1,
        "card back (htmx)": 10,
        "card rating (POST, htmx)": 10,
    }
    assert not any(s.error for s in samples)


def test_a_refused_request_is_counted_as_an_error_and_stops_the_learner(live_server, seed_quiz):
    port = urllib.parse.urlsplit(live_server.url).port
    samples: list[loadtest.Sample] = []

    outcome = loadtest.learner_session(port, "no-such-article", 1, samples, 0.0)

    assert outcome.failure.endswith("HTTP 404")
    assert [(s.endpoint, s.status, s.error) for s in samples] == [("article page", 404, True)]


def test_server_times_are_read_by_endpoint_from_the_access_log(tmp_path: Path):
    log = tmp_path / "access.log"
    log.write_text(
        "GET /healthz  200 500\n"
        "GET /quiz/0c5e4f3e-2f53-4a43-9a59-1d2f4c3b2a10/  200 6000\n"
        "POST /quiz/0c5e4f3e-2f53-4a43-9a59-1d2f4c3b2a10/answer/  200 8000\n"
        "GET /articles/x/flashcards/ card=3&t=1 200 7000\n"
        "GET /articles/x/flashcards/  200 9000\n"
        "GET /static/site.css  200 100\n"
    )
    times, offset = loadtest.server_times(log, 0)
    assert times == {
        loadtest.CEILING: [0.0005],
        "quiz page": [0.006],
        "answer (POST, htmx)": [0.008],
        "card back (htmx)": [0.007],
        "flashcards page": [0.009],
    }
    assert offset == log.stat().st_size
    assert loadtest.server_times(log, offset) == ({}, offset)
