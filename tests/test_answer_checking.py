"""Checking answers: typed answers Arabic-aware (property tests), choices and matching pairs exactly."""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from quiz.arabic.normalize import match_key
from quiz.arabic.numbers import to_words
from quiz.models import AnswerInvalid, Choice, Question, Submission

TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
TATWEEL = "\u0640"
# Letters that join to the next one, so a tatweel may follow them.
JOINING = set("بتثجحخسشصضطظعغفقكلمنهي")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def typed(answer: str, *, accepted: list[str] | None = None, tolerance: int = 0) -> Question:
    return Question(kind="who", mode="typed", answer=answer, accepted=accepted or [], tolerance=tolerance)


def check(question: Question, text: str) -> bool:
    return question.grade(Submission(text=text), []).is_correct


# Answers of the seed's typed questions, and more words with hamza, ta marbuta and alef maqsura.
ANSWERS = [
    "فلاديمير فورونكوف",
    "سوريا والعراق",
    "مقديشو",
    "الجمعة",
    "العام المقبل",
    "وكيل الأمين العام لمكافحة الإرهاب",
    "إسواتيني",
    "الأمم المتحدة",
    "مستشفى",
    "آسيا الوسطى",
    "المؤتمر الدولي الأول",
]


@st.composite
def spelling_variant(draw, answer: str) -> str:
    """The answer as a learner might type it: other hamza forms, ه for ة, ي for ى, vowel marks, tatweel, spaces."""
    out = []
    for i, char in enumerate(answer):
        if char in "أإآ" and draw(st.booleans()):
            char = draw(st.sampled_from(["ا", "أ", "إ", "آ"]))
        elif char == "ا" and (i == 0 or answer[i - 1] == " " or answer[i - 1 : i + 1] == "لا") and draw(st.booleans()):
            char = draw(st.sampled_from(["أ", "إ"]))
        elif char == "ة" and draw(st.booleans()):
            char = "ه"
        elif char == "ى" and draw(st.booleans()):
            char = "ي"
        out.append(char)
        if char != " " and draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from(TASHKEEL)))
        if char in JOINING and i + 1 < len(answer) and answer[i + 1] != " " and draw(st.integers(0, 4)) == 0:
            out.append(TATWEEL)
    text = "".join(out)
    before = draw(st.sampled_from(["", " ", "  ", "\u00a0", "«"]))
    after = draw(st.sampled_from(["", " ", ".", "!", "؟", "»"]))
    if before == "«" and after != "»":
        after = "»"
    return before + text + after


@given(st.data())
def test_spelling_variants_of_a_typed_answer_count_as_right(data):
    answer = data.draw(st.sampled_from(ANSWERS))
    variant = data.draw(spelling_variant(answer))
    assert check(typed(answer), variant), variant


@given(st.sampled_from(ANSWERS), st.sampled_from(ANSWERS))
def test_a_different_answer_is_wrong(answer, other):
    assume(match_key(answer) != match_key(other))
    assert not check(typed(answer), other)


@given(st.integers(min_value=0, max_value=999_999), st.sampled_from(["دولة", "مشاركا", "منظمة", ""]))
@example(134, "دولة")
def test_a_number_counts_in_digits_of_either_script_and_in_words(n, noun):
    question = typed(f"{n} {noun}".strip())
    assert check(question, str(n))
    assert check(question, str(n).translate(ARABIC_INDIC))
    assert check(question, to_words(n))
    assert check(question, to_words(n, feminine=True))
    assert check(question, f"{to_words(n, feminine=True)} {noun}".strip())
    assert not check(question, str(n + 1))


def test_the_issues_examples():
    question = typed("134 دولة", accepted=["134"])
    assert check(question, "مئة وأربع وثلاثون")
    assert check(question, "مائة وأربعة وثلاثين")
    assert check(question, "١٣٤")
    assert check(typed("الجمعة"), "الجمعه")
    assert check(typed("مستشفى"), "مستشفي")
    assert check(typed("فلاديمير فورونكوف"), "فلاديمـــير فُورُونْكُوف")
    assert check(typed("إسواتيني"), "اسواتيني")


@given(st.integers(min_value=41, max_value=100_000), st.integers(min_value=0, max_value=20), st.integers(-40, 40))
def test_a_number_within_the_tolerance_counts(n, tolerance, delta):
    question = typed(f"{n} مشارك", tolerance=tolerance)
    assert check(question, str(n + delta)) == (abs(delta) <= tolerance)


def test_accepted_forms_count_and_a_lone_wa_is_joined_to_its_word():
    question = typed("فلاديمير فورونكوف", accepted=["فورونكوف"])
    assert check(question, "فورونكوف")
    assert not check(question, "فلاديمير")
    # Typed apart, "و العراق" is still "والعراق" (quiz.arabic.normalize does not join it; see the report).
    assert check(typed("سوريا والعراق"), "سوريا و العراق")


def test_an_empty_typed_answer_is_refused_and_i_dont_know_is_wrong():
    question = typed("مقديشو")
    with pytest.raises(AnswerInvalid):
        question.grade(Submission(text="   "), [])
    graded = question.grade(Submission(skipped=True), [])
    assert not graded.is_correct and graded.given == ""


def choice_question(mode: str = "choice") -> tuple[Question, list[Choice]]:
    question = Question(pk=1, kind="how_many", mode=mode, answer="134 دولة")
    texts = ["150 دولة", "134 دولة", "114 دولة", "164 دولة"] if mode == "choice" else ["صح", "خطأ"]
    choices = [Choice(pk=10 + i, question=question, text=t, is_correct=i == 1) for i, t in enumerate(texts)]
    return question, choices


@pytest.mark.parametrize("mode", ["choice", "true_false"])
def test_a_choice_is_right_only_when_it_is_the_right_one(mode):
    question, choices = choice_question(mode)
    assert question.grade(Submission(choice_id=11), choices).is_correct
    graded = question.grade(Submission(choice_id=10), choices)
    assert not graded.is_correct and graded.choice == choices[0] and graded.given == choices[0].text
    with pytest.raises(AnswerInvalid):
        question.grade(Submission(choice_id=999), choices)  # another question's choice
    with pytest.raises(AnswerInvalid):
        question.grade(Submission(), choices)


def test_matching_needs_every_pair_right():
    pairs = [["18", "شخصا"], ["134", "دولة"], ["47", "منظمة"]]
    question = Question(pk=2, kind="matching", mode="matching", answer="", pairs=pairs)
    choices = [Choice(pk=20 + i, text=t, is_correct=True) for i, t in enumerate(["منظمة", "شخصا", "دولة"])]
    right = question.grade(Submission(matches=(21, 22, 20)), choices)
    assert right.is_correct and right.pair_results == (True, True, True)
    assert right.given == "18 ← شخصا؛ 134 ← دولة؛ 47 ← منظمة"
    wrong = question.grade(Submission(matches=(21, 20, 22)), choices)
    assert not wrong.is_correct and wrong.pair_results == (True, False, False)
    for matches in [(21, 22), (21, 22, None), (21, 22, 99)]:
        with pytest.raises(AnswerInvalid):
            question.grade(Submission(matches=matches), choices)
