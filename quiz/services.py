"""Writes that span several models. Each is a keyword-only function under one transaction."""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from quiz.arabic.sentences import split_sentences
from quiz.generation import Question as GeneratedQuestion
from quiz.generation import generate
from quiz.models import Article, Attempt, Block, CardState, Choice, LearnerProfile, Question, Sentence
from quiz.parsing import ParsedArticle


def content_hash(parsed: ParsedArticle) -> str:
    """Changes whenever anything stored from the article changes."""
    parts = [parsed.title, parsed.lead, parsed.source, parsed.topic, parsed.masthead]
    parts += [f"{b.kind}|{b.credit}|{b.text}" for b in parsed.blocks]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


SLUG_MAX_WORDS = 6


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A short, readable slug from the title: its part before a colon, at most six words."""
    head = title.split(":", 1)[0] if len(title.split(":", 1)[0].split()) >= 2 else title
    base = slugify(" ".join(head.split()[:SLUG_MAX_WORDS]), allow_unicode=True)[:90].strip("-") or "article"
    slug, n = base, 1
    taken = Article.objects.all() if exclude_pk is None else Article.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def article_import(
    *, parsed: ParsedArticle, source_name: str = "", article: Article | None = None
) -> tuple[Article, bool]:
    """Store a parsed article, or update the one imported from the same file (or the one given) in place.

    Returns the article and whether anything changed. Importing the same text again changes nothing.
    """
    if article is None and source_name:
        article = Article.objects.select_for_update().filter(source_name=source_name).first()
    digest = content_hash(parsed)
    if article is not None and article.pk and article.content_hash == digest:
        return article, False
    if article is None:
        article = Article(source_name=source_name)
    article.title = parsed.title
    article.lead = parsed.lead
    article.source = parsed.source
    article.topic = parsed.topic
    article.masthead = parsed.masthead
    article.text = parsed.text
    article.word_count = parsed.word_count
    article.content_hash = digest
    if not article.slug:
        article.slug = unique_slug(parsed.title)
    article.save()
    _store_blocks_and_sentences(article, parsed)
    return article, True


def _store_blocks_and_sentences(article: Article, parsed: ParsedArticle) -> None:
    """Replace the article's blocks and sentences, keeping each question's link to its evidence sentence
    where that sentence is still in the text."""
    old_links = {s.text: list(s.questions.values_list("pk", flat=True)) for s in article.sentences.all()}
    # The lead's sentences belong to no block, so the blocks' cascade would leave them behind: delete them all.
    article.sentences.all().delete()  # questions keep their rows (SET_NULL)
    article.blocks.all().delete()

    blocks = Block.objects.bulk_create(
        Block(article=article, position=i, kind=b.kind, text=b.text, credit=b.credit)
        for i, b in enumerate(parsed.blocks)
    )
    text = article.text
    # The lead has no block of its own; every other line of the text is one readable block, in order.
    readable = [b for b in blocks if b.kind in {"heading", "paragraph", "caption"}]
    parts: list[tuple[Block | None, str]] = [(None, parsed.lead)] if parsed.lead else []
    parts += [(b, b.text) for b in readable]
    owners: list[tuple[int, Block | None]] = []
    offset = 0
    for owner, part in parts:
        offset = text.index(part, offset)
        owners.append((offset, owner))
        offset += len(part)

    sentences = []
    for position, span in enumerate(split_sentences(text)):
        owner = next((b for start, b in reversed(owners) if start <= span.start), None)
        sentences.append(Sentence(article=article, block=owner, position=position, start=span.start, text=span.text))
    Sentence.objects.bulk_create(sentences)

    by_text = {s.text: s for s in article.sentences.all()}
    for sentence_text, question_ids in old_links.items():
        if question_ids and sentence_text in by_text:
            Question.objects.filter(pk__in=question_ids).update(evidence=by_text[sentence_text])


@transaction.atomic
def learner_signup(*, username: str, password: str, display_name: str, guest_id: uuid.UUID | None) -> User:
    """Create a learner account with its profile and move the guest's work to it."""
    user = User.objects.create_user(username=username, password=password)
    LearnerProfile.objects.create(user=user, display_name=display_name)
    if guest_id is not None:
        guest_work_claim(guest_id=guest_id, user=user)
    return user


def learner_profile(*, user: User) -> LearnerProfile:
    """The user's profile, made on first use for accounts created elsewhere (the admin, a command)."""
    profile, _created = LearnerProfile.objects.get_or_create(
        user=user, defaults={"display_name": user.first_name or _("Learner %(id)s") % {"id": user.pk}}
    )
    return profile


@transaction.atomic
def guest_work_claim(*, guest_id: uuid.UUID, user: User) -> None:
    """Give a guest's quiz attempts and card schedules to the account they signed up or logged in with.

    Where the account already schedules the same card, the schedule with more reviews is kept."""
    Attempt.objects.filter(guest_id=guest_id, user__isnull=True).update(user=user, guest_id=None)
    guest_cards = CardState.objects.filter(guest_id=guest_id, user__isnull=True)
    own = {c.item_id: c for c in CardState.objects.filter(user=user, item__in=guest_cards.values("item"))}
    for card in guest_cards.select_for_update():
        kept = own.get(card.item_id)
        if kept is None:
            continue
        loser = card if kept.reps >= card.reps else kept
        loser.delete()
    CardState.objects.filter(guest_id=guest_id, user__isnull=True).update(user=user, guest_id=None)


@dataclass(frozen=True)
class GenerationResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    deleted: int = 0
    kept_by_teacher: int = 0


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
    return GenerationResult(**counts)


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
