"""The article page's words: each word that has a flashcard becomes a link to its card, known words marked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from quiz.learners import Learner
from quiz.models import CardState, Sentence, VocabItem


def known_lemmas(learner: Learner, lemmas: Iterable[str]) -> set[str]:
    """Which of ``lemmas`` the learner knows: a card of that lemma, from any article, past its learning steps."""
    if not learner.exists:
        return set()
    return set(
        CardState.objects.for_learner(learner)
        .known()
        .filter(item__lemma__in=list(lemmas))
        .values_list("item__lemma", flat=True)
    )


def known_share(items: Iterable[VocabItem], known: set[str]) -> int | None:
    """The share (percent) of the article's card words, counted each time they occur, that the learner knows."""
    total = known_count = 0
    for item in items:
        total += item.frequency
        if item.lemma in known:
            known_count += item.frequency
    return round(100 * known_count / total) if total else None


def link_words(sentences: Iterable[Sentence], items: Iterable[VocabItem], known: set[str]) -> None:
    """Give each sentence ``linked``: its text as HTML with every card word a link to the card (``a.w``; known
    words also ``.known``). Offsets come from each card's ``occurrences``; a bad offset leaves the text plain."""
    spans: dict[int, list[tuple[int, int, VocabItem, str]]] = defaultdict(list)
    for item in items:
        url = reverse("flashcards:word", args=[item.pk])
        for occurrence in item.occurrences or []:
            if isinstance(occurrence, list) and len(occurrence) == 3 and all(isinstance(n, int) for n in occurrence):
                position, start, end = occurrence
                spans[position].append((start, end, item, url))
    for sentence in sentences:
        sentence.linked = _linked(sentence.text, sorted(spans.get(sentence.position, []), key=lambda s: s[0]), known)  # type: ignore[attr-defined]


def _linked(text: str, spans: list[tuple[int, int, VocabItem, str]], known: set[str]) -> SafeString:
    parts: list[str] = []
    cursor = 0
    for start, end, item, url in spans:
        if start < cursor or not 0 <= start < end <= len(text):
            continue
        parts.append(conditional_escape(text[cursor:start]))
        if item.lemma in known:
            link = format_html(
                '<a class="w known" href="{}" hx-get="{}" aria-describedby="known-note">{}</a>',
                url,
                url,
                text[start:end],
            )
        else:
            link = format_html('<a class="w" href="{}" hx-get="{}">{}</a>', url, url, text[start:end])
        parts.append(link)
        cursor = end
    parts.append(conditional_escape(text[cursor:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped or built by format_html
