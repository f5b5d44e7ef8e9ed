"""Production-like settings pass Django's deployment checks."""

from __future__ import annotations

import secrets
import subprocess
import sys

import pytest

from .conftest import ROOT, subprocess_env


def run_manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=subprocess_env(**env),
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="quiz.example.org",
        DJANGO_HTTPS="1",
        QUIZSITE_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_complains_when_https_is_turned_off(tmp_path):
    """The clean result above is earned: plain HTTP settings are reported."""
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_HTTPS="0",
        QUIZSITE_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stdout + result.stderr


def read_setting(name, tmp_path, **env):
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    full_env = subprocess_env(QUIZSITE_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="quizsite.settings")
    full_env.pop("DJANGO_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**full_env, **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_local_secret_key_is_generated_once_and_kept_private(tmp_path):
    first = read_setting("SECRET_KEY", tmp_path, DJANGO_SECRET_KEY="")
    assert first == read_setting("SECRET_KEY", tmp_path, DJANGO_SECRET_KEY="")
    assert len(first) >= 50
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"
    assert read_setting("SECRET_KEY", tmp_path, DJANGO_SECRET_KEY="from-the-environment") == "from-the-environment"


def test_debug_is_off_unless_asked_for(tmp_path):
    assert read_setting("DEBUG", tmp_path) == "False"
    assert read_setting("DEBUG", tmp_path, DJANGO_DEBUG="1") == "True"
    assert read_setting("SESSION_COOKIE_SECURE", tmp_path) == "True"
    assert read_setting("SESSION_COOKIE_SECURE", tmp_path, DJANGO_DEBUG="1") == "False"


def test_database_url_selects_postgresql(tmp_path):
    engine = "DATABASES['default']['ENGINE']"
    assert read_setting(engine, tmp_path, DATABASE_URL="postgres://u@127.0.0.1:5432/db") == (
        "django.db.backends.postgresql"
    )
    assert read_setting(engine, tmp_path, DATABASE_URL="") == "django.db.backends.sqlite3"


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout():
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 10_000
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
