"""axe-core on every learner page, in Arabic and in English: no serious or critical violations."""

from __future__ import annotations

import pytest
from django.urls import reverse

from quiz.services import article_generate

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def learner_pages(article):
    """The pages besides the quiz screens, which tests/browser/test_quiz_play.py checks the same way."""
    item = article.vocab_items.order_by("rank").first()
    return [
        reverse("articles:list"),
        article.get_absolute_url(),
        reverse("accounts:login"),
        reverse("accounts:signup"),
        reverse("flashcards:deck"),
        reverse("flashcards:article", args=[article.slug]),
        reverse("flashcards:word", args=[item.pk]),
        reverse("progress:overview"),
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_learner_pages_have_no_serious_accessibility_violations(page, seed_article, language):
    article_generate(article=seed_article)
    page.goto("/")
    page.select_option("#language-select", language)
    with page.expect_navigation():
        page.get_by_role("button", name="تغيير اللغة").click()
    assert page.locator("html").get_attribute("lang") == language
    for url in learner_pages(seed_article):
        page.goto(url)
        assert axe_violations(page) == [], url
    # The back of a flashcard, and the word's card opened in the article.
    page.goto(reverse("flashcards:article", args=[seed_article.slug]))
    page.keyboard.press("Space")
    page.locator(".flashcard-back").wait_for()
    assert axe_violations(page) == [], "flashcard back"
    page.goto(seed_article.get_absolute_url())
    page.locator("article a.w").first.click()
    page.locator("#word-popover .word-card").wait_for()
    assert axe_violations(page) == [], "word popover"


def test_the_check_itself_finds_violations(page):
    """The empty lists above are earned: axe runs and reports a page with an unlabelled image and field."""
    page.set_content('<html><body><img src="data:,"><input type="text"></body></html>')
    found = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label"} <= found
