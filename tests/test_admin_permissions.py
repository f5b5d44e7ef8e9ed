"""Who may use the teachers' admin: a teacher can; a learner and a guest cannot; a teacher cannot touch users."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from quiz.services import TEACHERS_GROUP

from .conftest import make_bank_question, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def teacher_pages(article_pk: int, question_pk: int) -> list[str]:
    return [
        reverse("admin:index"),
        reverse("admin:quiz_article_changelist"),
        reverse("admin:quiz_article_add"),
        reverse("admin:quiz_article_change", args=[article_pk]),
        reverse("admin:quiz_article_generation", args=[article_pk]),
        reverse("admin:quiz_article_report", args=[article_pk]),
        reverse("admin:quiz_article_import"),
        reverse("admin:quiz_question_changelist"),
        reverse("admin:quiz_question_add"),
        reverse("admin:quiz_question_change", args=[question_pk]),
        reverse("admin:quiz_vocabitem_changelist"),
        reverse("admin:quiz_attempt_changelist"),
        reverse("admin:quiz_attempt_learners"),
    ]


def test_the_teachers_group_has_exactly_the_permissions_of_the_issue():
    group = Group.objects.get(name=TEACHERS_GROUP)
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    manage = {
        f"quiz.{action}_{model}"
        for model in ("article", "question", "choice", "vocabitem", "image")
        for action in ("add", "change", "delete", "view")
    }
    results = {"quiz.view_attempt", "quiz.view_response", "quiz.view_cardstate", "quiz.view_review"}
    assert granted == manage | results
    assert not Permission.objects.filter(group=group, content_type__app_label__in=["auth", "admin", "sessions"])


def test_a_teacher_opens_every_teacher_page(client, teacher, seed_article):
    question = make_bank_question(seed_article)
    client.force_login(teacher)
    for url in teacher_pages(seed_article.pk, question.pk):
        assert client.get(url).status_code == 200, url
        assert client.get(url, **HTMX).status_code in {200, 204}, url


def test_a_teacher_cannot_see_or_change_users_or_groups(client, teacher):
    learner = make_user()
    client.force_login(teacher)
    forbidden = [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_user_change", args=[learner.pk]),
        reverse("admin:auth_user_password_change", args=[learner.pk]),
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_group_change", args=[Group.objects.get(name=TEACHERS_GROUP).pk]),
    ]
    for url in forbidden:
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("admin:auth_user_change", args=[learner.pk]), {"username": "layla", "is_superuser": "on"}
    )
    assert response.status_code == 403
    response = client.post(reverse("admin:auth_user_add"), {"username": "x", "password1": "p", "password2": "p"})
    assert response.status_code == 403
    learner.refresh_from_db()
    assert not learner.is_superuser and not learner.is_staff
    assert User.objects.count() == 2
    assert not any(p.startswith("auth.") for p in teacher.get_all_permissions())
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:auth_user_changelist") not in index


@pytest.mark.parametrize("who", ["learner", "guest"])
def test_learners_and_guests_are_sent_to_the_admin_login(client, seed_article, who):
    question = make_bank_question(seed_article)
    if who == "learner":
        client.force_login(make_user())
    for url in teacher_pages(seed_article.pk, question.pk):
        for extra in ({}, HTMX):
            response = client.get(url, **extra)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("admin:login")), url
    response = client.post(reverse("admin:quiz_article_add"), {"pasted": "نص"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_the_teachers_group_cannot_read_results_or_import(client, seed_article):
    staff = User.objects.create_user("clerk", password="x long pass 9", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(staff)
    assert client.get(reverse("admin:quiz_article_change", args=[seed_article.pk])).status_code == 200
    assert client.get(reverse("admin:quiz_article_report", args=[seed_article.pk])).status_code == 403
    assert client.get(reverse("admin:quiz_attempt_learners")).status_code == 403
    assert client.get(reverse("admin:quiz_article_import")).status_code == 403
    assert client.get(reverse("admin:quiz_question_changelist")).status_code == 403


def test_wrong_ids_are_404_not_500(client, teacher):
    client.force_login(teacher)
    assert client.get(reverse("admin:quiz_article_report", args=[999999])).status_code == 404
    assert client.get(reverse("admin:quiz_article_generation", args=[999999])).status_code == 404
    assert client.get(reverse("admin:quiz_article_report", args=["abc"])).status_code == 404
    assert client.get(reverse("admin:quiz_attempt_learners") + "?article=abc").status_code == 404
    assert client.get(reverse("admin:quiz_attempt_learners") + "?article=999999").status_code == 404
