"""How the class did: item analysis and scores by learner, on a small data set worked out by hand.

Six attempts at one article's four questions (1 = right):

              Q1  Q2  Q3  Q4   right   learner
    A1         1   1   1   0     3     layla
    A2         1   1   1   0     3     sami
    A3         1   1   0   0     2     a guest
    A4         1   0   0   1     2     layla
    A5         1   0   0   0     1     omar (no profile)
    A6         1   0   0   0     1     omar (not finished)

Discrimination is the correlation of a question's 0/1 with the attempt's share right on the other three:
    Q1: everyone right: undefined.                                         share 6/6: too easy
    Q2: x = 1 1 1 0 0 0, rest = 2/3 2/3 1/3 2/3 1/3 1/3. Means 1/2, 1/2; Σdx·dy = 1/6;
        Σdx² = 3/2, Σdy² = 1/6; r = (1/6) / √(1/4) = 1/3.                 share 3/6
    Q3: x = 1 1 0 0 0 0, rest = 2/3 2/3 2/3 2/3 1/3 1/3. Means 1/3, 5/9; Σdx·dy = 2/9;
        Σdx² = 4/3, Σdy² = 4/27; r = (2/9) / (4/9) = 1/2.                  share 2/6 (not below 0.3)
    Q4: x = 0 0 0 1 0 0, rest = 1 1 2/3 1/3 1/3 1/3. Means 1/6, 11/18; Σdx·dy = −5/18;
        Σdx² = 5/6, Σdy² = 29/54; r = (−5/18) / (√145/18) = −5/√145.        share 1/6: too hard, separates badly
"""

from __future__ import annotations

import csv
import io
import math
import uuid

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from quiz import reports
from quiz.models import Article, Attempt, Question

from .conftest import make_article, make_bank_question, make_played_attempt, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
GUEST = uuid.UUID("8c1f2a3b-0000-4000-8000-000000000001")
MATRIX = [
    ("layla", [1, 1, 1, 0]),
    ("sami", [1, 1, 1, 0]),
    ("guest", [1, 1, 0, 0]),
    ("layla", [1, 0, 0, 1]),
    ("omar", [1, 0, 0, 0]),
    ("omar", [1, 0, 0, 0]),
]


@pytest.fixture
def played(seed_article: Article) -> dict[str, object]:
    questions = [make_bank_question(seed_article, prompt=f"السؤال {n}؟") for n in range(1, 5)]
    unasked = make_bank_question(seed_article, prompt="سؤال لم يُطرح؟", status=Question.Status.GENERATED, score=-1)
    make_bank_question(seed_article, prompt="سؤال مرفوض؟", status=Question.Status.REJECTED)
    owners = {
        "layla": {"user": make_user("layla", display_name="ليلى")},
        "sami": {"user": make_user("sami", display_name="سامي")},
        "guest": {"guest_id": GUEST},
        "omar": {"user": User.objects.create_user("omar", password="x long pass 1")},  # no profile
    }
    attempts = []
    for n, (who, row) in enumerate(MATRIX):
        answers = {q: bool(right) for q, right in zip(questions, row, strict=True)}
        attempts.append(make_played_attempt(seed_article, answers, finished=n != 5, **owners[who]))
    # Another article's attempt counts for nothing here.
    other = make_article("عنوان آخر\n\nقال الوزير إن 12 دولة وقعت الاتفاق.", source_name="other.txt")
    make_played_attempt(other, {make_bank_question(other): False}, **owners["omar"])
    return {"article": seed_article, "questions": questions, "unasked": unasked, "attempts": attempts}


def test_item_analysis_matches_the_figures_worked_out_by_hand(played):
    q1, q2, q3, q4 = played["questions"]
    items = reports.item_analysis(played["article"])
    assert [i.question for i in items] == [q1, q2, q3, q4, played["unasked"]]
    figures = [(i.answers, i.right, i.share_right, i.flags) for i in items]
    assert figures == [
        (6, 6, 1.0, ("too_easy",)),
        (6, 3, 0.5, ()),
        (6, 2, 1 / 3, ()),
        (6, 1, 1 / 6, ("too_hard", "separates_badly")),
        (0, 0, None, ()),
    ]
    assert items[0].discrimination is None
    assert items[1].discrimination == pytest.approx(1 / 3, abs=1e-12)
    assert items[2].discrimination == pytest.approx(1 / 2, abs=1e-12)
    assert items[3].discrimination == pytest.approx(-5 / math.sqrt(145), abs=1e-12)
    assert items[4].discrimination is None


def test_questions_with_few_answers_are_not_flagged(seed_article):
    question = make_bank_question(seed_article)
    other = make_bank_question(seed_article, prompt="آخر؟")
    for n in range(4):  # four answers, all wrong: too few to judge
        make_played_attempt(seed_article, {question: False, other: n % 2 == 0}, guest_id=uuid.uuid4())
    item = reports.item_analysis(seed_article)[0]
    assert (item.answers, item.right, item.flags) == (4, 0, ())


def test_pearson_is_undefined_when_a_side_does_not_vary():
    assert reports.pearson([1, 1, 1], [0.2, 0.5, 0.9]) is None
    assert reports.pearson([1, 0, 1], [0.5, 0.5, 0.5]) is None
    assert reports.pearson([1], [0.5]) is None
    assert reports.pearson([1, 0], [1.0, 0.0]) == pytest.approx(1.0)


def test_scores_by_learner_match_by_hand(played):
    stats = reports.learner_scores(played["article"])
    rows = [(s.name, s.username, s.attempts, s.finished, s.answered, s.right, s.points, s.best_score) for s in stats]
    assert rows == [
        ("omar", "omar", 2, 1, 8, 2, 20, 10),
        ("سامي", "sami", 1, 1, 4, 3, 30, 30),
        (reports.guest_name(GUEST), "", 1, 1, 4, 2, 20, 20),
        ("ليلى", "layla", 2, 2, 8, 5, 50, 30),
    ]
    assert reports.guest_name(GUEST) == "ضيف 8c1f2a3b"
    assert stats[3].share_right == 5 / 8
    everywhere = {s.username: s.attempts for s in reports.learner_scores()}
    assert everywhere["omar"] == 3


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def test_the_report_page_shows_the_figures(client, teacher, played):
    client.force_login(teacher)
    url = reverse("admin:quiz_article_report", args=[played["article"].pk])
    for extra in ({}, HTMX):
        response = client.get(url, **extra)
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count('class="flagged"') == 2
        for figure in ("0,33", "0,50", "-0,42", "100%", "50%", "33%", "17%"):  # Arabic decimal comma
            assert figure in html, figure
        assert "سهل جدًا" in html and "صعب جدًا" in html and "ضعيف التمييز" in html
        assert "سؤال مرفوض؟" not in html
        assert "ليلى" in html and "ضيف 8c1f2a3b" in html


def test_the_report_downloads_as_csv(client, teacher, played):
    client.force_login(teacher)
    response = client.get(reverse("admin:quiz_article_report", args=[played["article"].pk]) + "?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="item-analysis.csv"'
    rows = read_csv(response.content)
    assert rows[0][5:9] == ["الإجابات", "صحيحة", "نسبة الصواب", "معامل التمييز"]
    assert [row[5:] for row in rows[1:]] == [
        ["6", "6", "1.0", "", "سهل جدًا"],
        ["6", "3", "0.5", "0.333", ""],
        ["6", "2", "0.333", "0.5", ""],
        ["6", "1", "0.167", "-0.415", "صعب جدًا; ضعيف التمييز"],
        ["0", "0", "", "", ""],
    ]


def test_the_results_action_exports_the_selected_attempts(client, teacher, played):
    attempts = played["attempts"]
    client.force_login(teacher)
    response = client.post(
        reverse("admin:quiz_attempt_changelist"),
        {"action": "export_csv", "_selected_action": [attempts[0].pk, attempts[5].pk]},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="results-')
    rows = read_csv(response.content)
    assert rows[0] == ["محاولة", "المتعلم", "اسم المستخدم", "مقال", "البداية", "انتهت", "أُجيب", "صحيحة", "النتيجة"]
    assert [(r[1], r[2], r[6], r[7], r[8], r[5] == "") for r in rows[1:]] == [
        ("ليلى", "layla", "4", "3", "30", False),
        ("omar", "omar", "4", "1", "10", True),
    ]


def test_scores_by_learner_page_and_csv(client, teacher, played):
    client.force_login(teacher)
    url = reverse("admin:quiz_attempt_learners")
    for extra in ({}, HTMX):
        html = client.get(url + f"?article={played['article'].pk}", **extra).content.decode()
        assert html.index("omar") < html.index("سامي") < html.index("ليلى")
    rows = read_csv(client.get(url + f"?article={played['article'].pk}&format=csv").content)
    assert [r[:6] for r in rows[1:]] == [
        ["omar", "omar", "2", "1", "8", "2"],
        ["سامي", "sami", "1", "1", "4", "3"],
        ["ضيف 8c1f2a3b", "", "1", "1", "4", "2"],
        ["ليلى", "layla", "2", "2", "8", "5"],
    ]


def test_a_name_that_looks_like_a_formula_is_quoted_in_csv(client, teacher, seed_article):
    question = make_bank_question(seed_article)
    make_played_attempt(
        seed_article, {question: True}, user=make_user("mallory", display_name='=HYPERLINK("http://x")')
    )
    client.force_login(teacher)
    rows = read_csv(client.get(reverse("admin:quiz_attempt_learners") + "?format=csv").content)
    assert rows[1][0] == '\'=HYPERLINK("http://x")'


def test_the_results_list_shows_attempts_read_only(client, teacher, played):
    client.force_login(teacher)
    response = client.get(reverse("admin:quiz_attempt_changelist"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "delete_selected" not in html
    attempt = played["attempts"][0]
    detail = client.get(reverse("admin:quiz_attempt_change", args=[attempt.pk]))
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
    assert client.post(reverse("admin:quiz_attempt_change", args=[attempt.pk]), {"score": "999"}).status_code == 403
    assert Attempt.objects.get(pk=attempt.pk).score == 30
