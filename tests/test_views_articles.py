"""The article list and the reading page, plain and through htmx."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_list_shows_each_article_with_title_lead_and_word_count(client, seed_article):
    response = client.get(reverse("articles:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<!doctype html>" in html.lower()
    assert seed_article.title.replace('"', "&quot;") in html
    assert seed_article.lead in html
    assert "528" in html
    assert seed_article.get_absolute_url() in html


def test_list_through_htmx_is_the_partial_only(client, seed_article):
    response = client.get(reverse("articles:list"), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'id="article-list"' in html
    assert seed_article.lead in html


def test_empty_list_says_so(client, db):
    response = client.get(reverse("articles:list"))
    assert "لا توجد مقالات بعد" in response.content.decode()


def test_detail_page_is_arabic_rtl_with_every_sentence_addressable(client, seed_article):
    response = client.get(seed_article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<article class="article" lang="ar" dir="rtl"' in html
    for sentence in seed_article.sentences.all():
        assert f'id="{sentence.anchor}"' in html
    assert "<h2>" in html and "النازيون الجدد" in html
    assert '<figure class="caption">' in html
    assert "UN Photo/Stuart Price" in html
    assert seed_article.source in html
    assert html.count("من الأرشيف: دمار") == 1


def test_detail_through_htmx_is_the_article_partial(client, seed_article):
    response = client.get(seed_article.get_absolute_url(), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and '<header class="site-header"' not in html
    assert html.lstrip().startswith('<article class="article"')
    assert 'id="s0"' in html


def test_unknown_article_is_404(client, db):
    assert client.get("/articles/no-such-article/").status_code == 404
    assert client.get("/articles/no-such-article/", **HTMX).status_code == 404


def test_pages_answer_only_get(client, seed_article):
    assert client.post(reverse("articles:list")).status_code == 405
    assert client.post(seed_article.get_absolute_url()).status_code == 405


def test_detail_runs_a_fixed_number_of_queries(client, seed_article, django_assert_num_queries):
    with django_assert_num_queries(5):  # article, blocks, sentences, its pictures, the words that have flashcards
        client.get(seed_article.get_absolute_url())


def test_list_runs_one_query_whatever_the_number_of_articles(client, seed_article, django_assert_num_queries):
    from .conftest import make_article

    make_article("عنوان آخر\n\nقال الوزير إن الخطة نجحت.", source_name="other.txt")
    with django_assert_num_queries(1):
        client.get(reverse("articles:list"))


def test_every_page_carries_the_content_security_policy(client, seed_article):
    for url in (reverse("articles:list"), seed_article.get_absolute_url(), reverse("accounts:login")):
        response = client.get(url)
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self' 'nonce-" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        assert response.headers["X-Frame-Options"] == "DENY"


def test_scripts_carry_the_nonce_and_htmx_comes_from_django_htmx(client, seed_article):
    response = client.get(seed_article.get_absolute_url())
    html = response.content.decode()
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in html
    assert "/static/django_htmx/htmx" in html
    assert "<script>" not in html and " onclick=" not in html and "hx-on" not in html
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html


def test_english_interface_keeps_the_article_arabic(client, seed_article):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert '<article class="article" lang="ar" dir="rtl"' in html
    assert "Log in" in html
    client.post(reverse("set_language"), {"language": "ar", "next": "/"})
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert "تسجيل الدخول" in html
