"""Question banks: JSON export and import (a round trip changes nothing) and Moodle GIFT export."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from quiz import banks
from quiz.models import Article, Choice, Question
from quiz.services import article_generate, question_bank_import

from .conftest import make_article, make_bank_question

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def bank_article(seed_article: Article) -> Article:
    article_generate(article=seed_article)
    first, second = seed_article.questions.order_by("id")[:2]
    Question.objects.filter(pk=first.pk).update(status=Question.Status.APPROVED)
    Question.objects.filter(pk=second.pk).update(prompt="سؤال عدّله المعلم؟", edited=True)
    make_bank_question(seed_article, prompt="سؤال كتبه المعلم؟", status=Question.Status.TEACHER)
    return seed_article


def snapshot() -> tuple[list[tuple], list[tuple]]:
    questions = list(Question.objects.order_by("id").values_list())
    choices = list(Choice.objects.order_by("id").values_list())
    return questions, choices


def test_importing_an_export_here_changes_nothing(bank_article):
    exported = banks.export_json([bank_article])
    before = snapshot()
    result = question_bank_import(banks=banks.read_json(exported.encode()))
    assert (result.created, result.updated) == (0, 0)
    assert result.unchanged == bank_article.questions.count()
    assert snapshot() == before  # every column of every row, updated_at included
    assert banks.export_json([bank_article]) == exported


def test_a_bank_moves_to_another_site_and_back_unchanged(bank_article, seed_bytes):
    exported = banks.export_json([bank_article])
    count = bank_article.questions.count()
    # Another site: the same article, imported from its file, with none of these questions.
    Question.objects.all().delete()
    result = question_bank_import(banks=banks.read_json(exported.encode()))
    assert (result.created, result.updated, result.unchanged) == (count, 0, 0)
    assert banks.export_json([bank_article]) == exported
    document = json.loads(exported)
    kept = {q["prompt"]: q for q in document["articles"][0]["questions"]}
    assert kept["سؤال عدّله المعلم؟"]["edited"] is True
    assert kept["سؤال كتبه المعلم؟"]["status"] == "teacher"
    assert all(q["evidence"] for q in document["articles"][0]["questions"] if q["status"] == "generated")


def test_an_older_bank_updates_what_changed_since(bank_article):
    exported = banks.export_json([bank_article])
    question = bank_article.questions.get(prompt="سؤال كتبه المعلم؟")
    question.answer = "143"  # changed here after the export; the import puts the exported answer back
    question.save()
    result = question_bank_import(banks=banks.read_json(exported.encode()))
    assert (result.created, result.updated) == (0, 1)
    question.refresh_from_db()
    assert question.answer == "134"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"not json", "ليس مستند JSON"),
        (json.dumps({"format": "other"}).encode(), "ليس بنك أسئلة"),
        (json.dumps({"format": banks.FORMAT, "version": 99}).encode(), "بإصدار آخر"),
        (
            json.dumps(
                {
                    "format": banks.FORMAT,
                    "version": 1,
                    "articles": [{"slug": "x", "title": "مقال غائب", "questions": []}],
                }
            ).encode(),
            "لا يوجد هنا مقال يطابق «مقال غائب»",
        ),
    ],
)
def test_a_bad_bank_is_refused_with_the_reason(seed_article, document, message):
    with pytest.raises(banks.BankError, match=message):
        banks.read_json(document)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "colour"}, "نوع غير معروف «colour»"),
        ({"choices": [{"text": "أ", "is_correct": True}, {"text": "أ", "is_correct": False}]}, "خيار واحد"),
        ({"choices": [{"text": "أ", "is_correct": True}, {"text": "ب", "is_correct": True}]}, "المعلَّم الآن: 2"),
        ({"prompt": "   "}, "لا نص له"),
        ({"accepted": "نص"}, "accepted"),
        ({"tolerance": -3}, "حقل رقمي"),
    ],
)
def test_each_question_of_a_bank_is_checked_and_nothing_is_stored(bank_article, change, message):
    document = json.loads(banks.export_json([bank_article]))
    choice = next(q for q in document["articles"][0]["questions"] if q["mode"] == "choice")
    choice.update(change)
    Question.objects.all().delete()
    with pytest.raises(banks.BankError, match=message):
        banks.read_json(json.dumps(document).encode())
    assert not Question.objects.exists()


def test_gift_escapes_its_special_characters():
    assert banks.gift_escape("a~b=c#d{e}f:g") == "a\\~b\\=c\\#d\\{e\\}f\\:g"
    assert banks.gift_escape("سطر\nآخر") == "سطر\\nآخر"


def test_gift_export_of_each_kind_of_question(seed_article):
    evidence = seed_article.sentences.get(text__contains="134 دولة")
    make_bank_question(seed_article, prompt="كم دولة {شاركت}: = ~ #؟", evidence=evidence, score=3)
    Question.objects.create(
        article=seed_article,
        kind="who",
        mode="typed",
        prompt="من قال؟",
        answer="فورونكوف",
        accepted=["فلاديمير فورونكوف"],
        status="approved",
        score=2,
    )
    tf = Question.objects.create(
        article=seed_article,
        kind="true_false",
        mode="true_false",
        prompt="صح أم خطأ: شاركت 134 دولة",
        answer="صح",
        status="approved",
        score=1,
    )
    tf.choices.create(text="صح", is_correct=True, position=0)
    tf.choices.create(text="خطأ", is_correct=False, position=1)
    Question.objects.create(
        article=seed_article,
        kind="matching",
        mode="matching",
        prompt="صِل",
        answer="",
        pairs=[["134", "دولة"], ["47", "منظمة"]],
        status="approved",
        score=0,
    )
    make_bank_question(seed_article, prompt="مرفوض؟", status="rejected")
    gift = banks.export_gift([seed_article])
    name = banks.gift_escape(seed_article.title[:40])
    assert gift == "\n".join(
        [
            f"// {seed_article.title}",
            f"$CATEGORY: $course$/quizsite/{seed_article.slug}",
            "",
            f"::{name} 1::كم دولة \\{{شاركت\\}}\\: \\= \\~ \\#؟ {{",
            "\t=134",
            "\t~143",
            "\t~150",
            "\t~124",
            f"\t####{banks.gift_escape(evidence.text)}",
            "}",
            "",
            f"::{name} 2::من قال؟ {{",
            "\t=فورونكوف",
            "\t=فلاديمير فورونكوف",
            "}",
            "",
            f"::{name} 3::صح أم خطأ\\: شاركت 134 دولة {{",
            "\tTRUE",
            "}",
            "",
            f"::{name} 4::صِل {{",
            "\t=134 -> دولة",
            "\t=47 -> منظمة",
            "}",
            "",
        ]
    )


# The admin and the commands ------------------------------------------------------------------------------------


def test_the_admin_actions_download_json_and_gift(client, teacher, bank_article):
    client.force_login(teacher)
    url = reverse("admin:quiz_article_changelist")
    response = client.post(url, {"action": "export_bank", "_selected_action": [bank_article.pk]})
    assert response["Content-Disposition"] == 'attachment; filename="question-bank.json"'
    assert response.content.decode() == banks.export_json([bank_article])
    response = client.post(url, {"action": "export_gift", "_selected_action": [bank_article.pk]})
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == banks.export_gift([bank_article])


def test_the_admin_imports_a_bank(client, teacher, bank_article):
    exported = banks.export_json([bank_article]).encode()
    count = bank_article.questions.count()
    Question.objects.all().delete()
    client.force_login(teacher)
    url = reverse("admin:quiz_article_import")
    for extra in ({}, HTMX):
        page = client.get(url, **extra)
        assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.content.decode()
    response = client.post(url, {"file": SimpleUploadedFile("bank.json", exported)}, follow=True)
    assert f"استُورد بنك الأسئلة: {count} جديد، و0 مُحدَّث، و0 بلا تغيير." in response.content.decode()
    assert bank_article.questions.count() == count


def test_the_admin_shows_why_a_bank_is_refused(client, teacher, seed_article):
    client.force_login(teacher)
    response = client.post(
        reverse("admin:quiz_article_import"), {"file": SimpleUploadedFile("bank.json", b"<html>not json</html>")}
    )
    assert response.status_code == 200
    assert "الملف ليس مستند JSON." in response.content.decode()


def test_export_and_import_commands(bank_article, tmp_path):
    out = io.StringIO()
    call_command("export_questions", bank_article.slug, stdout=out)
    assert out.getvalue() == banks.export_json([bank_article])
    path = tmp_path / "bank.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    out = io.StringIO()
    call_command("import_questions", str(path), stdout=out)
    assert f"0 new, 0 updated, {bank_article.questions.count()} unchanged" in out.getvalue()
    gift = io.StringIO()
    call_command("export_questions", "--gift", stdout=gift)
    assert gift.getvalue() == banks.export_gift([bank_article])
    with pytest.raises(CommandError, match="no article with the slug nothing-here"):
        call_command("export_questions", "nothing-here")
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(CommandError, match="not a question bank"):
        call_command("import_questions", str(path))


def test_a_second_article_in_the_same_bank(bank_article):
    other = make_article("عنوان آخر\n\nقال الوزير إن 12 دولة وقعت الاتفاق.", source_name="other.txt")
    make_bank_question(other, prompt="كم دولة وقعت؟")
    exported = banks.export_json([bank_article, other])
    assert [a["slug"] for a in json.loads(exported)["articles"]] == sorted(
        [bank_article.slug, other.slug], key=lambda slug: Article.objects.get(slug=slug).title
    )
    Question.objects.filter(article=other).delete()
    result = question_bank_import(banks=banks.read_json(exported.encode()))
    assert result.created == 1
    assert other.questions.get().choices.count() == 4
