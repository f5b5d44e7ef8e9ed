"""Many requests at once, as real threads with their own connections and real commits: answers to the same and to
different attempts, and flashcard ratings. Each is stored once, no write is lost, and none fails with a database
error ("database is locked" on SQLite, a unique-constraint violation, a deadlock) instead of the service's refusal."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Sum

from quiz import services
from quiz.learners import Learner
from quiz.models import Article, Attempt, CardState, LearnerProfile, Question, Response, Review, VocabItem
from quiz.scoring import points_for_answer, xp_for_score

from .conftest import make_cards, make_question, make_user, right_answer, submission_of, wrong_answer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("concurrency")]

THREADS = 8
QUESTIONS = 10


def run_together[T](count: int, work: Callable[[int], T]) -> list[T | Exception]:
    """Run ``work(0)`` .. ``work(count - 1)`` in ``count`` threads released at the same moment; each one's result
    or the exception it raised, in order."""
    barrier = threading.Barrier(count)
    outcomes: list[T | Exception] = [RuntimeError("the thread did not finish")] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            outcomes[index] = work(index)
        except Exception as error:  # kept for the test to look at
            outcomes[index] = error
        finally:
            connection.close()  # each thread has its own connection; the test database is dropped at the end

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def exception_names(outcomes: list[object]) -> Counter[str]:
    return Counter(type(outcome).__name__ for outcome in outcomes if isinstance(outcome, Exception))


def as_in_a_request(learner: Learner) -> Learner:
    """The learner as a request of their own sees them: an account is loaded afresh with its profile."""
    if learner.user is None:
        return learner
    return Learner(user=User.objects.select_related("profile").get(pk=learner.user.pk))


# Quiz answers ------------------------------------------------------------------------------------------------------


@pytest.fixture
def questions(seed_article: Article) -> list[Question]:
    return [make_question(seed_article, prompt=f"من قال ذلك؟ ({i})", fact_key=f"fact:{i}") for i in range(QUESTIONS)]


def answered_right(question: Question, questions: list[Question]) -> bool:
    """Every third question is answered wrong, whoever answers it: the expected score does not depend on which
    thread's answer is stored."""
    return questions.index(question) % 3 != 2


def expected_score(questions: list[Question]) -> int:
    """The score of an untimed attempt at ``questions`` answered as ``answered_right`` says, in order."""
    score = streak = 0
    for question in questions:
        right = answered_right(question, questions)
        score += points_for_answer(
            is_correct=right,
            question_count=len(questions),
            mode=question.mode,
            timed=False,
            elapsed_ms=None,
            streak_before=streak,
        ).total
        streak = streak + 1 if right else 0
    return score


def start(article: Article, learner: Learner, questions: list[Question]) -> Attempt:
    return services.attempt_start(article=article, learner=learner, timed=False, questions=questions)


def answer(attempt: Attempt, learner: Learner, question: Question, *, right: bool) -> services.AnswerResult:
    data = right_answer(question) if right else wrong_answer(question)
    return services.attempt_answer(
        attempt_id=attempt.public_id,
        learner=learner,
        question_id=question.pk,
        submission=submission_of(data),
    )


def play_through(attempt: Attempt, learner: Learner, questions: list[Question]) -> int:
    """Answer the attempt's current question until none is left, as ``answered_right`` says; the number of answers
    this player got stored (another player of the same attempt may have answered a question first)."""
    stored = 0
    # One account object for all of this player's answers: what one answer leaves on it must be right for the next.
    learner = as_in_a_request(learner)
    while (slot := services.current_slot(Attempt.objects.get(pk=attempt.pk))) is not None:
        try:
            answer(attempt, learner, slot.question, right=answered_right(slot.question, questions))
        except (services.AlreadyAnswered, services.AttemptOver):
            continue
        stored += 1
    return stored


def assert_consistent(attempt: Attempt, questions: list[Question]) -> None:
    """One response per question, and the attempt's totals are those of its responses."""
    attempt.refresh_from_db()
    responses = list(Response.objects.filter(attempt=attempt).order_by("id"))  # in the order they were stored
    assert [r.question_id for r in responses] == [q.pk for q in questions]
    assert [r.is_correct for r in responses] == [answered_right(q, questions) for q in questions]
    assert attempt.score == sum(r.points for r in responses) == expected_score(questions)
    assert attempt.answered_count == len(questions)
    assert attempt.correct_count == sum(r.is_correct for r in responses)
    assert attempt.is_finished


def test_the_same_answer_sent_by_many_threads_is_stored_once(seed_article, questions):
    learner = Learner(user=make_user())
    attempt = start(seed_article, learner, questions)
    first = questions[0]

    # Half the threads send a right answer, half a wrong one: whichever comes first counts.
    outcomes = run_together(THREADS, lambda i: answer(attempt, as_in_a_request(learner), first, right=i % 2 == 0))

    stored = [o for o in outcomes if isinstance(o, services.AnswerResult)]
    assert len(stored) == 1
    assert exception_names(outcomes) == {"AlreadyAnswered": THREADS - 1}
    response = Response.objects.get(attempt=attempt)
    assert response.pk == stored[0].response.pk and response.question_id == first.pk
    attempt.refresh_from_db()
    assert (attempt.answered_count, attempt.correct_count) == (1, int(response.is_correct))
    assert attempt.score == response.points == (1000 if response.is_correct else 0)
    assert services.current_slot(attempt).question == questions[1]  # type: ignore[union-attr]
    assert LearnerProfile.objects.get(user=learner.user).xp == xp_for_score(attempt.score)


def test_many_threads_playing_the_same_attempt_answer_each_question_once(seed_article, questions):
    learner = Learner(user=make_user())
    attempt = start(seed_article, learner, questions)

    outcomes = run_together(THREADS, lambda _i: play_through(attempt, learner, questions))

    assert exception_names(outcomes) == {}
    assert sum(outcomes) == QUESTIONS  # type: ignore[arg-type]
    assert_consistent(attempt, questions)
    profile = LearnerProfile.objects.get(user=learner.user)
    assert (profile.xp, profile.streak_days) == (xp_for_score(attempt.score), 1)


def test_many_learners_answering_their_own_attempts_at_once(seed_article, questions):
    learners = [Learner(user=make_user(f"learner{i}")) for i in range(THREADS // 2)]
    learners += [Learner(guest_id=uuid.uuid4()) for _ in range(THREADS // 2)]
    attempts = [start(seed_article, learner, questions) for learner in learners]

    outcomes = run_together(THREADS, lambda i: play_through(attempts[i], learners[i], questions))

    assert outcomes == [QUESTIONS] * THREADS
    assert Response.objects.count() == THREADS * QUESTIONS
    for attempt in attempts:
        assert_consistent(attempt, questions)
    profiles = LearnerProfile.objects.order_by("user__username")
    assert [(p.user.username, p.xp) for p in profiles] == [
        (f"learner{i}", xp_for_score(expected_score(questions))) for i in range(THREADS // 2)
    ]


def test_one_account_playing_several_attempts_at_once_is_credited_for_all(seed_article, questions):
    # An account made outside the sign-up form has no profile yet: the first answer makes it, once.
    learner = Learner(user=User.objects.create_user("admin-made", password="x"))
    attempts = [start(seed_article, learner, questions) for _ in range(THREADS)]

    outcomes = run_together(THREADS, lambda i: play_through(attempts[i], learner, questions))

    assert outcomes == [QUESTIONS] * THREADS
    for attempt in attempts:
        assert_consistent(attempt, questions)
    profile = LearnerProfile.objects.get()
    total = Attempt.objects.aggregate(total=Sum("score"))["total"]
    assert total == THREADS * expected_score(questions)
    assert profile.user == learner.user
    assert (profile.xp, profile.streak_days) == (THREADS * xp_for_score(expected_score(questions)), 1)


# Flashcards --------------------------------------------------------------------------------------------------------


@pytest.fixture
def cards(seed_article: Article) -> list[VocabItem]:
    make_cards(seed_article)
    return list(VocabItem.objects.order_by("rank")[:THREADS])


def review(learner: Learner, item: VocabItem, *, rating: int, reps: int) -> CardState:
    return services.card_review(learner=as_in_a_request(learner), item=item, rating=rating, reps=reps)


@pytest.mark.parametrize("in_deck", [False, True], ids=["new card", "card in the deck"])
def test_the_same_rating_sent_by_many_threads_is_taken_once(cards, in_deck):
    learner = Learner(user=make_user())
    item = cards[0]
    if in_deck:
        services.card_add(learner=learner, item=item)

    # Every thread rates the card as it was shown (never reviewed): one rating counts, the others are stale.
    outcomes = run_together(THREADS, lambda i: review(learner, item, rating=1 + i % 4, reps=0))

    taken = [o for o in outcomes if isinstance(o, CardState)]
    assert len(taken) == 1
    assert exception_names(outcomes) == {"StaleReview": THREADS - 1}
    state = CardState.objects.get()
    assert (state.pk, state.user, state.item, state.reps) == (taken[0].pk, learner.user, item, 1)
    assert Review.objects.get().card == state


def test_many_threads_rating_the_same_card_lose_no_rating(cards):
    learner = Learner(guest_id=uuid.uuid4())
    item = cards[0]

    def rate_until_taken(index: int) -> int:
        """Rate the card as last seen; a stale page is reloaded and rated again. The number of tries."""
        for tries in range(1, 100):
            state = CardState.objects.for_learner(learner).filter(item=item).first()
            try:
                review(learner, item, rating=3 if index % 2 else 1, reps=state.reps if state else 0)
            except services.StaleReview:
                continue
            return tries
        raise AssertionError("never taken")

    outcomes = run_together(THREADS, rate_until_taken)

    assert exception_names(outcomes) == {}
    state = CardState.objects.get()
    assert (state.guest_id, state.item, state.reps) == (learner.guest_id, item, THREADS)
    assert Counter(Review.objects.filter(card=state).values_list("rating", flat=True)) == {1: 4, 3: 4}


def test_the_same_card_added_by_many_threads_is_in_the_deck_once(cards):
    learner = Learner(user=make_user())
    item = cards[0]

    outcomes = run_together(THREADS, lambda _i: services.card_add(learner=as_in_a_request(learner), item=item))

    assert exception_names(outcomes) == {}
    state = CardState.objects.get()
    assert [o[0].pk for o in outcomes] == [state.pk] * THREADS  # type: ignore[index]
    assert [o[1] for o in outcomes].count(True) == 1  # type: ignore[index]
    assert (state.user, state.item, state.reps) == (learner.user, item, 0)


def test_many_learners_rating_different_cards_at_once(cards):
    learners = [Learner(user=make_user()), Learner(guest_id=uuid.uuid4())]
    pairs = [(learner, item) for learner in learners for item in cards[: THREADS // 2]]

    def add_and_rate(index: int) -> CardState:
        learner, item = pairs[index]
        services.card_add(learner=as_in_a_request(learner), item=item)
        return review(learner, item, rating=3, reps=0)

    outcomes = run_together(THREADS, add_and_rate)

    assert exception_names(outcomes) == {}
    for learner, item in pairs:
        state = CardState.objects.for_learner(learner).get(item=item)
        assert state.reps == 1
        assert list(state.reviews.values_list("rating", flat=True)) == [3]
    assert CardState.objects.count() == Review.objects.count() == THREADS
