"""Flashcards in a real Chromium: ten cards reviewed by keyboard alone, and a word's card from the article page."""

from __future__ import annotations

import re
import time

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from quiz.models import CardState, Review
from quiz.services import article_cards_generate

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cards_article(seed_article):
    article_cards_generate(article=seed_article)
    return seed_article


def focused_id(page, *, wanted: str, timeout: float = 5.0) -> str:
    """The id of the page's focused element, once it is ``wanted`` or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        current = page.evaluate("document.activeElement ? document.activeElement.id : ''")
        if current == wanted or time.monotonic() > deadline:
            return current
        page.wait_for_timeout(50)


def test_ten_cards_reviewed_by_keyboard(page, cards_article):
    page.goto(reverse("flashcards:article", args=[cards_article.slug]))
    review = page.locator("#review")
    assert review.locator(".count-new").inner_text() == "البطاقات الجديدة المتبقية اليوم: 20"
    seen = []
    for n in range(10):
        word = review.locator(".flashcard-word").inner_text()
        seen.append(word)
        assert review.locator(".ratings").count() == 0  # the answer is hidden until asked for
        page.keyboard.press("Space")
        review.locator(".flashcard-back").wait_for()
        assert review.locator(".card-details dd").first.inner_text()  # the meaning
        if n == 0:
            screenshot(page, "flashcards-back")
        rating = "3" if n % 3 else "1"
        page.keyboard.press(rating)
        # (expect, not wait_for_function: a polled string predicate is evaluated with eval, which the CSP refuses)
        expect(review.locator(".count-limit")).to_contain_text(re.compile(rf"(^|\s){n + 1}\s"))
    assert Review.objects.count() == 10
    assert CardState.objects.count() == 10
    assert sorted(Review.objects.values_list("rating", flat=True)) == [1] * 4 + [3] * 6
    assert all(r.duration_ms is not None and r.duration_ms >= 0 for r in Review.objects.all())
    assert len(set(seen)) == 10
    # Focus stays with the cards (moved there by the swap's settle handler, so wait for it rather than race it).
    # (document.activeElement rather than to_be_focused, which also wants the window itself to have the focus)
    assert focused_id(page, wanted="review") == "review"
    assert page.console_errors == []
    screenshot(page, "flashcards-after-ten")


def test_a_word_in_the_article_opens_its_card_and_goes_into_the_deck(page, cards_article):
    page.goto(cards_article.get_absolute_url())
    assert page.locator("article .sentence").count() == cards_article.sentences.count()
    word = page.locator("article a.w", has_text=re.compile("^الإرهاب$")).first
    word.click()
    popover = page.locator("#word-popover .word-card")
    popover.wait_for()
    assert "terrorism" in popover.inner_text()
    assert page.url.endswith(cards_article.get_absolute_url())  # a popover, not a new page
    screenshot(page, "word-popover", full_page=False)
    popover.get_by_role("button", name="أضِفها إلى مجموعتي").click()
    page.locator("#word-popover .deck-status").wait_for()
    assert CardState.objects.filter(item__lemma="إرهاب").count() == 1
    page.keyboard.press("Escape")
    assert page.locator("#word-popover .word-card").count() == 0
    assert page.console_errors == []


def test_flashcards_fit_a_phone(phone, cards_article):
    phone.goto(reverse("flashcards:article", args=[cards_article.slug]))
    phone.locator("#review a[data-key='space']").click()
    phone.locator(".rating-buttons").wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "flashcards-phone")
