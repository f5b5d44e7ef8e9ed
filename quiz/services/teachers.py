"""Teachers' accounts."""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.db import transaction

TEACHERS_GROUP = "Teachers"
"""Made by migration 0005 with the permissions teachers need, and nothing over users or groups."""


@transaction.atomic
def teacher_create(*, username: str, password: str | None) -> tuple[User, bool]:
    """Make ``username`` a teacher: a staff account in the Teachers group, created when it does not exist.

    Returns the user and whether the account is new. ``password`` (checked by the caller) replaces the old one
    when given."""
    group = Group.objects.get(name=TEACHERS_GROUP)
    user = User.objects.select_for_update().filter(username=username).first()
    created = user is None
    if user is None:
        user = User(username=username)
    user.is_staff = True
    if password is not None:
        user.set_password(password)
    user.save()
    user.groups.add(group)
    return user, created
