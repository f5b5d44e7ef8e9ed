"""How long the vocabulary cards take on an article (run by hand):

    .venv/bin/python -m quiz.generation.bench_vocab seeds/000_16bd2a2ab7525642.txt

Each stage runs once in this fresh process, so every figure includes its own first-use loading.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from quiz.parsing import parse_article_bytes


def main(path: Path) -> None:
    text = parse_article_bytes(path.read_bytes()).text
    clock = time.perf_counter
    t = clock()
    from quiz.arabic import morphology

    morphology.warm_up()
    figures = {"lexicon load": clock() - t}
    from quiz.generation.extract import extract_facts, read_sentences
    from quiz.generation.generate import rank
    from quiz.generation.questions import Context, all_questions
    from quiz.generation.vocab import extract_cards, vowel_cards

    t = clock()
    sentences = read_sentences(text)
    rank(all_questions(Context(sentences, extract_facts(sentences), 0)))
    figures["questions"] = clock() - t
    t = clock()
    cards = extract_cards(sentences)
    figures[f"cards ({len(cards)})"] = clock() - t
    from quiz.arabic import diacritics

    t = clock()
    diacritics.vocalise_sentence("بدأ الاجتماع.")
    figures["mishkal load"] = clock() - t
    guessed = sum(not c.gloss_trusted and c.vowelled_by_machine for c in cards)
    t = clock()
    vowel_cards(cards)
    figures[f"vowel_cards ({guessed} sentences)"] = clock() - t
    diacritics.vocalise_sentence.cache_clear()
    active = [s.text for s in sentences if s.active]
    t = clock()
    for sentence in active:
        diacritics.vocalise_sentence(sentence)
    figures[f"mishkal, every sentence ({len(active)})"] = clock() - t
    print(" | ".join(f"{name} {seconds:.2f} s" for name, seconds in figures.items()))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
