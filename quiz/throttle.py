"""Throttling of failed log-ins, kept in the shared cache so that every app server sees the same counts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class LoginThrottle:
    """At most ``per_account`` failed log-ins for one user name from one address, and ``per_address`` from one
    address in all, within ``window`` seconds; then log-ins from there wait until the window has passed."""

    per_account: int = 5
    per_address: int = 30
    window: int = 15 * 60

    def is_blocked(self, request: HttpRequest, username: str) -> bool:
        counts = cache.get_many([self._key("account", request, username), self._key("address", request)])
        return (
            counts.get(self._key("account", request, username), 0) >= self.per_account
            or counts.get(self._key("address", request), 0) >= self.per_address
        )

    def record_failure(self, request: HttpRequest, username: str) -> None:
        for key in (self._key("account", request, username), self._key("address", request)):
            cache.add(key, 0, self.window)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, self.window)

    def reset(self, request: HttpRequest, username: str) -> None:
        cache.delete(self._key("account", request, username))

    @staticmethod
    def _key(scope: str, request: HttpRequest, username: str = "") -> str:
        address = request.META.get("REMOTE_ADDR", "")
        digest = hashlib.sha256(f"{address}|{username.casefold()}".encode()).hexdigest()[:32]
        return f"login-throttle:{scope}:{digest}"


login_throttle = LoginThrottle()
