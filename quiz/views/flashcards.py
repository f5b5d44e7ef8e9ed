"""Flashcards: reviewing an article's cards or the whole deck on the FSRS schedule, a word's card, its sound."""

from __future__ import annotations

import time
from decimal import Decimal

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from quiz import pronunciation, scheduling, services
from quiz.forms import ReviewForm, ReviewSettingsForm
from quiz.http import HtmxHttpRequest
from quiz.learners import Learner, current_learner
from quiz.models import Article, CardState, VocabItem

SETTINGS_SESSION_KEY = "review_settings"
MAX_DURATION_MS = 10 * 60 * 1000  # a card left on screen longer than this tells nothing about recall


def review_settings(request: HtmxHttpRequest) -> scheduling.Settings:
    """The learner's review settings: an account's profile, or a guest's session (the defaults until changed)."""
    if request.user.is_authenticated:
        profile = services.learner_profile(user=request.user)  # type: ignore[arg-type]
        return scheduling.Settings(profile.desired_retention, profile.new_cards_per_day)
    raw = request.session.get(SETTINGS_SESSION_KEY)
    if not isinstance(raw, dict):
        return scheduling.Settings()
    try:
        retention = min(max(float(raw["desired_retention"]), 0.7), 0.99)
        per_day = min(max(int(raw["new_cards_per_day"]), 0), 200)
    except (KeyError, TypeError, ValueError):
        return scheduling.Settings()
    return scheduling.Settings(retention, per_day)


def _now_ms() -> int:
    return int(time.time() * 1000)


def _shown_at(request: HtmxHttpRequest) -> int:
    """When the card's front was shown (``t`` of the show-answer link), so the review's duration counts the
    thinking time; now when it is missing or implausible."""
    now = _now_ms()
    raw = request.GET.get("t", "")
    if raw.isdigit() and 0 <= now - int(raw) <= MAX_DURATION_MS:
        return int(raw)
    return now


def _review_context(
    request: HtmxHttpRequest, article: Article | None, *, notice: str = "", show: VocabItem | None = None
) -> dict[str, object]:
    learner = current_learner(request)
    settings = review_settings(request)
    queue = scheduling.queue(learner, settings, article=article, pick=show is None)
    item, state = queue.item, queue.state
    if show is not None:
        item = show
        state = CardState.objects.for_learner(learner).filter(item=show).first()
    return {
        "article": article,
        "queue": queue,
        "item": item,
        "state": state,
        "reps": state.reps if state is not None else 0,
        "back": show is not None,
        "settings": settings,
        "shown_at": _shown_at(request) if show is not None else _now_ms(),
        "notice": notice,
        "audio": pronunciation.available(),
        "review_url": reverse("flashcards:article", args=[article.slug]) if article else reverse("flashcards:deck"),
    }


def _render_review(
    request: HtmxHttpRequest,
    context: dict[str, object],
    *,
    status: int = 200,
    settings_form: ReviewSettingsForm | None = None,
) -> HttpResponse:
    template = "flashcards/review.html#review" if request.htmx else "flashcards/review.html"
    if not request.htmx:
        settings = context["settings"]
        assert isinstance(settings, scheduling.Settings)
        context["settings_form"] = settings_form or ReviewSettingsForm(initial=_settings_initial(settings))
    return render(request, template, context, status=status)


def _settings_initial(settings: scheduling.Settings) -> dict[str, object]:
    return {
        "new_cards_per_day": settings.new_cards_per_day,
        "desired_retention": Decimal(str(settings.desired_retention)).quantize(Decimal("0.01")),
    }


class NotFound(Exception):
    """A card or article that does not exist (or is not the learner's): answered with a 404 that says so."""


def not_found(request: HtmxHttpRequest, message: str) -> HttpResponse:
    template = "flashcards/not_found.html#message" if request.htmx else "flashcards/not_found.html"
    return render(request, template, {"message": message}, status=404)


def _shown_card(request: HtmxHttpRequest, article: Article | None) -> VocabItem | None:
    """The card whose answer ``?card=<id>`` asks to see: one of the article's, or one in the learner's deck."""
    raw = request.GET.get("card")
    if raw is None:
        return None
    items = VocabItem.objects.select_related("article", "sentence")
    if article is not None:
        items = items.filter(article=article)
    else:
        items = items.filter(pk__in=CardState.objects.for_learner(current_learner(request)).values("item"))
    item = items.filter(pk=int(raw)).first() if raw.isdigit() else None
    if item is None:
        raise NotFound
    return item


@require_GET
def deck(request: HtmxHttpRequest) -> HttpResponse:
    """Every due card of the learner's deck, all articles together."""
    try:
        show = _shown_card(request, None)
    except NotFound:
        return not_found(request, _("There is no such card in your deck."))
    return _render_review(request, _review_context(request, None, show=show))


@require_GET
def article_cards(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The article's cards: those due, then new ones up to the learner's daily limit."""
    article = get_object_or_404(Article, slug=slug)
    try:
        show = _shown_card(request, article)
    except NotFound:
        return not_found(request, _("There is no such card."))
    return _render_review(request, _review_context(request, article, show=show))


@require_POST
def review(request: HtmxHttpRequest) -> HttpResponse:
    """Rate the card shown; the next card follows (a redirect to the review page, or its partial for htmx)."""
    form = ReviewForm(request.POST)
    article = None
    if form.is_valid() and form.cleaned_data["article"]:
        article = Article.objects.filter(slug=form.cleaned_data["article"]).first()
        if article is None:
            return _error(request, None, _("That article does not exist any more."), status=404)
    if not form.is_valid():
        return _error(request, article, _("That rating could not be read. Please rate the card again."), status=400)
    item = VocabItem.objects.filter(pk=form.cleaned_data["item"]).first()
    if item is None or (article is not None and item.article_id != article.pk):
        return _error(request, article, _("There is no such card."), status=404)
    shown_at = form.cleaned_data["shown_at"]
    duration = _now_ms() - shown_at if shown_at else None
    if duration is not None and not 0 <= duration <= MAX_DURATION_MS:
        duration = None
    learner = current_learner(request, create=True)
    try:
        services.card_review(
            learner=learner,
            item=item,
            rating=form.cleaned_data["rating"],
            reps=form.cleaned_data["reps"],
            desired_retention=review_settings(request).desired_retention,
            duration_ms=duration,
        )
    except services.StaleReview:
        return _error(
            request,
            article,
            _("You had already rated that card, so this rating was not counted. Here is the next card."),
            status=409,
        )
    if request.htmx:
        return _render_review(request, _review_context(request, article))
    return redirect(_review_url(article))


def _review_url(article: Article | None) -> str:
    return reverse("flashcards:article", args=[article.slug]) if article else reverse("flashcards:deck")


def _error(request: HtmxHttpRequest, article: Article | None, message: str, *, status: int) -> HttpResponse:
    """A refused rating: the review page (or its partial) again, with the reason, and nothing changed."""
    return _render_review(request, _review_context(request, article, notice=message), status=status)


@require_POST
def settings_update(request: HtmxHttpRequest) -> HttpResponse:
    """Change the learner's new cards a day and desired retention (a guest's are kept in the session)."""
    form = ReviewSettingsForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            return render(request, "flashcards/review.html#settings", {"settings_form": form}, status=400)
        return _render_review(request, _review_context(request, None), status=400, settings_form=form)
    per_day = form.cleaned_data["new_cards_per_day"]
    retention = float(form.cleaned_data["desired_retention"])
    if request.user.is_authenticated:
        services.learner_review_settings_update(
            user=request.user,  # type: ignore[arg-type]
            new_cards_per_day=per_day,
            desired_retention=retention,
        )
    else:
        request.session[SETTINGS_SESSION_KEY] = {"new_cards_per_day": per_day, "desired_retention": retention}
    if request.htmx:
        return render(request, "flashcards/review.html#settings", {"settings_form": form, "saved": True})
    messages.success(request, _("Your review settings are saved."))
    return redirect("flashcards:deck")


# A word's card, from the article page ------------------------------------------------------------------------


def _word_context(request: HtmxHttpRequest, item: VocabItem, learner: Learner | None = None) -> dict[str, object]:
    learner = learner or current_learner(request)
    state = CardState.objects.for_learner(learner).filter(item=item).first()
    return {"item": item, "state": state, "audio": pronunciation.available(), "in_popover": bool(request.htmx)}


def _item(pk: int) -> VocabItem:
    return get_object_or_404(VocabItem.objects.select_related("article", "sentence"), pk=pk)


@require_GET
def word(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A word's card: a page of its own, or the article page's popover through htmx."""
    item = _item(pk)
    template = "flashcards/word.html#word-card" if request.htmx else "flashcards/word.html"
    return render(request, template, _word_context(request, item))


@require_POST
def word_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Put the word's card in the learner's deck (a guest gets a guest id for it)."""
    item = _item(pk)
    learner = current_learner(request, create=True)
    _state, added = services.card_add(learner=learner, item=item)
    if request.htmx:
        context = _word_context(request, item, learner)
        context["just_added"] = True
        return render(request, "flashcards/word.html#word-card", context)
    if added:
        messages.success(request, _("“%(word)s” is in your deck.") % {"word": item.lemma})
    else:
        messages.info(request, _("“%(word)s” was already in your deck.") % {"word": item.lemma})
    return redirect("flashcards:word", pk=item.pk)


@require_GET
def audio(request: HtmxHttpRequest, pk: int) -> HttpResponseBase:
    """The card's pronunciation (espeak-ng, made on first request and kept): served here, so it works without
    DEBUG's media serving too."""
    item = _item(pk)
    path = pronunciation.audio_file(item.lemma_vowelled or item.lemma)
    if path is None:
        return not_found(request, _("There is no pronunciation for this card."))
    response = FileResponse(path.open("rb"), content_type="audio/wav")
    response["Cache-Control"] = "public, max-age=86400"
    return response
