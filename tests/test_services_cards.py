"""Flashcards stored as rows: on import, again on regeneration, never over a teacher's edits."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from quiz.learners import Learner
from quiz.models import CardState, VocabItem
from quiz.parsing import parse_article
from quiz.services import article_cards_generate, article_import, card_review

from .conftest import SEED, make_article, make_user

pytestmark = pytest.mark.django_db


def test_import_stores_the_cards_with_their_sentences(capsys):
    call_command("import_article", str(SEED))
    items = list(VocabItem.objects.select_related("sentence").order_by("rank"))
    assert 30 <= len(items) <= 60
    assert [i.rank for i in items] == list(range(len(items)))
    for item in items:
        assert item.origin_key == item.lemma and not item.edited and not item.retired
        assert item.sentence is not None and item.sentence.article_id == item.article_id
        assert item.sentence.text[item.word_start : item.word_end] == item.word
        assert item.frequency == len(item.occurrences) >= 1
    terror = next(i for i in items if i.lemma == "إرهاب")
    assert (terror.lemma_vowelled, terror.root, terror.pos) == ("إِرْهاب", "رهب", "noun")
    assert "terrorism" in terror.gloss and terror.gloss_trusted and terror.vowelled_by_machine
    assert "new flashcards" in capsys.readouterr().out


def test_regenerating_the_same_text_changes_nothing():
    article = make_article()
    article_cards_generate(article=article)
    before = list(VocabItem.objects.values_list("id", "lemma", "gloss", "rank", "occurrences"))
    result = article_cards_generate(article=article)
    assert result.created == result.updated == result.deleted == result.retired == 0
    assert result.unchanged == len(before)
    assert list(VocabItem.objects.values_list("id", "lemma", "gloss", "rank", "occurrences")) == before


def test_a_teachers_edit_survives_regeneration_and_follows_its_word():
    article = make_article()
    article_cards_generate(article=article)
    item = VocabItem.objects.get(lemma="إرهاب")
    item.gloss, item.gloss_trusted, item.edited = "terrorism (checked)", True, True
    item.save()
    own = VocabItem.objects.create(article=article, word="أسبوع", lemma="موضوع", gloss="topic", edited=True)
    # The text changes: a new first paragraph moves every sentence.
    parsed = parse_article(
        SEED.read_text("utf-8").replace("السلم والأمن\n", "السلم والأمن\n\nفقرة جديدة عن الإرهاب.\n", 1)
    )
    article, changed = article_import(parsed=parsed, article=article)
    assert changed
    result = article_cards_generate(article=article)
    item.refresh_from_db()
    assert item.gloss == "terrorism (checked)" and item.edited
    assert item.sentence is not None and item.sentence.text[item.word_start : item.word_end] == item.word
    assert result.kept_by_teacher >= 1
    own.refresh_from_db()
    assert own.gloss == "topic"


def test_a_card_the_text_drops_is_retired_if_learners_review_it_else_deleted():
    article = make_article()
    article_cards_generate(article=article)
    learner = Learner(user=make_user())
    reviewed = VocabItem.objects.get(lemma="جائحة")
    card_review(learner=learner, item=reviewed, rating=3, reps=0)
    unreviewed_lemma = "داعش"
    text = SEED.read_text("utf-8").replace("جائحة", "أزمة").replace("داعش", "التنظيم")
    article, _changed = article_import(parsed=parse_article(text), article=article)
    result = article_cards_generate(article=article)
    reviewed.refresh_from_db()
    assert reviewed.retired and reviewed.occurrences == []
    assert CardState.objects.filter(item=reviewed).exists()
    assert not VocabItem.objects.filter(lemma=unreviewed_lemma).exists()
    assert result.retired == 1 and result.deleted >= 1
    assert reviewed not in VocabItem.objects.current()
