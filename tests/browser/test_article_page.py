"""The seed article in a real Chromium: Arabic, right to left, readable on a phone."""

from __future__ import annotations

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_article_reads_right_to_left_in_arabic(page, seed_article):
    page.goto("/")
    page.get_by_role("link", name=seed_article.title).click()
    page.wait_for_url(f"**{seed_article.get_absolute_url()}")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    article = page.locator("article.article")
    assert article.get_attribute("lang") == "ar"
    assert article.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator("h1").inner_text().startswith("ختام أسبوع مكافحة الإرهاب")
    # Headings, captions and every sentence are there, and the Arabic face is the one we ship or the system's.
    assert page.locator("article h2").count() == 2
    assert page.locator("figure.caption figcaption").inner_text().startswith("من الأرشيف")
    assert page.locator("article .sentence").count() == seed_article.sentences.count()
    font = article.evaluate("el => getComputedStyle(el).fontFamily")
    assert font.startswith('"Noto Naskh Arabic"')
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'عربي')")
    # The paragraph text starts at the right edge of the article.
    box = article.bounding_box()
    first = page.locator("article p").nth(1).bounding_box()
    assert box and first
    assert abs((box["x"] + box["width"]) - (first["x"] + first["width"])) < 40
    assert page.console_errors == []
    screenshot(page, "article-desktop")


def test_a_sentence_link_highlights_the_sentence(page, seed_article):
    page.goto(seed_article.get_absolute_url() + "#s5")
    color = page.locator("#s5").evaluate("el => getComputedStyle(el).backgroundColor")
    assert color == "rgb(255, 240, 179)"


def test_the_article_fits_a_360_pixel_phone(phone, seed_article):
    phone.goto(seed_article.get_absolute_url())
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    screenshot(phone, "article-phone", full_page=False)
