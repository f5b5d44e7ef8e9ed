"""Sign up, log in and log out; a guest's work moves to the account."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from quiz.learners import GUEST_SESSION_KEY
from quiz.models import Attempt, CardState, VocabItem

from .conftest import make_user

pytestmark = pytest.mark.django_db


def as_guest(client, guest_id):
    session = client.session
    session[GUEST_SESSION_KEY] = str(guest_id)
    session.save()


def test_signup_creates_the_account_with_its_display_name_and_logs_in(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "sami",
            "display_name": "  سامي   الخطيب ",
            "password1": "a long pass phrase 7",
            "password2": "a long pass phrase 7",
            "next": "/progress/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/progress/"
    user = User.objects.get(username="sami")
    assert user.profile.display_name == "سامي الخطيب"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_errors_are_shown_and_nothing_is_created(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "sami",
            "display_name": "",
            "password1": "short",
            "password2": "other",
        },
    )
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not User.objects.exists()


def test_signup_refuses_an_outside_next_url(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "sami",
            "display_name": "سامي",
            "password1": "a long pass phrase 7",
            "password2": "a long pass phrase 7",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/"


def test_login_and_logout(client):
    make_user("layla", password="correct horse battery")
    response = client.post(reverse("accounts:login"), {"username": "layla", "password": "correct horse battery"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_wrong_password_is_refused(client):
    make_user("layla", password="correct horse battery")
    response = client.post(reverse("accounts:login"), {"username": "layla", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_pages_render_plain_and_through_htmx(client):
    for name in ("accounts:login", "accounts:signup"):
        assert client.get(reverse(name)).status_code == 200
        assert client.get(reverse(name), HTTP_HX_REQUEST="true").status_code == 200


def test_a_guests_attempts_move_to_the_account_at_signup(client, seed_article):
    guest = uuid.uuid4()
    attempt = Attempt.objects.create(article=seed_article, guest_id=guest)
    other = Attempt.objects.create(article=seed_article, guest_id=uuid.uuid4())
    as_guest(client, guest)
    client.post(
        reverse("accounts:signup"),
        {
            "username": "sami",
            "display_name": "سامي",
            "password1": "a long pass phrase 7",
            "password2": "a long pass phrase 7",
        },
    )
    attempt.refresh_from_db()
    other.refresh_from_db()
    assert attempt.user == User.objects.get(username="sami") and attempt.guest_id is None
    assert other.user is None
    assert GUEST_SESSION_KEY not in client.session


def test_a_guests_cards_move_at_login_keeping_the_more_reviewed_schedule(client, seed_article):
    user = make_user("layla", password="correct horse battery")
    one = VocabItem.objects.create(article=seed_article, word="الإرهاب", lemma="إرهاب")
    two = VocabItem.objects.create(article=seed_article, word="دولة", lemma="دولة")
    now = timezone.now()
    guest = uuid.uuid4()
    CardState.objects.create(user=user, item=one, due=now, reps=1)
    guest_one = CardState.objects.create(guest_id=guest, item=one, due=now, reps=5)
    guest_two = CardState.objects.create(guest_id=guest, item=two, due=now, reps=2)
    as_guest(client, guest)
    client.post(reverse("accounts:login"), {"username": "layla", "password": "correct horse battery"})
    states = {c.item_id: c for c in CardState.objects.filter(user=user)}
    assert set(states) == {one.pk, two.pk}
    assert states[one.pk].pk == guest_one.pk and states[one.pk].reps == 5
    assert states[two.pk].pk == guest_two.pk
    assert not CardState.objects.filter(guest_id=guest).exists()


def test_failed_logins_are_throttled_per_account_and_address(client):
    make_user("layla", password="correct horse battery")
    for _ in range(5):
        response = client.post(reverse("accounts:login"), {"username": "layla", "password": "wrong"})
        assert response.status_code == 200
    blocked = client.post(reverse("accounts:login"), {"username": "layla", "password": "correct horse battery"})
    assert blocked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "15" in blocked.content.decode()
    # Another account from the same address is not blocked by this one's failures.
    make_user("sami", password="another good phrase", display_name="سامي")
    other = client.post(reverse("accounts:login"), {"username": "sami", "password": "another good phrase"})
    assert other.status_code == 302


def test_a_successful_login_resets_the_account_count(client):
    make_user("layla", password="correct horse battery")
    for _ in range(4):
        client.post(reverse("accounts:login"), {"username": "layla", "password": "wrong"})
    assert (
        client.post(reverse("accounts:login"), {"username": "layla", "password": "correct horse battery"}).status_code
        == 302
    )
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        assert client.post(reverse("accounts:login"), {"username": "layla", "password": "wrong"}).status_code == 200
