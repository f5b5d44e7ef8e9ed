"""python manage.py create_teacher USERNAME [--password P]: make a teacher account for the admin."""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from quiz import services


class Command(BaseCommand):
    help = (
        "Make a teacher: a staff account in the Teachers group, who curates articles, questions, flashcards and "
        "images and reads the results in the admin, without being a superuser. An existing account is made a "
        "teacher and keeps its password unless a new one is given."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("--password", help="the password; asked for (twice) when left out")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="never ask; fail instead of prompting"
        )

    def handle(self, *args: Any, username: str, password: str | None, interactive: bool, **options: Any) -> None:
        with translation.override("en"):  # the command speaks English, like the other management commands
            self._make_teacher(username, password, interactive)

    def _make_teacher(self, username: str, password: str | None, interactive: bool) -> None:
        if not Group.objects.filter(name=services.TEACHERS_GROUP).exists():
            raise CommandError("The Teachers group is missing: run `manage.py migrate` first.")
        try:
            User.username_validator(username)
        except ValidationError as error:
            raise CommandError(f"{username!r} is not a valid user name: {' '.join(error.messages)}") from None
        existing = User.objects.filter(username=username).first()
        exists = existing is not None
        was_teacher = (
            existing is not None and existing.is_staff and existing.groups.filter(name=services.TEACHERS_GROUP).exists()
        )
        if password is None and not exists:
            password = self._ask_password(interactive)
        if password is not None:
            try:
                validate_password(password, User(username=username))
            except ValidationError as error:
                raise CommandError("The password is refused: " + " ".join(error.messages)) from None
        user, created = services.teacher_create(username=username, password=password)
        if created:
            what = "created"
        else:
            what = "was already a teacher" if was_teacher else "is now a teacher"
            what += "; password changed" if password else "; password unchanged"
        self.stdout.write(
            self.style.SUCCESS(f"Teacher {user.username!r} {what}.")
            + " Log in at /admin/ to add articles, check questions and read the results."
        )

    def _ask_password(self, interactive: bool) -> str:
        if not interactive or not sys.stdin.isatty():
            raise CommandError("Give the new teacher's password with --password, or run the command in a terminal.")
        first = getpass.getpass("Password: ")
        second = getpass.getpass("Password (again): ")
        if first != second:
            raise CommandError("The two passwords differ; nothing was changed.")
        if not first:
            raise CommandError("The password is empty; nothing was changed.")
        return first
