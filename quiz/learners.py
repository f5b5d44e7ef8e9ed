"""Who is playing: a signed-in learner, or a guest known by an id kept in their session."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest

GUEST_SESSION_KEY = "guest_id"


@dataclass(frozen=True, slots=True)
class Learner:
    user: AbstractBaseUser | None = None
    guest_id: uuid.UUID | None = None

    @property
    def is_guest(self) -> bool:
        return self.user is None

    @property
    def exists(self) -> bool:
        return self.user is not None or self.guest_id is not None


def current_learner(request: HttpRequest, *, create: bool = False) -> Learner:
    """The learner behind a request. A guest gets an id only when ``create`` asks for one (their first
    attempt or review), so merely reading pages stores no session."""
    user: AbstractBaseUser | AnonymousUser = request.user
    if user.is_authenticated:
        return Learner(user=user)  # type: ignore[arg-type]
    raw = request.session.get(GUEST_SESSION_KEY)
    if raw:
        try:
            return Learner(guest_id=uuid.UUID(raw))
        except ValueError:
            pass
    if not create:
        return Learner()
    guest_id = uuid.uuid4()
    request.session[GUEST_SESSION_KEY] = str(guest_id)
    return Learner(guest_id=guest_id)
