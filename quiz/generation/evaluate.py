"""Run the generator over a file of paragraphs and write its questions for the coverage scorer.

    python -m quiz.generation.evaluate PARAGRAPHS.jsonl OUT.jsonl [--seed N]

PARAGRAPHS.jsonl has one JSON object a line with ``para_id`` and ``context``; OUT.jsonl gets
``{"para_id": ..., "qa": [{"question": ..., "answer": ...}, ...]}`` a line, best first. Score it with the
shared scorer (``score_coverage.py OUT.jsonl --top 5``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from quiz.arabic.normalize import match_key
from quiz.generation import generate


def run(paragraphs_path: str, out_path: str, *, seed: int = 0) -> tuple[int, float]:
    """Write the generator's questions for each paragraph; return (paragraphs, seconds)."""
    started = time.perf_counter()
    count = 0
    with open(paragraphs_path, encoding="utf-8") as source, open(out_path, "w", encoding="utf-8") as out:
        for line in source:
            if not line.strip():
                continue
            paragraph = json.loads(line)
            generated = generate(paragraph.get("context", ""), seed=seed)
            qa = []
            seen: set[str] = set()
            for question in generated.questions:
                # The scorer reads answers: a true/false verdict or a matching key is no answer span, and a
                # second question with the same answer adds nothing.
                key = match_key(question.answer)
                if question.mode in {"true_false", "matching"} or key in seen:
                    continue
                seen.add(key)
                qa.append({"question": question.prompt, "answer": question.answer})
            out.write(json.dumps({"para_id": paragraph["para_id"], "qa": qa}, ensure_ascii=False) + "\n")
            count += 1
    return count, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paragraphs")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    count, seconds = run(args.paragraphs, args.out, seed=args.seed)
    print(f"{count} paragraphs in {seconds:.1f} s -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
