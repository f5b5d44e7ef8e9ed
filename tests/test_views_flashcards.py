"""Flashcard pages, plain and through htmx: reviewing, refused ratings, settings, word cards, pronunciation."""

from __future__ import annotations

import re
from contextlib import nullcontext

import pytest
from django.urls import reverse

from quiz.learners import GUEST_SESSION_KEY
from quiz.models import CardState, LearnerProfile, Review, VocabItem
from quiz.views.flashcards import SETTINGS_SESSION_KEY

from .conftest import make_user

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def review_url(article) -> str:
    return reverse("flashcards:article", args=[article.slug])


def first(article) -> VocabItem:
    return article.vocab_items.order_by("rank").first()


def rate(client, item, rating, *, reps=0, article=None, **extra):
    data = {"item": item.pk, "rating": rating, "reps": reps, "shown_at": "", "article": article.slug if article else ""}
    return client.post(reverse("flashcards:review"), data, **extra)


def test_article_flashcards_show_the_best_card_in_its_sentence(client, cards_article):
    item = first(cards_article)
    response = client.get(review_url(cards_article))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<!doctype html>" in html.lower()
    assert f'<mark class="flashcard-word">{item.word}</mark>' in html
    assert item.sentence.text[: item.word_start] in html
    assert "البطاقات المستحقة: 0" in html and "البطاقات الجديدة المتبقية اليوم: 20" in html
    assert f"?card={item.pk}&amp;t=" in html and 'data-key="space"' in html
    assert item.gloss not in html  # the back stays hidden until asked for


def test_htmx_gets_the_card_partial_only(client, cards_article):
    response = client.get(review_url(cards_article), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'class="review-counts"' in html and 'class="flashcard' in html


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_show_answer_gives_lemma_gloss_root_part_of_speech_and_ratings(client, cards_article, headers):
    item = cards_article.vocab_items.get(lemma="إرهاب")
    response = client.get(review_url(cards_article), {"card": item.pk}, **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "إِرْهاب" in html and "terrorism" in html and "ر ه ب" in html and "اسم" in html
    assert "مشكولة آليًا" in html  # "vowelled by machine"
    curated = cards_article.vocab_items.get(lemma="جائحة")
    hand = client.get(review_url(cards_article), {"card": curated.pk}, **headers).content.decode()
    assert "pandemic" in hand and "مشكولة آليًا" not in hand  # vowelled by hand
    for n in (1, 2, 3, 4):
        assert f'name="rating" value="{n}"' in html and f'data-key="{n}"' in html
    assert f'action="{reverse("flashcards:review")}"' in html and "csrfmiddlewaretoken" in html
    assert f'href="{reverse("flashcards:audio", args=[item.pk])}"' in html


def test_show_answer_of_another_articles_card_or_nonsense_is_404(client, cards_article):
    assert client.get(review_url(cards_article), {"card": "999999"}).status_code == 404
    assert client.get(review_url(cards_article), {"card": "abc"}, **HTMX).status_code == 404
    assert client.get(reverse("flashcards:deck"), {"card": first(cards_article).pk}).status_code == 404


def test_a_plain_rating_redirects_to_the_next_card(client, cards_article):
    items = list(cards_article.vocab_items.order_by("rank"))
    response = rate(client, items[0], 3, article=cards_article)
    assert response.status_code == 302 and response["Location"] == review_url(cards_article)
    guest = client.session[GUEST_SESSION_KEY]
    state = CardState.objects.get(item=items[0])
    assert str(state.guest_id) == guest and state.user is None and state.reps == 1
    html = client.get(review_url(cards_article)).content.decode()
    assert f'<mark class="flashcard-word">{items[1].word}</mark>' in html
    assert "بُدئ اليوم 1 من أصل 20 بطاقة جديدة" in html


def test_an_htmx_rating_returns_the_next_card(client, cards_article):
    items = list(cards_article.vocab_items.order_by("rank"))
    response = rate(client, items[0], 4, article=cards_article, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f'<mark class="flashcard-word">{items[1].word}</mark>' in html
    assert Review.objects.get().rating == 4


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_repeated_rating_is_refused_with_a_message(client, cards_article, headers):
    item = first(cards_article)
    rate(client, item, 3, article=cards_article)
    response = rate(client, item, 3, article=cards_article, **headers)
    assert response.status_code == 409
    assert "سبق أن قيّمت هذه البطاقة" in response.content.decode()
    assert Review.objects.count() == 1 and CardState.objects.get().reps == 1


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_forged_ratings_are_4xx_with_a_clear_message(client, cards_article, headers):
    item = first(cards_article)
    bad = rate(client, item, 7, article=cards_article, **headers)
    assert bad.status_code == 400 and "تعذرت قراءة التقييم" in bad.content.decode()
    missing = client.post(reverse("flashcards:review"), {"item": 999999, "rating": 3, "reps": 0}, **headers)
    assert missing.status_code == 404 and "لا توجد بطاقة كهذه" in missing.content.decode()
    gone = client.post(
        reverse("flashcards:review"), {"item": item.pk, "rating": 3, "reps": 0, "article": "nope"}, **headers
    )
    assert gone.status_code == 404
    assert not Review.objects.exists()
    assert client.get(reverse("flashcards:review")).status_code == 405


def test_the_deck_lists_due_cards_from_every_article(client, cards_article):
    empty = client.get(reverse("flashcards:deck")).content.decode()
    assert "مجموعتك فارغة" in empty  # "your deck is empty"
    item = first(cards_article)
    rate(client, item, 1, article=cards_article)  # Again: due again in a minute
    CardState.objects.update(due="2020-01-01T00:00:00Z")
    html = client.get(reverse("flashcards:deck")).content.decode()
    assert f'<mark class="flashcard-word">{item.word}</mark>' in html
    assert "البطاقات المستحقة: 1" in html
    partial = client.get(reverse("flashcards:deck"), **HTMX).content.decode()
    assert "<html" not in partial and f'<mark class="flashcard-word">{item.word}</mark>' in partial


def test_settings_of_a_user_are_saved_in_the_profile_and_limit_new_cards(client, cards_article):
    user = make_user()
    client.force_login(user)
    response = client.post(reverse("flashcards:settings"), {"new_cards_per_day": 2, "desired_retention": "0.85"})
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user=user)
    assert (profile.new_cards_per_day, profile.desired_retention) == (2, 0.85)
    assert "البطاقات الجديدة المتبقية اليوم: 2" in client.get(review_url(cards_article)).content.decode()


def test_settings_of_a_guest_live_in_the_session_and_htmx_gets_the_form_back(client, cards_article):
    response = client.post(reverse("flashcards:settings"), {"new_cards_per_day": 0, "desired_retention": "0.9"}, **HTMX)
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert client.session[SETTINGS_SESSION_KEY] == {"new_cards_per_day": 0, "desired_retention": 0.9}
    html = client.get(review_url(cards_article)).content.decode()
    assert "لا شيء للمراجعة الآن" in html  # no new card allowed today, nothing due


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_bad_settings_are_refused_with_the_reason(client, db, headers):
    response = client.post(
        reverse("flashcards:settings"), {"new_cards_per_day": 500, "desired_retention": "1.5"}, **headers
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "200" in html and "0.99" in html
    assert SETTINGS_SESSION_KEY not in client.session


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_word_card_shows_the_card_and_add_to_my_deck(client, cards_article, headers):
    item = first(cards_article)
    response = client.get(reverse("flashcards:word", args=[item.pk]), **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert ("<html" in html) is not bool(headers)
    assert item.gloss in html and item.lemma_vowelled in html
    assert f'action="{reverse("flashcards:add", args=[item.pk])}"' in html
    assert ("data-close-popover" in html) is bool(headers)


def test_add_to_my_deck_plain_redirects_and_htmx_swaps_the_card(client, cards_article):
    items = list(cards_article.vocab_items.order_by("rank"))
    response = client.post(reverse("flashcards:add", args=[items[0].pk]))
    assert response.status_code == 302 and response["Location"] == reverse("flashcards:word", args=[items[0].pk])
    assert "في مجموعتك" in client.get(response["Location"]).content.decode()
    again = client.post(reverse("flashcards:add", args=[items[0].pk]))
    assert again.status_code == 302 and CardState.objects.count() == 1
    swapped = client.post(reverse("flashcards:add", args=[items[1].pk]), **HTMX).content.decode()
    assert "أُضيفت إلى مجموعتك" in swapped and "<html" not in swapped
    assert CardState.objects.filter(reps=0).count() == 2
    assert client.post(reverse("flashcards:add", args=[999999])).status_code == 404
    assert client.get(reverse("flashcards:add", args=[items[0].pk])).status_code == 405


def test_html_in_a_card_is_shown_inert(client, cards_article):
    item = first(cards_article)
    item.gloss = '<script>alert("x")</script>'
    item.save()
    html = client.get(reverse("flashcards:word", args=[item.pk])).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_pronunciation_is_made_once_and_served_as_wav(client, cards_article, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = first(cards_article)
    response = client.get(reverse("flashcards:audio", args=[item.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "audio/wav"
    body = b"".join(response.streaming_content)
    assert body[:4] == b"RIFF" and body[8:12] == b"WAVE" and len(body) > 5000
    files = list((tmp_path / "pronunciation").glob("*.wav"))
    assert len(files) == 1
    made = files[0].stat().st_mtime_ns
    again = client.get(reverse("flashcards:audio", args=[item.pk]))
    assert b"".join(again.streaming_content) == body
    assert files[0].stat().st_mtime_ns == made  # cached, not spoken again


def test_without_espeak_ng_the_button_is_hidden_and_nothing_fails(client, cards_article, settings, tmp_path):
    settings.ESPEAK_NG = str(tmp_path / "no-espeak-ng")
    settings.MEDIA_ROOT = tmp_path
    item = first(cards_article)
    assert "data-audio" not in client.get(review_url(cards_article), {"card": item.pk}).content.decode()
    assert "data-audio" not in client.get(reverse("flashcards:word", args=[item.pk])).content.decode()
    response = client.get(reverse("flashcards:audio", args=[item.pk]))
    assert response.status_code == 404 and "لا يوجد نطق" in response.content.decode()


def test_a_guests_cards_move_to_the_account_at_sign_up(client, cards_article):
    item = first(cards_article)
    rate(client, item, 3, article=cards_article)
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "newlearner",
            "display_name": "متعلم",
            "password1": "a long passphrase 42",
            "password2": "a long passphrase 42",
        },
    )
    assert response.status_code == 302
    state = CardState.objects.get()
    assert state.user is not None and state.user.username == "newlearner" and state.guest_id is None
    html = client.get(review_url(cards_article)).content.decode()
    assert "بُدئ اليوم 1 من أصل 20 بطاقة جديدة" in html


# Words in the article ----------------------------------------------------------------------------------------


def test_article_words_link_to_their_cards_and_sentences_keep_their_ids(client, cards_article):
    html = client.get(cards_article.get_absolute_url()).content.decode()
    for sentence in cards_article.sentences.all():
        assert f'id="{sentence.anchor}"' in html
    item = cards_article.vocab_items.get(lemma="إرهاب")
    url = reverse("flashcards:word", args=[item.pk])
    links = re.findall(rf'<a class="w" href="{url}" hx-get="{url}">([^<]+)</a>', html)
    assert len(links) == item.frequency == len(item.occurrences)
    assert {"الإرهاب", "للإرهاب"} <= set(links)
    assert 'hx-target="#word-popover"' in html and 'id="word-popover"' in html
    assert review_url(cards_article) in html
    # The text itself is unchanged: without the links each sentence reads as stored.
    for sentence in cards_article.sentences.all()[:5]:
        span = re.search(rf'<span class="sentence" id="{sentence.anchor}">(.*?)</span>', html, re.S)
        assert span is not None
        assert re.sub(r"<[^>]+>", "", span.group(1)).replace("&quot;", '"') == sentence.text


def test_known_words_are_marked_and_the_share_is_shown(client, cards_article):
    user = make_user()
    client.force_login(user)
    html = client.get(cards_article.get_absolute_url()).content.decode()
    assert "تعرف 0% من كلمات هذا المقال" in html and 'class="w known"' not in html
    item = cards_article.vocab_items.get(lemma="إرهاب")
    CardState.objects.create(user=user, item=item, state=2, reps=2, due="2030-01-01T00:00:00Z")
    html = client.get(cards_article.get_absolute_url()).content.decode()
    total = sum(cards_article.vocab_items.values_list("frequency", flat=True))
    share = round(100 * item.frequency / total)
    assert f"تعرف {share}% من كلمات هذا المقال" in html
    assert html.count('class="w known"') == item.frequency


def test_the_article_page_runs_a_fixed_number_of_queries(client, cards_article, django_assert_num_queries):
    with django_assert_num_queries(5):  # article, blocks, sentences, pictures, cards
        client.get(cards_article.get_absolute_url())
    user = make_user()
    client.force_login(user)
    with django_assert_num_queries(8):  # + session, user, the learner's known words
        client.get(cards_article.get_absolute_url())


def test_the_review_page_runs_a_fixed_number_of_queries(client, cards_article, django_assert_num_queries):
    rate(client, first(cards_article), 3, article=cards_article)
    # session; due count, new cards started today, new cards left; the next new card, its schedule; the sentence
    with django_assert_num_queries(7):
        client.get(review_url(cards_article))


def review_one_card(client, article, front: int, back: int, rating: int, assert_num_queries) -> None:
    """Show the next card's front, then its back, then rate it Good, each with the number of queries given."""
    with assert_num_queries(front):
        html = client.get(review_url(article), **HTMX).content.decode()
    card = re.search(r"\?card=(\d+)&amp;t=(\d+)", html)
    with assert_num_queries(back):
        html = client.get(review_url(article), {"card": card[1], "t": card[2]}, **HTMX).content.decode()
    form = dict(re.findall(r'name="(item|reps|shown_at|article)" value="([^"]*)"', html))
    with assert_num_queries(rating):
        assert client.post(reverse("flashcards:review"), form | {"rating": "3"}, **HTMX).status_code == 200


@pytest.mark.parametrize("signed_in", [False, True], ids=["guest", "learner"])
def test_reviewing_runs_a_fixed_number_of_queries(client, cards_article, django_assert_num_queries, signed_in):
    """After the first card (a guest's first rating makes their learner), each new card's front, back and rating
    run the same number of queries. A signed-in learner's requests run one more: the user with the profile."""
    if signed_in:
        client.force_login(make_user("layla"))
    user = 1 if signed_in else 0
    review_one_card(client, cards_article, 0, 0, 0, lambda _count: nullcontext())
    for _ in range(4):
        review_one_card(client, cards_article, 7 + user, 7 + user, 16 + user, django_assert_num_queries)
    assert Review.objects.count() == 5
