"""Teachers check and write questions in the admin: list, filters, validation, actions, regeneration."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from quiz.arabic.normalize import normalize
from quiz.models import Article, Question
from quiz.services import article_generate, questions_distractors_regenerate

from .adminform import page_form_data
from .conftest import make_article, make_bank_question, make_played_attempt, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
LIST = "admin:quiz_question_changelist"


@pytest.fixture
def generated(seed_article: Article) -> Article:
    article_generate(article=seed_article)
    return seed_article


def change_url(question: Question) -> str:
    return reverse("admin:quiz_question_change", args=[question.pk])


def choice_question(article: Article) -> Question:
    return article.questions.filter(mode="choice", answer="134 دولة").get()


def post_change(client, question: Question, **changes: object):
    url = change_url(question)
    data = {**page_form_data(client.get(url)), **changes}
    return client.post(url, data)


def choice_rows(data: dict, rows: list[tuple[str, bool]]) -> dict:
    """Replace the choices inline of an add or change page's data with ``rows``; the old ones are deleted."""
    data = dict(data)
    initial = int(data["choices-INITIAL_FORMS"])
    for i in range(initial):
        data[f"choices-{i}-DELETE"] = "on"
    for j, (text, right) in enumerate(rows):
        n = initial + j
        data[f"choices-{n}-text"] = text
        data[f"choices-{n}-position"] = str(j)
        data.pop(f"choices-{n}-id", None)
        data[f"choices-{n}-question"] = data.get("choices-0-question", "")
        if right:
            data[f"choices-{n}-is_correct"] = "on"
        else:
            data.pop(f"choices-{n}-is_correct", None)
    data["choices-TOTAL_FORMS"] = str(initial + len(rows))
    return data


def errors_of(response) -> str:
    assert response.status_code == 200, response.status_code
    parts = [str(e) for errors in response.context["adminform"].form.errors.values() for e in errors]
    for inline in response.context["inline_admin_formsets"]:
        parts += [str(e) for e in inline.formset.non_form_errors()]
        parts += [str(e) for form_errors in inline.formset.errors for errors in form_errors.values() for e in errors]
    return " ".join(parts)


# The list ---------------------------------------------------------------------------------------------------------


def test_the_list_shows_article_kind_prompt_status_use_and_share_right(client, teacher, seed_article):
    asked = make_bank_question(seed_article, prompt="كم دولة شاركت في الأسبوع؟")
    make_bank_question(seed_article, prompt="سؤال لم يُطرح بعد؟", status=Question.Status.GENERATED)
    for n, right in enumerate((True, True, True, False)):
        make_played_attempt(seed_article, {asked: right}, user=make_user(f"learner{n}"))
    client.force_login(teacher)
    response = client.get(reverse(LIST))
    html = response.content.decode()
    changelist = response.context["cl"]
    by_pk = {q.pk: q for q in changelist.result_list}
    assert by_pk[asked.pk].times_used == 4
    assert by_pk[asked.pk].answer_count == 4 and by_pk[asked.pk].right_count == 3
    assert "75%" in html
    assert "—" in html  # the unasked question has no share yet
    assert 'status-approved">معتمد<' in html and 'status-generated">مولَّد آليا<' in html
    for header in ("السؤال", "مقال", "النوع", "الحالة", "مرات الاستخدام", "نسبة الصواب"):
        assert header in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status__exact=approved", {"approved"}),
        ("kind__exact=who", {"who"}),
        ("mode__exact=typed", {"typed"}),
    ],
)
def test_filters_narrow_the_list(client, teacher, generated, query, expected):
    first = generated.questions.order_by("id").first()
    Question.objects.filter(pk=first.pk).update(status="approved")
    client.force_login(teacher)
    response = client.get(reverse(LIST) + "?" + query)
    found = list(response.context["cl"].result_list)
    assert found
    field = query.split("__")[0]
    assert {getattr(q, field) for q in found} == expected


def test_filter_by_article_and_search(client, teacher, generated):
    other = make_article("عنوان آخر\n\nقال الوزير إن 12 دولة وقعت الاتفاق.", source_name="other.txt")
    make_bank_question(other, prompt="كم دولة وقعت؟")
    client.force_login(teacher)
    response = client.get(reverse(LIST) + f"?article__id__exact={other.pk}")
    assert [q.prompt for q in response.context["cl"].result_list] == ["كم دولة وقعت؟"]
    response = client.get(reverse(LIST) + "?q=فورونكوف")
    found = list(response.context["cl"].result_list)
    assert found and all("فورونكوف" in q.prompt or "فورونكوف" in q.answer for q in found)
    wrong = choice_question(generated).choices.filter(is_correct=False).first().text  # e.g. "164 دولة"
    response = client.get(reverse(LIST) + "?" + urlencode({"q": wrong}))
    assert "134 دولة" in {q.answer for q in response.context["cl"].result_list}


def test_html_in_a_question_is_shown_inert(client, teacher, seed_article):
    make_bank_question(seed_article, prompt='<img src=x onerror="alert(1)">كم؟')
    client.force_login(teacher)
    html = client.get(reverse(LIST)).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html


def test_the_list_runs_a_fixed_number_of_queries(client, teacher, generated, django_assert_num_queries):
    client.force_login(teacher)
    url = reverse(LIST)
    client.get(url)
    # session, user, permissions, count, total count, the page of questions with their use, the article filter
    with django_assert_num_queries(8):
        client.get(url)


# Actions ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "status", "message"), [("approve", "approved", "المعتمدة"), ("reject", "rejected", "المرفوضة")]
)
def test_approve_and_reject_protect_the_questions_from_regeneration(
    client, teacher, generated, action, status, message
):
    chosen = list(generated.questions.order_by("id")[:3])
    client.force_login(teacher)
    response = client.post(reverse(LIST), {"action": action, "_selected_action": [q.pk for q in chosen]}, follow=True)
    assert f"عدد الأسئلة {message}: 3." in response.content.decode()
    assert set(Question.objects.filter(pk__in=[q.pk for q in chosen]).values_list("status", flat=True)) == {status}
    result = article_generate(article=generated)
    assert result.kept_by_teacher == 3
    assert set(Question.objects.filter(pk__in=[q.pk for q in chosen]).values_list("status", flat=True)) == {status}


def test_an_approved_question_comes_first_in_a_quiz(client, teacher, generated):
    last = generated.questions.playable().quiz_order().last()
    assert generated.questions.playable().quiz_order().first() != last
    client.force_login(teacher)
    client.post(reverse(LIST), {"action": "approve", "_selected_action": [last.pk]})
    assert generated.questions.playable().quiz_order().first() == last


def test_regenerating_distractors_gives_new_wrong_choices_and_keeps_the_right_one(generated):
    question = choice_question(generated)
    results = [
        questions_distractors_regenerate(questions=Question.objects.filter(pk=question.pk), seed=seed)
        for seed in (11, 12, 13)
    ]
    assert all(r.changed == 1 for r in results)
    question.refresh_from_db()
    choices = list(question.choices.all())
    wrong = [c.text for c in choices if not c.is_correct]
    assert [c.text for c in choices if c.is_correct] == ["134 دولة"]
    assert len(wrong) == 3
    assert len({normalize(t) for t in [c.text for c in choices]}) == 4
    assert all(t.endswith(" دولة") and t.split()[0].isdigit() and t != "134 دولة" for t in wrong)
    assert question.edited
    # A teacher's regenerated choices survive regeneration of the article.
    article_generate(article=generated)
    assert [c.text for c in Question.objects.get(pk=question.pk).choices.all()] == [c.text for c in choices]


def test_two_seeds_give_two_different_sets_of_distractors(generated):
    question = choice_question(generated)
    sets = []
    for seed in (1, 2, 3, 4):
        questions_distractors_regenerate(questions=Question.objects.filter(pk=question.pk), seed=seed)
        sets.append(frozenset(c.text for c in question.choices.all() if not c.is_correct))
    assert len(set(sets)) > 1


def test_the_action_explains_what_it_skipped(client, teacher, generated):
    choice = choice_question(generated)
    typed = generated.questions.filter(mode="typed").first()
    client.force_login(teacher)
    response = client.post(
        reverse(LIST), {"action": "regenerate_distractors", "_selected_action": [choice.pk, typed.pk]}, follow=True
    )
    html = response.content.decode()
    assert "عدد الأسئلة التي صارت لها خيارات خاطئة جديدة: 1." in html
    assert "عدد الأسئلة التي بقيت خياراتها كما هي: 1" in html
    assert list(typed.choices.all()) == []


# Editing and writing --------------------------------------------------------------------------------------------


def test_a_teachers_edit_marks_the_question_and_survives_regeneration(client, teacher, generated):
    question = choice_question(generated)
    client.force_login(teacher)
    response = post_change(client, question, prompt="كم دولة شاركت في أسبوع مكافحة الإرهاب؟")
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.edited and question.status == Question.Status.GENERATED
    article_generate(article=generated)
    question.refresh_from_db()
    assert question.prompt == "كم دولة شاركت في أسبوع مكافحة الإرهاب؟"


def test_changing_only_the_status_is_a_review_not_an_edit(client, teacher, generated):
    question = choice_question(generated)
    client.force_login(teacher)
    assert post_change(client, question, status="approved").status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED and not question.edited


def test_changing_a_choice_marks_the_question_edited_and_updates_the_answer(client, teacher, generated):
    question = choice_question(generated)
    client.force_login(teacher)
    url = change_url(question)
    data = choice_rows(
        page_form_data(client.get(url)), [("مئة وأربع وثلاثون دولة", True), ("مئة دولة", False), ("ألف دولة", False)]
    )
    assert client.post(url, data).status_code == 302
    question.refresh_from_db()
    assert question.edited
    assert question.answer == "مئة وأربع وثلاثون دولة"
    assert [(c.text, c.is_correct) for c in question.choices.all()] == [
        ("مئة وأربع وثلاثون دولة", True),
        ("مئة دولة", False),
        ("ألف دولة", False),
    ]


def test_a_teacher_writes_a_question_with_evidence_from_the_article(client, teacher, seed_article):
    client.force_login(teacher)
    url = reverse("admin:quiz_question_add") + f"?article={seed_article.pk}"
    page = client.get(url)
    evidence = seed_article.sentences.get(text__contains="134 دولة")
    options = page.context["adminform"].form.fields["evidence"].queryset
    assert set(options) == set(seed_article.sentences.all())
    data = {
        **page_form_data(page),
        "article": str(seed_article.pk),
        "kind": "how_many",
        "mode": "choice",
        "prompt": "كم دولة شاركت؟",
        "answer": "",
        "evidence": str(evidence.pk),
    }
    data = choice_rows(data, [("134 دولة", True), ("143 دولة", False), ("150 دولة", False)])
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    question = Question.objects.get(prompt="كم دولة شاركت؟")
    assert question.status == Question.Status.TEACHER
    assert question.answer == "134 دولة"
    assert evidence.text[question.answer_start : question.answer_end] == "134 دولة"
    assert question.choices.count() == 3
    assert seed_article.questions.playable().quiz_order().first() == question


def test_a_matching_question_gets_its_choices_from_its_pairs(client, teacher, seed_article):
    client.force_login(teacher)
    url = reverse("admin:quiz_question_add") + f"?article={seed_article.pk}"
    page = client.get(url)
    data = {
        **page_form_data(page),
        "article": str(seed_article.pk),
        "kind": "matching",
        "mode": "matching",
        "prompt": "صِل كل عدد بما عدّه",
        "pairs": "134 | دولة\n47 | منظمة\n1000 | مشارك",
        "evidence": str(seed_article.sentences.get(text__contains="134 دولة").pk),
    }
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    question = Question.objects.get(mode="matching")
    assert question.pairs == [["134", "دولة"], ["47", "منظمة"], ["1000", "مشارك"]]
    assert sorted(c.text for c in question.choices.all()) == sorted(["دولة", "منظمة", "مشارك"])
    assert all(c.is_correct for c in question.choices.all())


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("134 دولة", True)], "يحتاج إلى خيارين أو أكثر"),
        ([("134 دولة", False), ("143 دولة", False)], "المعلَّم الآن: 0"),
        ([("134 دولة", True), ("143 دولة", True)], "المعلَّم الآن: 2"),
        ([("الأمم المتحدة", True), ("الامم المتحده", False)], "خيار واحد إذا أُهملت الحركات"),
        ([("مَدينة", True), ("مدينة", False), ("قرية", False)], "خيار واحد إذا أُهملت الحركات"),
        ([("١٣٤ دولة", True), ("134 دولة", False)], "خيار واحد إذا أُهملت الحركات"),
    ],
)
def test_choices_are_checked(client, teacher, generated, rows, message):
    question = choice_question(generated)
    before = list(question.choices.values_list("text", "is_correct"))
    client.force_login(teacher)
    url = change_url(question)
    response = client.post(url, choice_rows(page_form_data(client.get(url)), rows))
    assert message in errors_of(response)
    assert list(question.choices.values_list("text", "is_correct")) == before
    question.refresh_from_db()
    assert not question.edited


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"mode": "typed"}, "سؤال الإجابة المكتوبة لا خيارات له"),
        ({"evidence": ""}, "اختر جملة المقال التي تثبت الإجابة"),
        ({"pairs": "بلا فاصل"}, "السطر 1 ليس زوجًا"),
        ({"mode": "matching", "pairs": "أ | ب"}, "يحتاج إلى زوجين أو أكثر"),
    ],
)
def test_question_rules_are_clear_form_errors(client, teacher, generated, changes, message):
    question = choice_question(generated)
    client.force_login(teacher)
    response = post_change(client, question, **changes)
    assert message in errors_of(response)


def test_a_typed_question_needs_its_answer(client, teacher, generated):
    question = generated.questions.filter(mode="typed").first()
    client.force_login(teacher)
    response = post_change(client, question, answer="")
    assert "يحتاج إلى إجابته" in errors_of(response)


def test_evidence_must_come_from_the_questions_own_article(client, teacher, generated):
    other = make_article("عنوان آخر\n\nقال الوزير إن 12 دولة وقعت الاتفاق.", source_name="other.txt")
    foreign = other.sentences.first()
    question = choice_question(generated)
    client.force_login(teacher)
    page = client.get(change_url(question))
    assert foreign not in page.context["adminform"].form.fields["evidence"].queryset
    response = post_change(client, question, evidence=str(foreign.pk))
    assert "اختر" in errors_of(response)
    # Writing a question for one article with a sentence of another: refused with the reason.
    url = reverse("admin:quiz_question_add")
    data = {
        **page_form_data(client.get(url)),
        "article": str(generated.pk),
        "kind": "what",
        "mode": "typed",
        "prompt": "ماذا وقع الوزير؟",
        "answer": "الاتفاق",
        "evidence": str(foreign.pk),
    }
    assert "اختر جملة من مقال هذا السؤال" in errors_of(client.post(url, data))


def test_the_add_page_without_an_article_groups_sentences_by_article(client, teacher, seed_article):
    make_article("عنوان آخر\n\nقال الوزير إن 12 دولة وقعت الاتفاق.", source_name="other.txt")
    client.force_login(teacher)
    html = client.get(reverse("admin:quiz_question_add")).content.decode()
    assert html.count("<optgroup") == 2
    assert 'label="عنوان آخر"' in html


def test_a_forged_choice_id_cannot_touch_another_questions_choices(client, teacher, generated):
    question = choice_question(generated)
    other = make_bank_question(generated, prompt="سؤال آخر؟")
    others_before = list(other.choices.values_list("pk", "text", "is_correct"))
    own_before = list(question.choices.values_list("pk", "text", "is_correct"))
    client.force_login(teacher)
    url = change_url(question)
    data = page_form_data(client.get(url))
    data["choices-0-id"] = str(other.choices.first().pk)  # a choice of another question
    data["choices-0-text"] = "مخترق"
    response = client.post(url, data)
    assert response.status_code == 302  # Django drops the row it cannot find among this question's choices
    assert list(other.choices.values_list("pk", "text", "is_correct")) == others_before
    assert list(question.choices.values_list("pk", "text", "is_correct")) == own_before


@pytest.mark.parametrize("article", ["abc", "999999", "-1", "1; DROP TABLE quiz_question"])
def test_a_forged_article_on_the_add_page_is_a_form_error(client, teacher, seed_article, article):
    client.force_login(teacher)
    url = reverse("admin:quiz_question_add")
    for page_url in (url + f"?article={article}", url):
        assert client.get(page_url).status_code == 200
    data = {
        **page_form_data(client.get(url)),
        "article": article,
        "kind": "what",
        "mode": "typed",
        "prompt": "ماذا؟",
        "answer": "شيء",
        "evidence": str(seed_article.sentences.first().pk),
    }
    response = client.post(url, data)
    assert "article" in response.context["adminform"].form.errors
    assert not Question.objects.exists()
