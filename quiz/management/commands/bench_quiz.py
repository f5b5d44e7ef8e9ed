"""Time the quiz's requests and the result card on the first article, inside a transaction that is rolled back."""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import Client, override_settings

from quiz import services
from quiz.cards import CardText, result_card_png
from quiz.models import Article, Attempt, Question


class Rollback(Exception):
    pass


def right_answer(question: Question) -> dict[str, str]:
    data = {"question": str(question.pk)}
    choices = list(question.choices.all())
    if question.mode == "typed":
        data["text"] = question.answer
    elif question.mode == "matching":
        by_text = {c.text: c.pk for c in choices}
        data |= {f"match-{i}": str(by_text[right]) for i, (_left, right) in enumerate(question.pairs)}
    else:
        data["choice"] = str(next(c.pk for c in choices if c.is_correct))
    return data


class Command(BaseCommand):
    help = "Time starting a quiz, showing and answering its questions (htmx), the end screen and the result card."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quizzes", type=int, default=5)

    def handle(self, *args: Any, quizzes: int, **options: Any) -> None:
        article = Article.objects.first()
        if article is None or not article.questions.exists():
            raise CommandError("Import an article first (make setup).")
        timings: dict[str, list[float]] = {"start": [], "question (htmx)": [], "answer (htmx)": [], "results": []}
        with override_settings(ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False):
            try:
                with transaction.atomic():
                    for _ in range(quizzes):
                        self.play(Client(), article, timings)
                    raise Rollback
            except Rollback:
                pass
        card = CardText(
            "اقرأ واختبر", "نتيجة الاختبار", article.title, "7409", "نقاط", "7 من 10", "ليلى", "", True, 0.7
        )
        result_card_png(card)  # fonts loaded once
        timings["result card"] = []
        for _ in range(20):
            began = time.perf_counter()
            result_card_png(card)
            timings["result card"].append(time.perf_counter() - began)
        self.stdout.write("| request | n | median | max |\n|---|---|---|---|")
        for name, values in timings.items():
            median, worst = statistics.median(values) * 1000, max(values) * 1000
            self.stdout.write(f"| {name} | {len(values)} | {median:.1f} ms | {worst:.1f} ms |")

    def play(self, client: Client, article: Article, timings: dict[str, list[float]]) -> None:
        def timed(name: str, call: Any) -> Any:
            began = time.perf_counter()
            response = call()
            timings[name].append(time.perf_counter() - began)
            return response

        timed("start", lambda: client.post(f"/articles/{article.slug}/quiz/", {"mode": "timed"}))
        attempt = Attempt.objects.latest("started_at")
        htmx = {"HX-Request": "true"}
        while True:
            response = timed("question (htmx)", lambda: client.get(attempt.get_absolute_url(), headers=htmx))
            slot = services.current_slot(attempt)
            if response.has_header("HX-Redirect") or slot is None:
                break
            data = right_answer(slot.question)
            timed(
                "answer (htmx)",
                lambda data=data: client.post(f"{attempt.get_absolute_url()}answer/", data, headers=htmx),
            )
        timed("results", lambda: client.get(f"{attempt.get_absolute_url()}results/"))
