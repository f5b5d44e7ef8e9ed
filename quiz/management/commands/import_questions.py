"""python manage.py import_questions FILE: store the questions of a JSON question bank in their articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from quiz import banks, services


class Command(BaseCommand):
    help = (
        "Import a question bank written by `export_questions` or the admin. Each article must already be here; "
        "questions already here are updated, nothing is deleted, and importing the same bank again changes nothing."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror})") from None
        try:
            with translation.override("en"):  # the command speaks English, like the other commands
                found = banks.read_json(data)
        except banks.BankError as error:
            raise CommandError(f"{path}: {error}") from None
        result = services.question_bank_import(banks=found)
        self.stdout.write(
            f"{path}: {result.created} new, {result.updated} updated, {result.unchanged} unchanged questions"
        )
