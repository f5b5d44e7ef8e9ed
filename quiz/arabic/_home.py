"""Build third-party objects that keep a cache under $HOME even when $HOME is missing or read-only."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def home_is_writable() -> bool:
    home = os.environ.get("HOME", "")
    return bool(home) and os.path.isdir(home) and os.access(home, os.W_OK)


def build_with_writable_home[T](factory: Callable[[], T]) -> T:
    """``factory()``, with $HOME pointed at a private temporary folder while it runs if $HOME is not writable.

    mishkal (and the qalsadi analyser it loads) write a cache under ``~`` when they start; a server process may
    have no usable home.
    """
    if home_is_writable():
        try:
            return factory()
        except OSError:
            pass
    saved = os.environ.get("HOME")
    os.environ["HOME"] = tempfile.mkdtemp(prefix="quiz-arabic-home-")
    try:
        return factory()
    finally:
        if saved is None:
            del os.environ["HOME"]
        else:
            os.environ["HOME"] = saved
