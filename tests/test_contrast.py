"""The quiz's colour pairs meet WCAG AA contrast (4.5:1 for text), read from static/css/site.css itself."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

CSS = (ROOT / "static" / "css" / "site.css").read_text()
VARIABLES = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", CSS))


def luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(VARIABLES[a]), luminance(VARIABLES[b])), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# (text, background) pairs the quiz screens use: feedback, alerts, choices, buttons, hints, marks, results.
PAIRS = [
    ("ink", "paper"),
    ("ink", "card"),
    ("ink", "mark"),
    ("ink", "accent-soft"),
    ("ink-soft", "paper"),
    ("ink-soft", "card"),
    ("ink-soft", "accent-soft"),
    ("accent", "card"),
    ("accent", "paper"),
    ("accent", "accent-soft"),
    ("accent-ink", "accent"),
    ("right", "card"),
    ("right", "paper"),
    ("wrong", "card"),
    ("wrong", "wrong-soft"),
]


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_text_colours_meet_wcag_aa(text, background):
    assert contrast(text, background) >= 4.5


def test_the_focus_ring_stands_out_from_the_page():
    assert contrast("focus", "paper") >= 3 and contrast("focus", "card") >= 3
