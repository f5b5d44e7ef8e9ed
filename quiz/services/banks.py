"""Question banks imported from JSON."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from quiz.banks import BankArticle
from quiz.models import (
    Choice,
    Question,
    Sentence,
)


@dataclass(frozen=True)
class BankImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


_BANK_DEFAULTS: dict[str, object] = {
    "answer": "",
    "accepted": [],
    "tolerance": 0,
    "pairs": [],
    "answer_start": None,
    "answer_end": None,
    "fact_key": "",
    "origin_key": "",
    "answer_type": "",
    "score": 0.0,
    "status": Question.Status.GENERATED,
    "edited": False,
}


@transaction.atomic
def question_bank_import(*, banks: list[BankArticle]) -> BankImportResult:
    """Store the questions of checked bank entries (``quiz.banks.read_json``) in their articles.

    A question already here (the same generator key, or the same mode and prompt) is updated when it differs and
    left untouched when it does not, so importing a bank exported from here changes nothing."""
    counts: Counter[str] = Counter()
    for bank in banks:
        article = bank.article
        sentences: dict[str, Sentence] = {}
        for sentence in article.sentences.order_by("position"):
            sentences.setdefault(sentence.text, sentence)
        existing = list(article.questions.prefetch_related("choices"))
        by_origin = {q.origin_key: q for q in existing if q.origin_key}
        by_prompt = {(q.mode, q.prompt): q for q in existing}
        for item in bank.questions:
            fields: dict[str, object] = {name: item.get(name, default) for name, default in _BANK_DEFAULTS.items()}
            fields |= {"kind": item["kind"], "mode": item["mode"], "prompt": item["prompt"]}
            fields["evidence"] = sentences.get(item.get("evidence") or "")
            if fields["evidence"] is None:
                fields["answer_start"] = fields["answer_end"] = None
            choices = [(c["text"], c["is_correct"]) for c in item.get("choices", [])]
            old = by_origin.get(item.get("origin_key") or "") or by_prompt.get((item["mode"], item["prompt"]))
            if old is not None:
                same_fields = all(getattr(old, name) == value for name, value in fields.items())
                if same_fields and [(c.text, c.is_correct) for c in old.choices.all()] == choices:
                    counts["unchanged"] += 1
                    continue
                for name, value in fields.items():
                    setattr(old, name, value)
                old.save()
                old.choices.all().delete()
                question = old
                counts["updated"] += 1
            else:
                question = Question.objects.create(article=article, **fields)  # type: ignore[arg-type]
                by_prompt[(question.mode, question.prompt)] = question
                counts["created"] += 1
            Choice.objects.bulk_create(
                Choice(question=question, text=text, is_correct=is_correct, position=i)
                for i, (text, is_correct) in enumerate(choices)
            )
    return BankImportResult(**counts)
