"""manage.py create_teacher: a staff account in the Teachers group, with a checked password."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse

from quiz.services import TEACHERS_GROUP

from .conftest import make_user

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("create_teacher", *args, stdout=out)
    return out.getvalue()


def test_it_makes_a_staff_teacher_who_can_log_in_to_the_admin(client):
    out = run("huda", "--password", "long enough phrase 42")
    assert "Teacher 'huda' created." in out
    assert "/admin/" in out
    user = User.objects.get(username="huda")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [TEACHERS_GROUP]
    assert client.login(username="huda", password="long enough phrase 42")
    assert client.get(reverse("admin:quiz_question_changelist")).status_code == 200


def test_an_existing_learner_becomes_a_teacher_and_keeps_the_password():
    make_user("layla", password="correct horse battery")
    out = run("layla", "--no-input")
    assert "is now a teacher; password unchanged" in out
    user = User.objects.get(username="layla")
    assert user.is_staff and user.check_password("correct horse battery")
    assert "was already a teacher" in run("layla", "--no-input")
    assert user.groups.count() == 1


def test_it_asks_for_the_password_twice_in_a_terminal(monkeypatch):
    answers = iter(["typed pass phrase 7", "typed pass phrase 7"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    run("sami")
    assert User.objects.get(username="sami").check_password("typed pass phrase 7")


def test_two_different_typed_passwords_change_nothing(monkeypatch):
    answers = iter(["typed pass phrase 7", "another phrase 8"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    with pytest.raises(CommandError, match="differ"):
        run("sami")
    assert not User.objects.filter(username="sami").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["newbie", "--no-input"], "--password"),
        (["newbie", "--password", "123"], "too short"),
        (["newbie", "--password", "password"], "too common"),
        (["bad name!", "--password", "long enough phrase 42"], "not a valid user name"),
    ],
)
def test_it_refuses_clearly_and_stores_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not User.objects.exists()
