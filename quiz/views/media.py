"""Uploaded pictures, served by the app itself in every mode.

WhiteNoise serves only the static files collected at deploy time, and a picture a teacher uploads arrives later,
so the app streams it from MEDIA_ROOT. Only the pictures the admin stores are served (images/…/*.webp, random
names that never change), with a year of caching; a front web server may take over the /media/ prefix instead.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_GET

from quiz.http import HtmxHttpRequest


@require_GET
def media_file(request: HtmxHttpRequest, path: str) -> FileResponse:
    if not path.startswith("images/") or not path.endswith(".webp"):
        raise Http404("No such picture.")
    try:
        full = Path(safe_join(settings.MEDIA_ROOT, path))
    except SuspiciousFileOperation:
        raise Http404("No such picture.") from None
    if not full.is_file():
        raise Http404("No such picture.")
    response = FileResponse(full.open("rb"), content_type="image/webp")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
