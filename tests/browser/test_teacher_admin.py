"""A teacher in a real Chromium: logs in, adds an article, waits for the real queue, approves a question,
attaches a picture; every admin page works under our Content-Security-Policy (no console errors)."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage
from playwright.sync_api import Page, expect

from quiz.models import Article, Image, Question

from ..conftest import SEED, TEACHER_PASSWORD, make_bank_question, make_teacher
from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def log_in_as_teacher(page: Page) -> None:
    make_teacher("huda")
    page.goto(reverse("accounts:login") + "?next=/")
    page.get_by_label("اسم المستخدم").fill("huda")
    page.get_by_label("كلمة المرور").fill(TEACHER_PASSWORD)
    page.get_by_role("button", name="تسجيل الدخول").click()
    page.get_by_role("link", name="المعلم").click()  # the site's link to the admin, shown to staff
    expect(page.locator("#site-name")).to_have_text("اقرأ واختبر: المعلمون")


def test_a_teacher_adds_an_article_waits_for_generation_and_approves_a_question(page, database_queue):
    log_in_as_teacher(page)
    page.locator(".model-article").get_by_role("link", name="أضف").click()
    page.get_by_label("نص المقال").fill(SEED.read_text(encoding="utf-8"))
    page.get_by_role("button", name="احفظ", exact=True).click()

    # Saved, and waiting for the background worker.
    expect(page.locator(".messagelist")).to_contain_text("في الخلفية")
    expect(page.locator(".generation-state")).to_have_text("في الانتظار")
    article = Article.objects.get()
    assert not article.questions.exists()
    screenshot(page, "admin-article-queued")

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    # The page notices by itself (htmx polls the state) and offers the questions.
    expect(page.locator(".generation-state")).to_have_text("اكتمل", timeout=15_000)
    count = article.questions.count()
    assert count >= 20
    expect(page.locator(".generation-panel")).to_contain_text(f"عدد الأسئلة الجاهزة للمراجعة: {count}.")
    screenshot(page, "admin-article-done")
    page.get_by_role("link", name="مراجعة الأسئلة").first.click()

    # Approve one that is not the generator's first choice.
    chosen = article.questions.playable().quiz_order()[3]
    assert article.questions.playable().quiz_order().first() != chosen
    page.locator(f'input[name="_selected_action"][value="{chosen.pk}"]').check()
    page.locator('select[name="action"]').select_option("approve")
    page.locator('button[name="index"]').click()
    expect(page.locator(".messagelist")).to_contain_text("عدد الأسئلة المعتمدة: 1.")
    screenshot(page, "admin-questions")

    chosen.refresh_from_db()
    assert chosen.status == Question.Status.APPROVED
    # The quiz screens are another branch's; the question a quiz draws first is the approved one.
    assert article.questions.playable().quiz_order().first() == chosen
    assert page.console_errors == []


def small_jpeg() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (900, 600), (40, 90, 160)).save(out, "JPEG")
    return out.getvalue()


def test_a_teacher_attaches_a_picture_that_learners_see_on_the_article(page, seed_article, media_root):
    log_in_as_teacher(page)
    page.goto(reverse("admin:quiz_article_change", args=[seed_article.pk]))
    page.locator("#images-group .add-row a").click()  # the admin's own script adds a row
    page.locator("#id_images-0-upload").set_input_files(
        files=[{"name": "hall.jpg", "mimeType": "image/jpeg", "buffer": small_jpeg()}]
    )
    page.locator("#id_images-0-alt").fill("قاعة الجمعية العامة للأمم المتحدة")
    page.get_by_role("button", name="احفظ واستمر بالتعديل").click()
    expect(page.locator(".messagelist")).to_be_visible()
    expect(page.locator("img.admin-thumbnail")).to_be_visible()
    image = Image.objects.get()
    assert image.article == seed_article

    page.goto(seed_article.get_absolute_url())
    picture = page.get_by_role("img", name="قاعة الجمعية العامة للأمم المتحدة")
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.naturalWidth") == 900
    screenshot(page, "article-with-picture", full_page=False)
    assert page.console_errors == []


def test_every_teacher_page_works_under_the_content_security_policy(page, seed_article):
    question = make_bank_question(seed_article, status=Question.Status.GENERATED)
    log_in_as_teacher(page)
    urls = [
        reverse("admin:index"),
        reverse("admin:quiz_article_changelist"),
        reverse("admin:quiz_article_add"),
        reverse("admin:quiz_article_change", args=[seed_article.pk]),
        reverse("admin:quiz_article_report", args=[seed_article.pk]),
        reverse("admin:quiz_article_import"),
        reverse("admin:quiz_question_changelist"),
        reverse("admin:quiz_question_add") + f"?article={seed_article.pk}",
        reverse("admin:quiz_question_change", args=[question.pk]),
        reverse("admin:quiz_vocabitem_changelist"),
        reverse("admin:quiz_attempt_changelist"),
        reverse("admin:quiz_attempt_learners"),
    ]
    for url in urls:
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        csp = response.headers["content-security-policy"]
        assert "style-src 'self'" in csp and "unsafe-inline" not in csp
        page.wait_for_load_state("networkidle")
        assert page.console_errors == [], (url, page.console_errors)
        name = re.sub(r"[^a-z]+", "-", url.strip("/").split("?")[0])
        screenshot(page, name, full_page=False)
    # The inline rows, the collapsible fieldsets and the action bar are the admin's own scripts: they run.
    page.goto(reverse("admin:quiz_question_change", args=[question.pk]))
    rows = page.locator("#choices-group tbody tr.form-row:not(.empty-form)")
    before = rows.count()
    page.locator("#choices-group .add-row a").click()
    expect(rows).to_have_count(before + 1)
    assert page.console_errors == []
