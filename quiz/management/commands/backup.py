"""python manage.py backup [--dest DIR]: a backup of the database and the uploaded media."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from quiz.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and the uploaded media into a new folder."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dest", type=Path, default=Path(settings.BASE_DIR) / "backups")

    def handle(self, *args: Any, dest: Path, **options: Any) -> None:
        try:
            backup = backup_create(dest)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(backup.manifest["rows"].values())
        self.stdout.write(f"Backed up {rows} rows ({backup.manifest['database']}) to {backup.path}")
