"""A liveness check for load balancers: answers without touching the database or the session.

It is also the benchmark's ceiling: the cheapest request the same server and middleware can answer."""

from __future__ import annotations

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from quiz.http import HtmxHttpRequest


@require_GET
@never_cache
def health(request: HtmxHttpRequest) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
