"""python manage.py export_questions [SLUG...] [--gift]: print question banks (JSON) or Moodle GIFT."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from quiz import banks
from quiz.models import Article


class Command(BaseCommand):
    help = (
        "Print the question banks of the given articles (by slug; all articles when none is given) as JSON, which "
        "`import_questions` reads back, or as Moodle GIFT with --gift."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("slugs", nargs="*", help="article slugs (default: every article)")
        parser.add_argument("--gift", action="store_true", help="Moodle GIFT instead of JSON")

    def handle(self, *args: Any, slugs: list[str], gift: bool, **options: Any) -> None:
        articles = list(Article.objects.filter(slug__in=slugs)) if slugs else list(Article.objects.all())
        missing = sorted(set(slugs) - {a.slug for a in articles})
        if missing:
            raise CommandError(f"no article with the slug {', '.join(missing)}")
        self.stdout.write(banks.export_gift(articles) if gift else banks.export_json(articles), ending="")
