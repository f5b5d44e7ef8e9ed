"""The Arabic interface is complete: every message translated, none fuzzy, and the compiled catalogue current."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT

CATALOGUE = ROOT / "quiz" / "locale" / "ar" / "LC_MESSAGES"
pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs gettext's msgfmt")


def test_every_message_has_an_arabic_translation():
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(CATALOGUE / "django.po")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


def test_the_compiled_catalogue_is_current(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(CATALOGUE / "django.po")], check=True)
    assert compiled.read_bytes() == (CATALOGUE / "django.mo").read_bytes(), "run `make messages`"
