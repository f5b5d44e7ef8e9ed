"""``generate(text, seed=...)``: article text -> facts -> ranked questions."""

from __future__ import annotations

from quiz.arabic.normalize import match_key
from quiz.generation.extract import extract_facts, read_sentences
from quiz.generation.questions import Context, all_questions
from quiz.generation.types import Generated, Question
from quiz.generation.vocab import extract_cards

# The first questions never repeat a fact or an answer: a quiz attempt takes its questions from the top.
DISTINCT_TOP = 10


def rank(questions: list[Question]) -> list[Question]:
    """Best first: by score, ties broken by position in the text; the best question of each fact (and answer)
    comes before any second question on a fact already asked."""
    ordered = sorted(
        questions,
        key=lambda q: (
            -round(q.score, 6),
            q.evidence.sentence_index,
            q.evidence.answer_start,
            q.kind,
            q.mode,
            q.prompt,
        ),
    )
    unique: list[Question] = []
    shown: set[tuple[str, str, str]] = set()
    for question in ordered:
        identity = (question.prompt, question.mode, question.answer)
        if identity not in shown:
            shown.add(identity)
            unique.append(question)
    first: list[Question] = []
    rest: list[Question] = []
    facts: set[str] = set()
    answers: set[str] = set()
    for question in unique:
        answer_key = question.answer_type + ":" + match_key(question.answer)
        if question.fact_key in facts or (question.mode != "true_false" and answer_key in answers):
            rest.append(question)
            continue
        facts.add(question.fact_key)
        if question.mode != "true_false":
            answers.add(answer_key)
        first.append(question)
    return _spread(first) + rest


_SPREAD_WINDOW = 200


def _spread(questions: list[Question]) -> list[Question]:
    """Reorder the best questions so that neighbours come from different sentences and kinds where scores are
    close: greedy, each pick's score lowered by how often its sentence and kind were already picked."""
    head, tail = questions[:_SPREAD_WINDOW], questions[_SPREAD_WINDOW:]
    chosen: list[Question] = []
    by_sentence: dict[int, int] = {}
    by_kind: dict[str, int] = {}
    remaining = list(head)
    while remaining:
        best = max(
            range(len(remaining)),
            key=lambda i: (
                remaining[i].score
                - 0.04 * by_sentence.get(remaining[i].evidence.sentence_index, 0)
                - 0.02 * by_kind.get(remaining[i].kind, 0),
                -i,
            ),
        )
        question = remaining.pop(best)
        chosen.append(question)
        by_sentence[question.evidence.sentence_index] = by_sentence.get(question.evidence.sentence_index, 0) + 1
        by_kind[question.kind] = by_kind.get(question.kind, 0) + 1
    return chosen + tail


def generate(text: str, *, seed: int = 0) -> Generated:
    """Questions about ``text`` (an Arabic article, cleaned or raw), best first, and its vocabulary cards (not yet
    settled by mishkal: see ``vocab.vowel_cards``); the same text and seed always give the same output.
    Never raises on odd input; gives no questions when there is nothing to ask."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    sentences = read_sentences(text)
    facts = extract_facts(sentences)
    ctx = Context(sentences, facts, seed)
    questions = rank(all_questions(ctx))
    cards = extract_cards(sentences)
    return Generated(sentences=[s.span for s in sentences], facts=facts, questions=questions, cards=cards)
