"""Requests that are not UTF-8 are refused before any view sees them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from quiz.middleware import is_utf8_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "ok"),
    [
        (b"text=%D8%B9%D8%B1%D8%A8%D9%8A&n=1", True),
        ("text=عربي".encode(), True),
        (b"", True),
        (b"text=\xff\xfe", False),
        (b"text=%FF%FE", False),
        (b"a=1&text=%C3%28", False),
        (b"%FF=1", False),
    ],
)
def test_is_utf8_form(raw, ok):
    assert is_utf8_form(raw) is ok


def test_a_form_that_is_not_utf8_is_refused_with_400(client):
    response = client.generic(
        "POST",
        reverse("accounts:login"),
        b"username=\xff\xfe&password=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "UTF-8" in response.content.decode()


def test_a_query_string_that_is_not_utf8_is_refused(client):
    assert client.get("/?next=%FF").status_code == 400
    assert client.get("/?q=%D8%B9").status_code == 200
