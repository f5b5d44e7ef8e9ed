"""Flashcards in the admin: edit gloss, lemma and diacritics; find cards without a gloss; the leeches."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz.models import CardState, VocabItem

from .adminform import page_form_data
from .conftest import make_user

pytestmark = pytest.mark.django_db

LIST = "admin:quiz_vocabitem_changelist"


@pytest.fixture
def cards(seed_article):
    made = {}
    for rank, (word, lemma, gloss) in enumerate(
        [("الإرهاب", "إرهاب", "terrorism"), ("المجتمع", "مجتمع", ""), ("الدولي", "دولي", "international")]
    ):
        made[lemma] = VocabItem.objects.create(article=seed_article, word=word, lemma=lemma, gloss=gloss, rank=rank)
    learners = [make_user(f"learner{n}") for n in range(3)]
    for n, learner in enumerate(learners):  # مجتمع: a leech for all three; دولي: for one
        CardState.objects.create(user=learner, item=made["مجتمع"], due=timezone.now(), lapses=8, is_leech=True)
        CardState.objects.create(user=learner, item=made["دولي"], due=timezone.now(), is_leech=n == 0)
        CardState.objects.create(user=learner, item=made["إرهاب"], due=timezone.now())
    return made


def lemmas(response) -> list[str]:
    return [item.lemma for item in response.context["cl"].result_list]


def test_a_filter_finds_the_cards_missing_a_gloss(client, teacher, cards):
    client.force_login(teacher)
    assert lemmas(client.get(reverse(LIST) + "?gloss=missing")) == ["مجتمع"]
    assert sorted(lemmas(client.get(reverse(LIST) + "?gloss=unchecked"))) == ["إرهاب", "دولي"]


def test_the_leeches_list_puts_the_worst_first(client, teacher, cards):
    client.force_login(teacher)
    response = client.get(reverse(LIST) + "?leech=yes")
    assert lemmas(response) == ["مجتمع", "دولي"]
    assert [item.leech_count for item in response.context["cl"].result_list] == [3, 1]
    assert "بطاقات ينساها المتعلمون مرارًا" in response.content.decode()


def test_editing_gloss_and_diacritics_marks_the_card(client, teacher, cards):
    card = cards["مجتمع"]
    client.force_login(teacher)
    url = reverse("admin:quiz_vocabitem_change", args=[card.pk])
    data = {**page_form_data(client.get(url)), "gloss": "society, community", "lemma_vowelled": "مُجْتَمَع"}
    assert client.post(url, data).status_code == 302
    card.refresh_from_db()
    assert (card.gloss, card.lemma_vowelled) == ("society, community", "مُجْتَمَع")
    assert card.edited and card.gloss_trusted and not card.vowelled_by_machine


def test_two_cards_cannot_share_a_lemma_in_one_article(client, teacher, cards):
    card = cards["مجتمع"]
    client.force_login(teacher)
    url = reverse("admin:quiz_vocabitem_change", args=[card.pk])
    response = client.post(url, {**page_form_data(client.get(url)), "lemma": "إرهاب"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["lemma"] == ["لهذا المقال بطاقة لـ«إرهاب» من قبل."]
    card.refresh_from_db()
    assert card.lemma == "مجتمع"


def test_mark_glosses_checked_action_skips_empty_glosses(client, teacher, cards):
    client.force_login(teacher)
    client.post(reverse(LIST), {"action": "mark_gloss_checked", "_selected_action": [c.pk for c in cards.values()]})
    assert dict(VocabItem.objects.values_list("lemma", "gloss_trusted")) == {
        "إرهاب": True,
        "مجتمع": False,
        "دولي": True,
    }
