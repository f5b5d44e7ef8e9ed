"""Importing an article: its text, blocks and sentences."""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.utils.text import slugify

from quiz.arabic.sentences import split_sentences
from quiz.models import (
    Article,
    Block,
    Question,
    Sentence,
)
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
    # The lead's sentences have no block, so deleting the blocks alone would leave them behind (and their positions
    # would collide with the new ones); questions keep their rows (SET_NULL) and get their links back below.
    article.sentences.all().delete()
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
