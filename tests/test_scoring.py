"""The scoring rules: points for right answers, capped bonuses, XP and the daily streak."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from quiz.scoring import (
    POINTS_PER_RIGHT_ANSWER,
    SPEED_WINDOW_MS,
    Points,
    bonus_caps,
    next_daily_streak,
    points_for_answer,
    speed_bonus,
    streak_bonus,
    xp_for_score,
)


def test_a_right_answer_scores_the_base_points_and_a_wrong_one_nothing():
    right = points_for_answer(
        is_correct=True, question_count=10, mode="choice", timed=False, elapsed_ms=None, streak_before=0
    )
    wrong = points_for_answer(
        is_correct=False, question_count=10, mode="choice", timed=True, elapsed_ms=0, streak_before=9
    )
    assert right == Points(base=1000, speed=0, streak=0)
    assert wrong == Points() and wrong.total == 0


def test_bonus_caps_share_out_less_than_one_right_answer():
    assert bonus_caps(10) == (49, 50)
    assert bonus_caps(5) == (99, 100)
    assert bonus_caps(20) == (24, 25)
    assert bonus_caps(1) == (499, 500)
    for n in range(1, 60):
        speed, streak = bonus_caps(n)
        assert n * (speed + streak) < POINTS_PER_RIGHT_ANSWER


def test_the_speed_bonus_falls_from_full_to_nothing_over_the_window():
    window = SPEED_WINDOW_MS["choice"]
    assert speed_bonus(cap=49, elapsed_ms=0, mode="choice") == 49
    assert speed_bonus(cap=49, elapsed_ms=window // 2, mode="choice") == 24
    assert speed_bonus(cap=49, elapsed_ms=window, mode="choice") == 0
    assert speed_bonus(cap=49, elapsed_ms=window * 5, mode="choice") == 0
    # Typed answers get a longer window than choices.
    assert speed_bonus(cap=49, elapsed_ms=window, mode="typed") > 0
    # A question never shown has no measured time: no bonus.
    assert speed_bonus(cap=49, elapsed_ms=None, mode="choice") == 0


def test_the_untimed_mode_earns_no_speed_bonus_but_keeps_the_streak_bonus():
    timed = points_for_answer(
        is_correct=True, question_count=10, mode="choice", timed=True, elapsed_ms=1000, streak_before=4
    )
    untimed = points_for_answer(
        is_correct=True, question_count=10, mode="choice", timed=False, elapsed_ms=1000, streak_before=4
    )
    assert timed.speed > 0 and untimed.speed == 0
    assert timed.streak == untimed.streak == 50


def test_the_streak_bonus_grows_then_stays_at_its_cap():
    assert [streak_bonus(cap=50, streak=s) for s in range(1, 8)] == [0, 12, 25, 37, 50, 50, 50]


def test_xp_is_ten_per_right_answer_plus_a_share_of_the_bonuses():
    assert xp_for_score(0) == 0
    assert xp_for_score(1000) == 10
    assert xp_for_score(10_990) == 109


def test_the_daily_streak_grows_by_day_and_breaks_after_a_missed_day():
    d = date(2026, 11, 28)
    assert next_daily_streak(streak_days=0, last_active_on=None, day=d) == (1, d)
    assert next_daily_streak(streak_days=3, last_active_on=d, day=d) == (3, d)
    assert next_daily_streak(streak_days=3, last_active_on=date(2026, 11, 27), day=d) == (4, d)
    assert next_daily_streak(streak_days=3, last_active_on=date(2026, 11, 26), day=d) == (1, d)
    # Older activity claimed later (a guest's work) changes nothing.
    assert next_daily_streak(streak_days=3, last_active_on=d, day=date(2026, 11, 20)) == (3, d)


answers = st.lists(
    st.tuples(st.booleans(), st.integers(min_value=0, max_value=120_000), st.sampled_from(list(SPEED_WINDOW_MS))),
    min_size=1,
    max_size=50,
)


def play(sequence: list[tuple[bool, int, str]], timed: bool) -> tuple[int, int]:
    """The score and the number of right answers of an attempt answered as ``sequence`` says."""
    score = streak = right = 0
    for is_correct, elapsed, mode in sequence:
        points = points_for_answer(
            is_correct=is_correct,
            question_count=len(sequence),
            mode=mode,
            timed=timed,
            elapsed_ms=elapsed,
            streak_before=streak,
        )
        score += points.total
        streak = streak + 1 if is_correct else 0
        right += is_correct
    return score, right


@given(answers, answers, st.booleans(), st.booleans())
def test_one_more_right_answer_always_beats_any_bonus(a, b, timed_a, timed_b):
    """Accuracy counts most: in attempts of the same length, more right answers always means a higher score."""
    b = (b * len(a))[: len(a)]  # the same number of questions
    score_a, right_a = play(a, timed_a)
    score_b, right_b = play(b, timed_b)
    if right_a > right_b:
        assert score_a > score_b
    assert right_a * POINTS_PER_RIGHT_ANSWER <= score_a < (right_a + 1) * POINTS_PER_RIGHT_ANSWER
