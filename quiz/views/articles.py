"""The list of articles and the article reading page."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from quiz.http import HtmxHttpRequest
from quiz.learners import current_learner
from quiz.models import Article, Block, Sentence
from quiz.words import known_lemmas, known_share, link_words


@require_GET
def article_list(request: HtmxHttpRequest) -> HttpResponse:
    articles = Article.objects.with_counts().order_by("-created_at", "-id")
    template = "articles/list.html#article-list" if request.htmx else "articles/list.html"
    return render(request, template, {"articles": articles})


@require_GET
def article_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.prefetch_related(
            Prefetch("blocks", queryset=Block.objects.order_by("position")),
            Prefetch("sentences", queryset=Sentence.objects.order_by("position")),
            "images",
        ),
        slug=slug,
    )
    sentences_by_block: dict[int | None, list[Sentence]] = defaultdict(list)
    for sentence in article.sentences.all():
        sentences_by_block[sentence.block_id].append(sentence)
    blocks = [(block, sentences_by_block.get(block.pk, [])) for block in article.blocks.all()]
    # Words with a flashcard become links to it; the learner's known words are marked.
    items = list(article.vocab_items.current().only("pk", "lemma", "occurrences", "frequency"))
    known = known_lemmas(current_learner(request), {item.lemma for item in items})
    link_words(article.sentences.all(), items, known)
    context = {
        "article": article,
        "lead_sentences": sentences_by_block.get(None, []),
        "blocks": blocks,
        "card_count": len(items),
        "known_share": known_share(items, known),
    }
    template = "articles/detail.html#article-body" if request.htmx else "articles/detail.html"
    return render(request, template, context)
