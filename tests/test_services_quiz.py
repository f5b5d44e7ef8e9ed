"""The quiz services: start, answer, finish, practise, and every refusal (which changes nothing)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from quiz import services
from quiz.learners import Learner
from quiz.models import Attempt, LearnerProfile, Response, Submission
from quiz.scoring import POINTS_PER_RIGHT_ANSWER

from .conftest import make_attempt, make_question, make_user, right_answer, submission_of, wrong_answer

pytestmark = pytest.mark.django_db


def guest() -> Learner:
    return Learner(guest_id=uuid.uuid4())


def answer(attempt, learner, data, **kwargs):
    return services.attempt_answer(
        attempt_id=attempt.public_id,
        learner=learner,
        question_id=int(data["question"]),
        submission=submission_of(data),
        **kwargs,
    )


def current(attempt):
    return services.current_slot(attempt).question


def snapshot(attempt):
    """Everything an answer could change."""
    attempt.refresh_from_db()
    return (
        attempt.score,
        attempt.answered_count,
        attempt.correct_count,
        attempt.streak,
        attempt.finished_at,
        list(Response.objects.filter(attempt=attempt).values_list("question", "is_correct", "points")),
        list(LearnerProfile.objects.values_list("xp", "streak_days")),
    )


# Start -----------------------------------------------------------------------------------------------------------


def test_start_draws_n_questions_in_order_for_a_guest(seed_quiz):
    learner = guest()
    attempt = make_attempt(seed_quiz, learner=learner, count=7)
    assert attempt.question_count == 7
    assert attempt.guest_id == learner.guest_id and attempt.user is None
    assert list(attempt.slots.values_list("position", flat=True)) == list(range(7))
    assert len(set(attempt.slots.values_list("question__fact_key", flat=True))) == 7
    assert attempt.timed and not attempt.is_finished


def test_start_for_a_signed_in_learner_and_untimed(seed_quiz):
    user = make_user()
    attempt = make_attempt(seed_quiz, learner=Learner(user=user), timed=False)
    assert attempt.user == user and attempt.guest_id is None and not attempt.timed
    assert attempt.question_count == 10


def test_start_is_refused_without_questions_or_without_a_learner(seed_article):
    with pytest.raises(services.NoQuestions):
        make_attempt(seed_article, learner=guest())
    with pytest.raises(services.NotYourAttempt):
        make_attempt(seed_article, learner=Learner())
    assert not Attempt.objects.exists()


def test_an_article_with_fewer_questions_than_n_gets_them_all(seed_article):
    make_question(seed_article)
    make_question(seed_article, prompt="سؤال آخر؟")
    assert make_attempt(seed_article, learner=guest(), count=10).question_count == 2


# Answer and score ------------------------------------------------------------------------------------------------


def test_answers_are_scored_on_the_server_and_the_attempt_finishes_itself(seed_quiz):
    learner = guest()
    attempt = make_attempt(seed_quiz, learner=learner, count=4, timed=False)
    results = []
    for data_of in (right_answer, right_answer, wrong_answer, right_answer):
        question = current(attempt)
        results.append(answer(attempt, learner, data_of(question)))
    attempt.refresh_from_db()
    points = [r.response.points for r in results]
    # Untimed: no speed bonus; the streak bonus (cap 124 for 4 questions) grows over right answers in a row.
    assert points == [1000, 1000 + 31, 0, 1000]
    assert [r.response.streak_bonus for r in results] == [0, 31, 0, 0]
    assert attempt.score == sum(points) == 3031
    assert (attempt.answered_count, attempt.correct_count, attempt.streak, attempt.best_streak) == (4, 3, 1, 2)
    assert attempt.is_finished and results[-1].attempt.is_finished and not results[-2].attempt.is_finished


def test_the_speed_bonus_uses_the_time_the_server_measured(seed_quiz):
    learner = guest()
    attempt = make_attempt(seed_quiz, learner=learner, count=10)
    slot = services.current_slot(attempt)
    shown = timezone.now()
    slot.mark_shown(shown)
    question = slot.question
    result = answer(attempt, learner, right_answer(question), now=shown + timedelta(seconds=2))
    window = {"choice": 20, "true_false": 15, "typed": 40, "matching": 60}[question.mode]
    assert result.response.elapsed_ms == 2000
    assert result.response.speed_bonus == 49 * (window - 2) // window
    # Not shown (no clock started): no speed bonus, whatever the browser might claim.
    result = answer(attempt, learner, right_answer(current(attempt)), now=shown + timedelta(seconds=1))
    assert result.response.elapsed_ms is None and result.response.speed_bonus == 0


def test_showing_a_question_again_does_not_restart_its_clock(seed_quiz):
    attempt = make_attempt(seed_quiz, learner=guest())
    slot = services.current_slot(attempt)
    first = timezone.now() - timedelta(seconds=30)
    slot.mark_shown(first)
    services.current_slot(attempt).mark_shown(timezone.now())
    assert services.current_slot(attempt).shown_at == first


def test_i_dont_know_is_a_wrong_answer_that_ends_the_streak(seed_quiz):
    learner = guest()
    attempt = make_attempt(seed_quiz, learner=learner, count=3)
    answer(attempt, learner, right_answer(current(attempt)))
    result = answer(attempt, learner, {"question": str(current(attempt).pk), "skip": "1"})
    assert not result.response.is_correct and result.response.given == "" and result.response.points == 0
    assert result.attempt.streak == 0


def test_xp_and_the_daily_streak_go_to_a_signed_in_learner(seed_quiz):
    user = make_user()
    LearnerProfile.objects.filter(user=user).update(
        streak_days=4, last_active_on=timezone.localdate() - timedelta(days=1), xp=5
    )
    user.refresh_from_db()
    learner = Learner(user=user)
    attempt = make_attempt(seed_quiz, learner=learner, count=2, timed=False)
    answer(attempt, learner, right_answer(current(attempt)))
    answer(attempt, learner, right_answer(current(attempt)))
    attempt.refresh_from_db()
    profile = LearnerProfile.objects.get(user=user)
    assert attempt.score == 2000 + 62  # the second right answer in a row: a quarter of the streak cap (250)
    assert profile.xp == 5 + attempt.score // 100
    assert profile.streak_days == 5 and profile.last_active_on == timezone.localdate()


def test_an_account_without_a_profile_gets_one_when_it_plays(seed_quiz):
    from django.contrib.auth.models import User

    user = User.objects.create_user("noprofile", password="x")
    learner = Learner(user=user)
    attempt = make_attempt(seed_quiz, learner=learner, count=1, timed=False)
    answer(attempt, learner, right_answer(current(attempt)))
    assert LearnerProfile.objects.get(user=user).xp == 10


# Refusals: a 4xx status each, and nothing changes -------------------------------------------------------------


@pytest.fixture
def playing(seed_quiz):
    learner = guest()
    attempt = make_attempt(seed_quiz, learner=learner, count=5)
    answer(attempt, learner, right_answer(current(attempt)))
    return attempt, learner


def test_another_learners_attempt_is_refused(playing):
    attempt, _owner = playing
    other = make_user("other", display_name="آخر")
    before = snapshot(attempt)
    for intruder in (guest(), Learner(user=other), Learner()):
        with pytest.raises(services.NotYourAttempt) as refused:
            answer(attempt, intruder, right_answer(current(attempt)))
        assert refused.value.status == 403
    for action in (services.attempt_finish, services.attempt_untime, services.attempt_practise_missed):
        with pytest.raises(services.NotYourAttempt):
            action(attempt_id=attempt.public_id, learner=guest())
    assert snapshot(attempt) == before
    assert attempt.timed


def test_a_question_not_in_the_attempt_is_refused(playing, seed_quiz):
    attempt, learner = playing
    outside = seed_quiz.questions.exclude(pk__in=attempt.slots.values("question")).first()
    before = snapshot(attempt)
    with pytest.raises(services.QuestionNotInAttempt) as refused:
        answer(attempt, learner, right_answer(outside))
    assert refused.value.status == 400
    assert snapshot(attempt) == before


def test_a_second_answer_to_the_same_question_is_refused(playing):
    attempt, learner = playing
    first = attempt.slots.get(position=0).question
    before = snapshot(attempt)
    with pytest.raises(services.AlreadyAnswered) as refused:
        answer(attempt, learner, wrong_answer(first))
    assert refused.value.status == 409
    assert snapshot(attempt) == before


def test_an_answer_to_a_later_question_is_refused(playing):
    attempt, learner = playing
    later = attempt.slots.get(position=3).question
    before = snapshot(attempt)
    with pytest.raises(services.NotCurrentQuestion):
        answer(attempt, learner, right_answer(later))
    assert snapshot(attempt) == before


def test_an_answer_after_the_attempt_ended_is_refused(playing):
    attempt, learner = playing
    services.attempt_finish(attempt_id=attempt.public_id, learner=learner)
    before = snapshot(attempt)
    with pytest.raises(services.AttemptOver) as refused:
        answer(attempt, learner, right_answer(attempt.slots.get(position=1).question))
    assert refused.value.status == 409
    with pytest.raises(services.AttemptOver):
        services.attempt_finish(attempt_id=attempt.public_id, learner=learner)
    assert snapshot(attempt) == before


def test_an_answer_that_does_not_fit_the_question_is_refused(playing, seed_quiz):
    attempt, learner = playing
    question = current(attempt)
    foreign_choice = seed_quiz.questions.exclude(pk=question.pk).filter(mode="choice").first().choices.first()
    before = snapshot(attempt)
    bad = Submission(choice_id=foreign_choice.pk, text="", matches=(foreign_choice.pk,) * len(question.pairs or [1]))
    with pytest.raises(services.InvalidAnswer) as refused:
        services.attempt_answer(attempt_id=attempt.public_id, learner=learner, question_id=question.pk, submission=bad)
    assert refused.value.status == 400
    assert snapshot(attempt) == before


def test_an_unknown_attempt_is_not_found(db):
    with pytest.raises(services.AttemptNotFound) as refused:
        services.attempt_finish(attempt_id=uuid.uuid4(), learner=guest())
    assert refused.value.status == 404


# Finish, untime, practise ---------------------------------------------------------------------------------------


def test_finishing_early_leaves_the_rest_unanswered(playing):
    attempt, learner = playing
    finished = services.attempt_finish(attempt_id=attempt.public_id, learner=learner)
    assert finished.is_finished and finished.answered_count == 1 and finished.question_count == 5


def test_turning_the_clock_off_stops_the_speed_bonus(playing):
    attempt, learner = playing
    services.attempt_untime(attempt_id=attempt.public_id, learner=learner)
    slot = services.current_slot(attempt)
    slot.mark_shown(timezone.now())
    result = answer(attempt, learner, right_answer(slot.question))
    assert not result.attempt.timed and result.response.speed_bonus == 0


def test_practising_the_missed_questions(seed_quiz):
    learner = guest()
    attempt = make_attempt(seed_quiz, learner=learner, count=5)
    with pytest.raises(services.NotCurrentQuestion):
        services.attempt_practise_missed(attempt_id=attempt.public_id, learner=learner)
    first = current(attempt)
    answer(attempt, learner, right_answer(first))
    wrong = current(attempt)
    answer(attempt, learner, wrong_answer(wrong))
    skipped = current(attempt)
    answer(attempt, learner, {"question": str(skipped.pk), "skip": "1"})
    services.attempt_finish(attempt_id=attempt.public_id, learner=learner)
    practice = services.attempt_practise_missed(attempt_id=attempt.public_id, learner=learner)
    missed = [s.question for s in practice.slots.select_related("question")]
    assert missed[:2] == [wrong, skipped] and first not in missed and len(missed) == 4
    assert practice.practice_of == attempt and practice.question_count == 4 and practice.timed == attempt.timed


def test_nothing_to_practise_after_a_perfect_attempt(seed_quiz):
    learner = guest()
    attempt = make_attempt(seed_quiz, learner=learner, count=2)
    answer(attempt, learner, right_answer(current(attempt)))
    answer(attempt, learner, right_answer(current(attempt)))
    with pytest.raises(services.NoQuestions):
        services.attempt_practise_missed(attempt_id=attempt.public_id, learner=learner)


# A guest's work claimed at sign-up ------------------------------------------------------------------------------


def test_a_guests_xp_and_days_of_play_go_to_the_account_that_claims_them(seed_quiz):
    learner = guest()
    attempt = make_attempt(seed_quiz, learner=learner, count=2, timed=False)
    answer(attempt, learner, right_answer(current(attempt)))
    untouched = make_attempt(seed_quiz, learner=learner, count=2)  # started, never answered
    user = make_user()
    services.guest_work_claim(guest_id=learner.guest_id, user=user)
    profile = LearnerProfile.objects.get(user=user)
    assert profile.xp == attempt.__class__.objects.get(pk=attempt.pk).score // 100 == 10
    assert profile.streak_days == 1 and profile.last_active_on == timezone.localdate()
    assert set(Attempt.objects.filter(user=user)) == {attempt, untouched}
    assert POINTS_PER_RIGHT_ANSWER == 1000
