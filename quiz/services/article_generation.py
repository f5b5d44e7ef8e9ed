"""Questions and vocabulary cards generated for an article, stored and kept in step with its text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from quiz.generation import Question as GeneratedQuestion
from quiz.generation import generate
from quiz.generation.vocab import Card as GeneratedCard
from quiz.generation.vocab import extract_cards, vowel_cards
from quiz.models import (
    Article,
    Choice,
    Question,
    Sentence,
    VocabItem,
)


@dataclass(frozen=True)
class RegenerationCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    deleted: int = 0
    kept_by_teacher: int = 0


@dataclass(frozen=True)
class GenerationResult(RegenerationCounts):
    cards: CardsResult | None = None


@transaction.atomic
def article_generate(*, article: Article) -> GenerationResult:
    """Generate the article's questions and store them with their choices and evidence sentences.

    A question a teacher wrote, approved, rejected or edited is never touched, and the generator does not bring it
    back in another form. A generated question that the new text no longer supports is deleted, or retired when
    learners have already answered it (so their history keeps its meaning).
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    generated = generate(article.text, seed=article.pk)
    sentences = {s.position: s for s in article.sentences.all()}
    existing = {q.origin_key: q for q in article.questions.exclude(origin_key="").prefetch_related("choices")}
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for item in generated.questions:
        key = _origin_key(item, seen)
        seen.add(key)
        old = existing.get(key)
        if old is not None and old.is_protected:
            counts["kept_by_teacher"] += 1
            continue
        fields = _question_fields(item, sentences)
        if old is not None and _same_question(old, fields, list(item.choices)):
            if old.status == Question.Status.RETIRED or old.score != fields["score"]:
                old.status, old.score = Question.Status.GENERATED, fields["score"]  # type: ignore[assignment]
                old.save(update_fields=["status", "score", "updated_at"])
            counts["unchanged"] += 1
            continue
        if old is not None and not old.responses.exists():
            for name, value in fields.items():
                setattr(old, name, value)
            old.status = Question.Status.GENERATED
            old.save()
            old.choices.all().delete()
            _store_choices(old, item)
            counts["updated"] += 1
            continue
        if old is not None:
            old.origin_key = ""  # answered before: it stays, retired, for the learners' history
            old.status = Question.Status.RETIRED
            old.save(update_fields=["origin_key", "status", "updated_at"])
            counts["retired"] += 1
        question = Question.objects.create(article=article, origin_key=key, **fields)
        _store_choices(question, item)
        counts["created"] += 1
    for key, old in existing.items():
        if key in seen or old.is_protected:
            continue
        if old.responses.exists():
            if old.status != Question.Status.RETIRED:
                old.status = Question.Status.RETIRED
                old.save(update_fields=["status", "updated_at"])
                counts["retired"] += 1
        else:
            old.delete()
            counts["deleted"] += 1
    cards = article_cards_generate(article=article, cards=generated.cards)
    return GenerationResult(**counts, cards=cards)


def _origin_key(item: GeneratedQuestion, seen: set[str]) -> str:
    base = f"{item.kind}|{item.mode}|{item.fact_key}|{item.evidence.sentence_index}"[:290]
    key, n = base, 1
    while key in seen:
        n += 1
        key = f"{base}#{n}"
    return key


def _question_fields(item: GeneratedQuestion, sentences: dict[int, Sentence]) -> dict[str, object]:
    evidence = sentences.get(item.evidence.sentence_index)
    if evidence is not None and evidence.text != item.evidence.sentence:
        evidence = next((s for s in sentences.values() if s.text == item.evidence.sentence), None)
    return {
        "kind": item.kind,
        "mode": item.mode,
        "prompt": item.prompt,
        "answer": item.answer[:500],
        "accepted": list(item.accepted),
        "pairs": [list(pair) for pair in item.pairs],
        "evidence": evidence,
        "answer_start": item.evidence.answer_start if evidence else None,
        "answer_end": item.evidence.answer_end if evidence else None,
        "fact_key": item.fact_key[:200],
        "answer_type": item.answer_type[:20],
        "score": round(item.score, 4),
    }


def _same_question(old: Question, fields: dict[str, object], choices: list[str]) -> bool:
    same_fields = all(getattr(old, name) == value for name, value in fields.items() if name != "score")
    return same_fields and [c.text for c in old.choices.all()] == choices


def _store_choices(question: Question, item: GeneratedQuestion) -> None:
    """Choices in the generator's order. For matching they are the right-hand sides, each the match of one pair."""
    Choice.objects.bulk_create(
        Choice(
            question=question, text=text[:500], position=i, is_correct=item.mode == "matching" or text == item.answer
        )
        for i, text in enumerate(item.choices)
    )


# Vocabulary cards ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardsResult(RegenerationCounts):
    """What storing an article's flashcards did (a teacher's edited card counts as kept)."""


@transaction.atomic
def article_cards_generate(*, article: Article, cards: Sequence[GeneratedCard] | None = None) -> CardsResult:
    """Store the article's flashcards (``cards`` from ``generate``, or extracted now), their guessed senses first
    settled by mishkal (``vowel_cards``).

    A card a teacher edited keeps everything they can edit; only where its word stands in the new text is updated.
    A generated card the text no longer has is deleted, or retired when learners already review it (they keep it;
    new learners do not get it). A lemma a teacher's own card already has is not made twice.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    if cards is None:
        cards = extract_cards_from_text(article.text)
    cards = vowel_cards(cards)
    sentences = {s.position: s for s in article.sentences.all()}
    items = list(article.vocab_items.all())
    existing = {item.origin_key: item for item in items if item.origin_key}
    lemmas = {item.lemma: item for item in items}
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for rank, card in enumerate(cards):
        key = card.lemma[:100]
        seen.add(key)
        fields = _card_fields(card, rank, sentences)
        old = existing.get(key)
        if old is None:
            if card.lemma[:100] in lemmas:
                counts["kept_by_teacher"] += 1  # a teacher's own card already teaches this lemma
                continue
            lemmas[card.lemma[:100]] = VocabItem.objects.create(article=article, origin_key=key, **fields)
            counts["created"] += 1
            continue
        if old.edited:
            fields = {name: fields[name] for name in _CARD_PLACE_FIELDS}
            counts["kept_by_teacher"] += 1
        changed = [name for name, value in fields.items() if getattr(old, name) != value]
        if old.lemma != fields.get("lemma", old.lemma) and fields["lemma"] in lemmas:
            changed.remove("lemma")
        for name in changed:
            setattr(old, name, fields[name])
        if changed:
            old.save(update_fields=changed)
            if not old.edited:
                counts["updated"] += 1
        elif not old.edited:
            counts["unchanged"] += 1
    for key, old in existing.items():
        if key in seen or old.edited:
            continue
        if old.states.exists():
            if not old.retired:
                old.retired, old.occurrences = True, []
                old.save(update_fields=["retired", "occurrences"])
                counts["retired"] += 1
        else:
            old.delete()
            counts["deleted"] += 1
    return CardsResult(**counts)


def extract_cards_from_text(text: str) -> list[GeneratedCard]:
    from quiz.generation.extract import read_sentences

    return extract_cards(read_sentences(text))


_CARD_PLACE_FIELDS = ("sentence", "word_start", "word_end", "occurrences", "frequency", "rank", "retired")


def _card_fields(card: GeneratedCard, rank: int, sentences: dict[int, Sentence]) -> dict[str, object]:
    sentence = sentences.get(card.sentence_index)
    if sentence is not None and sentence.text != card.sentence:
        sentence = next((s for s in sentences.values() if s.text == card.sentence), None)
    return {
        "word": card.word[:100],
        "lemma": card.lemma[:100],
        "lemma_vowelled": card.lemma_vowelled[:150],
        "vowelled_by_machine": card.vowelled_by_machine,
        "root": card.root[:20],
        "pos": card.pos[:20],
        "gloss": card.gloss[:300],
        "gloss_trusted": card.gloss_trusted,
        "sentence": sentence,
        "word_start": card.word_start if sentence else None,
        "word_end": card.word_end if sentence else None,
        "occurrences": [list(o) for o in card.occurrences],
        "frequency": card.frequency,
        "rank": rank,
        "retired": False,
    }


@transaction.atomic
def article_generation_queue(*, article: Article) -> None:
    """Mark the article as waiting for generation and queue the background task once this transaction commits."""
    from quiz import tasks  # the task module calls back into this one

    Article.objects.filter(pk=article.pk).update(generation_status=Article.Generation.QUEUED, generation_error="")
    article.generation_status = Article.Generation.QUEUED
    article.generation_error = ""
    article_id = article.pk
    transaction.on_commit(lambda: tasks.generate_article.enqueue(article_id))
