"""Benchmark of the generator (not a test): ``python -m quiz.generation.bench [ARTICLE]``.

Reports the time for the seed article with cold caches (lexicon loading included) and warm caches, and for
articles ten and a hundred times longer made of distinct sentences (the numbers and names varied so
no sentence
repeats), to show the growth is linear.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from quiz.arabic.sentences import split_sentences

DEFAULT = Path(__file__).resolve().parents[2] / "seeds" / "000_16bd2a2ab7525642.txt"


def _longer(text: str, times: int) -> str:
    """``times`` copies of ``text`` whose sentences all differ (a copy number appended to each sentence)."""
    parts = []
    for copy in range(times):
        for span in split_sentences(text):
            parts.append(f"{span.text} ({copy + 1})")
        parts.append("")
    return "\n".join(parts)


def _time(text: str, repeat: int = 1) -> float:
    from quiz.generation import generate

    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        generate(text)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT
    text = path.read_text(encoding="utf-8")
    words = len(text.split())
    cold = _time(text)
    warm = _time(text, repeat=5)
    print(f"seed ({words} words): cold {cold:.3f} s, warm {warm:.3f} s")
    for times in (10, 100):
        longer = _longer(text, times)
        seconds = _time(longer)
        n = len(longer.split())
        print(f"x{times} ({n} words): {seconds:.3f} s ({1000 * seconds / n:.3f} ms/word)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
