"""The progress page (chart, best and last scores, accuracy by kind, XP and streak) and the leaderboards."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.charts import percent_chart
from quiz.learners import Learner
from quiz.models import Attempt

from .conftest import make_article, make_attempt, make_user, right_answer, submission_of, wrong_answer

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def finished_attempt(article, *, user=None, guest_id=None, score=0, right=0, total=10, days_ago=0, practice_of=None):
    """A finished attempt row with the given result (for pages that only read results)."""
    attempt = Attempt.objects.create(
        article=article,
        user=user,
        guest_id=guest_id,
        score=score,
        correct_count=right,
        answered_count=total,
        question_count=total,
        practice_of=practice_of,
    )
    when = timezone.now() - timedelta(days=days_ago)
    Attempt.objects.filter(pk=attempt.pk).update(started_at=when, finished_at=when + timedelta(minutes=3))
    attempt.refresh_from_db()
    return attempt


def play(attempt, learner, answers):
    for answer_of in answers:
        question = services.current_slot(attempt).question
        data = answer_of(question)
        services.attempt_answer(
            attempt_id=attempt.public_id,
            learner=learner,
            question_id=question.pk,
            submission=submission_of(data),
        )
    attempt.refresh_from_db()


def test_a_new_guest_sees_how_to_begin_and_no_session_is_made(client, db):
    response = client.get(reverse("progress:overview"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "لا توجد اختبارات مكتملة بعد" in html and "<svg" not in html
    assert reverse("accounts:signup") in html
    assert "sessionid" not in response.cookies


def test_progress_shows_the_chart_scores_and_accuracy_by_kind(client, seed_quiz):
    user = make_user()
    client.force_login(user)
    learner = Learner(user=user)
    first = make_attempt(seed_quiz, learner=learner, count=4, timed=False)
    play(first, learner, [right_answer, wrong_answer, wrong_answer, wrong_answer])
    second = make_attempt(seed_quiz, learner=learner, count=4, timed=False)
    play(second, learner, [right_answer, right_answer, right_answer, wrong_answer])
    response = client.get(reverse("progress:overview"))
    html = response.content.decode()
    # The chart: one point per finished quiz, the percentages in their titles, and the same data as a table.
    assert html.count('<circle class="chart-point"') == 2
    assert ": 25%</title>" in html and ": 75%</title>" in html
    assert '<svg class="chart" direction="ltr"' in html and 'role="img"' in html
    # Best and last: the second attempt is both.
    assert f'href="{reverse("quiz:results", args=[second.public_id])}">{second.score}</a>' in html
    # Accuracy by kind, from the responses.
    kinds = {}
    for attempt in (first, second):
        for response_row in attempt.responses.select_related("question"):
            kinds.setdefault(response_row.question.get_kind_display(), []).append(response_row.is_correct)
    for label, results in kinds.items():
        percent = round(100 * sum(results) / len(results))
        assert f'<span class="accuracy-kind">{label}</span>' in html
        assert f"{percent}% ({sum(results)} من {len(results)})" in html
    # XP and the daily streak.
    xp = first.score // 100 + second.score // 100
    assert f"<dt>نقاط الخبرة</dt><dd>{xp}</dd>" in html
    assert "يوم واحد" in html
    partial = client.get(reverse("progress:overview"), **HTMX).content.decode()
    assert "<html" not in partial and 'class="progress"' in partial


def test_unfinished_and_practice_rounds_are_listed_but_not_counted_as_scores(client, seed_quiz):
    user = make_user()
    client.force_login(user)
    best = finished_attempt(seed_quiz, user=user, score=9000, right=9, days_ago=2)
    practice = finished_attempt(seed_quiz, user=user, score=20000, right=2, total=2, practice_of=best)
    unfinished = make_attempt(seed_quiz, learner=Learner(user=user))
    html = client.get(reverse("progress:overview")).content.decode()
    assert unfinished.get_absolute_url() in html
    assert reverse("quiz:results", args=[practice.public_id]) not in html
    assert html.count('<circle class="chart-point"') == 1


def test_another_learners_attempts_are_not_shown(client, seed_quiz):
    other = make_user("other", display_name="آخر")
    theirs = finished_attempt(seed_quiz, user=other, score=5000, right=5)
    guest_attempt = finished_attempt(seed_quiz, guest_id=uuid.uuid4(), score=7000, right=7)
    client.force_login(make_user())
    html = client.get(reverse("progress:overview")).content.decode()
    assert reverse("quiz:results", args=[theirs.public_id]) not in html
    assert reverse("quiz:results", args=[guest_attempt.public_id]) not in html


def test_the_leaderboard_is_the_top_ten_best_scores_by_display_name(client, seed_quiz):
    users = [make_user(f"user{i}", display_name=f"متعلم {i}", email=f"user{i}@example.org") for i in range(12)]
    for i, user in enumerate(users):
        finished_attempt(seed_quiz, user=user, score=1000 * i, right=i)
        finished_attempt(seed_quiz, user=user, score=500 * i, right=i // 2)  # a worse try does not count
    # A practice round of missed questions is not a whole quiz.
    finished_attempt(seed_quiz, user=users[1], score=99_999, right=2, total=2, practice_of=Attempt.objects.first())
    finished_attempt(seed_quiz, guest_id=uuid.uuid4(), score=50_000, right=10)  # guests have no display name
    Attempt.objects.create(article=seed_quiz, user=users[2], score=60_000)  # unfinished
    response = client.get(reverse("progress:leaderboard", args=[seed_quiz.slug]))
    html = response.content.decode()
    rows = re.findall(r"<tr(?: class=\"is-you\")?><td>(\d+)</td><td dir=\"auto\">([^<]+)</td><td>(\d+)</td></tr>", html)
    assert [(int(rank), name, int(best)) for rank, name, best in rows] == [
        (rank, f"متعلم {11 - rank + 1}", 1000 * (11 - rank + 1)) for rank in range(1, 11)
    ]
    assert "@example.org" not in html and "user11" not in html
    partial = client.get(reverse("progress:leaderboard", args=[seed_quiz.slug]), **HTMX).content.decode()
    assert "<html" not in partial and "متعلم 11" in partial


def test_equal_best_scores_share_a_rank_and_you_are_marked(client, seed_quiz):
    layla = make_user("layla", display_name="ليلى")
    sami = make_user("sami", display_name="سامي")
    finished_attempt(seed_quiz, user=layla, score=3000, right=3)
    finished_attempt(seed_quiz, user=sami, score=3000, right=3)
    client.force_login(sami)
    html = client.get(reverse("progress:leaderboard", args=[seed_quiz.slug])).content.decode()
    assert html.count("<td>1</td>") == 2
    assert '<tr class="is-you"><td>1</td><td dir="auto">سامي' in html


def test_an_unknown_articles_leaderboard_is_404(client, db):
    assert client.get(reverse("progress:leaderboard", args=["no-such-article"])).status_code == 404


def test_progress_runs_fixed_queries_whatever_the_number_of_attempts(client, seed_quiz, django_assert_num_queries):
    user = make_user()
    client.force_login(user)
    other_article = make_article("عنوان آخر\n\nقال الوزير إن الخطة نجحت.", source_name="other.txt")
    finished_attempt(seed_quiz, user=user, score=1000, right=1)
    with django_assert_num_queries(5):  # session, user, attempts, accuracy by kind, leaderboards
        client.get(reverse("progress:overview"))
    for i in range(6):
        finished_attempt(other_article if i % 2 else seed_quiz, user=user, score=1000 * i, right=i, days_ago=i)
    with django_assert_num_queries(5):
        html = client.get(reverse("progress:overview")).content.decode()
    assert html.count('<circle class="chart-point"') == 7
    assert html.count('<details class="article-board"') == 2


def test_the_chart_runs_in_the_reading_direction():
    values = [("1", 0), ("2", 50), ("3", 100)]
    rtl = percent_chart(values, width=640, height=240, rtl=True)
    ltr = percent_chart(values, width=640, height=240, rtl=False)
    assert [p.x for p in rtl.points] == [592, 320, 48] and [p.x for p in ltr.points] == [48, 320, 592]
    assert [p.y for p in rtl.points] == [208, 112, 16]
    assert rtl.line == "592.0,208.0 320.0,112.0 48.0,16.0"
    assert rtl.label_anchor == "start" and rtl.label_x > 592 and ltr.label_x < 48
    single = percent_chart([("1", 120)], rtl=True)
    assert single.points[0].x == 320 and single.points[0].y == 16  # one point in the middle; clamped to 100%
