"""Split Arabic text into sentences.

pyarabic's ``sentence_tokenize`` splits on the Arabic comma and stops after 32 splits, so sentences are split
here: on . ! ? ؟ and line ends, never on ، or ؛, keeping closing quotes and brackets with the sentence they
close, and leaving decimal points ("3.5"), one-letter abbreviations ("ق.م."، "د.") and ellipses inside a
sentence ("... كان") alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A run of final punctuation, then any closing quotes or brackets that belong to the same sentence.
_END = re.compile(r"""[.!?؟]+["'”’»)\]]*""")
_CLOSERS = "\"'”’»)]"
_DIGIT = re.compile(r"[0-9٠-٩]")


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence: its text and where it stands in the text it came from (``text[start:end]``)."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Span]:
    """The sentences of ``text`` in order, stripped, with their offsets; blank lines give nothing."""
    spans: list[Span] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        spans.extend(_split_line(line, offset))
        offset += len(line)
    return spans


def _split_line(line: str, offset: int) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _END.finditer(line):
        end = match.end()
        if _is_decimal_point(line, match) or _is_inner_ellipsis(line, match) or _is_abbreviation(line, match):
            continue
        spans.extend(_span(line, start, end, offset))
        start = end
    spans.extend(_span(line, start, len(line), offset))
    return spans


def _is_decimal_point(line: str, match: re.Match[str]) -> bool:
    """A single '.' between digits, as in 3.5, is no sentence end."""
    pos = match.start()
    return (
        match.group() == "."
        and pos > 0
        and pos + 1 < len(line)
        and bool(_DIGIT.match(line[pos - 1]))
        and bool(_DIGIT.match(line[pos + 1]))
    )


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _is_abbreviation(line: str, match: re.Match[str]) -> bool:
    """A "." after a one-letter word ("ق.م." BC, "د." Dr.) inside a line abbreviates; it ends nothing."""
    pos = match.start()
    if match.group() != "." or pos == 0 or not _ARABIC_LETTER.match(line[pos - 1]):
        return False
    if pos >= 2 and (_ARABIC_LETTER.match(line[pos - 2]) or line[pos - 2].isalnum()):
        return False
    return bool(line[match.end() :].strip())


def _is_inner_ellipsis(line: str, match: re.Match[str]) -> bool:
    """An ellipsis inside a quotation ("... كان") continues the sentence unless it closes a quote."""
    punct = match.group().rstrip(_CLOSERS)
    if not punct.startswith("..."):
        return False
    closes_quote = len(match.group()) > len(punct)
    return not closes_quote and bool(line[match.end() :].strip())


def _span(line: str, start: int, end: int, offset: int) -> list[Span]:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return []
    lead = len(piece) - len(piece.lstrip())
    return [Span(stripped, offset + start + lead, offset + start + lead + len(stripped))]
