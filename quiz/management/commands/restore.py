"""python manage.py restore FOLDER: put back the database and media from a backup. Stop the app servers first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from quiz.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore the database and the uploaded media from a backup folder made by `backup`."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args: Any, folder: Path, yes: bool, **options: Any) -> None:
        if not yes and input(f"Replace all data with the backup in {folder}? [y/N] ").strip().lower() != "y":
            raise CommandError("Nothing restored.")
        try:
            backup = backup_restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {sum(backup.manifest['rows'].values())} rows from {backup.path}")
