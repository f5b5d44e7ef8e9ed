"""Pictures on articles and questions: storing them and cleaning up orphaned files."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from quiz.images import PreparedImage
from quiz.models import (
    Image,
)


@transaction.atomic
def image_store(*, image: Image, prepared: PreparedImage) -> Image:
    """Save an image row with its checked, downscaled file and thumbnail (replacing the old files, if any)."""
    old = [str(f.name) for f in (image.file, image.thumbnail) if f]
    name = f"{uuid.uuid4().hex}.webp"
    # Named content: the image field reads the stored picture's width and height from it.
    image.file.save(name, ContentFile(prepared.data, name=name), save=False)
    image.thumbnail.save(name, ContentFile(prepared.thumbnail, name=name), save=False)
    image.save()
    storage = image.file.storage

    def delete_old_files() -> None:
        for name in old:
            storage.delete(name)

    transaction.on_commit(delete_old_files)
    return image


IMAGE_FOLDERS = ("images/", "images/thumbs/")


def image_files_orphaned_delete(*, older_than: dt.timedelta, dry_run: bool = False) -> list[str]:
    """Delete the stored picture files no Image row names any more (rows deleted with their article or question,
    or one by one in the admin), and return their names. Files younger than ``older_than`` are kept: an upload
    may be between saving its file and committing its row."""
    storage = Image._meta.get_field("file").storage  # type: ignore[union-attr]
    named = {str(name) for pair in Image.objects.values_list("file", "thumbnail") for name in pair if name}
    cutoff = timezone.now() - older_than
    orphans = []
    for folder in IMAGE_FOLDERS:
        if not storage.exists(folder):
            continue
        for filename in storage.listdir(folder)[1]:
            name = f"{folder}{filename}"
            if name not in named and storage.get_modified_time(name) < cutoff:
                orphans.append(name)
    if not dry_run:
        for name in orphans:
            storage.delete(name)
    return orphans
