"""Backups of everything the site keeps: the database (natively: SQLite's online backup, pg_dump for PostgreSQL)
and the uploaded media, with a manifest of row counts that a restore checks itself against."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Backup:
    path: Path
    manifest: dict[str, Any]


def row_counts() -> dict[str, int]:
    """How many rows each model's table holds: what a restore must give back."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def backup_create(destination: Path) -> Backup:
    """Write a new backup folder under ``destination`` and return it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = destination / f"quizsite-{stamp}"
    folder.mkdir(parents=True)
    vendor = connection.vendor
    if vendor == "sqlite":
        _sqlite_backup(folder / "database.sqlite3")
    elif vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / "database.pgdump")], _pg_env())
    else:
        raise BackupError(f"backups are not set up for the {vendor} database")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
            archive.add(media, arcname="media")
    manifest = {
        "created": datetime.now(UTC).isoformat(),
        "database": vendor,
        "rows": row_counts(),
        "media": media.is_dir(),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return Backup(folder, manifest)


def backup_restore(folder: Path) -> Backup:
    """Put the database and the media back as they were in the backup in ``folder``; check the row counts."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a quizsite backup ({error})") from None
    vendor = connection.vendor
    if manifest.get("database") != vendor:
        raise BackupError(f"the backup is of a {manifest.get('database')} database; this site uses {vendor}")
    if vendor == "sqlite":
        _sqlite_restore(folder / "database.sqlite3")
    else:
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                _pg_env()["PGDATABASE"],
                str(folder / "database.pgdump"),
            ],
            _pg_env(),
        )
    media = Path(settings.MEDIA_ROOT)
    if manifest.get("media"):
        if media.exists():
            shutil.rmtree(media)
        media.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / "media.tar.gz", "r:gz") as archive:
            archive.extractall(media.parent, filter="data")
    counts = row_counts()
    if counts != manifest["rows"]:
        differing = sorted(k for k in set(counts) | set(manifest["rows"]) if counts.get(k) != manifest["rows"].get(k))
        raise BackupError(f"restored, but the row counts differ from the backup's for: {', '.join(differing)}")
    return Backup(folder, manifest)


def _sqlite_backup(target: Path) -> None:
    connection.ensure_connection()
    source = connection.connection
    with sqlite3.connect(target) as destination:
        source.backup(destination)
    destination.close()


def _sqlite_restore(source_path: Path) -> None:
    if not source_path.exists():
        raise BackupError(f"{source_path} is missing")
    connection.ensure_connection()
    with sqlite3.connect(source_path) as source:
        source.backup(connection.connection)
    source.close()


def _pg_env() -> dict[str, str]:
    db: Mapping[str, Any] = settings.DATABASES["default"]
    env = {
        **os.environ,
        "PGDATABASE": str(db["NAME"]),
        "PGHOST": str(db.get("HOST") or ""),
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": str(db.get("USER") or ""),
    }
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return {k: v for k, v in env.items() if v != ""}


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian package postgresql-client)")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")
