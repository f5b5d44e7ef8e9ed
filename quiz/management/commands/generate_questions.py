"""python manage.py generate_questions PATH [--json]: print the questions for an article file; stores nothing."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from quiz.generation import generate
from quiz.parsing import ArticleError, parse_article_bytes


class Command(BaseCommand):
    help = "Print the questions generated for an article file, best first, without touching the database."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="one JSON document: the questions and the facts"
        )
        parser.add_argument("--seed", type=int, default=0, help="fixes the order of the choices")
        parser.add_argument("--limit", type=int, default=0, help="print only the first N questions")

    def handle(self, *args: Any, path: Path, as_json: bool, seed: int, limit: int, **options: Any) -> None:
        try:
            parsed = parse_article_bytes(path.read_bytes())
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror})") from None
        except ArticleError as error:
            raise CommandError(f"{path}: {error}") from None
        generated = generate(parsed.text, seed=seed)
        questions = generated.questions[:limit] if limit else generated.questions
        if as_json:
            self._print_json(parsed.title, questions, generated.facts)
            return
        self.stdout.write(f"{parsed.title}\n{len(generated.questions)} questions\n")
        for n, question in enumerate(questions, 1):
            self.stdout.write(f"{n}. [{question.kind}/{question.mode} {question.score:.2f}] {question.prompt}")
            self.stdout.write(f"   answer: {question.answer}")
            if question.accepted:
                self.stdout.write(f"   also accepted: {' | '.join(question.accepted)}")
            if question.choices:
                self.stdout.write(f"   choices: {' | '.join(question.choices)}")
            evidence = question.evidence
            marked = (
                evidence.sentence[: evidence.answer_start]
                + "["
                + evidence.sentence[evidence.answer_start : evidence.answer_end]
                + "]"
                + evidence.sentence[evidence.answer_end :]
            )
            self.stdout.write(f"   evidence (sentence {evidence.sentence_index}): {marked}\n")

    def _print_json(self, title: str, questions: list[Any], facts: list[Any]) -> None:
        document = {
            "title": title,
            "questions": [dataclasses.asdict(q) for q in questions],
            "facts": [dataclasses.asdict(f) for f in facts],
        }
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
