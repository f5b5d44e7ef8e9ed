"""Playing a quiz: start, one question after another with feedback, the end screen and the result card.

With htmx the answer form swaps the feedback into the page and "Next" swaps in the next question; without
JavaScript the same forms post and redirect. Scores are computed by the services, never taken from the browser.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, get_language_bidi, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget

from quiz import services
from quiz.cards import CardText, result_card_png
from quiz.forms import parse_submission
from quiz.http import HtmxHttpRequest
from quiz.learners import current_learner
from quiz.models import Article, Attempt, AttemptQuestion, Choice, LearnerProfile, Response, Submission
from quiz.scoring import SPEED_WINDOW_MS
from quiz.views.progress import leaderboard_for

PLAY = "quiz/play.html"


def _refused(
    request: HtmxHttpRequest,
    error: services.QuizRefused,
    attempt: Attempt | None = None,
    public_id: uuid.UUID | None = None,
) -> HttpResponse:
    """The refusal as an alert above the quiz (htmx) or as a page of its own, with the refusal's 4xx status.
    The page links back to the learner's own attempt (``public_id``) when there is one."""
    if attempt is None and public_id is not None and error.status == 409:
        own = Attempt.objects.filter(public_id=public_id).first()
        attempt = own if own is not None and own.belongs_to(current_learner(request)) else None
    context = {"message": error.message, "attempt": attempt}
    if request.htmx:
        response = render(request, f"{PLAY}#alert", context, status=error.status)
        return reswap(retarget(response, "#quiz-alert"), "innerHTML")
    return render(request, "quiz/refused.html", context, status=error.status)


def _own_attempt(request: HtmxHttpRequest, public_id: uuid.UUID) -> Attempt:
    return services.attempt_owned(attempt_id=public_id, learner=current_learner(request))


def _go_to(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """A redirect after a successful POST: htmx is told to load the page, a plain request is redirected."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _finished(request: HtmxHttpRequest, attempt: Attempt) -> HttpResponse:
    return _go_to(request, reverse("quiz:results", kwargs={"public_id": attempt.public_id}))


# Start -----------------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def quiz_start(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """GET: the start screen (how it scores, timed or untimed, the leaderboard). POST: a new attempt."""
    article = get_object_or_404(Article, slug=slug)
    if request.method == "POST":
        mode = request.POST.get("mode", "timed")
        if mode not in {"timed", "untimed"}:
            return _refused(request, services.QuizRefused(_("Choose a timed or an untimed quiz.")))
        try:
            attempt = services.attempt_start(
                article=article, learner=current_learner(request, create=True), timed=mode == "timed"
            )
        except services.QuizRefused as error:
            return _refused(request, error)
        return _go_to(request, attempt.get_absolute_url())
    learner = current_learner(request)
    # Questions on one fact count once: an attempt never has two of them.
    bank = article.questions.playable().aggregate(
        facts=Count("fact_key", distinct=True, filter=~Q(fact_key="")), loose=Count("id", filter=Q(fact_key=""))
    )
    unfinished = (
        Attempt.objects.for_learner(learner)
        .filter(article=article, finished_at__isnull=True)
        .order_by("-started_at")
        .first()
    )
    context = {
        "article": article,
        "question_count": min(article.questions_per_quiz, bank["facts"] + bank["loose"]),
        "unfinished": unfinished,
        "leaderboard": leaderboard_for([article])[article.pk],
    }
    return render(request, "quiz/start.html#start" if request.htmx else "quiz/start.html", context)


# Playing -----------------------------------------------------------------------------------------------------------


def _question_context(attempt: Attempt, slot: AttemptQuestion, choices: list[Choice]) -> dict[str, Any]:
    question = slot.question
    context: dict[str, Any] = {
        "attempt": attempt,
        "slot": slot,
        "question": question,
        "choices": choices,
        "number": slot.position + 1,
    }
    if attempt.timed and slot.shown_at is not None:
        window = SPEED_WINDOW_MS.get(question.mode, SPEED_WINDOW_MS["typed"])
        elapsed = int((timezone.now() - slot.shown_at).total_seconds() * 1000)
        context["bonus_window_ms"] = window
        context["bonus_left_ms"] = max(0, window - elapsed)
    if question.mode == question.Mode.MATCHING:
        context["pairs"] = [(i, left) for i, (left, _right) in enumerate(question.pairs)]
    return context


@require_GET
def quiz_play(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The attempt's current question: a full page, or (htmx) the question with the quiz's status."""
    try:
        attempt = _own_attempt(request, public_id)
    except services.QuizRefused as error:
        return _refused(request, error)
    if attempt.is_finished:
        return _finished(request, attempt)
    slot = services.current_slot(attempt)
    if slot is None:  # every question answered, or the rest deleted by a teacher: the attempt is over
        services.attempt_finish(attempt_id=attempt.public_id, learner=current_learner(request))
        return _finished(request, attempt)
    choices = list(slot.question.choices.all())
    slot.mark_shown(timezone.now())
    context = _question_context(attempt, slot, choices)
    return render(request, f"{PLAY}#question-response" if request.htmx else PLAY, context)


@require_POST
def quiz_answer(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Check an answer. htmx: the feedback partial; plain: a redirect to the feedback page."""
    learner = current_learner(request)
    submission: Submission | None = None
    try:
        question_id, submission = parse_submission(request.POST)
        result = services.attempt_answer(
            attempt_id=public_id, learner=learner, question_id=question_id, submission=submission
        )
    except services.InvalidAnswer as error:
        return _invalid_answer(request, public_id, error, submission)
    except services.QuizRefused as error:
        return _refused(request, error, public_id=public_id)
    if not request.htmx:
        return redirect("quiz:feedback", public_id=public_id, number=result.slot.position + 1)
    context = _feedback_context(result.attempt, result.slot, result.choices, result.response)
    return render(request, f"{PLAY}#feedback-response", context)


def _invalid_answer(
    request: HtmxHttpRequest, public_id: uuid.UUID, error: services.QuizRefused, submission: Submission | None
) -> HttpResponse:
    """An answer that does not fit the question: htmx shows the message above the question, which keeps what
    was typed; a plain post gets the question page again with the message and the typed text."""
    if request.htmx:
        return _refused(request, error)
    try:
        attempt = _own_attempt(request, public_id)
    except services.QuizRefused as refusal:
        return _refused(request, refusal)
    slot = services.current_slot(attempt)
    if attempt.is_finished or slot is None:
        return _refused(request, error, attempt)
    context = _question_context(attempt, slot, list(slot.question.choices.all()))
    context["message"] = error.message
    context["typed"] = submission.text if submission else request.POST.get("text", "")[:500]
    return render(request, PLAY, context, status=error.status)


def _feedback_context(
    attempt: Attempt, slot: AttemptQuestion, choices: list[Choice], response: Response | None
) -> dict[str, Any]:
    question = slot.question
    context: dict[str, Any] = {
        "attempt": attempt,
        "slot": slot,
        "question": question,
        "response": response,
        "number": slot.position + 1,
        "evidence": question.evidence_parts,
        "right_choice": next((c for c in choices if c.is_correct), None) if question.mode != "matching" else None,
    }
    if question.mode == question.Mode.MATCHING and response is not None:
        given = dict(part.split(" ← ", 1) for part in response.given.split("؛ ") if " ← " in part)
        context["matches"] = [
            {"left": left, "right": right, "given": given.get(left, ""), "ok": given.get(left) == right}
            for left, right in question.pairs
        ]
    return context


@require_GET
def quiz_feedback(request: HtmxHttpRequest, public_id: uuid.UUID, number: int) -> HttpResponse:
    """The feedback on one answered question (where a plain answer post lands)."""
    try:
        attempt = _own_attempt(request, public_id)
    except services.QuizRefused as error:
        return _refused(request, error)
    slot = (
        attempt.slots.select_related("question__evidence__article")
        .prefetch_related("question__choices")
        .filter(position=number - 1)
        .first()
    )
    if slot is None:
        raise Http404(_("This quiz has no such question."))
    response = Response.objects.filter(attempt=attempt, question_id=slot.question_id).first()
    if response is None:
        return redirect(attempt)
    context = _feedback_context(attempt, slot, list(slot.question.choices.all()), response)
    return render(request, f"{PLAY}#feedback-response" if request.htmx else PLAY, {**context, "feedback": True})


@require_POST
def quiz_finish(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Stop the quiz now and see the results."""
    try:
        attempt = services.attempt_finish(attempt_id=public_id, learner=current_learner(request))
    except services.QuizRefused as error:
        return _refused(request, error, public_id=public_id)
    return _finished(request, attempt)


@require_POST
def quiz_untimed(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Turn the clock off for the rest of the quiz."""
    try:
        attempt = services.attempt_untime(attempt_id=public_id, learner=current_learner(request))
    except services.QuizRefused as error:
        return _refused(request, error, public_id=public_id)
    return _go_to(request, attempt.get_absolute_url())


@require_POST
def quiz_practice(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """A new round with the questions missed in this attempt."""
    try:
        attempt = services.attempt_practise_missed(attempt_id=public_id, learner=current_learner(request))
    except services.QuizRefused as error:
        return _refused(request, error, public_id=public_id)
    return _go_to(request, attempt.get_absolute_url())


# The end screen and the card ---------------------------------------------------------------------------------


@require_GET
def quiz_results(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The end screen: score, time, each question with the learner's answer, the right one and the evidence.

    Anyone with the link (a shared card) sees the score; only the learner sees the answers.
    """
    attempt = get_object_or_404(
        Attempt.objects.select_related("article", "user__profile", "practice_of"), public_id=public_id
    )
    learner = current_learner(request)
    own = attempt.belongs_to(learner)
    if not attempt.is_finished:
        if own:
            return redirect(attempt)
        raise Http404(_("There is no such quiz."))
    context: dict[str, Any] = {
        "attempt": attempt,
        "article": attempt.article,
        "own": own,
        "learner_name": _learner_name(attempt),
        "duration": duration_text(attempt.duration),
        "card_url": request.build_absolute_uri(reverse("quiz:card", kwargs={"public_id": attempt.public_id})),
        "leaderboard": leaderboard_for([attempt.article])[attempt.article_id],
    }
    if own:
        responses = {r.question_id: r for r in attempt.responses.select_related("choice")}
        slots = attempt.slots.select_related("question__evidence__article").prefetch_related("question__choices")
        rows = [
            _feedback_context(attempt, slot, list(slot.question.choices.all()), responses.get(slot.question_id))
            for slot in slots
        ]
        context["rows"] = rows
        context["missed"] = sum(1 for row in rows if not (row["response"] and row["response"].is_correct))
    return render(request, "quiz/results.html#results" if request.htmx else "quiz/results.html", context)


def duration_text(duration: timedelta | None) -> str:
    """The time taken in words of the interface language, like "3 minutes and 20 seconds"."""
    if duration is None:
        return ""
    total = max(0, int(duration.total_seconds()))
    minutes, seconds = divmod(total, 60)
    seconds_text = ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    if not minutes:
        return seconds_text
    minutes_text = ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    return _("%(minutes)s and %(seconds)s") % {"minutes": minutes_text, "seconds": seconds_text}


def _learner_name(attempt: Attempt) -> str:
    """The name the card and the shared page show: the display name, never the user name or email."""
    if attempt.user is None:
        return _("Guest")
    try:
        return attempt.user.profile.display_name
    except LearnerProfile.DoesNotExist:
        return _("Learner")


@require_GET
def quiz_card(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The result card as a PNG, drawn once per attempt and language, then served from the cache."""
    attempt = get_object_or_404(
        Attempt.objects.select_related("article", "user__profile").filter(finished_at__isnull=False),
        public_id=public_id,
    )
    language = get_language()
    key = f"quiz-card:{attempt.public_id}:{attempt.score}:{language}"
    png = cache.get(key)
    if png is None:
        png = result_card_png(_card_text(attempt))
        cache.set(key, png, 60 * 60 * 24)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _card_text(attempt: Attempt) -> CardText:
    assert attempt.finished_at is not None
    return CardText(
        brand=_("Quizsite"),
        heading=_("Quiz result"),
        title=attempt.article.title,
        score=str(attempt.score),
        score_label=ngettext("point", "points", attempt.score),
        right_answers=ngettext(
            "%(right)s of %(total)s answer right (%(percent)s%%)",
            "%(right)s of %(total)s answers right (%(percent)s%%)",
            attempt.question_count,
        )
        % {"right": attempt.correct_count, "total": attempt.question_count, "percent": attempt.percent},
        learner=_learner_name(attempt),
        when=date_format(attempt.finished_at, "DATE_FORMAT"),
        rtl=get_language_bidi(),
        fraction_right=attempt.correct_count / attempt.question_count if attempt.question_count else 0,
    )
