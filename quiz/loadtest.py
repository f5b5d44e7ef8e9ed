"""`make bench`: the site under a class of simulated learners, over real HTTP, on SQLite and on PostgreSQL.

For each database it builds a fresh database (migrate, import ``seeds/``), starts gunicorn as in production (DEBUG
off, WhiteNoise, 2 sync workers) and, from a separate driver process, runs 1, 10 and 50 learners at once. Each
learner opens the article, starts a quiz, answers its 10 questions (htmx requests, as the browser sends them) and
reviews 10 flashcards. Before each level the driver hammers ``/healthz`` (a minimal Django view through the same
server, settings and middleware) with as many connections: that is the ceiling.

Per endpoint it prints requests/s, client-side latency percentiles, errors, the server's own time per request (from
gunicorn's access log) and throughput as a share of the ceiling: how many requests of that kind a worker-second
serves, against how many ceiling requests it serves. Last it counts what the database stored against what the
learners were told was saved: answers, scores and card reviews.

This is a benchmark, not a test: it reports numbers and judges nothing. It imports no Django: the site runs in
its own processes, exactly as deployed.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookies
import json
import os
import random
import re
import secrets
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
HOST = "127.0.0.1"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/quizsite_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
CEILING = "ceiling (/healthz)"
ACCESS_LOG_FORMAT = "%(m)s %(U)s %(q)s %(s)s %(D)s"
QUESTIONS_PER_QUIZ = 10
CARDS_PER_LEARNER = 10


# The driver: simulated learners -----------------------------------------------------------------------------------


class Failed(Exception):
    """A request a learner could not go on after (counted as an error; the learner stops)."""


@dataclass
class Sample:
    endpoint: str
    status: int
    seconds: float
    error: bool


@dataclass
class Learner:
    """One guest in a browser: its own cookies and keep-alive connection, every request timed."""

    port: int
    samples: list[Sample]
    think: float = 0.0
    rng: random.Random = field(default_factory=random.Random)
    cookies: dict[str, str] = field(default_factory=dict)
    connection: http.client.HTTPConnection | None = None

    def request(
        self,
        endpoint: str,
        method: str,
        path: str,
        data: dict[str, str] | None = None,
        *,
        htmx: bool = False,
        expect: tuple[int, ...] = (200,),
    ) -> tuple[int, dict[str, str], str]:
        headers = {"Host": f"{HOST}:{self.port}"}
        if htmx:
            headers["HX-Request"] = "true"
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{HOST}:{self.port}"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.think:  # reading the page before the next click: 0.5 to 1.5 times the mean thinking time
            time.sleep(self.think * self.rng.uniform(0.5, 1.5))
        began = time.perf_counter()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            self.samples.append(Sample(endpoint, 0, time.perf_counter() - began, True))
            self.close()
            raise Failed(f"{method} {path}: {error}") from error
        seconds = time.perf_counter() - began
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        ok = response.status in expect
        self.samples.append(Sample(endpoint, response.status, seconds, not ok))
        if not ok:
            raise Failed(f"{method} {path}: HTTP {response.status}")
        return response.status, dict(response.headers), text

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


@dataclass
class Outcome:
    """What one learner was told: the attempt it played, answers acknowledged, card ratings acknowledged."""

    attempt: str = ""
    answers_acknowledged: int = 0
    reviews_acknowledged: int = 0
    failure: str = ""


QUESTION_ID = re.compile(r'name="question" value="(\d+)"')
CHOICE_IDS = re.compile(r'name="choice" value="(\d+)"')
MATCH_FIELDS = re.compile(r'<select id="match-(\d+)"')
OPTION_IDS = re.compile(r'<option value="(\d+)"')
ATTEMPT_URL = re.compile(r"/quiz/([0-9a-f-]{36})/")
CARD_LINK = re.compile(r'hx-get="([^"]*\?card=\d+&amp;t=\d+)"')
REVIEW_FIELDS = re.compile(r'name="(item|reps|shown_at|article)" value="([^"]*)"')
TYPED_GUESSES = ("134", "نيويورك", "الأمم المتحدة", "2021")


def answer_for(page: str, rng: random.Random) -> dict[str, str]:
    """An answer as a learner would give it: a choice, a typed guess or a match for each pair."""
    found = QUESTION_ID.search(page)
    if not found:
        raise Failed("no question on the quiz page")
    data = {"question": found.group(1)}
    choices = CHOICE_IDS.findall(page)
    matches = MATCH_FIELDS.findall(page)
    if choices:
        data["choice"] = rng.choice(choices)
    elif matches:
        options = list(dict.fromkeys(OPTION_IDS.findall(page)))
        rng.shuffle(options)
        data |= {f"match-{index}": option for index, option in zip(matches, options, strict=False)}
    else:
        data["text"] = rng.choice(TYPED_GUESSES)
    return data


def learner_session(port: int, slug: str, seed: int, samples: list[Sample], think: float) -> Outcome:
    """Open the article, play a quiz of 10 questions, review 10 cards: what a learner does in one sitting."""
    rng = random.Random(seed)  # noqa: S311 (a simulation, not security)
    learner = Learner(port, samples, think, rng)
    outcome = Outcome()
    try:
        learner.request("article page", "GET", f"/articles/{slug}/")
        learner.request("quiz start page", "GET", f"/articles/{slug}/quiz/")
        _, headers, _ = learner.request(
            "quiz start (POST)", "POST", f"/articles/{slug}/quiz/", {"mode": "timed"}, expect=(302,)
        )
        attempt_path = urllib.parse.urlsplit(headers["Location"]).path
        outcome.attempt = ATTEMPT_URL.search(attempt_path).group(1)  # type: ignore[union-attr]
        _, _, page = learner.request("quiz page", "GET", attempt_path)
        for number in range(QUESTIONS_PER_QUIZ):
            learner.request("answer (POST, htmx)", "POST", f"{attempt_path}answer/", answer_for(page, rng), htmx=True)
            outcome.answers_acknowledged += 1
            if number + 1 < QUESTIONS_PER_QUIZ:
                _, _, page = learner.request("quiz page", "GET", attempt_path, htmx=True)
        learner.request("results page", "GET", f"{attempt_path}results/")
        _, _, page = learner.request("flashcards page", "GET", f"/articles/{slug}/flashcards/")
        for _ in range(CARDS_PER_LEARNER):
            link = CARD_LINK.search(page)
            if not link:
                raise Failed("no card to show")
            _, _, page = learner.request("card back (htmx)", "GET", link.group(1).replace("&amp;", "&"), htmx=True)
            form = dict(REVIEW_FIELDS.findall(page))
            _, _, page = learner.request(
                "card rating (POST, htmx)", "POST", "/flashcards/review/", form | {"rating": "3"}, htmx=True
            )
            outcome.reviews_acknowledged += 1
    except Failed as error:
        outcome.failure = str(error)
    finally:
        learner.close()
    return outcome


def hammer(port: int, path: str, connections: int, seconds: float) -> tuple[list[Sample], float]:
    """``connections`` clients requesting ``path`` back to back for ``seconds``: the ceiling."""
    samples: list[Sample] = []
    stop = time.perf_counter() + seconds
    barrier = threading.Barrier(connections)

    def client() -> None:
        learner = Learner(port, samples)
        barrier.wait()
        while time.perf_counter() < stop:
            with suppress(Failed):  # counted as an error sample
                learner.request(CEILING, "GET", path)
        learner.close()

    began = time.perf_counter()
    run_threads([client] * connections)
    return samples, time.perf_counter() - began


def run_threads(targets: list[object]) -> None:
    threads = [threading.Thread(target=target) for target in targets]  # type: ignore[arg-type]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def drive(port: int, slug: str, learners: int, ceiling_seconds: float, think: float) -> dict[str, object]:
    """One level: the ceiling, then ``learners`` learners at once. Returns samples and outcomes as JSON data."""
    ceiling, ceiling_wall = hammer(port, "/healthz", learners, ceiling_seconds)
    samples: list[Sample] = []
    outcomes: list[Outcome] = []
    barrier = threading.Barrier(learners)

    def one(index: int) -> None:
        barrier.wait()
        outcomes.append(learner_session(port, slug, index, samples, think))

    began = time.perf_counter()
    threads = [threading.Thread(target=one, args=(index,)) for index in range(learners)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    return {
        "ceiling": [s.__dict__ for s in ceiling],
        "ceiling_wall": ceiling_wall,
        "samples": [s.__dict__ for s in samples],
        "wall": wall,
        "outcomes": [o.__dict__ for o in outcomes],
    }


# The server and its database ----------------------------------------------------------------------------------------


@dataclass
class Database:
    name: str
    url: str
    redis: str = ""

    def query(self, sql: str) -> list[tuple[object, ...]]:
        if self.url.startswith("sqlite:///"):
            with sqlite3.connect(self.url.removeprefix("sqlite:///")) as connection:
                return connection.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(self.url) as connection:
            return connection.execute(sql).fetchall()  # type: ignore[arg-type]


def postgres_recreate(url: str) -> None:
    """A fresh, empty benchmark database on the local server."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise SystemExit(f"unexpected database name {name!r}")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]
        connection.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]


def redis_flush(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def listening_socket() -> socket.socket:
    """A socket bound to a free loopback port and listening, for gunicorn to inherit (``--bind fd://N``): no
    other process can take the port between choosing it and the server binding it."""
    sock = socket.socket()
    sock.bind((HOST, 0))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def wait_until_serving(port: int, process: subprocess.Popen[bytes], host: str = HOST, timeout: float = 60) -> None:
    """Until the server answers ``/healthz``; fails at once if it exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn on port {port} exited with {process.returncode}")
        connection = http.client.HTTPConnection(HOST, port, timeout=5)
        try:
            connection.request("GET", "/healthz", headers={"Host": host})
            if connection.getresponse().status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            connection.close()
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn on port {port} did not answer in {timeout} s")


def site_environment(database: Database, var_dir: Path) -> dict[str, str]:
    """Production settings: DEBUG off, a secret key, plain HTTP on the loopback (no TLS terminator here)."""
    # Other DJANGO_* variables pass through (e.g. DJANGO_CONN_MAX_AGE=0 to compare); these are the benchmark's own.
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env |= {
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_TASKS_BACKEND": "immediate",
        "DATABASE_URL": database.url,
        "QUIZSITE_VAR_DIR": str(var_dir),
    }
    if database.redis:
        env["REDIS_URL"] = database.redis
    return env


@contextmanager
def site(database: Database, workers: int) -> Iterator[tuple[int, Path, dict[str, str]]]:
    """A fresh database with the seed articles, served by gunicorn; yields its port, access log and environment."""
    var_dir = Path(tempfile.mkdtemp(prefix="quizsite-bench-"))
    if database.url.startswith("postgres"):
        postgres_recreate(database.url)
    if database.redis:
        redis_flush(database.redis)
    env = site_environment(database, var_dir)
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"], ["import_article", "seeds/"]):
        subprocess.run([PYTHON, "manage.py", *command, "-v", "0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    sock = listening_socket()
    port = int(sock.getsockname()[1])
    access_log = var_dir / "access.log"
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn and arguments
        [
            GUNICORN,
            "quizsite.wsgi",
            "--bind",
            f"fd://{sock.fileno()}",
            "--workers",
            str(workers),
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            ACCESS_LOG_FORMAT,
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        pass_fds=(sock.fileno(),),
    )
    sock.close()  # gunicorn has its own copy
    try:
        wait_until_serving(port, server)
        yield port, access_log, env
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)


# Measuring --------------------------------------------------------------------------------------------------------

ENDPOINT_OF_PATH = [
    (re.compile(r"^/healthz$"), "GET", CEILING),
    (re.compile(r"^/articles/[^/]+/$"), "GET", "article page"),
    (re.compile(r"^/articles/[^/]+/quiz/$"), "GET", "quiz start page"),
    (re.compile(r"^/articles/[^/]+/quiz/$"), "POST", "quiz start (POST)"),
    (re.compile(r"^/quiz/[^/]+/$"), "GET", "quiz page"),
    (re.compile(r"^/quiz/[^/]+/answer/$"), "POST", "answer (POST, htmx)"),
    (re.compile(r"^/quiz/[^/]+/results/$"), "GET", "results page"),
    (re.compile(r"^/articles/[^/]+/flashcards/$"), "GET", "flashcards page"),
    (re.compile(r"^/flashcards/review/$"), "POST", "card rating (POST, htmx)"),
]


def server_times(access_log: Path, offset: int) -> tuple[dict[str, list[float]], int]:
    """Seconds the server spent on each request logged after ``offset``, by endpoint; and the new offset."""
    times: dict[str, list[float]] = defaultdict(list)
    with access_log.open("rb") as log:
        log.seek(offset)
        data = log.read()
    for line in data.decode("utf-8", "replace").splitlines():
        try:
            method, path, query, _status, micros = line.split(" ")
        except ValueError:
            continue
        endpoint = None
        if path.endswith("/flashcards/") and query.startswith("card="):
            endpoint = "card back (htmx)"
        for pattern, wanted_method, name in [] if endpoint else ENDPOINT_OF_PATH:
            if method == wanted_method and pattern.match(path):
                endpoint = name
                break
        if endpoint is not None:
            times[endpoint].append(int(micros) / 1e6)
    return times, offset + len(data)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@dataclass
class Row:
    endpoint: str
    count: int
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int
    server_ms: float
    share: float | None


def rows_for(level: dict[str, object], times: dict[str, list[float]]) -> list[Row]:
    ceiling = [Sample(**s) for s in level["ceiling"]]  # type: ignore[attr-defined]
    samples = [Sample(**s) for s in level["samples"]]  # type: ignore[attr-defined]
    ceiling_server = statistics.fmean(times[CEILING]) if times.get(CEILING) else None
    groups: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        groups[sample.endpoint].append(sample)
    rows = [_row(CEILING, ceiling, float(level["ceiling_wall"]), times.get(CEILING, []), ceiling_server)]  # type: ignore[arg-type]
    for endpoint, group in groups.items():
        rows.append(_row(endpoint, group, float(level["wall"]), times.get(endpoint, []), ceiling_server))  # type: ignore[arg-type]
    return rows


def _row(endpoint: str, samples: list[Sample], wall: float, server: list[float], ceiling: float | None) -> Row:
    latencies = [s.seconds * 1000 for s in samples]
    server_ms = statistics.fmean(server) * 1000 if server else float("nan")
    return Row(
        endpoint=endpoint,
        count=len(samples),
        rps=len(samples) / wall,
        p50=percentile(latencies, 0.50),
        p95=percentile(latencies, 0.95),
        p99=percentile(latencies, 0.99),
        errors=sum(s.error for s in samples),
        server_ms=server_ms,
        share=(ceiling * 1000 / server_ms) if ceiling and server else None,
    )


INTEGRITY_SQL = """
SELECT
  (SELECT COUNT(*) FROM quiz_response),
  (SELECT COUNT(*) FROM (SELECT attempt_id, question_id FROM quiz_response GROUP BY attempt_id, question_id
                         HAVING COUNT(*) > 1) AS twice),
  (SELECT COUNT(*) FROM quiz_attempt AS a
   WHERE a.score <> (SELECT COALESCE(SUM(r.points), 0) FROM quiz_response AS r WHERE r.attempt_id = a.id)
      OR a.answered_count <> (SELECT COUNT(*) FROM quiz_response AS r WHERE r.attempt_id = a.id)),
  (SELECT COUNT(*) FROM quiz_review)
"""


@dataclass
class Stored:
    """What the benchmark database holds (it holds nothing but the benchmark's learners' work)."""

    responses: int
    duplicated: int
    scores_off: int
    reviews: int

    @classmethod
    def count(cls, database: Database) -> Stored:
        return cls(*(int(value) for value in database.query(INTEGRITY_SQL)[0]))  # type: ignore[call-overload]


# Reporting --------------------------------------------------------------------------------------------------------


def table(database: str, learners: int, rows: list[Row]) -> str:
    lines = [
        f"\n#### {database}, {learners} learner{'s' if learners > 1 else ''} at once\n",
        "| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors | server ms | % of ceiling |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        share = f"{row.share * 100:.0f}%" if row.share is not None else "100%"
        if row.endpoint == CEILING:
            share = "(ceiling)"
        lines.append(
            f"| {row.endpoint} | {row.count} | {row.rps:.0f} | {row.p50:.1f} | {row.p95:.1f} | {row.p99:.1f} "
            f"| {row.errors} | {row.server_ms:.1f} | {share} |"
        )
    return "\n".join(lines)


def run(databases: list[Database], levels: list[int], workers: int, ceiling_seconds: float, think: float) -> int:
    problems = 0
    print(f"quizsite load benchmark: gunicorn, {workers} sync workers, DEBUG off; {os.cpu_count()} CPUs")
    print("Latencies are measured by the driver (what a learner waits); 'server ms' is gunicorn's own time per")
    print("request; '% of ceiling' is requests served per worker-second against the minimal view's.")
    if think:
        print(f"Learners think {think:g} s on average before each click.")
    else:
        print("Learners click again the moment a response arrives (no thinking time): the worst case.")
    for database in databases:
        with site(database, workers) as (port, access_log, env):
            slug = database_slug(database)
            time.sleep(0.5)  # the start-up check's /healthz is logged after its response: skip it
            offset = access_log.stat().st_size if access_log.exists() else 0
            before = Stored.count(database)
            for learners in levels:
                driver = subprocess.run(  # noqa: S603 - this module, as the driver
                    [
                        PYTHON,
                        "-m",
                        "quiz.loadtest",
                        "--drive",
                        str(port),
                        slug,
                        str(learners),
                        str(ceiling_seconds),
                        str(think),
                    ],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                level = json.loads(driver.stdout)
                time.sleep(0.5)  # gunicorn writes the access log line after the response
                times, offset = server_times(access_log, offset)
                rows = rows_for(level, times)
                print(table(database.name, learners, rows))
                after = Stored.count(database)
                counts = {
                    "answers acknowledged": sum(int(o["answers_acknowledged"]) for o in level["outcomes"]),
                    "responses stored": after.responses - before.responses,
                    "duplicated": after.duplicated,
                    "scores off their responses": after.scores_off,
                    "card ratings acknowledged": sum(int(o["reviews_acknowledged"]) for o in level["outcomes"]),
                    "reviews stored": after.reviews - before.reviews,
                }
                before = after
                failures = [o["failure"] for o in level["outcomes"] if o["failure"]]
                failures += ["a learner's thread died"] * (learners - len(level["outcomes"]))
                print("\n" + ", ".join(f"{k}: {v}" for k, v in counts.items()) + f"; wall {level['wall']:.1f} s")
                for failure in sorted(set(failures))[:5]:
                    print(f"  learner stopped: {failure}")
                lost = counts["answers acknowledged"] != counts["responses stored"]
                lost |= counts["card ratings acknowledged"] != counts["reviews stored"]
                problems += len(failures) + lost + after.duplicated + after.scores_off
                problems += sum(row.errors for row in rows)
    return problems


def database_slug(database: Database) -> str:
    rows = database.query("SELECT slug FROM quiz_article ORDER BY id LIMIT 1")
    if not rows:
        raise SystemExit("no article was imported from seeds/")
    return str(rows[0][0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--databases", default="sqlite,postgres", help="which of sqlite,postgres (default both)")
    parser.add_argument("--learners", default="1,10,50", help="learners at once, per level (default 1,10,50)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--ceiling-seconds", type=float, default=5.0, help="how long the ceiling is measured")
    parser.add_argument("--think", type=float, default=0.0, help="mean seconds a learner thinks before a click")
    parser.add_argument("--drive", nargs=5, help=argparse.SUPPRESS)  # the driver process: port slug learners s think
    args = parser.parse_args(argv)
    if args.drive:
        port, slug, learners, seconds, think = args.drive
        json.dump(drive(int(port), urllib.parse.quote(slug), int(learners), float(seconds), float(think)), sys.stdout)
        return 0
    sqlite_dir = Path(tempfile.mkdtemp(prefix="quizsite-bench-db-"))
    known = {
        "sqlite": Database("SQLite", f"sqlite:///{sqlite_dir}/bench.sqlite3"),
        "postgres": Database("PostgreSQL + Redis", POSTGRES_URL, REDIS_URL),
    }
    names = [name.strip() for name in args.databases.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown:
        parser.error(f"unknown database {', '.join(unknown)}: choose from sqlite, postgres")
    levels = [int(level) for level in args.learners.split(",")]
    try:
        problems = run([known[name] for name in names], levels, args.workers, args.ceiling_seconds, args.think)
    finally:
        shutil.rmtree(sqlite_dir, ignore_errors=True)
    print(f"\n{'No errors, nothing lost or duplicated.' if not problems else f'{problems} problem(s): see above.'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
