"""Read an Arabic news article file (UN News layout) into its parts. Pure Python: no Django here.

The layout, as UN News Arabic pages come out when copied as text:

    منظور عالمي قصص إنسانية                      masthead (lines before the title's first appearance)
    <title>                                      the title; it appears more than once
    <lead>                                       the first line after the title, before any paragraph
    المصدر: <source>                             the source line (also the credit of the line above it)
    <caption>                                    a photo caption, followed by its credit line ...
    UN Photo/Stuart Price                        ... a credit: a line with no Arabic letters
    <topic>                                      a short line before the first paragraph (السلم والأمن)
    <paragraph>                                  body text: ends with . ! ? ؟ (maybe then a closing quote)
    <heading>                                    a short line without final punctuation
    <related story>: <headline>                  a short line without final punctuation, with a colon
    <pull quote>                                 a long line without final punctuation repeating the body

Repeated lines are dropped; captions are kept apart from the body text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

MAX_BYTES = 1_000_000
"""The largest article file accepted (1 MB)."""

HEADING_MAX_WORDS = 14
RELATED_MAX_WORDS = 25
SOURCE_PREFIX = "المصدر:"  # "Source:"

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W_]+(?:[-][^\W_]+)*")
_FINAL_PUNCTUATION = re.compile(r"""[.!?؟…]["'”’»)\]]*\s*$""")
# Bidi embedding/override/isolate controls can make inert text display as something else; line marks stay.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_HEADLINE_COLON = re.compile(r"^[^:]{2,60}:\s+\S")


class ArticleError(ValueError):
    """The file cannot be read as an article. ``code`` names the reason for the caller to translate."""

    MESSAGES = {
        "empty": "the file is empty",
        "too_large": f"the file is over {MAX_BYTES // 1_000_000} MB",
        "not_utf8": "the file is not UTF-8 text",
        "not_arabic": "the text is not Arabic",
        "no_body": "no article text was found",
    }

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(self.MESSAGES[code])


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of the article in reading order."""

    kind: str  # "heading", "paragraph", "caption", "quote" (a pull quote) or "related" (a link to another story)
    text: str
    credit: str = ""


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    title: str
    lead: str = ""
    source: str = ""
    topic: str = ""
    masthead: str = ""
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        """The text that is read and asked about: the lead, headings, paragraphs and captions, one a line
        block, separated by blank lines. Sentence offsets and generated questions refer to this text."""
        return "\n\n".join(part for part in (self.lead, *(b.text for b in self.readable_blocks())) if part)

    def readable_blocks(self) -> tuple[Block, ...]:
        """The blocks that belong to the article's own text (not pull quotes repeating it, not other stories)."""
        return tuple(b for b in self.blocks if b.kind in {"heading", "paragraph", "caption"})

    @property
    def word_count(self) -> int:
        return count_words(self.text)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def parse_article_bytes(data: bytes) -> ParsedArticle:
    """Decode and parse an article file, refusing what is not an article (see ArticleError)."""
    if len(data) > MAX_BYTES:
        raise ArticleError("too_large")
    if not data.strip():
        raise ArticleError("empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError("not_utf8") from None
    return parse_article(text)


def parse_article(text: str) -> ParsedArticle:
    """Parse article text (already decoded) into title, lead, source, topic and blocks."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ArticleError("too_large")
    lines = [clean_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise ArticleError("empty")
    if not is_arabic(" ".join(lines)):
        raise ArticleError("not_arabic")
    return _Parser(lines).parse()


def clean_line(line: str) -> str:
    """One line as it will be stored: NFC, no control characters or bidi overrides, single spaces."""
    line = unicodedata.normalize("NFC", line).translate(_BIDI_CONTROLS)
    line = "".join(ch for ch in line if ch == "\t" or unicodedata.category(ch) != "Cc")
    return " ".join(line.split())


def is_arabic(text: str) -> bool:
    """Most of the letters are Arabic ones."""
    letters = len(_LETTER.findall(text))
    arabic = len(_ARABIC_LETTER.findall(text))
    return arabic > 0 and arabic * 2 >= letters


def is_credit(line: str) -> bool:
    """A photo credit ("UN Photo/Stuart Price") or a source line ("المصدر: ...")."""
    return line.startswith(SOURCE_PREFIX) or not _ARABIC_LETTER.search(line)


def has_final_punctuation(line: str) -> bool:
    return bool(_FINAL_PUNCTUATION.search(line))


def _key(line: str) -> str:
    """Lines that differ only in spacing or tatweel are the same line."""
    return line.replace("\u0640", "").replace(" ", "")


class _Parser:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def parse(self) -> ParsedArticle:
        title_at = self._title_index()
        title = self.lines[title_at]
        masthead = " ".join(self.lines[:title_at])
        rest = self.lines[title_at + 1 :]
        seen = {_key(title)}
        lead = source = topic = ""
        blocks: list[Block] = []
        for i, line in enumerate(rest):
            following = rest[i + 1] if i + 1 < len(rest) else ""
            if line.startswith(SOURCE_PREFIX):
                source = source or line[len(SOURCE_PREFIX) :].strip()
                continue
            if is_credit(line):
                continue
            if _key(line) in seen:
                continue
            seen.add(_key(line))
            credit = following if following and is_credit(following) else ""
            before_body = not any(b.kind == "paragraph" for b in blocks)
            if before_body and not lead and not blocks and not has_final_punctuation(line):
                lead = line
                continue
            if credit:
                blocks.append(Block("caption", line, "" if credit.startswith(SOURCE_PREFIX) else credit))
                continue
            words = len(line.split())
            if has_final_punctuation(line):
                blocks.append(Block("paragraph", line))
            elif _HEADLINE_COLON.search(line) and words <= RELATED_MAX_WORDS:
                blocks.append(Block("related", line))
            elif words > HEADING_MAX_WORDS:
                blocks.append(Block("paragraph", line))
            elif before_body and not topic and not any(b.kind == "heading" for b in blocks):
                topic = line
            else:
                blocks.append(Block("heading", line))
        blocks = _mark_pull_quotes(blocks)
        if not any(b.kind in {"paragraph", "caption"} for b in blocks):
            if not lead:
                raise ArticleError("no_body")
            blocks.append(Block("paragraph", lead))
            lead = ""
        return ParsedArticle(title, lead, source, topic, masthead, tuple(blocks))

    def _title_index(self) -> int:
        """The first line that appears again later; else the first line."""
        keys = [_key(line) for line in self.lines]
        for i, key in enumerate(keys):
            if key in keys[i + 1 :] and not is_credit(self.lines[i]) and _ARABIC_LETTER.search(self.lines[i]):
                return i
        return 0


def _mark_pull_quotes(blocks: list[Block]) -> list[Block]:
    """A long unpunctuated line whose words stand inside a paragraph is a pull quote, not more body text."""
    paragraphs = [_key(b.text) for b in blocks if b.kind == "paragraph" and has_final_punctuation(b.text)]
    marked = []
    for block in blocks:
        is_quote = (
            block.kind == "paragraph"
            and not has_final_punctuation(block.text)
            and any(_key(block.text) in p for p in paragraphs)
        )
        marked.append(Block("quote", block.text) if is_quote else block)
    return marked
