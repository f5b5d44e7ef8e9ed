"""Words with their offsets, and the attached prefixes (proclitics) of Arabic words.

pyarabic's tokenizer leaves "و47" glued and splits "كوفيد-19"; extraction needs offsets into the sentence and
the attached prefix split off, so tokenising is done here with one regular expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quiz.arabic.normalize import normalize

# A word: letters, digits, tashkeel and tatweel, with inner hyphens or decimal/thousand separators kept
# ("كوفيد-19", "3.5", "1,000").
_WORD = re.compile(
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+(?:(?:[-.,٫٬][\w\u064b-\u065f\u0640]+)|(?:(?<=\d)،(?=\d{3})\d+))*"
)  # "30،528": an Arabic comma between digits groups thousands
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN_LETTER = re.compile("[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence: ``sentence[start:end] == text``."""

    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        return normalize(self.text)


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` in order, punctuation left out, with their offsets."""
    tokens = []
    for match in _WORD.finditer(text):
        word = match.group()
        start, end = match.start(), match.end()
        # A '.' or ',' ends a sentence or clause unless a digit follows it: trim trailing ones.
        while word and word[-1] in ".,٫٬-":
            word = word[:-1]
            end -= 1
        if word:
            tokens.append(Token(word, start, end))
    return tokens


def is_arabic(text: str) -> bool:
    """Whether ``text`` has at least one Arabic letter."""
    return bool(_ARABIC_LETTER.search(text))


def is_latin_only(text: str) -> bool:
    """Whether ``text`` has Latin letters and no Arabic ones (a photo credit, an English caption)."""
    return bool(_LATIN_LETTER.search(text)) and not is_arabic(text)


# Attached prefixes, longest first, in normalised spelling: conjunction و/ف, preposition ب/ل/ك, article ال.
_PREFIXES = (
    "وبال",
    "فبال",
    "وكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


@dataclass(frozen=True, slots=True)
class Split:
    """A word split into its attached prefix (as written) and the rest."""

    prefix: str
    rest: str


@lru_cache(maxsize=262144)
def split_prefix(word: str, *, keep_article: bool = True, min_rest: int = 2) -> Split:
    """The attached conjunction/preposition of ``word`` and the rest; the article ال stays with the rest.

    ``split_prefix("والعراق") == Split("و", "العراق")``, ``split_prefix("لضحايا") == Split("ل", "ضحايا")``,
    ``split_prefix("للأمم")`` gives ``Split("ل", "لأمم")``-style pieces only when ``keep_article`` is False.
    Only splits when at least ``min_rest`` letters remain. This is a surface rule; callers check the rest.
    """
    norm = normalize(word)
    for prefix in _PREFIXES:
        if not norm.startswith(prefix):
            continue
        has_article = prefix.endswith("ال") or prefix.endswith("لل")
        if keep_article and has_article:
            prefix = prefix[:-2] if prefix.endswith("ال") else prefix[:-1]
            if not prefix:
                return Split("", word)
        if len(norm) - len(prefix) < min_rest:
            continue
        cut = _raw_index(word, len(prefix))
        rest = word[cut:]
        if keep_article and has_article and norm.startswith(prefix + "ل") and not rest.startswith("ال"):
            rest = "ال" + rest[1:] if rest.startswith("ل") else rest  # للأمم -> ل + الأمم
        return Split(word[:cut], rest)
    return Split("", word)


def _raw_index(word: str, letters: int) -> int:
    """The index in ``word`` after its first ``letters`` base letters (skipping tashkeel and tatweel)."""
    seen = 0
    for index, char in enumerate(word):
        if seen == letters:
            return index
        if not re.match("[\u064b-\u065f\u0670\u0640]", char):
            seen += 1
    return len(word)
