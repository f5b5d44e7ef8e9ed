"""The seed article (a UN News story): every fact the spec names, with its answer and evidence."""

from __future__ import annotations

import pytest

from quiz.arabic.normalize import answers_match, match_key, normalize
from quiz.generation import Generated, Question, generate


def _find(generated: Generated, kind: str, answer: str, evidence_has: str) -> Question:
    for question in generated.questions:
        if (
            question.kind == kind
            and answers_match(answer, question.answer, accepted=question.accepted)
            and evidence_has in question.evidence.sentence
        ):
            return question
    raise AssertionError(f"no {kind} question answered {answer!r} from a sentence with {evidence_has!r}")


def _check_evidence(text: str, question: Question, written: str) -> None:
    ev = question.evidence
    assert text[ev.sentence_start : ev.sentence_start + len(ev.sentence)] == ev.sentence
    assert match_key(ev.sentence[ev.answer_start : ev.answer_end]) == match_key(written)


@pytest.mark.parametrize(
    ("kind", "answer", "evidence_has", "written"),
    [
        ("how_many", "134", "134 دولة", "134 دولة"),
        ("how_many", "أكثر من 1000", "1000 مشارك", "أكثر من 1000 مشارك"),
        ("how_many", "47", "47 منظمة", "47 منظمة"),
        ("how_many", "88", "88 منظمة", "88 منظمة"),
        ("how_many", "18", "مقديشو", "18 شخصا"),
        ("when", "2021", "سيعقد", "عام 2021"),
        ("how_many", "قبل 75 عاما", "إنشاء الأمم المتحدة", "قبل 75 عاما"),
        ("when", "الجمعة", "الجلسة الختامية", "الجمعة"),
        ("where", "سوريا والعراق", "عالقين", "سوريا والعراق"),
    ],
)
def test_seed_fact(
    seed_text: str, seed_generated: Generated, kind: str, answer: str, evidence_has: str, written: str
) -> None:
    question = _find(seed_generated, kind, answer, evidence_has)
    _check_evidence(seed_text, question, written)


def test_counts_are_asked_with_their_noun(seed_generated: Generated) -> None:
    countries = _find(seed_generated, "how_many", "134", "134 دولة")
    assert "كم دولة" in countries.prompt
    participants = _find(seed_generated, "how_many", "1000", "1000 مشارك")
    assert participants.answer == "أكثر من 1000 مشارك"
    assert "كم مشاركا" in participants.prompt


def test_first_victims_congress_question(seed_generated: Generated) -> None:
    question = _find(seed_generated, "when", "2021", "سيعقد")
    assert question.prompt == "متى سيعقد المؤتمر الدولي الأول لضحايا الإرهاب؟"
    assert question.answer == "عام 2021"


def test_who_is_voronkov_both_ways(seed_text: str, seed_generated: Generated) -> None:
    name = _find(seed_generated, "who", "فلاديمير فورونكوف", "وكيل الأمين العام")
    role_asked = [q for q in seed_generated.questions if q.prompt == "من هو وكيل الأمين العام لمكافحة الإرهاب؟"]
    assert role_asked and role_asked[0].answer == "فلاديمير فورونكوف"
    _check_evidence(seed_text, role_asked[0], "فلاديمير فورونكوف")
    reverse = [q for q in seed_generated.questions if q.prompt == "من هو فلاديمير فورونكوف؟"]
    assert reverse and reverse[0].answer == "وكيل الأمين العام لمكافحة الإرهاب"
    _check_evidence(seed_text, reverse[0], "وكيل الأمين العام لمكافحة الإرهاب")
    assert name.answer_type == "person"


def test_who_gave_the_closing_statement(seed_text: str, seed_generated: Generated) -> None:
    question = _find(seed_generated, "who", "فلاديمير فورونكوف", "الجلسة الختامية رفيعة المستوى اليوم الجمعة")
    assert question.prompt.startswith("من قال")
    _check_evidence(seed_text, question, "فلاديمير فورونكوف")


def test_later_mentions_resolve_to_the_full_name(seed_generated: Generated) -> None:
    people = {f.answer for f in seed_generated.facts if f.type == "person"}
    assert people == {"فلاديمير فورونكوف"}
    warned = _find(seed_generated, "who", "فلاديمير فورونكوف", "النازيين")
    assert warned.prompt == "من حذر من النازيين الجدد؟"


def test_raw_file_junk_is_skipped(seed_generated: Generated) -> None:
    for question in seed_generated.questions:
        assert "Photo" not in question.prompt
        assert "المصدر" not in question.evidence.sentence[:8]
    # The photo caption is repeated in the raw file: its facts are asked about once.
    caption_sentences = {q.evidence.sentence_index for q in seed_generated.questions if "مقديشو" in q.evidence.sentence}
    assert len(caption_sentences) == 1


def test_every_evidence_is_consistent(seed_text: str, seed_generated: Generated) -> None:
    spans = seed_generated.sentences
    for question in seed_generated.questions:
        ev = question.evidence
        assert spans[ev.sentence_index].text == ev.sentence
        assert spans[ev.sentence_index].start == ev.sentence_start
        assert seed_text[ev.sentence_start : ev.sentence_start + len(ev.sentence)] == ev.sentence
        assert 0 <= ev.answer_start < ev.answer_end <= len(ev.sentence)


def test_no_answer_stands_in_its_prompt(seed_generated: Generated) -> None:
    for question in seed_generated.questions:
        if question.mode in {"choice", "typed"} and question.kind != "cloze":
            assert f" {match_key(question.answer)} " not in f" {match_key(question.prompt)} ", question


def test_prompts_are_arabic_questions(seed_generated: Generated) -> None:
    for question in seed_generated.questions:
        if question.kind in {"who", "when", "where", "how_many", "what"}:
            assert question.prompt.endswith("؟")
            assert normalize(question.prompt)[:1].isalpha()


def _cleaned(raw: str) -> str:
    """The seed as the importer would clean it: no masthead, credit or source lines, no repeated lines."""
    seen: set[str] = set()
    kept = []
    for line in raw.splitlines()[1:]:
        stripped = line.strip()
        if not stripped or stripped in seen or not any("\u0600" <= ch <= "\u06ff" for ch in stripped):
            continue
        if stripped.startswith("المصدر"):
            continue
        seen.add(stripped)
        kept.append(stripped)
    return "\n\n".join(kept)


@pytest.mark.parametrize(
    ("kind", "answer", "evidence_has"),
    [
        ("how_many", "134", "134 دولة"),
        ("how_many", "18", "مقديشو"),
        ("when", "2021", "سيعقد"),
        ("when", "الجمعة", "الجلسة الختامية"),
        ("where", "سوريا والعراق", "عالقين"),
        ("who", "فلاديمير فورونكوف", "الجلسة الختامية رفيعة المستوى اليوم الجمعة"),
    ],
)
def test_cleaned_seed_gives_the_same_facts(seed_text: str, kind: str, answer: str, evidence_has: str) -> None:
    cleaned = _cleaned(seed_text)
    assert "Photo" not in cleaned
    question = _find(generate(cleaned), kind, answer, evidence_has)
    ev = question.evidence
    assert cleaned[ev.sentence_start : ev.sentence_start + len(ev.sentence)] == ev.sentence
