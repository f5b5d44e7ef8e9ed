"""The quiz screens, plain and through htmx: start, question, answer and feedback, refusals, end screen, card."""

from __future__ import annotations

import io
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from PIL import Image

from quiz import services
from quiz.learners import GUEST_SESSION_KEY, Learner
from quiz.models import Attempt, AttemptQuestion, Response

from .conftest import make_attempt, make_user, right_answer, wrong_answer

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def start(client, article, mode="timed", **extra):
    response = client.post(reverse("quiz:start", args=[article.slug]), {"mode": mode}, **extra)
    return response, Attempt.objects.order_by("-started_at", "-id").first()


def url(name, attempt, **kwargs):
    return reverse(f"quiz:{name}", kwargs={"public_id": attempt.public_id, **kwargs})


def current(attempt):
    return services.current_slot(attempt).question


def html_of(response):
    return response.content.decode()


# Start -----------------------------------------------------------------------------------------------------------


def test_the_article_page_links_to_its_quiz(client, seed_quiz):
    assert reverse("quiz:start", args=[seed_quiz.slug]) in html_of(client.get(seed_quiz.get_absolute_url()))


def test_the_start_screen_plain_and_through_htmx(client, seed_quiz):
    response = client.get(reverse("quiz:start", args=[seed_quiz.slug]))
    html = html_of(response)
    assert response.status_code == 200 and "<html" in html
    assert "10 أسئلة" in html
    assert 'name="mode" value="untimed"' in html and 'method="post"' in html and "csrfmiddlewaretoken" in html
    partial = html_of(client.get(reverse("quiz:start", args=[seed_quiz.slug]), **HTMX))
    assert "<html" not in partial and 'class="quiz-start"' in partial
    # Reading the start screen stores nothing for a guest.
    assert GUEST_SESSION_KEY not in client.session


def test_starting_plain_redirects_to_the_first_question(client, seed_quiz):
    response, attempt = start(client, seed_quiz)
    assert response.status_code == 302 and response["Location"] == attempt.get_absolute_url()
    assert str(attempt.guest_id) == client.session[GUEST_SESSION_KEY]
    assert attempt.timed and attempt.question_count == 10


def test_starting_through_htmx_redirects_the_client_and_untimed_is_one_click(client, seed_quiz):
    response, attempt = start(client, seed_quiz, mode="untimed", **HTMX)
    assert response.status_code == 200 and response["HX-Redirect"] == attempt.get_absolute_url()
    assert not attempt.timed


def test_an_article_without_questions_cannot_start(client, seed_article):
    assert "لا توجد أسئلة لهذه المقالة بعد" in html_of(client.get(reverse("quiz:start", args=[seed_article.slug])))
    response, attempt = start(client, seed_article)
    assert response.status_code == 409 and attempt is None
    assert "لا توجد أسئلة لهذه المقالة بعد" in html_of(response)


def test_the_start_screen_offers_to_continue_an_unfinished_quiz(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    html = html_of(client.get(reverse("quiz:start", args=[seed_quiz.slug])))
    assert attempt.get_absolute_url() in html


# Playing ---------------------------------------------------------------------------------------------------------


def test_a_question_page_plain_and_through_htmx(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    question = current(attempt)
    html = html_of(client.get(attempt.get_absolute_url()))
    assert "<html" in html and f'name="question" value="{question.pk}"' in html
    assert question.prompt.replace('"', "&quot;") in html
    assert "1 / 10" in html and 'id="quiz-live"' in html and 'aria-live="polite"' in html
    assert f'action="{url("answer", attempt)}"' in html and f'hx-post="{url("answer", attempt)}"' in html
    assert "data-bonus-clock" in html  # timed
    partial = html_of(client.get(attempt.get_absolute_url(), **HTMX))
    assert "<html" not in partial and 'id="question-form"' in partial
    assert 'id="quiz-status" class="quiz-status" hx-swap-oob="true"' in partial


def test_showing_the_question_starts_its_clock_once(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    client.get(attempt.get_absolute_url())
    shown = services.current_slot(attempt).shown_at
    client.get(attempt.get_absolute_url())
    assert shown is not None and services.current_slot(attempt).shown_at == shown


def test_each_mode_renders_its_inputs(client, seed_quiz):
    user = make_user()
    client.force_login(user)
    one_of_each = [
        seed_quiz.questions.filter(mode=mode).first() for mode in ("choice", "true_false", "typed", "matching")
    ]
    attempt = make_attempt(seed_quiz, learner=Learner(user=user), timed=False, questions=one_of_each)
    for question in one_of_each:
        assert current(attempt) == question
        html = html_of(client.get(attempt.get_absolute_url()))
        assert "data-bonus-clock" not in html  # untimed: no clock
        if question.mode in ("choice", "true_false"):
            assert html.count('type="radio" name="choice"') == question.choices.count() >= 2
        elif question.mode == "typed":
            assert 'name="text" type="text" lang="ar" dir="rtl"' in html
        else:
            assert all(f'name="match-{i}"' in html for i in range(len(question.pairs)))
            options = re.findall(r'<option value="\d+">', html)
            assert len(options) == len(question.pairs) * question.choices.count()
        client.post(url("answer", attempt), right_answer(question))
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.correct_count == 4


def test_a_plain_answer_redirects_to_its_feedback(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    client.get(attempt.get_absolute_url())
    question = current(attempt)
    response = client.post(url("answer", attempt), right_answer(question))
    assert response.status_code == 302 and response["Location"] == url("feedback", attempt, number=1)
    html = html_of(client.get(response["Location"]))
    assert "<html" in html and "صحيح!" in html
    assert "data-next" in html and f'href="{attempt.get_absolute_url()}"' in html
    evidence = question.evidence
    marked = evidence.text[question.answer_start : question.answer_end]
    assert f"<mark>{marked}</mark>" in html
    assert f'href="{evidence.get_absolute_url()}"' in html and f"#s{evidence.position}" in html
    # The feedback page through htmx is the feedback partial.
    partial = html_of(client.get(response["Location"], **HTMX))
    assert "<html" not in partial and 'id="feedback"' in partial


def test_an_htmx_answer_returns_the_feedback_the_score_and_an_announcement(client, seed_quiz):
    _response, attempt = start(client, seed_quiz, mode="untimed")
    question = current(attempt)
    response = client.post(url("answer", attempt), wrong_answer(question), **HTMX)
    html = html_of(response)
    assert response.status_code == 200 and "<html" not in html
    assert 'id="feedback"' in html and 'tabindex="-1"' in html and "ليس تماما." in html
    assert question.answer in html
    assert '<div id="quiz-live" hx-swap-oob="innerHTML">' in html
    assert '<div id="quiz-alert" hx-swap-oob="innerHTML"></div>' in html
    assert f'hx-get="{attempt.get_absolute_url()}"' in html


def test_the_last_answer_leads_to_the_results(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    Attempt.objects.filter(pk=attempt.pk).update(question_count=1)
    AttemptQuestion.objects.filter(attempt=attempt, position__gt=0).delete()
    html = html_of(client.post(url("answer", attempt), right_answer(current(attempt)), **HTMX))
    assert f'href="{url("results", attempt)}"' in html
    response = client.get(attempt.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == url("results", attempt)
    assert client.get(attempt.get_absolute_url(), **HTMX)["HX-Redirect"] == url("results", attempt)


def test_html_typed_as_an_answer_is_shown_inert(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    while current(attempt).mode != "typed":
        client.post(url("answer", attempt), right_answer(current(attempt)))
    question = current(attempt)
    typed = '<script>alert("x")</script><b>نص</b>'
    html = html_of(client.post(url("answer", attempt), {"question": question.pk, "text": typed}, **HTMX))
    assert "<script>alert" not in html and "<b>نص</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;نص&lt;/b&gt;" in html
    assert Response.objects.get(attempt=attempt, question=question).given == typed


def test_an_empty_answer_keeps_the_question_with_a_message(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    question = current(attempt)
    response = client.post(url("answer", attempt), {"question": question.pk})
    assert response.status_code == 400
    html = html_of(response)
    assert "<html" in html and f'name="question" value="{question.pk}"' in html
    assert "اختر إجابة" in html or "اكتب إجابة" in html
    response = client.post(url("answer", attempt), {"question": question.pk}, **HTMX)
    assert response.status_code == 400 and response["HX-Retarget"] == "#quiz-alert"
    assert not Response.objects.exists()


def test_a_plain_answer_too_long_keeps_what_was_typed(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    while current(attempt).mode != "typed":
        client.post(url("answer", attempt), right_answer(current(attempt)))
    question = current(attempt)
    response = client.post(url("answer", attempt), {"question": question.pk, "text": "كلمة " * 50})
    assert response.status_code == 400 and "طويلة" in html_of(response)
    assert 'value="كلمة كلمة' in html_of(response)
    assert not Response.objects.filter(question=question).exists()


# Refusals through the views: 4xx, a clear message in Arabic, nothing changes --------------------------------


@pytest.fixture
def played(client, seed_quiz):
    """A guest's attempt with its first question answered."""
    _response, attempt = start(client, seed_quiz)
    client.post(url("answer", attempt), right_answer(current(attempt)))
    attempt.refresh_from_db()
    return attempt


def unfit_answer(question):
    """An answer that does not fit the question: empty, or a choice that is not one of its own."""
    field = {"typed": "text", "matching": "match-0"}.get(question.mode, "choice")
    return {"question": str(question.pk), field: "" if field == "text" else "999999999"}


def state(attempt):
    attempt.refresh_from_db()
    return (attempt.score, attempt.answered_count, attempt.finished_at, Response.objects.count())


@pytest.mark.parametrize("htmx", [False, True])
def test_refusals_are_4xx_with_a_message_and_change_nothing(client, played, seed_quiz, htmx):
    extra = HTMX if htmx else {}
    before = state(played)
    first = played.slots.get(position=0).question
    outside = seed_quiz.questions.exclude(pk__in=played.slots.values("question")).first()
    cases = [
        (wrong_answer(first), 409, "أجبت عن هذا السؤال من قبل"),
        (right_answer(outside), 400, "ليس من أسئلة هذا الاختبار"),
        (right_answer(played.slots.get(position=5).question), 409, "عن السؤال الحالي أولا"),
        ({"question": "abc"}, 400, "لم تحدد الإجابة"),
        (unfit_answer(current(played)), 400, None),
    ]
    for data, status, message in cases:
        response = client.post(url("answer", played), data, **extra)
        assert response.status_code == status, data
        if message:
            assert message in html_of(response)
        if htmx:
            assert response["HX-Retarget"] == "#quiz-alert" and response["HX-Reswap"] == "innerHTML"
            assert "<html" not in html_of(response)
    assert state(played) == before


@pytest.mark.parametrize("htmx", [False, True])
def test_another_learners_attempt_is_refused_by_every_quiz_request(client, played, htmx):
    extra = HTMX if htmx else {}
    before = state(played)
    client.logout()
    client.cookies.clear()
    make_user("intruder", password="a long pass phrase 7", display_name="دخيل")
    client.login(username="intruder", password="a long pass phrase 7")
    for name, kwargs, method in [
        ("play", {}, "get"),
        ("feedback", {"number": 1}, "get"),
        ("answer", {}, "post"),
        ("finish", {}, "post"),
        ("untimed", {}, "post"),
        ("practice", {}, "post"),
    ]:
        data = right_answer(current(played)) if name == "answer" else {}
        response = getattr(client, method)(url(name, played, **kwargs), data, **extra)
        assert response.status_code == 403, name
        assert "هذا الاختبار لمتعلم آخر" in html_of(response)
    assert state(played) == before and played.timed


def test_an_answer_after_the_end_is_refused(client, played):
    client.post(url("finish", played))
    before = state(played)
    response = client.post(url("answer", played), right_answer(played.slots.get(position=1).question))
    assert response.status_code == 409 and "انتهى هذا الاختبار" in html_of(response)
    assert f'href="{url("results", played)}"' in html_of(response)
    assert state(played) == before


def test_an_unknown_attempt_is_404(client, db):
    for name in ("play", "results", "card"):
        assert client.get(reverse(f"quiz:{name}", args=["6f1e7b1c-0000-4000-8000-000000000000"])).status_code == 404
    assert client.post(reverse("quiz:answer", args=["6f1e7b1c-0000-4000-8000-000000000000"]), {}).status_code == 404
    assert client.get("/quiz/not-a-uuid/").status_code == 404


def test_quiz_requests_answer_only_their_methods(client, played):
    assert client.get(url("answer", played)).status_code == 405
    assert client.get(url("finish", played)).status_code == 405
    assert client.post(url("play", played)).status_code == 405
    assert client.post(url("results", played)).status_code == 405


# Finish, clock, practice -----------------------------------------------------------------------------------


@pytest.mark.parametrize("htmx", [False, True])
def test_stopping_early_shows_the_results(client, played, htmx):
    response = client.post(url("finish", played), **(HTMX if htmx else {}))
    target = response["HX-Redirect"] if htmx else response["Location"]
    assert target == url("results", played)
    played.refresh_from_db()
    assert played.is_finished and played.answered_count == 1


@pytest.mark.parametrize("htmx", [False, True])
def test_turning_the_clock_off(client, played, htmx):
    response = client.post(url("untimed", played), **(HTMX if htmx else {}))
    assert (response["HX-Redirect"] if htmx else response["Location"]) == played.get_absolute_url()
    played.refresh_from_db()
    assert not played.timed
    assert "data-bonus-clock" not in html_of(client.get(played.get_absolute_url()))


@pytest.mark.parametrize("htmx", [False, True])
def test_practising_the_missed_questions(client, played, htmx):
    client.post(url("finish", played))
    response = client.post(url("practice", played), **(HTMX if htmx else {}))
    practice = Attempt.objects.get(practice_of=played)
    assert (response["HX-Redirect"] if htmx else response["Location"]) == practice.get_absolute_url()
    assert practice.question_count == 9


# The end screen ---------------------------------------------------------------------------------------------


def finish_all(client, attempt, answer=right_answer):
    while not Attempt.objects.get(pk=attempt.pk).is_finished:
        client.post(url("answer", attempt), answer(current(attempt)))
    attempt.refresh_from_db()


def test_the_end_screen_shows_every_question_and_the_way_on(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    first = current(attempt)
    client.post(url("answer", attempt), wrong_answer(first))
    finish_all(client, attempt)
    response = client.get(url("results", attempt))
    html = html_of(response)
    assert response.status_code == 200
    assert f"<dd>{attempt.score}</dd>" in html and "9 من 10 (90%)" in html
    assert html.count('class="result-row ') == 10 and html.count("<mark>") >= 9
    assert first.prompt.replace('"', "&quot;") in html and first.answer in html
    assert 'action="{}"'.format(reverse("quiz:start", args=[seed_quiz.slug])) in html
    assert f'action="{url("practice", attempt)}"' in html
    assert "ثانية" in html  # the time taken
    card = f"http://testserver{url('card', attempt)}"
    assert f'<meta property="og:image" content="{card}">' in html
    assert f'src="{url("card", attempt)}"' in html
    assert "<html" not in html_of(client.get(url("results", attempt), **HTMX))


def test_a_perfect_quiz_has_nothing_to_practise(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    finish_all(client, attempt)
    html = html_of(client.get(url("results", attempt)))
    assert url("practice", attempt) not in html and "10 من 10 (100%)" in html


def test_a_shared_result_shows_the_score_but_not_the_answers(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    finish_all(client, attempt)
    client.cookies.clear()
    html = html_of(client.get(url("results", attempt)))
    assert str(attempt.score) in html and "og:image" in html
    assert 'class="result-row' not in html and url("practice", attempt) not in html
    assert "ضيف" in html  # a guest's result: no name at all


def test_an_unfinished_result_redirects_its_owner_and_is_hidden_from_others(client, played):
    assert client.get(url("results", played))["Location"] == played.get_absolute_url()
    client.cookies.clear()
    assert client.get(url("results", played)).status_code == 404
    assert client.get(url("card", played)).status_code == 404


def test_the_result_card_is_a_png_of_the_open_graph_size(client, seed_quiz):
    cache.clear()
    user = make_user(display_name="ليلى")
    client.force_login(user)
    _response, attempt = start(client, seed_quiz)
    finish_all(client, attempt)
    response = client.get(url("card", attempt))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "max-age" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1200, 630)
    client.logout()
    assert client.get(url("card", attempt)).content == response.content  # public, and the same card


# Accounts: the header, and a guest's quiz kept at sign-up -----------------------------------------------------


def test_the_header_shows_the_display_name_without_a_query_of_its_own(client, db, django_assert_num_queries):
    user = make_user("layla", display_name="ليلى الخطيب")
    client.force_login(user)
    with django_assert_num_queries(2):  # the session, the user with the profile
        html = html_of(client.get(reverse("accounts:login")))
    assert "ليلى الخطيب" in html and "layla" not in html


def test_a_guest_who_plays_then_signs_up_finds_the_quiz_on_progress(client, seed_quiz):
    _response, attempt = start(client, seed_quiz)
    finish_all(client, attempt)
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "sami",
            "display_name": "سامي",
            "password1": "a long pass phrase 7",
            "password2": "a long pass phrase 7",
            "next": reverse("progress:overview"),
        },
    )
    assert response["Location"] == reverse("progress:overview")
    html = html_of(client.get(response["Location"]))
    assert url("results", attempt) in html
    attempt.refresh_from_db()
    assert attempt.user.username == "sami" and attempt.user.profile.xp == attempt.score // 100
    assert re.search(rf"<dd>{attempt.score // 100}</dd>", html)


def test_the_quiz_in_english(client, seed_quiz):
    english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    client.post(reverse("quiz:start", args=[seed_quiz.slug]), {"mode": "timed"}, **english)
    attempt = Attempt.objects.get()
    html = html_of(client.get(attempt.get_absolute_url(), **english))
    assert '<html lang="en" dir="ltr">' in html and "Question 1 of 10" in html and ">Check<" in html
    finish_all(client, attempt)
    html = html_of(client.get(url("results", attempt), **english))
    assert "10 of 10 (100%)" in html and "Question by question" in html
    cache.clear()
    card = Image.open(io.BytesIO(client.get(url("card", attempt), **english).content))
    assert card.size == (1200, 630)
