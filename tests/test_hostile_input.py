"""A hostile-input corpus sent to every form and endpoint a guest and a learner can reach.

The pages are found by crawling the site from its home page (so new screens are covered without a list to keep
up), their forms are read from the HTML, and each field of each form gets each hostile value in turn. Every URL
is also called with the wrong methods and with unknown ids. Nothing may answer 500, and nothing stored may change.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urlencode, urlsplit

import pytest
from django.test import Client
from django.urls import resolve, reverse

from quiz.learners import Learner
from quiz.models import Attempt, Question
from quiz.services import article_generate, attempt_start

from .conftest import all_rows, make_user

pytestmark = pytest.mark.django_db

# Sent to every field.
HOSTILE_TEXT = {
    "overlong": "ب" * 100_000,
    "null byte": "134\x00",
    "bidi override": "\u202e431\u202c",
    "control characters": "1\x1b[2J\x07",
}
# Sent to the fields that carry a number (an id, a count, a setting): text fields take these as ordinary text.
HOSTILE_NUMBERS = {
    "huge number": "9" * 400,
    "negative number": "-1",
    "float overflow": "1e309",
    "not a number": "NaN",
    "unknown id": "987654321",
}
NUMERIC = re.compile(r"-?[0-9]+(\.[0-9]+)?")
INVALID_UTF8 = b"\xff\xfe\xc3\x28"
# Where a crawler must not go: it would end the session or leave the learners' site.
SKIP = re.compile(r"^/(admin/|accounts/logout/|static/|media/|i18n/)")
PAGES_PER_VIEW = 2
# Data that legitimately changes on any request: sessions (a guest's id, a language choice).
VOLATILE = ("sessions.Session",)


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)
    numeric: set[str] = field(default_factory=set)

    def hostile_values(self, name: str) -> dict[str, str]:
        return {**HOSTILE_TEXT, **(HOSTILE_NUMBERS if name in self.numeric else {})}


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._button_seen = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        for attribute in ("hx-get", "hx-post"):
            if a.get(attribute):
                self.links.append(a[attribute])
        if tag == "form":
            self._form = Form(a.get("action", ""), a.get("method", "get").lower())
            self.forms.append(self._form)
            self._button_seen = False
        elif self._form is not None and tag in {"input", "textarea", "button"} and not a.get("name"):
            # An unnamed submit button still counts as the one Enter presses.
            self._button_seen = self._button_seen or tag == "button" or a.get("type") in {"submit", "image"}
        elif self._form is not None and tag in {"input", "textarea", "button"} and a.get("name"):
            is_button = (tag == "button" and a.get("type", "submit") == "submit") or a.get("type") in {
                "submit",
                "image",
            }
            if a["name"] in self._form.fields and (is_button or a.get("type") in {"checkbox", "radio"}):
                return  # a browser sends one radio of a group, and only the button that was pressed
            if is_button and self._button_seen:
                return
            self._button_seen = self._button_seen or is_button
            self._form.fields[a["name"]] = a.get("value", "")
            if NUMERIC.fullmatch(a.get("value", "")) or a.get("type") == "number":
                self._form.numeric.add(a["name"])
        elif self._form is not None and tag == "select" and a.get("name"):
            self._select = a["name"]
            self._form.fields[a["name"]] = ""
        elif self._form is not None and tag == "option" and self._select and not self._form.fields[self._select]:
            self._form.fields[self._select] = a.get("value", "")
            if NUMERIC.fullmatch(a.get("value", "")):
                self._form.numeric.add(self._select)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        if tag == "select":
            self._select = None


def crawl(client: Client, start: str = "/", limit: int = 80) -> tuple[list[str], list[tuple[str, Form]]]:
    """The site's own pages reachable from ``start`` and the forms on them."""
    seen: list[str] = []
    forms: list[tuple[str, Form]] = []
    form_keys: set[tuple[str, str, tuple[str, ...]]] = set()
    queue = [start, "/"] if start != "/" else ["/"]
    per_view: dict[str, int] = {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        view = resolve(unquote(urlsplit(url).path)).view_name
        if per_view.get(view, 0) >= PAGES_PER_VIEW:
            continue  # sixty word pages are one screen: two of them are enough
        per_view[view] = per_view.get(view, 0) + 1
        seen.append(url)
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = PageParser()
        parser.feed(response.content.decode())
        for form in parser.forms:
            key = (urlsplit(form.action or url).path, form.method, tuple(sorted(form.fields)))
            if key not in form_keys:
                form_keys.add(key)
                forms.append((url, form))
        for link in parser.links:
            path = urldefrag(link)[0]
            parts = urlsplit(path)
            if parts.scheme or parts.netloc or not parts.path.startswith("/") or SKIP.match(parts.path):
                continue
            if path not in seen and path not in queue:
                queue.append(path)
    return seen, forms


def unknown_ids(page: str) -> list[str]:
    """The page's URL with each of its ids or slugs replaced by one that does not exist."""
    match = resolve(unquote(urlsplit(page).path))
    urls = []
    for name, value in match.kwargs.items():
        if isinstance(value, int):
            unknown: object = 987654321
        elif isinstance(value, uuid.UUID):
            unknown = uuid.UUID(int=1)
        else:
            unknown = "no-such-thing"
        urls.append(reverse(match.view_name, kwargs={**match.kwargs, name: unknown}))
    return urls


def submit(client: Client, page: str, form: Form, values: dict[str, str]) -> int:
    action = form.action or page
    if form.method == "post":
        return client.post(action, values).status_code
    return client.get(action, values).status_code


def hostile_corpus(client: Client, *, start: str = "/", limit: int = 80) -> list[str]:
    """Send the corpus to the pages found from ``start`` (at most ``limit``); return what went wrong (a 500, or
    stored data that changed)."""
    problems: list[str] = []
    pages, forms = crawl(client, start, limit)
    before = all_rows(exclude=VOLATILE)

    def check(what: str, status: int) -> None:
        if status >= 500:
            problems.append(f"{status}: {what}")

    def unchanged(what: str) -> None:
        # Checked once a field has had every hostile value: a change would persist until then.
        if all_rows(exclude=VOLATILE) != before:
            problems.append(f"stored data changed by one of: {what}")

    for page, form in forms:
        if urlsplit(form.action or page).path.startswith(("/i18n/", "/accounts/logout/")):
            continue
        for name in form.fields:
            if name == "csrfmiddlewaretoken":
                continue
            for label, value in form.hostile_values(name).items():
                status = submit(client, page, form, {**form.fields, name: value})
                check(f"{form.method.upper()} {form.action or page} {name}={label}", status)
            others = urlencode({k: v for k, v in form.fields.items() if k != name}).encode()
            for encoded in (INVALID_UTF8, b"%FF%FE%C3%28"):
                body = others + b"&" + name.encode() + b"=" + encoded
                if form.method == "post":
                    status = client.generic(
                        "POST", form.action or page, body, content_type="application/x-www-form-urlencoded"
                    ).status_code
                else:
                    status = client.get(f"{form.action or page}?{body.decode('latin-1')}").status_code
                check(f"{form.method.upper()} {form.action or page} {name}=invalid UTF-8", status)
            unchanged(f"{form.method.upper()} {form.action or page} {name}=<each hostile value>")
    for page in pages:
        for method in ("put", "patch", "delete"):
            check(f"{method.upper()} {page}", getattr(client, method)(page).status_code)
        for mutated in unknown_ids(page):
            check(f"GET {mutated} (unknown id)", client.get(mutated).status_code)
    unchanged("wrong methods and unknown ids")
    return problems


@pytest.fixture
def article_with_content(seed_article):
    """The seed with its generated questions and flashcards, as after import."""
    article_generate(article=seed_article)
    return seed_article


def start_quizzes(client: Client, article) -> list[str]:
    """Start a quiz the ordinary way, and one that opens with a question of each other answer mode, so that
    every kind of answer form is in the crawl. Returns their first pages."""
    response = client.post(reverse("quiz:start", args=[article.slug]), {"mode": "timed"})
    assert response.status_code == 302, response.status_code
    first = Attempt.objects.get(public_id=resolve(response["Location"]).kwargs["public_id"])
    learner = Learner(user=first.user, guest_id=first.guest_id)
    plays = [response["Location"]]
    for mode in Question.Mode:
        question = article.questions.playable().filter(mode=mode).first()
        assert question is not None, f"the seed has a {mode} question"
        plays.append(attempt_start(article=article, learner=learner, questions=[question]).get_absolute_url())
    return plays


def corpus_everywhere(client: Client, article) -> list[str]:
    """The whole site from the first quiz's page, then the question page of each other kind of answer."""
    first, *others = start_quizzes(client, article)
    problems = hostile_corpus(client, start=first)
    for play in others:
        problems += hostile_corpus(client, start=play, limit=1)
    return problems


def test_a_guest_cannot_break_anything(client, article_with_content):
    assert corpus_everywhere(client, article_with_content) == []


def test_a_learner_cannot_break_anything(client, article_with_content):
    client.force_login(make_user("layla"))
    assert corpus_everywhere(client, article_with_content) == []


def test_the_crawler_finds_the_sites_forms(client, seed_article):
    """The corpus above reaches real forms (not an empty crawl that proves nothing)."""
    pages, forms = crawl(client)
    assert seed_article.get_absolute_url() in pages
    actions = {f.action for _, f in forms}
    assert "/accounts/login/" in {urlsplit(a).path for a in actions} or any("login" in p for p in pages)
    assert any(f.method == "post" for _, f in forms)
    assert unknown_ids(seed_article.get_absolute_url()) == ["/articles/no-such-thing/"]
