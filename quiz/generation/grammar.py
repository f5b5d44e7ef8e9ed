"""Closed word classes (``data/grammar.json``) and small tests on single words used across the generator."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from quiz.arabic import morphology
from quiz.arabic.lexicon import people_words
from quiz.arabic.normalize import normalize
from quiz.arabic.numbers import find_numbers
from quiz.arabic.tokens import split_prefix


@dataclass(frozen=True, slots=True)
class Grammar:
    prepositions: frozenset[str]
    time_prepositions: frozenset[str]
    place_prepositions: dict[str, str]
    qualifiers: tuple[tuple[str, ...], ...]  # longest first
    duration_markers: tuple[tuple[str, ...], ...]
    reporting_verbs: frozenset[str]
    complementisers: frozenset[str]
    openers: frozenset[str]
    relative_pronouns: frozenset[str]
    parenthetical_openers: frozenset[str]
    percent_words: frozenset[str]
    currency_words: frozenset[str]
    count_stop_nouns: frozenset[str]
    measure_units: frozenset[str]
    credit_markers: frozenset[str]
    unit_names: dict[str, str]
    frame_words: frozenset[str]
    not_place_before: frozenset[str]


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    unique = sorted({tuple(normalize(w).split()) for w in words}, key=lambda p: (-len(p), p))
    return tuple(unique)


@cache
def grammar() -> Grammar:
    data = json.loads(resources.files("quiz.generation").joinpath("data/grammar.json").read_text("utf-8"))

    def norm_set(key: str) -> frozenset[str]:
        return frozenset(normalize(w) for w in data[key])

    return Grammar(
        prepositions=norm_set("prepositions"),
        time_prepositions=norm_set("time_prepositions"),
        place_prepositions={normalize(k): v for k, v in data["place_prepositions"].items()},
        qualifiers=_phrases(data["qualifiers"]),
        duration_markers=_phrases(data["duration_markers"]),
        reporting_verbs=norm_set("reporting_verbs"),
        complementisers=norm_set("complementisers"),
        openers=norm_set("openers"),
        relative_pronouns=norm_set("relative_pronouns"),
        parenthetical_openers=norm_set("parenthetical_openers"),
        percent_words=norm_set("percent_words"),
        currency_words=norm_set("currency_words"),
        count_stop_nouns=norm_set("count_stop_nouns"),
        measure_units=norm_set("measure_units"),
        credit_markers=norm_set("credit_markers"),
        unit_names={normalize(k): v for k, v in data["unit_names"].items()},
        frame_words=norm_set("frame_words"),
        not_place_before=norm_set("not_place_before"),
    )


@lru_cache(maxsize=65536)
def is_verb(word: str) -> bool:
    """Whether ``word`` reads as a verb: a reporting verb, or a word whose lexicon readings are
    mostly verbs."""
    norm = normalize(word)
    g = grammar()
    stripped = split_prefix(word).rest
    if norm in g.reporting_verbs or normalize(stripped) in g.reporting_verbs:
        return True
    if norm in g.prepositions or norm in people_words().not_names or _is_number_word(word):
        return False  # "واحد" 'one' is no و + verb
    readings = morphology.analyse_as_written(word)
    if not readings:
        # Unknown to the lexicon: a future verb "سيعقد", "ستعقد".
        return len(norm) >= 4 and norm[0] == "س" and norm[1] in "يتن"
    if any(r.pos == "NOUN_PROP" and not r.prefix for r in readings):
        return False  # أحمد, يزيد: a name before a verb reading
    if norm.startswith(("ال", "وال", "بال", "فال", "لل")) or word.endswith(("ً", "ًا", "اً")):
        return False  # the article or tanween: a noun
    # Distinct lemmas, so a verb with many person endings (شكلتُ، شكلتَ ...) counts once; a tie is a noun
    # (شخص "person" / شخّص "diagnosed").
    # A first-person imperfect ("أطول" 'I lengthen') is rare outside quotations; as a reading it mostly hides an
    # elative (أطول 'longer', أفضل 'better').
    verbs = {r.lemma_vowelled for r in readings if r.is_verb and not (r.pos == "VERB_IMPERFECT" and r.prefix == "أ")}
    others = {r.lemma_vowelled for r in readings if not r.is_verb}
    return bool(verbs) and len(verbs) > len(others)


def _is_number_word(word: str) -> bool:
    found = find_numbers([word])
    return bool(found) and found[0].words


@lru_cache(maxsize=65536)
def without_conjunction(word: str) -> str:
    """``word`` without an attached و/ف when the lexicon reads it as conjunction + word ("ودام" -> "دام"),
    else ``word`` unchanged."""
    if normalize(word)[:1] not in "وف" or len(normalize(word)) < 3:
        return word
    if len(word) > 1 and "\u064b" <= word[1] <= "\u0652" and word[1] != "\u064e":
        return word  # "وُلد": a vowel other than fatha on the و makes it part of the word
    readings = morphology.analyse(word)
    joined = [r for r in readings if r.prefix[:1] in {"و", "ف"}]
    if not joined:
        return word
    if any(r.pos not in _CONTENT_POS and not r.pos.startswith("VERB") for r in joined):
        return word[1:]  # "وفي", "وقد", "وهي": and + a particle, never the content word (وفيّ 'loyal')
    if any(not r.prefix for r in readings):
        return word  # "وجدت" 'found', "والده" 'his father', "وصل": the whole word reads on its own
    return word[1:]


_CONTENT_POS = frozenset({"NOUN", "NOUN_PROP", "ADJ"})


@lru_cache(maxsize=65536)
def is_name_word(word: str) -> bool:
    """Whether ``word`` may be part of a person's name: a proper noun in the lexicon, or a word it
    does not know
    (foreign names: فورونكوف), and not a function word, title or common noun with the article."""
    norm = normalize(word)
    people = people_words()
    g = grammar()
    if len(norm) < 2 or not norm.isalpha():
        return False
    if norm in people.not_names or norm in g.prepositions or norm in people.honorifics:
        return False
    if norm in g.reporting_verbs or norm in g.complementisers or norm in g.openers:
        return False
    if norm in people.name_links:
        return True
    readings = morphology.analyse(word)
    if not readings:
        split = split_prefix(word)
        if split.prefix and morphology.is_known(split.rest):
            return False  # "بتلطيف": a preposition and a known word, not a foreign name
        return not norm.startswith(("ال", "وال", "بال", "لل"))
    return any(r.pos == "NOUN_PROP" and not r.prefix for r in readings)
