"""Pronunciation of flashcards: espeak-ng's Arabic voice reads the vowelled lemma once into a WAV file under
MEDIA_ROOT/pronunciation/, named by a hash of what it says, and every later request gets the same file."""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

VOICE = "ar"
SPEED = 120  # words a minute: slower than espeak-ng's 175, for learners
FOLDER = "pronunciation"


def available() -> bool:
    """Whether espeak-ng is installed where the settings say."""
    program = settings.ESPEAK_NG
    return bool(program) and os.path.isfile(program) and os.access(program, os.X_OK)


def audio_file(text: str) -> Path | None:
    """The WAV file of ``text`` spoken, made now if it is not there yet; None without espeak-ng or on failure."""
    text = " ".join(text.split())
    if not text or not available():
        return None
    digest = hashlib.sha256(f"{VOICE}|{SPEED}|{text}".encode()).hexdigest()[:24]
    folder = Path(settings.MEDIA_ROOT) / FOLDER
    path = folder / f"{digest}.wav"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=folder, suffix=".part")
    os.close(handle)
    try:
        subprocess.run(  # noqa: S603 - fixed program, text passed as one argument after "--"
            [settings.ESPEAK_NG, "-v", VOICE, "-s", str(SPEED), "-w", partial, "--", text],
            check=True,
            capture_output=True,
            timeout=20,
        )
        if os.path.getsize(partial) == 0:
            return None
        os.replace(partial, path)  # atomic: a request never sees half a file
    except (OSError, subprocess.SubprocessError):
        return None
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return path
