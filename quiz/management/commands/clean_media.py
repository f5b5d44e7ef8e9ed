"""python manage.py clean_media [--dry-run] [--min-age-minutes N]: delete picture files no row uses any more."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand

from quiz import services


class Command(BaseCommand):
    help = (
        "Delete the stored picture files (and thumbnails) that no image row names any more: left behind when an "
        "article, a question or an image was deleted. Files younger than --min-age-minutes are kept."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list the files without deleting them")
        parser.add_argument("--min-age-minutes", type=int, default=60, help="keep files younger than this")

    def handle(self, *args: Any, dry_run: bool, min_age_minutes: int, **options: Any) -> None:
        orphans = services.image_files_orphaned_delete(
            older_than=dt.timedelta(minutes=max(0, min_age_minutes)), dry_run=dry_run
        )
        for name in orphans:
            self.stdout.write(name)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(f"{verb} {len(orphans)} file{'' if len(orphans) == 1 else 's'}")
