"""Playing the seed's quiz in a real Chromium: by mouse, by keyboard, and with JavaScript turned off."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from quiz import services
from quiz.models import Article, Attempt, Question

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def latest_attempt() -> Attempt:
    return Attempt.objects.order_by("-started_at", "-id").first()  # type: ignore[return-value]


def current_question(attempt: Attempt) -> Question:
    slot = services.current_slot(attempt)
    assert slot is not None
    return slot.question


def set_quiz_length(article: Article, n: int) -> None:
    Article.objects.filter(pk=article.pk).update(questions_per_quiz=n)


def start_quiz(page: Page, article: Article, *, button: str = "ابدأ الاختبار") -> Attempt:
    page.goto(article.get_absolute_url())
    page.get_by_role("link", name="اختبر فهمك لهذه المقالة").click()
    page.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(r"/quiz/[0-9a-f-]+/$"))
    return latest_attempt()


def answer_by_mouse(page: Page, question: Question, *, right: bool) -> None:
    """Answer the question on the page as a learner with a mouse would."""
    form = page.locator("#question-form")
    if question.mode in ("choice", "true_false"):
        choice = question.choices.filter(is_correct=right).first()
        assert choice is not None
        form.locator("label.choice", has_text=choice.text).first.click()
    elif question.mode == "typed":
        form.locator("#answer-text").click()
        form.locator("#answer-text").fill(question.answer if right else "جواب آخر")
    else:
        texts = [c.text for c in question.choices.all()]
        for i, (_left, right_side) in enumerate(question.pairs):
            form.locator(f"#match-{i}").select_option(
                label=right_side if right else texts[(texts.index(right_side) + 1) % len(texts)]
            )
    form.locator("[data-check]").click()


@pytest.fixture
def no_navigation(page: Page) -> Iterator[list[str]]:
    """The URLs of the main frame's navigations from now on: an htmx swap makes none."""
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)
    yield navigations


def test_a_guest_plays_the_whole_quiz_by_mouse_then_signs_up_and_finds_it(page, seed_quiz, no_navigation):
    attempt = start_quiz(page, seed_quiz)
    assert attempt.question_count == 10 and attempt.guest_id is not None
    expect(page.locator(".quiz-count")).to_contain_text("1 / 10")
    expect(page.locator("[data-bonus-clock]")).to_be_visible()
    screenshot(page, "quiz-question")
    page.evaluate("window.stillTheSamePage = true")
    navigations_before = len(no_navigation)
    modes = set()
    for number in range(1, 11):
        question = current_question(attempt)
        modes.add(question.mode)
        right = number % 4 != 2  # three of the ten answered wrong
        answer_by_mouse(page, question, right=right)
        feedback = page.locator("#feedback")
        expect(feedback).to_be_visible()
        expect(page.locator("#feedback-title")).to_contain_text("صحيح!" if right else "ليس تماما.")
        # Focus is on the feedback, and the live region says the same.
        expect(feedback).to_be_focused()
        expect(page.locator("#quiz-live")).to_contain_text("صحيح!" if right else "ليس تماما.")
        if question.evidence is not None:
            expect(feedback.locator("blockquote mark")).to_have_text(
                question.evidence.text[question.answer_start : question.answer_end]
            )
            href = feedback.get_by_role("link", name="انظرها في المقالة").get_attribute("href")
            assert href == question.evidence.get_absolute_url()
        attempt.refresh_from_db()
        expect(page.locator(".quiz-score strong")).to_have_text(str(attempt.score))
        if number == 2:
            screenshot(page, "quiz-feedback-wrong")
        if number == 1:
            screenshot(page, "quiz-feedback")
        if number < 10:
            page.get_by_role("link", name="السؤال التالي").click()
            expect(page.locator(".quiz-count")).to_contain_text(f"{number + 1} / 10")
    # Ten questions and their feedback, and not one page load.
    assert len(no_navigation) == navigations_before
    assert page.evaluate("window.stillTheSamePage") is True
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.correct_count == 7 and attempt.answered_count == 10
    assert len(modes) >= 3

    page.get_by_role("link", name="اعرض نتيجتي").click()
    page.wait_for_url(f"**/quiz/{attempt.public_id}/results/")
    expect(page.locator(".figure-score dd")).to_have_text(str(attempt.score))
    expect(page.locator(".result-row")).to_have_count(10)
    expect(page.locator(".result-row.is-wrong")).to_have_count(3)
    card = page.locator(".result-card img")
    expect(card).to_be_visible()
    assert page.evaluate("document.querySelector('.result-card img').naturalWidth") == 1200
    screenshot(page, "quiz-results")

    page.locator(".keep-it").get_by_role("link", name="إنشاء حساب").click()
    page.get_by_label("اسم المستخدم").fill("sami")
    page.get_by_label("الاسم الظاهر").fill("سامي")
    page.locator("#id_password1").fill("a long pass phrase 7")
    page.locator("#id_password2").fill("a long pass phrase 7")
    page.locator("main").get_by_role("button", name="إنشاء حساب").click()
    page.wait_for_url("**/progress/")
    expect(page.locator(".signed-in-as")).to_contain_text("سامي")
    expect(page.locator(f'a[href="/quiz/{attempt.public_id}/results/"]').first).to_be_attached()
    expect(page.locator(".chart-point")).to_have_count(1)
    expect(page.locator(".learner-figures")).to_contain_text(str(attempt.score // 100))
    expect(page.locator(".board")).to_contain_text("سامي")
    screenshot(page, "progress")
    assert page.console_errors == []


def keyboard_answer(page: Page, question: Question) -> None:
    """Answer rightly with the keyboard only: 1-4 for a choice, typing, arrow keys in a matching select; Enter."""
    if question.mode in ("choice", "true_false"):
        index = [c.is_correct for c in question.choices.all()].index(True)
        page.keyboard.press(str(index + 1))
    elif question.mode == "typed":
        assert page.evaluate("document.activeElement.id") == "answer-text"
        page.keyboard.type(question.answer)
    else:
        texts = [c.text for c in question.choices.all()]
        for _left, right_side in question.pairs:
            page.keyboard.press("Tab")
            for _ in range(texts.index(right_side) + 1):
                page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def test_a_guest_plays_by_keyboard_alone(page, seed_quiz, no_navigation):
    set_quiz_length(seed_quiz, 5)
    page.goto(seed_quiz.get_absolute_url())
    # Tab to the quiz link and the untimed start, as a screen-reader user might.
    page.get_by_role("link", name="اختبر فهمك لهذه المقالة").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="ابدأ بلا توقيت").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/quiz/[0-9a-f-]+/$"))
    attempt = latest_attempt()
    assert not attempt.timed
    expect(page.locator("[data-bonus-clock]")).to_have_count(0)
    page.evaluate("window.stillTheSamePage = true")
    navigations_before = len(no_navigation)
    page.locator("#answer-text" if current_question(attempt).mode == "typed" else "#question-prompt").focus()
    for number in range(1, 6):
        question = current_question(attempt)
        keyboard_answer(page, question)
        expect(page.locator("#feedback-title")).to_contain_text("صحيح!")
        expect(page.locator("#feedback")).to_be_focused()
        if number == 1:
            screenshot(page, "quiz-keyboard-feedback", full_page=False)
        if number < 5:
            page.keyboard.press("Enter")  # go on
            expect(page.locator(".quiz-count")).to_contain_text(f"{number + 1} / 5")
            typed = current_question(attempt).mode == "typed"
            expect(page.locator("#answer-text" if typed else "#question-prompt")).to_be_focused()
            if number == 1:
                screenshot(page, "quiz-keyboard-next-question", full_page=False)
    assert len(no_navigation) == navigations_before and page.evaluate("window.stillTheSamePage") is True
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.correct_count == 5
    assert attempt.score == 5000 + sum(r.streak_bonus for r in attempt.responses.all())  # untimed: no speed bonus
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/quiz/{attempt.public_id}/results/")
    expect(page.locator(".figure-score dd")).to_have_text(str(attempt.score))
    assert page.console_errors == []


def test_a_refused_answer_is_shown_above_the_question(page, browser: Browser, live_server, seed_quiz):
    """The same question answered in a second tab: the second answer is refused, and the page says why."""
    attempt = start_quiz(page, seed_quiz)
    other = page.context.new_page()
    other.goto(attempt.get_absolute_url())
    question = current_question(attempt)
    answer_by_mouse(other, question, right=True)
    expect(other.locator("#feedback")).to_be_visible()
    answer_by_mouse(page, question, right=False)
    expect(page.locator("#quiz-alert")).to_contain_text("أجبت عن هذا السؤال من قبل")
    expect(page.locator("#question-form")).to_be_visible()
    attempt.refresh_from_db()
    assert attempt.answered_count == 1 and attempt.correct_count == 1
    screenshot(page, "quiz-refused", full_page=False)
    # Chromium logs the refused request itself; nothing else went wrong.
    assert [e for e in page.console_errors if "409 (Conflict)" not in e] == []


def test_the_quiz_works_with_javascript_turned_off(browser: Browser, live_server, seed_quiz):
    set_quiz_length(seed_quiz, 4)
    context = browser.new_context(base_url=live_server.url, locale="ar", java_script_enabled=False)
    page = context.new_page()
    try:
        attempt = start_quiz(page, seed_quiz)
        for number in range(1, 5):
            question = current_question(attempt)
            answer_by_mouse(page, question, right=number != 3)
            page.wait_for_url(f"**/quiz/{attempt.public_id}/answers/{number}/")
            expect(page.locator("#feedback-title")).to_contain_text("صحيح!" if number != 3 else "ليس تماما.")
            if number == 1:
                screenshot(page, "quiz-nojs-feedback")
            if number < 4:
                page.get_by_role("link", name="السؤال التالي").click()
                page.wait_for_url(f"**/quiz/{attempt.public_id}/")
                expect(page.locator(".quiz-count")).to_contain_text(f"{number + 1} / 4")
        page.get_by_role("link", name="اعرض نتيجتي").click()
        page.wait_for_url(f"**/quiz/{attempt.public_id}/results/")
        attempt.refresh_from_db()
        assert attempt.correct_count == 3
        expect(page.locator(".figure-score dd")).to_have_text(str(attempt.score))
        page.get_by_role("button", name="تمرّن على السؤال الذي فاتني").click()
        page.wait_for_url(re.compile(r"/quiz/[0-9a-f-]+/$"))
        assert latest_attempt().practice_of == attempt
        screenshot(page, "quiz-nojs-practice")
    finally:
        context.close()


def test_a_question_fits_a_phone(phone, seed_quiz):
    start_quiz(phone, seed_quiz)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "quiz-question-phone", full_page=False)


def test_the_progress_chart_is_drawn_on_the_server(page, seed_quiz):
    from quiz.learners import Learner

    from ..conftest import make_attempt, make_user, right_answer, submission_of, wrong_answer

    user = make_user("layla", password="correct horse battery", display_name="ليلى")
    learner = Learner(user=user)
    for wrong_ones in (3, 1, 2, 0):
        attempt = make_attempt(seed_quiz, learner=learner, count=4, timed=False)
        for number in range(4):
            question = current_question(attempt)
            data = (wrong_answer if number < wrong_ones else right_answer)(question)
            services.attempt_answer(
                attempt_id=attempt.public_id, learner=learner, question_id=question.pk, submission=submission_of(data)
            )
    page.goto("/accounts/login/?next=/progress/")
    page.locator("#id_username").fill("layla")
    page.locator("#id_password").fill("correct horse battery")
    page.locator("main").get_by_role("button", name="تسجيل الدخول").click()
    page.wait_for_url("**/progress/")
    expect(page.locator(".chart-point")).to_have_count(4)
    expect(page.locator(".chart-line")).to_be_visible()
    # Oldest first from the right: 25%, 75%, 50%, 100%.
    xs = [float(x) for x in page.locator(".chart-point").evaluate_all("els => els.map(e => e.getAttribute('cx'))")]
    ys = [float(y) for y in page.locator(".chart-point").evaluate_all("els => els.map(e => e.getAttribute('cy'))")]
    assert xs == sorted(xs, reverse=True) and ys[3] < ys[1] < ys[2] < ys[0]
    page.get_by_text("البيانات نفسها في جدول").click()
    expect(page.locator(".chart-table tbody tr")).to_have_count(4)
    screenshot(page, "progress-chart")
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_quiz_screens_have_no_serious_accessibility_violations(page, seed_quiz, language):
    """axe-core (colour contrast included) on the start screen, a question, its feedback, a refusal, the end screen,
    the progress page and the leaderboard."""
    from .conftest import axe_violations

    set_quiz_length(seed_quiz, 2)
    page.goto("/")
    page.select_option("#language-select", language)
    with page.expect_navigation():
        page.locator(".language-form button").click()
    page.goto(f"/articles/{seed_quiz.slug}/quiz/")
    assert axe_violations(page) == [], "start"
    page.locator(".quiz-start-form button").first.click()
    page.wait_for_url(re.compile(r"/quiz/[0-9a-f-]+/$"))
    attempt = latest_attempt()
    assert axe_violations(page) == [], "question"
    for number in (1, 2):
        question = current_question(attempt)
        answer_by_mouse(page, question, right=number == 1)
        expect(page.locator("#feedback")).to_be_visible()
        assert axe_violations(page) == [], f"feedback {number}"
        if number == 1:
            page.locator("[data-next]").click()
            expect(page.locator("#question-form")).to_be_visible()
            page.locator("#question-form [data-check]").evaluate("button => button.form.noValidate = true")
            page.locator("#question-form [data-check]").click()  # nothing chosen: refused with a message
            expect(page.locator("#quiz-alert .alert-message")).to_be_visible()
            assert axe_violations(page) == [], "refusal"
    for url in (f"/quiz/{attempt.public_id}/results/", "/progress/", f"/articles/{seed_quiz.slug}/leaderboard/"):
        page.goto(url)
        assert axe_violations(page) == [], url
    assert [e for e in page.console_errors if "400 (Bad Request)" not in e] == []
