"""Background work with Django's tasks framework, run by django-tasks-db's worker (`manage.py db_worker`)."""

from __future__ import annotations

import dataclasses
import logging

from django.tasks import task
from django.utils.translation import gettext_noop

from quiz import services
from quiz.models import Article

logger = logging.getLogger(__name__)

NO_QUESTIONS = gettext_noop(
    "No questions could be made from this text. Check that it is the whole article, or write questions yourself."
)
"""Stored as the failure reason (in English) and translated when shown."""


@task
def generate_article(article_id: int) -> dict[str, int] | None:
    """Generate and store an article's questions, recording the state the admin shows: running, then done or
    failed with the reason. An article deleted in the meantime is skipped."""
    started = Article.objects.filter(pk=article_id).update(
        generation_status=Article.Generation.RUNNING, generation_error=""
    )
    if not started:
        return None
    try:
        article = Article.objects.get(pk=article_id)
        result = services.article_generate(article=article)
    except Exception as error:
        logger.exception("Generation failed for article %s", article_id)
        reason = f"{type(error).__name__}: {error}"[:2000]
        Article.objects.filter(pk=article_id).update(
            generation_status=Article.Generation.FAILED, generation_error=reason
        )
        raise
    if not article.questions.playable().exists():
        Article.objects.filter(pk=article_id).update(
            generation_status=Article.Generation.FAILED, generation_error=NO_QUESTIONS
        )
    else:
        Article.objects.filter(pk=article_id).update(generation_status=Article.Generation.DONE)
    return dataclasses.asdict(result)
