"""The learner's progress (attempts over time, best and last scores, accuracy by kind, XP and streak) and the
per-article leaderboards."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language_bidi
from django.views.decorators.http import require_GET

from quiz.charts import percent_chart
from quiz.http import HtmxHttpRequest
from quiz.learners import current_learner
from quiz.models import Article, Attempt, LearnerProfile, Question, Response

# How many of the latest quizzes the chart shows.
CHART_ATTEMPTS = 30


def leaderboard_for(articles: list[Article], size: int = 10) -> dict[int, list[dict[str, Any]]]:
    """Each article's leaderboard (see ``AttemptQuerySet.leaderboard_rows``), in one query."""
    boards: dict[int, list[dict[str, Any]]] = {article.pk: [] for article in articles}
    for row in Attempt.objects.leaderboard_rows([article.pk for article in articles], size):
        boards[row["article_id"]].append(row)
    return boards


@dataclass
class ArticleScores:
    article: Article
    best: Attempt
    last: Attempt
    plays: int
    leaderboard: list[dict[str, Any]] = field(default_factory=list)


@require_GET
def progress(request: HtmxHttpRequest) -> HttpResponse:
    """The learner's progress: a chart of their quizzes, best and last score per article, accuracy by kind."""
    learner = current_learner(request)
    attempts = list(Attempt.objects.for_learner(learner).select_related("article").order_by("started_at", "id"))
    finished = [a for a in attempts if a.is_finished and not a.is_practice]
    by_article: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in finished:
        by_article[attempt.article_id].append(attempt)
    scores = [
        ArticleScores(
            article=played[-1].article,
            best=max(played, key=lambda a: (a.score, a.started_at)),
            last=played[-1],
            plays=len(played),
        )
        for played in sorted(by_article.values(), key=lambda played: played[-1].started_at, reverse=True)
    ]
    boards = leaderboard_for([s.article for s in scores])
    for article_scores in scores:
        article_scores.leaderboard = boards[article_scores.article.pk]
    recent = finished[-CHART_ATTEMPTS:]
    # ISO dates: the chart is laid out left to right, where the Arabic short date's direction marks would jumble it.
    chart = percent_chart(
        [(timezone.localdate(a.started_at).isoformat(), a.percent) for a in recent], rtl=get_language_bidi()
    )
    kinds = (
        Response.objects.filter(attempt__in=Attempt.objects.for_learner(learner))
        .values("question__kind")
        .annotate(total=Count("id"), right=Count("id", filter=Q(is_correct=True)))
        .order_by("question__kind")
    )
    accuracy = [
        {
            "kind": Question.Kind(row["question__kind"]).label,
            "total": row["total"],
            "right": row["right"],
            "percent": round(100 * row["right"] / row["total"]),
        }
        for row in kinds
        if row["question__kind"] in Question.Kind.values
    ]
    profile = _profile(request)
    context = {
        "attempts": list(reversed(attempts)),
        "unfinished": [a for a in reversed(attempts) if not a.is_finished],
        "chart": chart if recent else None,
        "chart_rows": recent,
        "finished_count": len(finished),
        "scores": scores,
        "accuracy": accuracy,
        "profile": profile,
        "streak": profile.current_streak(timezone.localdate()) if profile else 0,
        "is_guest": not request.user.is_authenticated,
    }
    return render(request, "progress/progress.html#progress" if request.htmx else "progress/progress.html", context)


def _profile(request: HtmxHttpRequest) -> LearnerProfile | None:
    """The signed-in learner's profile, loaded with the user (quiz.auth.ProfileBackend)."""
    if not request.user.is_authenticated:
        return None
    try:
        return request.user.profile  # type: ignore[union-attr]
    except LearnerProfile.DoesNotExist:
        return None


@require_GET
def leaderboard(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """An article's leaderboard: the ten best scores, by display name."""
    article = get_object_or_404(Article, slug=slug)
    context = {"article": article, "leaderboard": leaderboard_for([article])[article.pk]}
    return render(
        request, "progress/leaderboard.html#leaderboard" if request.htmx else "progress/leaderboard.html", context
    )
