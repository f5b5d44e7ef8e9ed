"""Teachers add articles in the admin by pasting or uploading; generation runs in the background."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quiz.models import Article, Question

from .adminform import page_form_data
from .conftest import SEED, make_article, make_bank_question

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
ADD = "admin:quiz_article_add"
NO_QUESTIONS_TEXT = "الطقس الجميل\n\nكان الجو جميلا في الصباح وذهبنا إلى الحديقة."


def add(client, **data):
    """Fill in the add page as a browser would (with its empty pictures inline) and save."""
    headers = {k: v for k, v in data.items() if k.startswith("HTTP_")}
    fields = {k: v for k, v in data.items() if not k.startswith("HTTP_")}
    page = client.get(reverse(ADD), **headers)
    return client.post(reverse(ADD), {**page_form_data(page), **fields}, **headers)


def errors_of(response) -> str:
    assert response.status_code == 200
    form = response.context["adminform"].form
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def test_pasting_an_article_stores_it_and_generates_its_questions(client, teacher, django_capture_on_commit_callbacks):
    client.force_login(teacher)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = add(client, pasted=SEED.read_text(encoding="utf-8"))
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:quiz_article_change", args=[article.pk])
    assert len(callbacks) == 1  # the generation task, enqueued once the article was committed
    assert article.title.startswith("ختام أسبوع مكافحة الإرهاب")
    assert article.sentences.count() > 20
    assert article.generation_status == Article.Generation.DONE
    assert article.generation_error == ""
    assert article.questions.filter(status=Question.Status.GENERATED).count() >= 20
    page = client.get(response["Location"]).content.decode()
    assert "في الخلفية" in page  # the message: the questions are being made in the background
    assert 'class="generation-state generation-done"' in page
    assert reverse("admin:quiz_question_changelist") + f"?article__id__exact={article.pk}" in page


def test_uploading_a_text_file_does_the_same(client, teacher, seed_bytes, django_capture_on_commit_callbacks):
    client.force_login(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, upload=SimpleUploadedFile("مقال.txt", seed_bytes, "text/plain"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.generation_status == Article.Generation.DONE
    assert article.questions.count() >= 20


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "الصق نص المقال أو اختر ملفًا"),
        ({"pasted": "\u202b\u202c"}, "المقال فارغ"),
        ({"upload": ("a.txt", b"\n \n\t\n")}, "المقال فارغ"),
        ({"upload": ("a.txt", "عنوان\n".encode() + b"x" * 1_000_001)}, "أكبر من 1 ميغابايت"),
        ({"pasted": "عنوان\n" + "ا" * 1_000_001}, "أكبر من 1 ميغابايت"),
        ({"upload": ("a.txt", "الأمم المتحدة تعقد اجتماعا.".encode("cp1256"))}, "ليس نصًا بترميز UTF-8"),
        ({"pasted": "The United Nations met today.\n\nIt was a long meeting."}, "النص ليس عربيًا"),
        ({"pasted": "عنوان المقال\nعنوان المقال"}, "لم يُعثر على نص المقال"),
        ({"upload": ("article.pdf", "عنوان\n\nنص.".encode())}, "اختر ملفًا بامتداد ‎.txt"),
        ({"pasted": "عنوان\n\nنص المقال.", "upload": ("a.txt", "عنوان\n\nنص.".encode())}, "لا كليهما"),
    ],
)
def test_a_bad_article_is_a_clear_form_error_and_stores_nothing(client, teacher, data, message):
    client.force_login(teacher)
    if "upload" in data:
        name, content = data["upload"]
        data = {**data, "upload": SimpleUploadedFile(name, content, "text/plain")}
    response = add(client, **data)
    assert message in errors_of(response)
    assert not Article.objects.exists()


def test_form_errors_speak_english_to_an_english_teacher(client, teacher):
    client.force_login(teacher)
    response = add(client, pasted="The United Nations met today.", HTTP_ACCEPT_LANGUAGE="en")
    assert "The text is not Arabic." in errors_of(response)


def test_the_same_article_twice_is_refused(client, teacher, seed_article, seed_bytes):
    client.force_login(teacher)
    response = add(client, upload=SimpleUploadedFile("again.txt", seed_bytes, "text/plain"))
    assert "هذا المقال موجود" in errors_of(response)
    assert Article.objects.count() == 1


def test_html_in_an_article_stays_inert(client, teacher, django_capture_on_commit_callbacks):
    client.force_login(teacher)
    text = "عنوان <b>المقال</b>\n\nقال الوزير <script>alert(1)</script> إن الخطة نجحت في 12 دولة."
    with django_capture_on_commit_callbacks(execute=True):
        add(client, pasted=text)
    article = Article.objects.get()
    for url in (reverse("admin:quiz_article_change", args=[article.pk]), article.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;b&gt;المقال&lt;/b&gt;" in html


def test_a_new_text_replaces_the_old_and_keeps_the_teachers_questions(
    client, teacher, seed_article, django_capture_on_commit_callbacks
):
    own = make_bank_question(seed_article, status=Question.Status.TEACHER)
    client.force_login(teacher)
    url = reverse("admin:quiz_article_change", args=[seed_article.pk])
    data = page_form_data(client.get(url))
    new_text = SEED.read_text(encoding="utf-8").replace("134 دولة", "140 دولة")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**data, "pasted": new_text})
    assert response.status_code == 302
    seed_article.refresh_from_db()
    assert "140 دولة" in seed_article.text
    assert seed_article.generation_status == Article.Generation.DONE
    assert Question.objects.filter(pk=own.pk, status=Question.Status.TEACHER).exists()
    assert seed_article.questions.filter(answer="140 دولة").exists()


def test_saving_settings_alone_does_not_generate_again(
    client, teacher, seed_article, django_capture_on_commit_callbacks
):
    client.force_login(teacher)
    url = reverse("admin:quiz_article_change", args=[seed_article.pk])
    data = page_form_data(client.get(url))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url, {**data, "questions_per_quiz": "7", "topic": "أمن"})
    assert response.status_code == 302
    assert callbacks == []
    seed_article.refresh_from_db()
    assert (seed_article.questions_per_quiz, seed_article.topic) == (7, "أمن")
    assert seed_article.generation_status == Article.Generation.NOT_STARTED


def test_an_article_without_questions_is_shown_as_failed_with_the_reason(
    client, teacher, django_capture_on_commit_callbacks
):
    client.force_login(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, pasted=NO_QUESTIONS_TEXT)
    article = Article.objects.get()
    assert article.generation_status == Article.Generation.FAILED
    page = client.get(response["Location"]).content.decode()
    assert 'class="generation-state generation-failed"' in page
    assert "لم يمكن صنع أي سؤال من هذا النص" in page
    listing = client.get(reverse("admin:quiz_article_changelist")).content.decode()
    assert 'generation-failed">فشل' in listing


def test_the_state_view_is_a_page_plain_and_a_partial_through_htmx(client, teacher, seed_article):
    seed_article.generation_status = Article.Generation.RUNNING
    seed_article.save()
    client.force_login(teacher)
    url = reverse("admin:quiz_article_generation", args=[seed_article.pk])
    page = client.get(url).content.decode()
    assert "<html" in page and 'role="status"' in page
    assert 'hx-trigger="every 2s"' in page
    # The change page polls while it waits; unchanged state: nothing to swap.
    assert client.get(url + "?seen=running", **HTMX).status_code == 204
    seed_article.generation_status = Article.Generation.DONE
    seed_article.save()
    partial = client.get(url + "?seen=running", **HTMX)
    html = partial.content.decode()
    assert partial.status_code == 200
    assert "<html" not in html and 'id="generation-panel"' in html
    assert "hx-trigger" not in html  # done: polling stops
    assert "generation-done" in html


def test_generate_again_action_queues_and_runs(client, teacher, django_capture_on_commit_callbacks):
    article = make_article()
    client.force_login(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:quiz_article_changelist"),
            {"action": "generate_again", "_selected_action": [article.pk]},
            follow=True,
        )
    assert "عدد المقالات التي تنتظر أسئلتها: 1." in response.content.decode()
    article.refresh_from_db()
    assert article.generation_status == Article.Generation.DONE
    assert article.questions.count() >= 20


def test_article_list_runs_a_fixed_number_of_queries(client, teacher, django_assert_num_queries):
    make_article()
    make_article("عنوان آخر\n\nقال الوزير إن الخطة نجحت.", source_name="other.txt")
    client.force_login(teacher)
    url = reverse("admin:quiz_article_changelist")
    client.get(url)
    # session, user, permissions (user's, group's), count, page of articles with their counts, filter facets
    with django_assert_num_queries(7):
        client.get(url)
