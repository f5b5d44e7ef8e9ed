"""axe-core on every learner page, in Arabic and in English: no serious or critical violations."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def learner_pages(article):
    return [
        reverse("articles:list"),
        article.get_absolute_url(),
        reverse("accounts:login"),
        reverse("accounts:signup"),
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_learner_pages_have_no_serious_accessibility_violations(page, seed_article, language):
    page.goto("/")
    page.select_option("#language-select", language)
    with page.expect_navigation():
        page.get_by_role("button", name="تغيير اللغة").click()
    assert page.locator("html").get_attribute("lang") == language
    for url in learner_pages(seed_article):
        page.goto(url)
        assert axe_violations(page) == [], url


def test_the_check_itself_finds_violations(page):
    """The empty lists above are earned: axe runs and reports a page with an unlabelled image and field."""
    page.set_content('<html><body><img src="data:,"><input type="text"></body></html>')
    found = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label"} <= found
