"""Helpers to run real app servers (gunicorn, production settings) against the test database and Redis."""

from __future__ import annotations

import http.client
import http.cookies
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from quiz.loadtest import listening_socket, wait_until_serving

from .conftest import ROOT, subprocess_env

GUNICORN = Path(sys.executable).parent / "gunicorn"
PUBLIC_HOST = "quiz.test"
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def database_url() -> str:
    """The URL of the database the test session created (so the servers see what the test wrote)."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    return f"postgres://{user}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@dataclass
class AppServer:
    port: int
    process: subprocess.Popen[bytes]

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"


@contextmanager
def app_servers(count: int, *, workers: int = 1, extra_env: dict[str, str] | None = None) -> Iterator[list[AppServer]]:
    """Start ``count`` gunicorn servers with production settings (DEBUG off, one secret key, shared cache),
    serving the static files this test session collected."""
    var_dir = Path(tempfile.mkdtemp(prefix="quizsite-servers-"))
    (var_dir / "staticfiles").symlink_to(Path(settings.STATIC_ROOT), target_is_directory=True)
    env = subprocess_env(
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=PUBLIC_HOST,
        DATABASE_URL=database_url(),
        REDIS_URL=REDIS_TEST_URL,
        DJANGO_TASKS_BACKEND="immediate",
        QUIZSITE_VAR_DIR=str(var_dir),
        **(extra_env or {}),
    )
    servers = []
    try:
        for _ in range(count):
            # gunicorn inherits a socket already listening, so no other process (another test's live server)
            # can take the port between choosing it and binding it.
            sock = listening_socket()
            process = subprocess.Popen(
                [
                    str(GUNICORN),
                    "quizsite.wsgi",
                    "--bind",
                    f"fd://{sock.fileno()}",
                    "--workers",
                    str(workers),
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                pass_fds=(sock.fileno(),),
            )
            servers.append(AppServer(int(sock.getsockname()[1]), process))
            sock.close()
        for server in servers:
            wait_until_serving(server.port, server.process, host=PUBLIC_HOST)
        yield servers
    finally:
        for server in servers:
            server.process.terminate()
        for server in servers:
            try:
                server.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.process.kill()
        shutil.rmtree(var_dir, ignore_errors=True)


@dataclass
class Browserless:
    """A learner speaking HTTP to whichever server it is pointed at, keeping its cookies (as a browser would
    behind a load balancer)."""

    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        server: AppServer,
        method: str,
        path: str,
        data: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], str]:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        body = urllib.parse.urlencode(data or {}) if data is not None else None
        # Every server is reached under the one public name, as behind a load balancer.
        all_headers = {"Host": PUBLIC_HOST, **(headers or {})}
        if body is not None:
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            all_headers["Origin"] = f"http://{PUBLIC_HOST}"
            all_headers["Referer"] = f"http://{PUBLIC_HOST}{path}"
            if "csrftoken" in self.cookies:
                all_headers["X-CSRFToken"] = self.cookies["csrftoken"]
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(value)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        connection.close()
        return response.status, dict(response.headers), text

    def get(self, server: AppServer, path: str, **kw: object) -> tuple[int, dict[str, str], str]:
        return self.request(server, "GET", path, **kw)  # type: ignore[arg-type]

    def post(self, server: AppServer, path: str, data: dict[str, str], **kw: object) -> tuple[int, dict[str, str], str]:
        return self.request(server, "POST", path, data=data, **kw)  # type: ignore[arg-type]


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    if not match:
        raise AssertionError("no CSRF token in the page")
    return match.group(1)
