"""Request typing shared by the views."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that has passed through django-htmx's middleware."""

    htmx: HtmxDetails
