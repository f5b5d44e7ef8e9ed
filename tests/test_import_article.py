"""python manage.py import_article, against the real database."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from quiz.models import Article, Block, Question, Sentence

from .conftest import SEED, subprocess_env

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Article.objects.values_list("id", "title", "content_hash", "updated_at")),
        list(Block.objects.values_list("id", "kind", "text")),
        list(Sentence.objects.values_list("id", "position", "text")),
    )


def test_imports_the_seed_with_its_parts_and_sentences(capsys):
    call_command("import_article", str(SEED))
    article = Article.objects.get()
    assert article.source_name == SEED.name
    assert article.slug == "ختام-أسبوع-مكافحة-الإرهاب"
    assert article.lead == "لا تزال العديد من الدول تواجه التهديدات الإرهابية"
    assert article.word_count == 528
    assert article.blocks.filter(kind="paragraph").count() == 16
    assert article.blocks.filter(kind="heading").count() == 2
    assert article.blocks.filter(kind="caption").count() == 1
    sentences = list(article.sentences.order_by("position"))
    assert len(sentences) == 23
    assert [s.position for s in sentences] == list(range(23))
    for s in sentences:
        assert article.text[s.start : s.start + len(s.text)] == s.text
    assert sentences[0].block is None  # the lead
    caption = article.blocks.get(kind="caption")
    assert caption.sentences.get().text.startswith("من الأرشيف")
    assert "imported" in capsys.readouterr().out


def test_importing_twice_changes_nothing(capsys):
    call_command("import_article", str(SEED))
    before = snapshot()
    call_command("import_article", str(SEED))
    assert snapshot() == before
    assert "unchanged" in capsys.readouterr().out


def test_importing_a_changed_file_updates_in_place_and_keeps_question_evidence(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("العنوان\n\nقال الوزير إن الخطة نجحت.\n\nوأضاف أن الصادرات زادت.", encoding="utf-8")
    call_command("import_article", str(path))
    article = Article.objects.get()
    kept = article.sentences.get(position=1)
    question = Question.objects.create(
        article=article,
        kind="what",
        prompt="ماذا زاد؟",
        answer="الصادرات",
        evidence=kept,
        status=Question.Status.TEACHER,
    )
    path.write_text("العنوان\n\nقال الوزير إن الخطة فشلت.\n\nوأضاف أن الصادرات زادت.", encoding="utf-8")
    call_command("import_article", str(path))
    article.refresh_from_db()
    assert Article.objects.count() == 1
    assert "فشلت" in article.text
    question.refresh_from_db()
    assert question.evidence is not None
    assert question.evidence.text == "وأضاف أن الصادرات زادت."


def test_importing_a_changed_file_with_a_lead_replaces_its_sentences(tmp_path):
    """The lead's sentences have no block; a changed text used to collide with them (IntegrityError)."""
    path = tmp_path / "story.txt"
    path.write_text("العنوان\n\nمقدمة الخبر بلا نقطة\n\nقال الوزير إن الخطة نجحت.", encoding="utf-8")
    call_command("import_article", str(path))
    path.write_text("العنوان\n\nمقدمة الخبر بلا نقطة\n\nقال الوزير إن الخطة فشلت.", encoding="utf-8")
    call_command("import_article", str(path))
    article = Article.objects.get()
    assert article.lead == "مقدمة الخبر بلا نقطة"
    assert list(article.sentences.order_by("position").values_list("text", flat=True)) == [
        "مقدمة الخبر بلا نقطة",
        "قال الوزير إن الخطة فشلت.",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"\xff\xfe\xfd not utf-8", "not UTF-8"),
        (b"An English news story about the weather.", "not Arabic"),
        ("عنوان\n".encode() + "كلمة ".encode() * 200_001, "over 1 MB"),
    ],
)
def test_a_bad_file_names_itself_and_its_reason_and_leaves_the_database_as_it_was(tmp_path, content, reason):
    call_command("import_article", str(SEED))
    before = snapshot()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(CommandError) as error:
        call_command("import_article", str(SEED), str(bad))
    message = str(error.value)
    assert "\n" not in message
    assert str(bad) in message
    assert reason in message
    assert snapshot() == before


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("import_article", str(tmp_path / "nope.txt"))
    assert not Article.objects.exists()


def test_the_command_exits_non_zero_on_a_bad_file(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_article", str(bad)],
        capture_output=True,
        text=True,
        cwd=SEED.parent.parent,
        timeout=120,
        env=subprocess_env(DATABASE_URL="sqlite:///" + str(tmp_path / "db.sqlite3")),
    )
    assert result.returncode != 0
    assert f"{bad}: the file is empty" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
