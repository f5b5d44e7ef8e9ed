"""Refuse requests whose form data or query string is not UTF-8.

Django reads such bytes as Latin-1 rather than failing, so "\\xff\\xfe" would reach a view as "ÿþ" and could be
stored as a typed answer. A browser never sends them: they are a forged or broken request, answered with 400.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

FORM = "application/x-www-form-urlencoded"


def is_utf8_form(raw: bytes) -> bool:
    """Every name and value, once percent-decoded, is UTF-8."""
    try:
        for pair in raw.replace(b";", b"&").split(b"&"):
            unquote_to_bytes(pair.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class Utf8RequestMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "").encode("latin-1", "replace")
        form = request.content_type == FORM and request.method in {"POST", "PUT", "PATCH"}
        if not is_utf8_form(query) or (form and not is_utf8_form(request.body)):
            return HttpResponseBadRequest(
                _("The request held characters that are not UTF-8 text."), content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
