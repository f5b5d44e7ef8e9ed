"""make backup / restore give back learners' data exactly, on the database the suite runs on."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from quiz.backup import BackupError, backup_create, backup_restore
from quiz.models import Attempt, CardState, LearnerProfile, Question, Response, Review, VocabItem

from .conftest import all_rows, make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def make_learners_data() -> None:
    article = make_article()
    question = Question.objects.create(
        article=article, kind="how_many", mode="typed", prompt="كم دولة؟", answer="134", status=Question.Status.TEACHER
    )
    layla = make_user("layla")
    LearnerProfile.objects.filter(user=layla).update(xp=120, streak_days=3)
    attempt = Attempt.objects.create(article=article, user=layla, score=100, correct_count=1, answered_count=1)
    Response.objects.create(attempt=attempt, question=question, given="١٣٤", is_correct=True, points=100)
    item = VocabItem.objects.create(article=article, word="الإرهاب", lemma="إرهاب", gloss="terrorism")
    card = CardState.objects.create(user=layla, item=item, due=timezone.now(), stability=2.5, difficulty=5.1)
    Review.objects.create(card=card, rating=3, reviewed_at=timezone.now(), duration_ms=2100)


def test_a_backup_restores_every_row_and_the_media_exactly(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "images" / "photo.png").write_bytes(b"\x89PNG fake but kept byte for byte")
    make_learners_data()
    before = all_rows()
    backup = backup_create(tmp_path / "backups")
    assert backup.manifest["rows"]["quiz.Response"] == 1

    # Damage: an attempt and its responses lost, a score changed, a new learner, a file gone.
    Attempt.objects.all().delete()
    LearnerProfile.objects.update(xp=0)
    make_user("sami", display_name="سامي")
    (settings.MEDIA_ROOT / "images" / "photo.png").unlink()
    assert all_rows() != before

    backup_restore(backup.path)
    assert all_rows() == before
    assert (settings.MEDIA_ROOT / "images" / "photo.png").read_bytes() == b"\x89PNG fake but kept byte for byte"


def test_the_commands_make_and_restore_a_backup(tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    make_learners_data()
    before = all_rows()
    call_command("backup", "--dest", str(tmp_path))
    (folder,) = tmp_path.glob("quizsite-*")
    assert "Backed up" in capsys.readouterr().out
    Response.objects.all().delete()
    call_command("restore", str(folder), "--yes")
    assert all_rows() == before


def test_restoring_something_that_is_not_a_backup_is_refused_and_changes_nothing(tmp_path):
    make_learners_data()
    before = all_rows()
    with pytest.raises(BackupError, match="not a quizsite backup"):
        backup_restore(tmp_path)
    with pytest.raises(CommandError, match="not a quizsite backup"):
        call_command("restore", str(tmp_path), "--yes")
    assert all_rows() == before
