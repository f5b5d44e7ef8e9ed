"""The quiz's scoring rules, computed on the server only: points, the capped bonuses, XP and the daily streak.

Accuracy counts most: a right answer earns ``POINTS_PER_RIGHT_ANSWER``; a wrong one earns nothing. Bonuses for
speed (timed quizzes only) and for answer streaks are shared out per question so that all the bonuses of one
attempt together stay below the points of a single right answer: one more right answer always beats any bonus.
Pure Python, no Django import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

POINTS_PER_RIGHT_ANSWER = 1000
# A speed bonus falls from its full value at once to nothing at the end of the window. Reading a typed or
# matching question and writing the answer takes longer than picking one of four choices.
SPEED_WINDOW_MS = {"choice": 20_000, "true_false": 15_000, "typed": 40_000, "matching": 60_000}
# The streak bonus grows over this many right answers in a row after the first, then stays at its cap.
STREAK_STEPS = 4
# Ten XP for each right answer, and one for each hundred bonus points.
POINTS_PER_XP = 100


@dataclass(frozen=True, slots=True)
class Points:
    base: int = 0
    speed: int = 0
    streak: int = 0

    @property
    def total(self) -> int:
        return self.base + self.speed + self.streak


def bonus_caps(question_count: int) -> tuple[int, int]:
    """The largest speed bonus and the largest streak bonus one answer of an attempt can earn.

    ``question_count * (speed + streak)`` is below ``POINTS_PER_RIGHT_ANSWER``.
    """
    per_question = (POINTS_PER_RIGHT_ANSWER - 1) // max(question_count, 1)
    speed = per_question // 2
    return speed, per_question - speed


def speed_bonus(*, cap: int, elapsed_ms: int | None, mode: str) -> int:
    """The full ``cap`` for an instant answer, nothing once the mode's window has passed or when the time is
    unknown (the question was never shown)."""
    if elapsed_ms is None or cap <= 0:
        return 0
    window = SPEED_WINDOW_MS.get(mode, SPEED_WINDOW_MS["typed"])
    left = max(0, window - max(0, elapsed_ms))
    return cap * left // window


def streak_bonus(*, cap: int, streak: int) -> int:
    """The bonus for the ``streak``-th right answer in a row (this one included): none for the first."""
    if streak <= 1 or cap <= 0:
        return 0
    return cap * min(streak - 1, STREAK_STEPS) // STREAK_STEPS


def points_for_answer(
    *,
    is_correct: bool,
    question_count: int,
    mode: str,
    timed: bool,
    elapsed_ms: int | None,
    streak_before: int,
) -> Points:
    """The points one answer earns. ``streak_before`` is the number of right answers in a row before it."""
    if not is_correct:
        return Points()
    speed_cap, streak_cap = bonus_caps(question_count)
    return Points(
        base=POINTS_PER_RIGHT_ANSWER,
        speed=speed_bonus(cap=speed_cap, elapsed_ms=elapsed_ms, mode=mode) if timed else 0,
        streak=streak_bonus(cap=streak_cap, streak=streak_before + 1),
    )


def xp_for_score(score: int) -> int:
    """The XP an attempt's score is worth."""
    return score // POINTS_PER_XP


def next_daily_streak(*, streak_days: int, last_active_on: date | None, day: date) -> tuple[int, date]:
    """The learner's daily streak and last active day after some activity on ``day``: the same on the same day,
    one longer the day after the last activity, back to one after a day without any. Activity dated before the
    last active day (a guest's older work, claimed later) changes nothing."""
    if last_active_on is not None and day <= last_active_on:
        return max(streak_days, 1), last_active_on
    if last_active_on is not None and last_active_on == day - timedelta(days=1):
        return streak_days + 1, day
    return 1, day
