"""python manage.py import_article PATH... : import Arabic news articles from text files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from quiz.parsing import ArticleError, parse_article_bytes
from quiz.services import article_generate, article_import


class Command(BaseCommand):
    help = "Import Arabic news articles (UN News text layout). Importing the same file again updates it in place."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Text files, or folders of .txt files")

    def handle(self, *args: Any, paths: list[Path], **options: Any) -> None:
        files = []
        for path in paths:
            files += sorted(path.glob("*.txt")) if path.is_dir() else [path]
        # Read and check every file before storing any, so that one bad file leaves the database as it was.
        parsed = []
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as error:
                raise CommandError(f"{path}: cannot be read ({error.strerror})") from None
            try:
                parsed.append((path, parse_article_bytes(data)))
            except ArticleError as error:
                raise CommandError(f"{path}: {error}") from None
        for path, article in parsed:
            stored, changed = article_import(parsed=article, source_name=path.name)
            if not changed:
                self.stdout.write(f"{path}: unchanged: {stored.title}")
                continue
            result = article_generate(article=stored)
            cards = result.cards.created if result.cards else 0
            self.stdout.write(
                f"{path}: imported: {stored.title} ({stored.word_count} words, {result.created} new questions, "
                f"{cards} new flashcards, {result.kept_by_teacher} kept as the teacher left them) "
                f"{stored.get_absolute_url()}"
            )
