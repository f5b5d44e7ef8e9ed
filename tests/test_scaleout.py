"""Two app servers against the same PostgreSQL and Redis, one learner's requests sent to them in turn."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import redis
from django.conf import global_settings
from django.db import connection
from django.urls import reverse

from quiz.models import Article, Attempt, Question, Response
from quiz.services import article_generate

from .conftest import make_user, right_answer, wrong_answer
from .scaleout import REDIS_TEST_URL, Browserless, app_servers, csrf_from
from .test_hostile_input import PageParser

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("scaleout")]


def parse_forms(html: str):
    parser = PageParser()
    parser.feed(html)
    return parser.forms


@pytest.fixture
def shared_redis():
    client = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.fail(f"Redis is not reachable at {REDIS_TEST_URL}; the scale-out test needs it")
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("several app servers share a PostgreSQL database; SQLite is the one-machine set-up")


def test_a_session_made_on_one_server_holds_on_the_other(postgres_only, shared_redis, seed_article, settings):
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS  # the servers hash as in production
    make_user("layla", password="correct horse battery", display_name="ليلى")
    learner = Browserless()
    with app_servers(2) as (a, b):
        status, _, page = learner.get(a, reverse("accounts:login"))
        assert status == 200
        status, _, _ = learner.post(
            b,
            reverse("accounts:login"),
            {
                "csrfmiddlewaretoken": csrf_from(page),
                "username": "layla",
                "password": "correct horse battery",
            },
        )
        assert status == 302, "a log-in form served by A is accepted by B"
        for server in (a, b, a, b):
            status, _, page = learner.get(server, seed_article.get_absolute_url())
            assert status == 200
            assert "تسجيل الخروج" in page, f"logged in on {server.address}"
        assert shared_redis.dbsize() > 0, "the session lives in the shared Redis"
        learner.post(a, reverse("accounts:logout"), {"csrfmiddlewaretoken": csrf_from(page)})
        _, _, page = learner.get(b, seed_article.get_absolute_url())
        assert "تسجيل الخروج" not in page, "logged out on B too"


def test_login_throttling_counts_failures_across_servers(postgres_only, shared_redis, seed_article):
    make_user("layla", password="correct horse battery", display_name="ليلى")
    learner = Browserless()
    with app_servers(2) as (a, b):
        _, _, page = learner.get(a, reverse("accounts:login"))
        token = csrf_from(page)
        for server in (a, b, a, b, a):
            status, _, page = learner.post(
                server,
                reverse("accounts:login"),
                {
                    "csrfmiddlewaretoken": token,
                    "username": "layla",
                    "password": "wrong",
                },
            )
            assert status == 200
        status, headers, page = learner.post(
            b,
            reverse("accounts:login"),
            {
                "csrfmiddlewaretoken": token,
                "username": "layla",
                "password": "correct horse battery",
            },
        )
        counts = {key.decode(): shared_redis.get(key) for key in shared_redis.scan_iter("*login-throttle*")}
        errors = re.findall(r'class="[^"]*(?:error|message)[^"]*"[^>]*>([^<]*)', page)
        assert status == 429, (
            f"five failures spread over two servers count as five; Redis holds {counts}; the page says {errors}; "
            f"headers {headers}"
        )


def test_a_quiz_played_across_two_servers_keeps_its_attempt_and_score(postgres_only, shared_redis, seed_article):
    article_generate(article=seed_article)
    Article.objects.filter(pk=seed_article.pk).update(questions_per_quiz=6)
    learner = Browserless()
    with app_servers(2) as (a, b):
        _, _, page = learner.get(a, reverse("quiz:start", args=[seed_article.slug]))
        status, headers, _ = learner.post(
            b,
            reverse("quiz:start", args=[seed_article.slug]),
            {
                "csrfmiddlewaretoken": csrf_from(page),
                "mode": "timed",
            },
        )
        assert status == 302
        play = urlsplit(headers["Location"]).path
        servers = [a, b]
        for n in range(6):
            status, _, page = learner.get(servers[n % 2], play)
            assert status == 200
            form = next(f for f in parse_forms(page) if f.action.endswith("/answer/"))
            question = Question.objects.get(pk=form.fields["question"])
            answer = right_answer(question) if n % 3 else wrong_answer(question)
            status, _, _ = learner.post(
                servers[(n + 1) % 2],
                form.action,
                {
                    "csrfmiddlewaretoken": form.fields["csrfmiddlewaretoken"],
                    **answer,
                },
            )
            assert status == 302, f"answer {n + 1} on the other server"
        attempt = Attempt.objects.get()
        assert attempt.guest_id is not None and attempt.user is None
        assert attempt.answered_count == 6
        responses = list(Response.objects.filter(attempt=attempt))
        assert len(responses) == 6
        assert attempt.correct_count == sum(r.is_correct for r in responses) == 4
        assert attempt.score == sum(r.points for r in responses) > 0
        status, _, results = learner.get(a, reverse("quiz:results", kwargs={"public_id": attempt.public_id}))
        assert status == 200 and f"{attempt.score:,}".replace(",", "") in results.replace(",", "").replace("٬", "")
