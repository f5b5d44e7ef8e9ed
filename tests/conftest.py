"""Shared fixtures: the seed article and its generated questions (computed once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.generation import Generated, generate

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_16bd2a2ab7525642.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_generated(seed_text: str) -> Generated:
    return generate(seed_text)
