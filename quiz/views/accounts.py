"""Sign up, log in, log out. A guest's attempts and cards move to the account they arrive at."""

from __future__ import annotations

import uuid

from django.contrib import auth
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from quiz import services
from quiz.forms import LoginForm, SignupForm
from quiz.http import HtmxHttpRequest
from quiz.learners import GUEST_SESSION_KEY, current_learner
from quiz.throttle import login_throttle


def _next_url(request: HtmxHttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


def _guest_id(request: HtmxHttpRequest) -> uuid.UUID | None:
    return current_learner(request).guest_id


@require_http_methods(["GET", "POST"])
def signup(request: HtmxHttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("articles:list")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.learner_signup(
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password1"],
            display_name=form.cleaned_data["display_name"],
            guest_id=_guest_id(request),
        )
        auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        request.session.pop(GUEST_SESSION_KEY, None)
        return HttpResponseRedirect(_next_url(request))
    return render(request, "accounts/signup.html", {"form": form, "next": _next_url(request)})


@require_http_methods(["GET", "POST"])
def login(request: HtmxHttpRequest) -> HttpResponse:
    form = LoginForm(request, data=request.POST or None)
    username = str(request.POST.get("username", ""))[:150]
    if request.method == "POST" and login_throttle.is_blocked(request, username):
        context = {
            "form": LoginForm(request, initial={"username": username}),
            "next": _next_url(request),
            "refusal": _("Too many failed log-ins. Please wait 15 minutes and try again."),
        }
        return render(request, "accounts/login.html", context, status=429)
    if request.method == "POST" and not form.is_valid():
        login_throttle.record_failure(request, username)
    if request.method == "POST" and form.is_valid():
        login_throttle.reset(request, username)
        guest_id = _guest_id(request)
        user = form.get_user()
        auth.login(request, user)
        if guest_id is not None:
            services.guest_work_claim(guest_id=guest_id, user=user)
        request.session.pop(GUEST_SESSION_KEY, None)
        return HttpResponseRedirect(_next_url(request))
    return render(request, "accounts/login.html", {"form": form, "next": _next_url(request)})


@require_POST
def logout(request: HtmxHttpRequest) -> HttpResponse:
    auth.logout(request)
    return redirect("articles:list")
