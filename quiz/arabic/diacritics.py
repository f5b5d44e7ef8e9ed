"""Diacritics (tashkeel) from mishkal, one sentence at a time.

mishkal deletes colons and glues words when given a whole text, and drops final punctuation, so
callers pass one
sentence; about 0.2 s a sentence. Case endings are often wrong: strip the last mark of each word where it
matters. The question generator does not use it.
"""

from __future__ import annotations

import contextlib
import io
from functools import cache, lru_cache

from quiz.arabic._home import build_with_writable_home


@cache
def _vocaliser() -> object:
    def build() -> object:
        with contextlib.redirect_stdout(io.StringIO()):
            from mishkal.tashkeel import TashkeelClass

            return TashkeelClass()

    return build_with_writable_home(build)


@lru_cache(maxsize=4096)
def vocalise_sentence(sentence: str) -> str:
    """``sentence`` with mishkal's tashkeel (final punctuation may be lost); '' for an empty sentence."""
    if not sentence.strip():
        return ""
    vocaliser = _vocaliser()
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            result = vocaliser.tashkeel(sentence)  # type: ignore[attr-defined]
        except Exception:
            return sentence
    return str(result).strip()
