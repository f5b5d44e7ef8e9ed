"""Question banks that move: a JSON document that imports back unchanged, and Moodle's GIFT format.

The JSON document::

    {"format": "quizsite-question-bank", "version": 1,
     "articles": [{"slug": ..., "title": ..., "questions": [
        {"kind", "mode", "prompt", "answer", "accepted", "tolerance", "pairs", "evidence" (the sentence's text),
         "answer_start", "answer_end", "fact_key", "origin_key", "answer_type", "score", "status", "edited",
         "choices": [{"text", "is_correct"}, ...]}, ...]}]}

An article is found again by its slug (then by its title); a question by the generator's key, or by its mode and
prompt when it has none. Reading checks every question by the same rules as the admin.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from quiz.generation import TRUE
from quiz.models import Article, Choice, Question, choice_problems

FORMAT = "quizsite-question-bank"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024

QUESTION_FIELDS = (
    "kind",
    "mode",
    "prompt",
    "answer",
    "accepted",
    "tolerance",
    "pairs",
    "answer_start",
    "answer_end",
    "fact_key",
    "origin_key",
    "answer_type",
    "score",
    "status",
    "edited",
)


class BankError(ValueError):
    """The file is not a question bank we can import; the message says why, for the teacher."""


def _questions(articles: Iterable[Article]) -> list[tuple[Article, list[Question]]]:
    ids = [a.pk for a in articles]
    prefetch = Prefetch(
        "questions",
        queryset=Question.objects.select_related("evidence")
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("position", "id")))
        .order_by("-score", "id"),
    )
    found = Article.objects.filter(pk__in=ids).prefetch_related(prefetch).order_by("title", "id")
    return [(a, list(a.questions.all())) for a in found]


def question_document(question: Question) -> dict[str, Any]:
    document: dict[str, Any] = {name: getattr(question, name) for name in QUESTION_FIELDS}
    document["evidence"] = question.evidence.text if question.evidence else ""
    document["choices"] = [{"text": c.text, "is_correct": c.is_correct} for c in question.choices.all()]
    return document


def export_json(articles: Iterable[Article]) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "articles": [
            {"slug": a.slug, "title": a.title, "questions": [question_document(q) for q in questions]}
            for a, questions in _questions(articles)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# Reading a bank --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BankArticle:
    article: Article
    questions: list[dict[str, Any]]


def read_json(data: bytes) -> list[BankArticle]:
    """Parse and check a bank file; every article in it must already be here. Raises BankError."""
    if len(data) > MAX_BYTES:
        raise BankError(_("The file is over 20 MB."))
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise BankError(_("The file is not a JSON document.")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BankError(_("The file is not a question bank exported from this site."))
    if document.get("version") != VERSION:
        raise BankError(_("This question bank was written by another version of the site."))
    entries = document.get("articles")
    if not isinstance(entries, list):
        raise BankError(_("The question bank has no list of articles."))
    banks = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("questions"), list):
            raise BankError(_("An article in the question bank has no list of questions."))
        slug, title = str(entry.get("slug", "")), str(entry.get("title", ""))
        article = Article.objects.filter(slug=slug).first() or Article.objects.filter(title=title).first()
        if article is None:
            raise BankError(
                _("No article here matches “%(title)s”: add the article first, then import its questions.")
                % {"title": title or slug}
            )
        questions = [_checked(item, n, article) for n, item in enumerate(entry["questions"], 1)]
        banks.append(BankArticle(article, questions))
    return banks


def _checked(item: Any, n: int, article: Article) -> dict[str, Any]:
    def fail(reason: str) -> BankError:
        return BankError(
            _("Question %(n)d of “%(title)s”: %(reason)s") % {"n": n, "title": article.title, "reason": reason}
        )

    if not isinstance(item, dict):
        raise fail(_("it is not a question."))
    text_fields = ("prompt", "answer", "fact_key", "origin_key", "answer_type", "evidence")
    if any(not isinstance(item.get(name, ""), str) for name in text_fields):
        raise fail(_("a text field holds something else."))
    if not item.get("prompt", "").strip():
        raise fail(_("it has no question text."))
    if item.get("kind") not in Question.Kind.values:
        raise fail(_("unknown kind “%(value)s”.") % {"value": item.get("kind")})
    if item.get("mode") not in Question.Mode.values:
        raise fail(_("unknown way of answering “%(value)s”.") % {"value": item.get("mode")})
    if item.get("status", Question.Status.GENERATED) not in Question.Status.values:
        raise fail(_("unknown status “%(value)s”.") % {"value": item.get("status")})
    accepted = item.get("accepted", [])
    pairs = item.get("pairs", [])
    choices = item.get("choices", [])
    if not isinstance(accepted, list) or not all(isinstance(a, str) for a in accepted):
        raise fail(_("“accepted” must be a list of texts."))
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in pairs
    ):
        raise fail(_("“pairs” must be a list of two-text pairs."))
    if not isinstance(choices, list) or not all(
        isinstance(c, dict) and isinstance(c.get("text"), str) and isinstance(c.get("is_correct"), bool)
        for c in choices
    ):
        raise fail(_("“choices” must be a list of choices with a text and whether it is right."))
    numbers = ("tolerance", "answer_start", "answer_end")
    if any(not _whole(item.get(name)) for name in numbers) or not isinstance(item.get("score", 0), (int, float)):
        raise fail(_("a number field holds something else."))
    if item.get("mode") != Question.Mode.MATCHING:
        problems = choice_problems(item["mode"], [(c["text"], c["is_correct"]) for c in choices])
        if problems:
            raise fail(" ".join(str(p) for p in problems))
    return item


def _whole(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


# Moodle GIFT -----------------------------------------------------------------------------------------------------

_GIFT_SPECIAL = {c: "\\" + c for c in "~=#{}:"}


def gift_escape(text: str) -> str:
    """Text as GIFT reads it literally: its special characters ~ = # { } : escaped, line breaks as \\n."""
    escaped = "".join(_GIFT_SPECIAL.get(c, c) for c in text)
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


def export_gift(articles: Iterable[Article]) -> str:
    """The playable questions as Moodle GIFT, one category per article, with the evidence as general feedback."""
    lines: list[str] = []
    for article, questions in _questions(articles):
        lines += [f"// {article.title}", f"$CATEGORY: $course$/quizsite/{gift_escape(article.slug)}", ""]
        playable = [q for q in questions if q.status not in {Question.Status.REJECTED, Question.Status.RETIRED}]
        for n, question in enumerate(playable, 1):
            lines += _gift_question(question, f"{article.title[:40]} {n}")
            lines.append("")
    return "\n".join(lines)


def _gift_question(question: Question, name: str) -> list[str]:
    head = f"::{gift_escape(name)}::{gift_escape(question.prompt)} {{"
    feedback = f"\t####{gift_escape(question.evidence.text)}" if question.evidence else ""
    choices = list(question.choices.all())
    if question.mode == Question.Mode.TRUE_FALSE:
        right = next((c.text for c in choices if c.is_correct), question.answer)
        body = ["\tTRUE" if right == TRUE else "\tFALSE"]
    elif question.mode == Question.Mode.CHOICE:
        body = [f"\t{'=' if c.is_correct else '~'}{gift_escape(c.text)}" for c in choices]
    elif question.mode == Question.Mode.MATCHING:
        body = [f"\t={gift_escape(left)} -> {gift_escape(right)}" for left, right in question.pairs]
    else:
        answers = dict.fromkeys([question.answer, *question.accepted])
        body = [f"\t={gift_escape(a)}" for a in answers if a]
    return [head, *body, *([feedback] if feedback else []), "}"]
