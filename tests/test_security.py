"""Security across the site: CSRF on every POST, no learner reaching another's data, the admin closed to learners,
HTML shown inert wherever people or articles can put it, and the Content-Security-Policy on every page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from quiz.learners import Learner
from quiz.models import Attempt, CardState, LearnerProfile, Question, Response, Review, VocabItem
from quiz.services import article_generate, attempt_answer, attempt_start, card_review

from .conftest import all_rows, make_article, make_teacher, make_user, right_answer, submission_of
from .test_hostile_input import crawl

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def article(seed_article):
    article_generate(article=seed_article)
    return seed_article


@pytest.fixture
def layla(article):
    """A learner with a finished quiz and a reviewed card."""
    user = make_user("layla.secret@example.org", display_name="ليلى")
    learner = Learner(user=user)
    attempt = attempt_start(article=article, learner=learner, seed=1)
    first = attempt.slots.order_by("position").first().question
    attempt_answer(
        attempt_id=attempt.public_id,
        learner=learner,
        question_id=first.pk,
        submission=submission_of(right_answer(first)),
    )
    item = article.vocab_items.order_by("rank").first()
    card_review(learner=learner, item=item, rating=3, reps=0, desired_retention=0.9, duration_ms=1500)
    return user


def post_forms(client: Client, start: str) -> list[tuple[str, dict[str, str]]]:
    """Every POST form on the pages reachable from ``start``: (action, fields). The htmx POSTs are the same
    forms' hx-post, which the house keeps equal to their action."""
    _pages, forms = crawl(client, start)
    return [(f.action or page, f.fields) for page, f in forms if f.method == "post"]


# CSRF ------------------------------------------------------------------------------------------------------------


def test_every_post_is_refused_without_its_csrf_token_plain_and_through_htmx(article, layla):
    browser = Client()
    browser.force_login(layla)
    start = browser.post(reverse("quiz:start", args=[article.slug]), {"mode": "timed"})["Location"]
    forms = post_forms(browser, start)
    actions = {urlsplit(action).path for action, _ in forms}
    assert {"/i18n/setlang/", "/flashcards/settings/", "/accounts/logout/"} <= actions
    assert any(path.endswith("/answer/") for path in actions)
    assert any(path.startswith("/words/") for path in actions)

    forger = Client(enforce_csrf_checks=True)
    forger.force_login(layla)
    before = all_rows(exclude=("sessions.Session",))
    for action, fields in forms:
        data = {k: v for k, v in fields.items() if k != "csrfmiddlewaretoken"}
        assert forger.post(action, data).status_code == 403, action
        assert forger.post(action, data, **HTMX).status_code == 403, action
    assert all_rows(exclude=("sessions.Session",)) == before


# One learner, another's data ---------------------------------------------------------------------------------------


def test_a_learner_cannot_read_or_change_anothers_attempt(client, article, layla):
    attempt = Attempt.objects.get(user=layla)
    answered = set(Response.objects.filter(attempt=attempt).values_list("given", flat=True))
    client.force_login(make_user("sami", display_name="سامي"))
    before = all_rows(exclude=("sessions.Session",))
    public = {"public_id": attempt.public_id}
    for name in ("quiz:play",):
        assert client.get(reverse(name, kwargs=public)).status_code == 403
        assert client.get(reverse(name, kwargs=public), **HTMX).status_code == 403
    assert client.get(reverse("quiz:feedback", kwargs={**public, "number": 1})).status_code == 403
    question = attempt.slots.order_by("position")[1].question
    for name, data in (
        ("quiz:answer", right_answer(question)),
        ("quiz:finish", {}),
        ("quiz:untimed", {}),
        ("quiz:practice", {}),
    ):
        assert client.post(reverse(name, kwargs=public), data).status_code == 403, name
        assert client.post(reverse(name, kwargs=public), data, **HTMX).status_code == 403, name
    assert all_rows(exclude=("sessions.Session",)) == before
    # The results link can be shared: another learner sees the score, never the answers that were given.
    results = client.get(reverse("quiz:results", kwargs=public)).content.decode()
    assert all(given not in results for given in answered if len(given) > 3)


def test_a_guest_cannot_reach_a_learners_attempt(client, article, layla):
    attempt = Attempt.objects.get(user=layla)
    public = {"public_id": attempt.public_id}
    assert client.get(reverse("quiz:play", kwargs=public)).status_code == 403
    assert client.post(reverse("quiz:finish", kwargs=public)).status_code == 403
    assert Attempt.objects.get(pk=attempt.pk).finished_at is None


def test_a_learner_rating_a_card_changes_only_their_own_schedule(client, article, layla):
    theirs = CardState.objects.get(user=layla)
    snapshot = (theirs.due, theirs.stability, theirs.reps)
    sami = make_user("sami", display_name="سامي")
    client.force_login(sami)
    response = client.post(reverse("flashcards:review"), {"item": theirs.item_id, "rating": 1, "reps": 0})
    assert response.status_code in {200, 302}
    theirs.refresh_from_db()
    assert (theirs.due, theirs.stability, theirs.reps) == snapshot
    assert Review.objects.filter(card=theirs).count() == 1
    assert CardState.objects.filter(user=sami, item=theirs.item).exists()


def test_progress_and_decks_show_only_the_learners_own(client, article, layla):
    client.force_login(make_user("sami", display_name="سامي"))
    progress = client.get(reverse("progress:overview")).content.decode()
    attempt = Attempt.objects.get(user=layla)
    assert str(attempt.public_id) not in progress
    deck = client.get(reverse("flashcards:deck")).content.decode()
    assert 'name="item"' not in deck  # sami has no cards yet; layla's are not offered to him


def test_leaderboards_show_display_names_never_user_names_or_emails(client, article, layla):
    Attempt.objects.filter(user=layla).update(finished_at=Attempt.objects.get(user=layla).started_at)
    for url in (reverse("progress:leaderboard", args=[article.slug]), reverse("quiz:start", args=[article.slug])):
        html = client.get(url).content.decode()
        assert "ليلى" in html, url
        assert "layla.secret" not in html and "example.org" not in html, url


# The admin ---------------------------------------------------------------------------------------------------------


def test_learners_and_guests_cannot_reach_the_admin(client, article, layla):
    question = Question.objects.first()
    urls = [
        reverse("admin:index"),
        reverse("admin:quiz_question_changelist"),
        reverse("admin:quiz_question_change", args=[question.pk]),
        reverse("admin:auth_user_changelist"),
    ]
    for who in ("guest", "learner"):
        if who == "learner":
            client.force_login(layla)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 302, (who, url)
            assert response["Location"].startswith(reverse("admin:login")), (who, url)
        before = all_rows(exclude=("sessions.Session",))
        client.post(reverse("admin:quiz_question_change", args=[question.pk]), {"prompt": "changed", "_save": "1"})
        assert all_rows(exclude=("sessions.Session",)) == before


# HTML stays inert ------------------------------------------------------------------------------------------------


def assert_inert(html: str) -> None:
    assert "<script>alert" not in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in html


def test_html_in_an_article_is_shown_as_text(client, db):
    words = "قال وزير الاقتصاد في مؤتمر صحفي عقده اليوم في العاصمة إن الخطة الجديدة نجحت في خفض الأسعار"
    article = make_article(f"عنوان الخبر الرئيسي اليوم {SCRIPT}\n\n{words} {SCRIPT}.", source_name="x.txt")
    for url in ("/", article.get_absolute_url()):
        assert_inert(client.get(url).content.decode())


def test_html_in_display_names_glosses_and_answers_is_shown_as_text(client, article, layla):
    LearnerProfile.objects.filter(user=layla).update(display_name=SCRIPT[:40])
    Attempt.objects.filter(user=layla).update(finished_at=Attempt.objects.get(user=layla).started_at)
    assert_inert(client.get(reverse("progress:leaderboard", args=[article.slug])).content.decode())

    client.force_login(layla)
    assert_inert(client.get("/").content.decode())  # the header shows the display name

    item = CardState.objects.get(user=layla).item
    VocabItem.objects.filter(pk=item.pk).update(gloss=SCRIPT, edited=True)
    assert_inert(client.get(reverse("flashcards:word", args=[item.pk])).content.decode())

    attempt = attempt_start(article=article, learner=Learner(user=layla), seed=2)
    typed = article.questions.filter(mode="typed").first()
    attempt = attempt_start(article=article, learner=Learner(user=layla), questions=[typed])
    client.post(
        reverse("quiz:answer", kwargs={"public_id": attempt.public_id}),
        {"question": typed.pk, "text": '<script>alert("x")</script>'},
    )
    assert Response.objects.filter(attempt=attempt, given='<script>alert("x")</script>').exists()
    client.post(reverse("quiz:finish", kwargs={"public_id": attempt.public_id}))
    assert_inert(client.get(reverse("quiz:results", kwargs={"public_id": attempt.public_id})).content.decode())


# Content-Security-Policy on every page -----------------------------------------------------------------------------


def test_every_page_a_guest_learner_or_teacher_sees_carries_the_csp(client, article, layla):
    pages_seen = 0
    for who in ("guest", "learner", "teacher"):
        browser = Client()
        if who == "learner":
            browser.force_login(layla)
        if who == "teacher":
            browser.force_login(make_teacher())
        start = reverse("admin:index") if who == "teacher" else "/"
        pages, _forms = crawl(browser, start)
        if who == "teacher":
            pages += [
                reverse("admin:quiz_article_change", args=[article.pk]),
                reverse("admin:quiz_question_change", args=[Question.objects.first().pk]),
                reverse("admin:quiz_question_changelist"),
                reverse("admin:quiz_vocabitem_changelist"),
            ]
        for page in pages:
            response = browser.get(page)
            if "html" not in response.get("Content-Type", ""):
                continue
            pages_seen += 1
            policy = response.headers.get("Content-Security-Policy", "")
            # 'self' and, where the page has a script element, that response's own nonce; never inline script.
            assert "script-src 'self'" in policy, page
            html = response.content.decode()
            if "<script" in html:
                assert "'nonce-" in policy, page
            assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, page
            assert "frame-ancestors 'none'" in policy, page
    assert pages_seen >= 15
