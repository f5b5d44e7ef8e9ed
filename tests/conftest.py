"""Shared fixtures and small make_* helpers."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from pathlib import Path

import hypothesis
import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.tasks import task_backends
from django.test import override_settings
from django.utils import timezone
from django.utils.connection import Local

from quiz.forms import parse_submission
from quiz.generation import Generated, generate
from quiz.learners import Learner
from quiz.models import Article, Attempt, AttemptQuestion, Choice, LearnerProfile, Question, Response, Submission
from quiz.parsing import parse_article, parse_article_bytes
from quiz.services import article_generate, article_import, attempt_start

# Property tests: no per-example deadline (timings mean nothing on a loaded two-core machine running two workers);
# in CI the examples are derived from the test itself, so that a red run can be reproduced exactly.
hypothesis.settings.register_profile(
    "quizsite",
    deadline=None,
    derandomize=os.environ.get("CI") == "true",
    suppress_health_check=[hypothesis.HealthCheck.too_slow],
)
hypothesis.settings.load_profile("quizsite")


def pytest_collection_finish(session: pytest.Session) -> None:
    """Under ``--dist loadgroup`` each ``xdist_group`` must stay on one worker (the scale-out tests share one Redis
    database; concurrency tests share rows). pytest-xdist marks a grouped test by a suffix of its node id, which
    some pytest versions silently drop (pytest-xdist issue 1386, pytest 9.2): then stop rather than run apart."""
    if not getattr(session.config.option, "loadgroup", False):
        return
    ungrouped = [
        item.nodeid for item in session.items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid
    ]
    if ungrouped:
        raise pytest.UsageError(
            f"--dist loadgroup is not grouping tests with this pytest and pytest-xdist (e.g. {ungrouped[0]}): "
            "pin versions that work together (see requirements-dev.txt)"
        )


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_16bd2a2ab7525642.txt"


@pytest.fixture(autouse=True, scope="session")
def immediate_tasks() -> Iterator[None]:
    """Background tasks run at once in tests; the real queue (django-tasks-db) has its own tests."""
    immediate = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=immediate):
        _reset_task_backends()
        yield
    _reset_task_backends()


def _reset_task_backends() -> None:
    task_backends.__dict__.pop("settings", None)
    task_backends._settings = None
    task_backends._connections = Local(task_backends.thread_critical)


@pytest.fixture
def database_queue() -> Iterator[None]:
    """The real queue instead of the immediate backend: django-tasks-db's, run by its worker (`db_worker`)."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        _reset_task_backends()
        yield
    _reset_task_backends()


@pytest.fixture(autouse=True, scope="session")
def collected_static(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Static files collected as in production (hashed names, compressed), into this session's own folder."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root):
        call_command("collectstatic", "--no-input", verbosity=0)
        yield


@pytest.fixture(autouse=True, scope="session")
def test_settings() -> Iterator[None]:
    """Fast password hashing, and plain HTTP: the test client and the live server speak no TLS.
    The HTTPS settings themselves are checked by tests/test_settings.py in production-like processes."""
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        SECURE_SSL_REDIRECT=False,
        SECURE_HSTS_SECONDS=0,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
    ):
        yield


@pytest.fixture(autouse=True)
def teachers_group(request: pytest.FixtureRequest) -> None:
    """The Teachers group that migration 0005 makes, for every test with the database. A transactional test
    (live server, threads, app servers) flushes the database when it ends, taking the group with it, and the next
    test on that worker would find none; pytest-django's serialized rollback cannot restore it under Playwright's
    event loop. So make it again when it is missing, with the migration's own list of permissions."""
    if request.node.get_closest_marker("django_db") is None:
        database = next((name for name in ("transactional_db", "db") if name in request.fixturenames), None)
        if database is None:
            return
        request.getfixturevalue(database)
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from quiz.services import TEACHERS_GROUP

    if Group.objects.filter(name=TEACHERS_GROUP).exists():
        return
    create_permissions(apps.get_app_config("quiz"), verbosity=0)
    codenames = importlib.import_module("quiz.migrations.0005_teachers_group").codenames()
    group = Group.objects.create(name=TEACHERS_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="quiz", codename__in=codenames))


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Each test starts with an empty cache (log-in throttling counts live there)."""
    cache.clear()
    yield
    cache.clear()


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: this one's, without what only the test process needs."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, **extra}


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


def all_rows(*, exclude: tuple[str, ...] = ()) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in primary-key order: to show that something changed nothing."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.label not in exclude
    }


def make_article(text: str | None = None, *, source_name: str = "seed.txt") -> Article:
    """An article stored as the importer stores it: the seed by default."""
    parsed = parse_article(text) if text is not None else parse_article_bytes(SEED.read_bytes())
    article, _changed = article_import(parsed=parsed, source_name=source_name)
    return article


def make_user(
    username: str = "layla",
    *,
    password: str = "correct horse battery",
    display_name: str = "ليلى",
    **extra: object,
) -> User:
    user = User.objects.create_user(username=username, password=password, **extra)  # type: ignore[arg-type]
    LearnerProfile.objects.create(user=user, display_name=display_name)
    return user


@pytest.fixture
def seed_article(db: None) -> Article:
    return make_article()


def make_cards(article: Article) -> Article:
    """The article's flashcards, stored as on import."""
    from quiz.services import article_cards_generate

    article_cards_generate(article=article)
    return article


@pytest.fixture
def cards_article(db: None) -> Article:
    return make_cards(make_article())


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_generated(seed_text: str) -> Generated:
    """The seed's generated questions, computed once."""
    return generate(seed_text)


@pytest.fixture
def seed_quiz(db: None) -> Article:
    """The seed article with its generated questions, as ``import_article`` stores them."""
    article = make_article()
    article_generate(article=article)
    return article


def make_question(
    article: Article,
    *,
    kind: str = "who",
    mode: str = "choice",
    prompt: str = "من قال ذلك؟",
    answer: str = "فورونكوف",
    choices: tuple[str, ...] = ("فورونكوف", "غوتيريش", "باشليه", "غريفيث"),
    fact_key: str | None = None,
    status: str = "generated",
    score: float = 0.5,
    **fields: object,
) -> Question:
    """A question of the article's bank, with its choices (the one equal to ``answer`` is the right one)."""
    question = Question.objects.create(
        article=article,
        kind=kind,
        mode=mode,
        prompt=prompt,
        answer=answer,
        fact_key=f"fact:{Question.objects.count()}" if fact_key is None else fact_key,
        status=status,
        score=score,
        **fields,
    )
    if mode != "typed":
        Choice.objects.bulk_create(
            Choice(question=question, text=text, position=i, is_correct=mode == "matching" or text == answer)
            for i, text in enumerate(choices)
        )
    return question


def make_attempt(
    article: Article,
    *,
    learner: Learner,
    count: int | None = None,
    timed: bool = True,
    questions: list[Question] | None = None,
) -> Attempt:
    """An attempt started as the quiz starts one, of ``count`` questions (the article's N by default)."""
    if count is not None:
        Article.objects.filter(pk=article.pk).update(questions_per_quiz=count)
        article.refresh_from_db()
    return attempt_start(article=article, learner=learner, timed=timed, seed=1, questions=questions)


def right_answer(question: Question) -> dict[str, str]:
    """The form fields of a right answer to ``question``."""
    data = {"question": str(question.pk)}
    if question.mode == "typed":
        data["text"] = question.answer
    elif question.mode == "matching":
        by_text = {c.text: c.pk for c in question.choices.all()}
        for i, (_left, right) in enumerate(question.pairs):
            data[f"match-{i}"] = str(by_text[right])
    else:
        data["choice"] = str(question.choices.get(is_correct=True).pk)
    return data


def wrong_answer(question: Question) -> dict[str, str]:
    """The form fields of a wrong answer to ``question``."""
    data = {"question": str(question.pk)}
    if question.mode == "typed":
        data["text"] = "جواب خاطئ تماما"
    elif question.mode == "matching":
        ids = [c.pk for c in question.choices.all()]
        for i in range(len(question.pairs)):
            data[f"match-{i}"] = str(ids[0])
    else:
        data["choice"] = str(question.choices.filter(is_correct=False).first().pk)  # type: ignore[union-attr]
    return data


def submission_of(data: dict[str, str]) -> Submission:
    """The Submission the answer form's fields make."""
    return parse_submission(data)[1]


# Teachers and results (the admin) ---------------------------------------------------------------------------------

TEACHER_PASSWORD = "a teacher's pass phrase"


def make_teacher(username: str = "huda", *, password: str = TEACHER_PASSWORD) -> User:
    """A staff account in the Teachers group, as `manage.py create_teacher` makes it."""
    from quiz.services import teacher_create

    user, _created = teacher_create(username=username, password=password)
    return user


def make_bank_question(article: Article, prompt: str = "كم دولة شاركت؟", **fields: object) -> Question:
    """A multiple-choice question with a right answer and three wrong ones, approved by default."""
    choices = fields.pop("choices", ["134", "143", "150", "124"])
    fields = {"kind": "how_many", "mode": "choice", "answer": choices[0], "status": "approved", **fields}  # type: ignore[index]
    question = Question.objects.create(article=article, prompt=prompt, **fields)  # type: ignore[arg-type]
    for i, text in enumerate(choices):  # type: ignore[attr-defined]
        question.choices.create(text=text, is_correct=i == 0, position=i)
    return question


def make_played_attempt(
    article: Article, answers: dict[Question, bool], *, finished: bool = True, **owner: object
) -> Attempt:
    """A played attempt: one response per question, right or wrong; ``owner`` is user=... or guest_id=..."""
    attempt = Attempt.objects.create(
        article=article,
        finished_at=timezone.now() if finished else None,
        score=10 * sum(answers.values()),
        answered_count=len(answers),
        correct_count=sum(answers.values()),
        **owner,  # type: ignore[arg-type]
    )
    for position, (question, right) in enumerate(answers.items()):
        AttemptQuestion.objects.create(attempt=attempt, question=question, position=position)
        choice = question.choices.filter(is_correct=right).first()
        Response.objects.create(
            attempt=attempt, question=question, choice=choice, given=choice.text if choice else "", is_correct=right
        )
    return attempt


@pytest.fixture
def teacher(db: None) -> User:
    return make_teacher()


@pytest.fixture
def media_root(tmp_path: Path) -> Iterator[Path]:
    """Uploaded files go to this test's own folder."""
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        yield tmp_path / "media"
