"""How the class did: item analysis per article, scores per learner, and the CSV files teachers download.

Item analysis, for each question of an article, over every answer learners gave to it:
  answers          how many times it was answered
  share right      p, the share of those answers that were right
  discrimination   the corrected point-biserial correlation: the Pearson correlation between answering this
                   question right (1) or wrong (0) and the attempt's share of right answers on its *other*
                   questions. Attempts that answered no other question are left out of it. Undefined (None)
                   with fewer than two such answers, or when either side does not vary.
  flags            with at least MIN_ANSWERS answers: too easy (p > 0.9), too hard (p < 0.3), separates badly
                   (discrimination < 0.2, or undefined because everyone or no one got it right is already
                   flagged as too easy or too hard).
"""

from __future__ import annotations

import csv
import io
import math
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db.models import Count, Max, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quiz.models import Article, Attempt, LearnerProfile, Question, Response

MIN_ANSWERS = 5
TOO_EASY = 0.9
TOO_HARD = 0.3
SEPARATES_BADLY = 0.2

FLAG_LABELS = {
    "too_easy": gettext_lazy("too easy"),
    "too_hard": gettext_lazy("too hard"),
    "separates_badly": gettext_lazy("separates badly"),
}


@dataclass(frozen=True, slots=True)
class ItemStats:
    question: Question
    answers: int
    right: int
    discrimination: float | None
    flags: tuple[str, ...]

    @property
    def share_right(self) -> float | None:
        return self.right / self.answers if self.answers else None

    @property
    def flag_labels(self) -> list[str]:
        return [str(FLAG_LABELS[flag]) for flag in self.flags]


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """The correlation of two equally long series; None when it is undefined."""
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    if var_x == 0 or var_y == 0:
        return None
    return cov / math.sqrt(var_x * var_y)


def item_analysis(article: Article) -> list[ItemStats]:
    """Every question of the article that is playable or was answered, in the order a quiz takes them."""
    rows = list(
        Response.objects.filter(question__article=article).values_list("attempt_id", "question_id", "is_correct")
    )
    per_attempt: dict[int, list[int]] = defaultdict(lambda: [0, 0])  # attempt -> [answered, right]
    for attempt_id, _question_id, is_correct in rows:
        per_attempt[attempt_id][0] += 1
        per_attempt[attempt_id][1] += int(is_correct)
    per_question: dict[int, list[tuple[int, int]]] = defaultdict(list)  # question -> [(attempt, right)]
    for attempt_id, question_id, is_correct in rows:
        per_question[question_id].append((attempt_id, int(is_correct)))

    questions = article.questions.filter(
        Q(pk__in=list(per_question)) | ~Q(status__in=[Question.Status.REJECTED, Question.Status.RETIRED])
    ).quiz_order()
    stats = []
    for question in questions:
        answers = per_question.get(question.pk, [])
        xs, ys = [], []
        for attempt_id, right in answers:
            total, total_right = per_attempt[attempt_id]
            if total >= 2:
                xs.append(right)
                ys.append((total_right - right) / (total - 1))
        right_count = sum(right for _attempt, right in answers)
        discrimination = pearson(xs, ys)
        stats.append(
            ItemStats(
                question, len(answers), right_count, discrimination, _flags(len(answers), right_count, discrimination)
            )
        )
    return stats


def _flags(answers: int, right: int, discrimination: float | None) -> tuple[str, ...]:
    if answers < MIN_ANSWERS:
        return ()
    share = right / answers
    flags = []
    if share > TOO_EASY:
        flags.append("too_easy")
    if share < TOO_HARD:
        flags.append("too_hard")
    if discrimination is not None and discrimination < SEPARATES_BADLY:
        flags.append("separates_badly")
    return tuple(flags)


# Learners --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LearnerStats:
    name: str
    username: str  # "" for a guest
    attempts: int
    finished: int
    answered: int
    right: int
    points: int
    best_score: int
    last_played: datetime | None

    @property
    def share_right(self) -> float | None:
        return self.right / self.answered if self.answered else None


def guest_name(guest_id: uuid.UUID) -> str:
    return _("Guest %(code)s") % {"code": str(guest_id)[:8]}


def learner_scores(article: Article | None = None) -> list[LearnerStats]:
    """Each learner's attempts (of one article, or of all) and how they scored, by name."""
    attempts = Attempt.objects.all() if article is None else Attempt.objects.filter(article=article)
    by_learner = attempts.values("user_id", "guest_id").annotate(
        attempts=Count("id"),
        finished=Count("id", filter=Q(finished_at__isnull=False)),
        points=Sum("score"),
        best=Max("score"),
        last=Max("started_at"),
    )
    responses = Response.objects.filter(attempt__in=attempts)
    answers = {
        (row["attempt__user_id"], row["attempt__guest_id"]): row
        for row in responses.values("attempt__user_id", "attempt__guest_id").annotate(
            answered=Count("id"), right=Count("id", filter=Q(is_correct=True))
        )
    }
    rows = list(by_learner)
    user_ids = [row["user_id"] for row in rows if row["user_id"] is not None]
    usernames = dict(User.objects.filter(pk__in=user_ids).values_list("pk", "username"))
    names = dict(LearnerProfile.objects.filter(user_id__in=user_ids).values_list("user_id", "display_name"))
    stats = []
    for row in rows:
        user_id, guest_id = row["user_id"], row["guest_id"]
        answer_row = answers.get((user_id, guest_id), {"answered": 0, "right": 0})
        if user_id is not None:
            name, username = names.get(user_id) or usernames.get(user_id, ""), usernames.get(user_id, "")
        else:
            name, username = guest_name(guest_id), ""
        stats.append(
            LearnerStats(
                name=name,
                username=username,
                attempts=row["attempts"],
                finished=row["finished"],
                answered=answer_row["answered"],
                right=answer_row["right"],
                points=row["points"] or 0,
                best_score=row["best"] or 0,
                last_played=row["last"],
            )
        )
    return sorted(stats, key=lambda s: (s.name.casefold(), s.username))


# CSV -------------------------------------------------------------------------------------------------------------


def _cell(value: object) -> object:
    """A value safe to open in a spreadsheet: text that could start a formula is quoted."""
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


def _ratio(value: float | None) -> float | str:
    return "" if value is None else round(value, 3)


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_cell(h) for h in header])
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def attempts_csv(attempts: Iterable[Attempt]) -> str:
    """One row per attempt: who, which article, when, how many answered and right, the score."""
    header = [
        _("attempt"),
        _("learner"),
        _("user name"),
        _("article"),
        _("started"),
        _("finished"),
        _("answered"),
        _("right"),
        _("score"),
    ]
    rows = []
    for attempt in attempts:
        if attempt.user_id is not None:
            profile = getattr(attempt.user, "profile", None)
            name = profile.display_name if profile is not None else attempt.user.username  # type: ignore[union-attr]
            username = attempt.user.username  # type: ignore[union-attr]
        else:
            name, username = guest_name(attempt.guest_id), ""  # type: ignore[arg-type]
        rows.append(
            [
                str(attempt.public_id),
                name,
                username,
                attempt.article.title,
                attempt.started_at.isoformat(),
                attempt.finished_at.isoformat() if attempt.finished_at else "",
                attempt.response_count,  # type: ignore[attr-defined]
                attempt.right_count,  # type: ignore[attr-defined]
                attempt.score,
            ]
        )
    return to_csv(header, rows)


def item_analysis_csv(articles: Iterable[Article]) -> str:
    header = [
        _("article"),
        _("question"),
        _("kind"),
        _("answer by"),
        _("status"),
        _("answers"),
        _("right"),
        _("share right"),
        _("discrimination"),
        _("flags"),
    ]
    rows = []
    for article in articles:
        for item in item_analysis(article):
            q = item.question
            rows.append(
                [
                    article.title,
                    q.prompt,
                    q.get_kind_display(),
                    q.get_mode_display(),
                    q.get_status_display(),
                    item.answers,
                    item.right,
                    _ratio(item.share_right),
                    _ratio(item.discrimination),
                    "; ".join(item.flag_labels),
                ]
            )
    return to_csv(header, rows)


def learner_scores_csv(stats: Iterable[LearnerStats]) -> str:
    header = [
        _("learner"),
        _("user name"),
        _("attempts"),
        _("finished"),
        _("answered"),
        _("right"),
        _("share right"),
        _("points"),
        _("best score"),
        _("last played"),
    ]
    rows = [
        [
            s.name,
            s.username,
            s.attempts,
            s.finished,
            s.answered,
            s.right,
            _ratio(s.share_right),
            s.points,
            s.best_score,
            s.last_played.isoformat() if s.last_played else "",
        ]
        for s in stats
    ]
    return to_csv(header, rows)
