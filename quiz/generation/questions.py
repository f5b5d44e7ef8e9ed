"""Questions of every kind from the extracted facts, each with its evidence, distractors and rank score."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from quiz.arabic import morphology
from quiz.arabic.lexicon import gazetteer, people_words
from quiz.arabic.normalize import match_key, normalize, strip_tashkeel
from quiz.arabic.numbers import find_numbers, to_words
from quiz.arabic.tokens import split_prefix
from quiz.generation import distractors
from quiz.generation.clauses import Built, build, segments, tail
from quiz.generation.extract import Sentence
from quiz.generation.grammar import grammar, is_name_word, is_verb, without_conjunction
from quiz.generation.types import FALSE, TRUE, Evidence, Fact, Question

# Base rank of each fact type: specific facts first.
_TYPE_SCORE = {
    "person": 1.0,
    "role": 0.95,
    "count": 0.95,
    "description": 0.9,
    "location": 0.9,
    "year": 0.9,
    "date": 0.92,
    "duration": 0.85,
    "percent": 0.85,
    "amount": 0.8,
    "weekday": 0.85,
    "place": 0.72,
    "century": 0.8,
    "period": 0.93,
    "time": 0.6,
    "org": 0.55,
}
_MODE_SCORE = {"choice": 1.0, "typed": 0.9, "true_false": 0.7, "matching": 0.75}
_KIND_BONUS = {"cloze": -0.2}
_BLANK = "ـــــ"
# Instructions shown before a prompt.
_FILL_IN = "أكمل الفراغ:"  # "Fill in the blank:"
_TRUE_OR_FALSE = "صح أم خطأ:"  # "True or false:"
_MATCH_COUNTS = "صل كل عدد بما يعده في النص:"  # "Match each number with what it counts in the text:"
_MATCH_ROLES = "صل كل شخص بمنصبه:"  # "Match each person with their post:"
_QUESTION_WORDS = frozenset(normalize(w) for w in ("أين", "متى", "من"))  # where, when, who
_PRONOUNS = frozenset(normalize(w) for w in ("هو", "هي", "هم", "هن", "هما", "ذلك", "تلك", "هذا", "هذه"))
# Words a question never ends on: pronouns, prepositions, conjunctions, relative pronouns, negations (لم، لن).
_DANGLING = frozenset(
    normalize(w)
    for w in (
        *("هو", "هي", "هم", "في", "من", "إلى", "على", "عن", "مع", "و", "أو", "ثم", "الذي", "التي", "الذين"),
        *("بين", "بن", "ابن", "أن", "إن", "ما", "لا", "قد", "يد", "حيث", "بعد", "قبل", "اعتبارا", "نحو"),
        *("حوالي", "عبر", "ضد", "لدى", "عند", "كل", "أي", "بينما", "فيما", "حتى", "لم", "لن", "وذلك"),
    )
)
# The singular كم takes for each duration unit: years عاما/سنة, months شهرا, weeks أسبوعا, days يوما ...
_DURATION_SINGULAR = {
    normalize(w): singular
    for singular, forms in {
        "عاما": ("عام", "عاما", "عامًا", "أعوام", "عامين", "عامان"),
        "سنة": ("سنة", "سنوات", "سنين", "سنتين", "سنتان"),
        "شهرا": ("شهر", "شهرا", "شهرًا", "أشهر", "شهور", "شهرين", "شهران"),
        "أسبوعا": ("أسبوع", "أسبوعا", "أسابيع", "أسبوعين"),
        "يوما": ("يوم", "يوما", "يومًا", "أيام", "يومين", "يومان"),
        "ساعة": ("ساعة", "ساعات", "ساعتين"),
        "عقدا": ("عقد", "عقدا", "عقود", "عقدين"),
        "قرنا": ("قرن", "قرنا", "قرون", "قرنين"),
    }.items()
    for w in forms
}
# Nouns before a date that the question word replaces with it: "في يوم 3 أغسطس" 'on the day of', "بتاريخ",
# "في شهر رجب" 'in the month of'.
_DAY_WORDS = frozenset(normalize(w) for w in ("يوم", "تاريخ", "بتاريخ", "شهر", "شهري"))
_WHEN = {"من": "متى", "في": "متى", "خلال": "متى", "منذ": "منذ متى", "حتى": "حتى متى", "بحلول": "متى", "مع": "متى"}


@dataclass(frozen=True)
class Context:
    """What every builder needs: the sentences, all facts, and the seed; facts indexed by sentence and type so
    that work per fact stays constant on long texts."""

    sentences: list[Sentence]
    facts: list[Fact]
    seed: int
    by_sentence: dict[int, list[Fact]] = field(default_factory=dict)
    by_type: dict[str, list[Fact]] = field(default_factory=dict)
    topic: str = ""  # what the article is about: the subject of its first definition of a thing

    def __post_init__(self) -> None:
        topic = next((f.subject for f in self.facts if f.type == "description" and f.detail == "thing"), "")
        if not topic and self.sentences:  # else the country or place the article opens with ("العراق ...")
            opening = [f for f in self.by_sentence_of(0) if f.type == "place" and f.start <= 2]
            topic = opening[0].answer if opening else ""
        object.__setattr__(self, "topic", topic)
        seen: set[str] = set()
        for fact in self.facts:
            self.by_sentence.setdefault(fact.sentence_index, []).append(fact)
            if fact.key not in seen:  # one fact per key: distractor pools stay small on repetitive texts
                seen.add(fact.key)
                self.by_type.setdefault(fact.type, []).append(fact)

    def by_sentence_of(self, index: int) -> list[Fact]:
        """Facts of the first active sentence at or after ``index`` (before the index is built)."""
        active = [f for f in self.facts if f.sentence_index >= index]
        first = min((f.sentence_index for f in active), default=-1)
        return [f for f in active if f.sentence_index == first]

    def in_sentence(self, index: int) -> list[Fact]:
        return self.by_sentence.get(index, [])

    def of_type(self, type_: str) -> list[Fact]:
        return self.by_type.get(type_, [])

    def sentence(self, fact: Fact) -> Sentence:
        return self.sentences[fact.sentence_index]


def evidence(sentence: Sentence, start: int, end: int) -> Evidence:
    return Evidence(sentence.text, sentence.index, sentence.span.start, start, end)


def token_range(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The tokens covering characters start..end of the sentence."""
    first = next(i for i, t in enumerate(sentence.tokens) if t.end > start)
    last = max(i for i, t in enumerate(sentence.tokens) if t.start < end) + 1
    return first, last


# Facts a question's clause may name: a person, place or organisation is context ("متى وقعت آيسلندا على ...؟");
# another number or date is a second answer the tail stops before.
_CONTEXT_TYPES = frozenset({"role", "person", "place", "org", "description"})


def _fact_tokens(ctx: Context, sentence: Sentence, exclude: Fact) -> set[int]:
    """The tokens of the sentence's other numeric and time facts, which a question's tail stops before."""
    tokens: set[int] = set()
    for fact in ctx.in_sentence(sentence.index):
        if fact is not exclude and fact.type not in _CONTEXT_TYPES:
            first, last = token_range(sentence, fact.start, fact.end)
            tokens.update(range(first, last))
    return tokens


def _prompt_score(built: Built, sentence: Sentence) -> float:
    score = 0.0 if built.fronted else -0.2
    if len(sentence.tokens) > 45:
        score -= 0.05
    return score


# Words that say nothing about what is asked: question words, pronouns and demonstratives, particles,
# كان and its sisters. A question made of these and verbs ("متى كان ذلك؟", "متى أصدرت؟") asks nothing.
_EMPTY_WORDS = frozenset(
    normalize(w)
    for w in (
        *("متى", "كم", "أين", "من", "ما", "ماذا", "أي", "هو", "هي", "هم", "ذلك", "تلك", "هذا", "هذه", "هؤلاء"),
        *("كان", "كانت", "كانوا", "يكون", "تكون", "قد", "لقد", "لا", "لم", "لن", "أن", "إن", "أنه", "أنها"),
        *("عدد", "أيضا", "كذلك", "ثم", "حيث", "التي", "الذي", "الذين", "عندما", "حينما", "بينما", "فيما"),
    )
)
# Words that carry a question without a verb: the copula pronouns and كان with its sisters.
_VERBLESS_OK = frozenset(
    normalize(w) for w in ("هو", "هي", "هم", "كان", "كانت", "كانوا", "يكون", "تكون", "أصبح", "أصبحت", "ليس", "ليست")
)
_GARBLED_EARLY = frozenset(normalize(w) for w in ("التي", "الذي", "الذين", "عندما", "حينما", "لما", "بينما", "أما"))


def prompt_penalty(prompt: str, *, template: bool = False) -> float:
    """How much a question's wording lowers its rank: a question with no noun of its own, a relative pronoun or
    subordinator left at its front (a clause cut in the wrong place), too many words for a learner."""
    words = prompt.rstrip("؟").split()
    norms = [normalize(w) for w in words]
    g = grammar()
    informative = 0
    for index, (word, norm) in enumerate(zip(words, norms, strict=True)):
        after_counter = index > 0 and norms[index - 1] in {"كم", "اي", "بكم", "باي"}
        if after_counter or norm in _EMPTY_WORDS or norm in g.prepositions or len(norm) < 2:
            continue
        if without_conjunction(word) != word and normalize(without_conjunction(word)) in _EMPTY_WORDS:
            continue
        if is_verb(word):
            continue
        informative += 1
    penalty = 0.0
    verbal = any(
        (
            morphology.can_be_verb(without_conjunction(w))
            and not n.startswith("ال")
            and (i == 1 or before not in g.prepositions)
        )
        or n.lstrip("و") in _VERBLESS_OK
        for i, (w, n, before) in enumerate(zip(words[1:], norms[1:], norms[:-1], strict=True), start=1)
    )  # a word that can be a verb is enough ("أسس" and "ولد" are also nouns), but not right after a preposition
    lead = next((i for i, n in enumerate(norms) if n not in _EMPTY_WORDS and n not in g.prepositions), len(norms))
    nominal = (
        lead + 1 < len(norms)
        and (norms[lead].startswith("ال") or is_name_word(words[lead]))
        and not norms[lead + 1].startswith("ال")
        and norms[lead + 1] not in g.prepositions
        and not is_name_word(words[lead + 1])
    )  # "منذ متى المغرب عضو في ...؟": a subject and its predicate, a clause without a verb
    if not verbal and not template and not nominal:
        penalty -= 0.15  # "متى المنظمة من أجل التنمية؟": no verb, no copula: a fragment, not a question
    content = [w for w, n in zip(words, norms, strict=True) if n not in _EMPTY_WORDS and n not in g.prepositions]
    clear_verb = any(is_verb(w) or is_verb(without_conjunction(w)) for w in words) or any(
        n.lstrip("و") in _VERBLESS_OK for n in norms
    )
    if content and not normalize(content[0]).startswith("ال") and morphology.can_be_verb(content[0]):
        clear_verb = True  # the word after the question word is read as its verb: "من أسس ...؟", "متى ولد ...؟"
    if not template and len(content) <= 3 and not clear_verb:
        penalty -= 0.2  # "متى ابتداءً من فاتح؟": a few words and nothing that clearly happens
    if informative == 0:
        penalty -= 0.35
    elif informative == 1:
        penalty -= 0.1
    standard = len(norms) > 1 and norms[0] in {"ما", "من"} and norms[1] in {"الذي", "التي"}  # "ما الذي يحد ...؟"
    garbled = [n for n in norms[1:4] if n in _GARBLED_EARLY or n.lstrip("و") in _GARBLED_EARLY]
    if garbled and not (standard and garbled == [norms[1]]):
        penalty -= 0.25
    if len(words) > 15:
        penalty -= 0.1
    if len(words) > 22:
        penalty -= 0.15
    return penalty


def _position_bonus(ctx: Context, sentence: Sentence) -> float:
    return 0.05 * (1 - sentence.index / max(1, len(ctx.sentences)))


def _leaks(prompt: str, answer: str, accepted: tuple[str, ...]) -> bool:
    """Whether the answer (or an accepted form) stands in its own prompt, after normalisation."""
    prompt_key = " " + match_key(prompt) + " "
    for form in (answer, *accepted):
        key = match_key(form)
        if key and len(key) >= 2 and " " + key + " " in prompt_key:
            return True
    return False


def _make(
    ctx: Context,
    fact: Fact,
    *,
    kind: str,
    prompt: str,
    answer: str,
    accepted: tuple[str, ...],
    ev: Evidence,
    score: float,
    answer_type: str,
    modes: tuple[str, ...] = ("choice", "typed"),
    fact_key: str | None = None,
    template: bool = False,
) -> list[Question]:
    """The question in each mode; choice only when three distractors exist; none when the answer leaks."""
    if not answer.strip() or normalize(answer) in _PRONOUNS:
        return []
    words = prompt.rstrip("؟").split()
    if not words:
        return []
    if kind != "cloze" and not 2 <= len(words) <= 40:
        return []  # "متى؟" asks nothing; a 40-word question is a paragraph
    if kind != "cloze" and normalize(words[-1]) in _DANGLING:
        return []  # "... هو؟", "... على يد؟": a clause cut in the wrong place
    if kind != "cloze" and len(words) > 2 and normalize(words[-1]) in _QUESTION_WORDS:
        return []  # "هو قائد الثورة أين؟": a statement with its question word at the end
    if _leaks(prompt, answer, accepted):
        return []
    key = fact_key or fact.key
    if kind != "cloze":
        # Prompts written from a template ("ما الاسم الآخر لـX؟", "من هو X؟") need no verb.
        score += prompt_penalty(prompt, template=template or answer_type in {"name", "description", "role"})
    questions = []
    for mode in modes:
        if mode == "choice":
            wrong = distractors.for_fact(fact, answer, ctx.of_type(fact.type), ctx.seed)
            if len(wrong) < 3:
                continue
            choices = distractors.shuffled_choices(answer, wrong, ctx.seed, key + ":" + kind)
            questions.append(Question(kind, "choice", prompt, answer, accepted, choices, ev, score, key, answer_type))
        else:
            questions.append(
                Question(
                    kind,
                    "typed",
                    prompt,
                    answer,
                    accepted,
                    (),
                    ev,
                    score * _MODE_SCORE["typed"],
                    key,
                    answer_type,
                )
            )
    return questions


# ----------------------------------------------------------------------------------------------------------
# Accepted forms


def _number_forms(fact: Fact) -> tuple[str, ...]:
    if fact.number is None:
        return ()
    n = fact.number
    forms = [str(n), str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))]
    if n < 10**12:
        feminine = normalize(fact.unit).endswith("ه")
        forms += [to_words(n, feminine=feminine), to_words(n, feminine=feminine, case="oblique")]
    if fact.qualifier:
        forms.append(f"{fact.qualifier} {n}")
    if fact.unit:
        forms.append(f"{n} {fact.unit}")
    return tuple(dict.fromkeys(f for f in forms if f != fact.text))


def _unit_name(unit: str) -> str:
    """The counted unit as a word: abbreviations written out (كم -> كيلومترا), else its accusative."""
    names = grammar().unit_names
    head, _, rest = unit.partition(" ")
    written = names.get(normalize(unit), "") or names.get(normalize(head), "") or _accusative(head)
    if rest and normalize(rest) in {"مربع", "مربعا"} and "مربع" not in written:
        written += " مربعا"  # square
    if rest and normalize(rest) in {"مكعب", "مكعبا"} and "مكعب" not in written:
        written += " مكعبا"  # cubic
    return written


def _accusative(unit: str) -> str:
    """The counted noun as كم wants it (singular accusative): مشارك -> مشاركا, دولة stays."""
    norm = normalize(unit)
    bare = strip_tashkeel(unit)
    if norm.endswith(("ا", "ه", "اء")) or bare.endswith(("ة", "ى")):
        return unit  # "دولة", "سماء", "مستشفى": the accusative adds no alif
    return unit + "ا"  # "مشارك" -> "مشاركا", "جزء" -> "جزءا", "جندي" -> "جنديا"


def _singular(plural: str) -> str:
    """The singular of a counted plural noun, from the lexicon's lemma ("مناطق" -> "منطقة", "محافظات" ->
    "محافظة", "أشهر" -> "شهر"); "" when the lexicon gives none."""
    readings = [r for r in morphology.analyse(plural) if r.pos == "NOUN" and not r.prefix]
    norm = normalize(plural)
    if norm.endswith("ات"):
        feminine = [r.lemma for r in readings if r.suffix == "ات" and r.lemma.endswith("ة")]
        same_stem = [lemma for lemma in feminine if normalize(lemma)[:-1] == norm[:-2]]
        masculine = [r.lemma for r in readings if r.suffix == "ات" and normalize(r.lemma) == norm[:-2]]
        return (same_stem or feminine or masculine or [""])[0]  # "كيانات" -> "كيان"
    broken = [r.lemma for r in readings if not r.suffix and normalize(r.lemma) != norm]
    return broken[0] if broken else ""


def _construct_complement(sentence: Sentence, index: int) -> list[str]:
    """The indefinite noun a counted noun governs ("براءة [اختراع]", "دولة [عضو]"), as a one-word list; []
    when the next word is no such noun."""
    k = index + 1
    if k >= len(sentence.tokens) or sentence.gap(index).strip():
        return []
    word, norm = sentence.tokens[k].text, sentence.norms[k]
    g = grammar()
    if norm.startswith("ال") or norm[:1] == "و" or norm in g.prepositions or norm in people_words().not_names:
        return []
    if is_verb(word) or find_numbers([word]) or not morphology.is_known(word):
        return []
    readings = morphology.analyse(word)
    if norm.endswith(("ي", "يه")) and any(r.pos == "ADJ" for r in readings):
        return []  # an adjective ("دولية"), asked as one
    if not all(r.pos == "NOUN" and not r.prefix for r in readings):
        return []
    return [word]


def _adjectives_after(sentence: Sentence, index: int) -> list[str]:
    """Up to three adjectives right after token ``index`` ("منظمة دولية وإقليمية")."""
    words = []
    g = grammar()
    for i in range(index + 1, min(len(sentence.tokens), index + 4)):
        if sentence.gap(i - 1).strip():
            break
        norm = (
            normalize(split_prefix(sentence.tokens[i].text).rest) if sentence.norms[i][:1] == "و" else sentence.norms[i]
        )
        if norm.startswith("ال") or norm in g.prepositions or is_verb(sentence.tokens[i].text):
            break
        if not (norm.endswith("يه") or norm.endswith("ي")) or len(norm) < 4 or norm in people_words().not_names:
            break  # "دولية", "عربي"; not "هي" 'she', "التي"
        words.append(sentence.tokens[i].text)
    after = index + 1 + len(words)
    governs = words and after < len(sentence.tokens) and not sentence.gap(after - 1).strip()
    if governs and sentence.norms[after].startswith("ال") and not is_verb(sentence.tokens[after].text):
        return []  # "مناطق ذاتية الحكم": the adjective governs a noun; the phrase is not asked by halves
    return words


# ----------------------------------------------------------------------------------------------------------
# Builders by fact type


_KANA = "كان"  # "was": what a verbless "when" question about a role needs ("متى كان رئيس وزراء تركيا؟")
_WHEN_WORDS = frozenset(normalize(w) for w in ("متى", "منذ", "حتى"))


def _with_kana(built: Built) -> Built:
    """A when-question with no verb whose content opens with an indefinite noun ("متى رئيس وزراء تركيا؟"): كان
    after the question word."""
    words = built.text.rstrip("؟").split()
    lead = 0
    while lead < len(words) and normalize(words[lead]) in _WHEN_WORDS:
        lead += 1
    content = words[lead:]
    if not content or normalize(content[0]).startswith("ال") or is_name_word(content[0]):
        return built
    if any(morphology.can_be_verb(without_conjunction(w)) or normalize(w) in _VERBLESS_OK for w in content):
        return built
    return Built(" ".join([*words[:lead], _KANA, *content]) + "؟", built.fronted)


def _attached_bi(sentence: Sentence, first: int, fact: Fact) -> bool:
    """Whether the fact's first word carries an attached ب that the answer leaves out ("بـ104", "بحوالي")."""
    attached = normalize(sentence.text[sentence.tokens[first].start : fact.start])
    return attached in {"ب", "وب"}


def _duration_marker(qualifier: str) -> str:
    """The words of a duration's qualifier that go into its question ("قبل" in "قبل 75 عاما" -> "قبل كم عاما";
    "لمدة" in "لمدة لا تقل عن 20 سنة"); a qualifier of the number itself ("حوالي", "بين") stays in the answer."""
    words = qualifier.split()
    norms = [normalize(w) for w in words]
    if norms and norms[0][:1] in "وف" and (norms[0][1:],) in {m[:1] for m in grammar().duration_markers}:
        words[0], norms[0] = words[0][1:], norms[0][1:]
    for marker in grammar().duration_markers:  # longest first
        if tuple(norms[: len(marker)]) == marker:
            return " ".join(words[: len(marker)])
    return ""


def _wh_questions(ctx: Context, fact: Fact) -> list[Question]:
    sentence = ctx.sentence(fact)
    first, last = token_range(sentence, fact.start, fact.end)
    others = _fact_tokens(ctx, sentence, fact)
    ev = evidence(sentence, fact.start, fact.end)
    base = _TYPE_SCORE.get(fact.type, 0.5) + _position_bonus(ctx, sentence)
    coordinated = sentence.norms[first][:1] == "و" and fact.text != sentence.tokens[first].text[: len(fact.text)]
    if fact.type in {"count", "percent", "amount"}:
        unit_index = last - 1
        if fact.type == "count":
            complement = _construct_complement(sentence, unit_index)
            if complement:  # "1093 براءة اختراع" -> "كم براءة اختراع"
                others = others | {unit_index + 1}
                last += 1
                unit_index += 1
            adjectives = _adjectives_after(sentence, unit_index)
            shown = adjectives
            plural = fact.number is not None and 3 <= fact.number <= 10 and not normalize(fact.unit).endswith("ا")
            if plural and _singular(fact.unit):
                noun = _accusative(_singular(fact.unit))  # "ثماني مناطق" -> "كم منطقة"
                if not normalize(noun).endswith("ه"):
                    shown = []  # "سبعة أقاليم اتحادية": a feminine adjective cannot follow "كم إقليما"
            elif plural:
                noun = "عدد " + ("ال" + fact.unit if not fact.unit.startswith("ال") else fact.unit)
            else:
                noun = _accusative(fact.unit)
            if noun.endswith("ا") and not fact.unit.endswith("ا"):  # "كم فردا عسكريا": the adjective agrees
                shown = [a + "ا" if normalize(a).endswith("ي") else a for a in shown]
            qword = " ".join(["كم", noun, *complement, *shown])
            if adjectives:
                others = others | set(range(last, last + len(adjectives)))
                last = last + len(adjectives)
            kind = "how_many"
        elif fact.type == "percent":
            qword, kind = "كم بالمئة", "how_many"  # "how many percent"; after a preposition: أي نسبة
        else:
            qword, kind = f"كم {_unit_name(fact.unit)}", "how_many"
        governed = fact.type != "percent" and _attached_bi(sentence, first, fact)
        if governed:
            qword = "ب" + qword  # "يقدر عدد السكان بحوالي 37 مليون نسمة" -> "بكم نسمة يقدر عدد السكان؟"
        built = build(
            sentence,
            first,
            last,
            qword,
            facts_tokens=others,
            coordinated=coordinated,
            construct_in_place=not governed,
            object_ok=False,
        )
        return _make(
            ctx,
            fact,
            kind=kind,
            prompt=built.text,
            answer=fact.text,
            accepted=_number_forms(fact),
            ev=ev,
            score=base + _prompt_score(built, sentence),
            answer_type=fact.type,
        )
    if fact.type == "duration":
        marker = _duration_marker(fact.qualifier)
        unit = _DURATION_SINGULAR.get(normalize(fact.unit), "") or _accusative(fact.unit)
        qword = f"{marker} كم {unit}".strip() if marker else f"كم {unit}"
        built = build(sentence, first, last, qword, facts_tokens=others, masdar_ok=True)
        return _make(
            ctx,
            fact,
            kind="how_many",
            prompt=built.text,
            answer=fact.text,
            accepted=_number_forms(fact),
            ev=ev,
            score=base + _prompt_score(built, sentence),
            answer_type="duration",
        )
    if fact.type in {"year", "date", "time", "century", "period"}:
        absorb = dict(_WHEN)
        qword = "متى"
        built = build(
            sentence,
            first,
            last,
            qword,
            absorb=absorb,
            drop_before=_DAY_WORDS,
            facts_tokens=others,
            masdar_ok=True,
        )
        built = _with_kana(built)
        accepted: tuple[str, ...] = ()
        if fact.number is not None:
            accepted = (str(fact.number), f"عام {fact.number}", f"سنة {fact.number}")
        return _make(
            ctx,
            fact,
            kind="when",
            prompt=built.text,
            answer=fact.text,
            accepted=tuple(a for a in accepted if a != fact.text),
            ev=ev,
            score=base + _prompt_score(built, sentence),
            answer_type="date" if fact.type != "time" else "time",
        )
    if fact.type == "weekday":
        qword = "في أي يوم"
        built = build(
            sentence,
            first,
            last,
            qword,
            absorb={"في": qword, "يوم": qword},
            drop_before=frozenset({"اليوم", "يوم", "مساء", "صباح", "ليله", "ظهر", "فجر"}),
            facts_tokens=others,
        )
        return _make(
            ctx,
            fact,
            kind="when",
            prompt=built.text,
            answer=fact.text,
            accepted=(f"يوم {fact.text}", f"اليوم {fact.text}"),
            ev=ev,
            score=base + _prompt_score(built, sentence),
            answer_type="weekday",
        )
    if fact.type == "place":
        places = grammar().place_prepositions
        before = sentence.norms[first - 1] if first else ""
        prefix = split_prefix(sentence.tokens[first].text).prefix if fact.start > sentence.tokens[first].start else ""
        if before in places or normalize(prefix) in {"ب", "في"}:
            qword = "أين"
        else:
            # Not the location of the event: asked as the subject of its verb, if it is one.
            return _which_questions(ctx, fact, first, last)
        built = build(sentence, first, last, qword, absorb=places, facts_tokens=others)
        accepted = _place_forms(fact)
        return _make(
            ctx,
            fact,
            kind="where",
            prompt=built.text,
            answer=fact.answer,
            accepted=accepted,
            ev=ev,
            score=base + _prompt_score(built, sentence),
            answer_type="place",
        )
    if fact.type == "org":
        return _which_questions(ctx, fact, first, last)
    return []


# "Which ..." nouns for a place or organisation that is the subject of a verb, by the verb's gender:
# country دولة/بلد, city مدينة, region منطقة/إقليم, organisation منظمة/تنظيم.
_WHICH_NOUN = {
    ("country", True): "دولة",
    ("country", False): "بلد",
    ("capital", True): "مدينة",
    ("capital", False): "مدينة",
    ("city", True): "مدينة",
    ("city", False): "مدينة",
    ("region", True): "منطقة",
    ("region", False): "إقليم",
    ("org", True): "منظمة",
    ("org", False): "تنظيم",
}


def _feminine_verb(word: str) -> bool:
    """Whether a verb agrees with a feminine subject: imperfect ت- ("تقع") or perfect -ت ("قدمت")."""
    bare = normalize(without_conjunction(word))
    return bare.startswith("ت") or bare.endswith("ت")


def _which_questions(ctx: Context, fact: Fact, first: int, last: int) -> list[Question]:
    """ "أي دولة قدمت مساعدات إلى السودان؟" for a place or organisation right after its verb."""
    sentence = ctx.sentence(fact)
    if first == 0 or "+" in fact.key:
        return []
    verb = without_conjunction(sentence.tokens[first - 1].text)
    if not is_verb(verb):
        return []  # only a clear verb: "مدنها", "قلب" read as verbs make nonsense
    noun = _WHICH_NOUN.get((fact.detail, _feminine_verb(verb)))
    if noun is None:
        return []
    segs = segments(sentence)
    seg_hi = next(hi for lo, hi in segs if lo <= last - 1 < hi)
    kept = tail(sentence, last, seg_hi, _fact_tokens(ctx, sentence, fact), longest=10, clause=True)
    if len(kept) < 2:
        return []  # "أي دولة تقع؟" asks nothing
    prompt = " ".join(["أي", noun, verb, *[sentence.tokens[i].text for i in kept]]).rstrip("،,.") + "؟"
    return _make(
        ctx,
        fact,
        kind="what",
        prompt=prompt,
        answer=fact.answer,
        accepted=_place_forms(fact)[:-1] if fact.type == "place" else (),
        ev=evidence(sentence, fact.start, fact.end),
        score=_TYPE_SCORE.get(fact.type, 0.5) - 0.2 + _position_bonus(ctx, sentence),
        answer_type=fact.type,
    )


def _place_forms(fact: Fact) -> tuple[str, ...]:
    names = fact.answer.split(" و")
    forms = []
    if len(names) == 2:
        forms.append(f"{names[1]} و{names[0]}")
    forms.append(f"في {fact.answer}")
    return tuple(forms)


def _mention_start(ctx: Context, sentence: Sentence, fact: Fact, first: int) -> int:
    """The first token of a person's mention: the role or honorific before the name."""
    for other in ctx.in_sentence(sentence.index):
        if other.type == "role" and other.subject == fact.answer:
            role_first, role_last = token_range(sentence, other.start, other.end)
            if role_last <= first and first - role_last <= 1:
                return role_first
    honorifics = people_words().honorifics
    while first > 0 and sentence.norms[first - 1] in honorifics:
        first -= 1
    return first


def _who_questions(ctx: Context, fact: Fact) -> list[Question]:
    """ "من + verb ...؟" when the person is the subject right after a verb."""
    sentence = ctx.sentence(fact)
    first, last = token_range(sentence, fact.start, fact.end)
    start = _mention_start(ctx, sentence, fact, first)
    if start == 0 or not _verb_before_subject(sentence, start - 1):
        return _who_in_clause(ctx, fact, start, last)
    verb_index = start - 1
    segs = segments(sentence)
    seg_hi = next(hi for lo, hi in segs if lo <= last - 1 < hi)
    tail_start = last
    others = _fact_tokens(ctx, sentence, fact)
    verb = sentence.tokens[verb_index].text
    if sentence.norms[verb_index][:1] in "وف" and is_verb(verb[1:]):
        verb = verb[1:]
    else:
        verb = without_conjunction(verb)
    kept = tail(sentence, tail_start, seg_hi, others, longest=14, clause=True)
    if not kept:
        for lo, hi in segs:
            if lo >= seg_hi:
                if sentence.norms[lo] in grammar().complementisers or sentence.norms[lo] in grammar().prepositions:
                    kept = tail(sentence, lo, hi, others, longest=14, clause=True)  # "قال X، إن ..."
                break
    antecedent = _object_antecedent(sentence, verb_index)
    if antecedent:
        # "إمارة حائل التي أسسها عبد الله بن رشيد" -> "من أسس إمارة حائل؟"
        verb = antecedent[0]
        kept = []
        words = ["من", verb, antecedent[1]]
    else:
        words = ["من", verb, *[sentence.tokens[i].text for i in kept]]
    if len(words) < 3:
        return []
    prompt = " ".join(words).rstrip("،,.") + "؟"
    ev = evidence(sentence, fact.start, fact.end)
    surname = fact.answer.split()[-1]
    accepted = tuple(dict.fromkeys(a for a in (surname, fact.text) if a != fact.answer))
    score = _TYPE_SCORE["person"] + _position_bonus(ctx, sentence) - (0.1 if len(words) > 20 else 0)
    return _make(
        ctx,
        fact,
        kind="who",
        prompt=prompt,
        answer=fact.answer,
        accepted=accepted,
        ev=ev,
        score=score,
        answer_type="person",
        fact_key=f"agent:{normalize(surname)}:{sentence.index}",
    )


_OBJECT_SUFFIXES = ("ها", "هم", "هما")  # the verb's object pronoun: her/it, them


def _object_antecedent(sentence: Sentence, verb_index: int) -> tuple[str, str] | None:
    """For a verb with an object pronoun after the noun it stands for ("إمارة حائل التي أسسها", "مملكة
    إسلامية أسسها"): the verb without the pronoun and that noun phrase; None otherwise."""
    verb = without_conjunction(sentence.tokens[verb_index].text)
    suffix = next((x for x in _OBJECT_SUFFIXES if normalize(verb).endswith(x)), "")
    if not suffix or verb_index == 0 or re.search(r"[،,.؛:()]", sentence.gap(verb_index - 1)):
        return None
    stem = verb[: len(verb) - len(suffix)] if verb.endswith(suffix) else ""
    if stem.endswith("ا") and morphology.can_be_verb(stem[:-1] + "ى"):
        stem = stem[:-1] + "ى"  # "بناها" -> "بنى": a final ى is written ا before a pronoun
    if len(normalize(stem)) < 2 or not morphology.can_be_verb(stem):
        return None
    end = verb_index
    if sentence.norms[end - 1] in grammar().relative_pronouns:
        end -= 1
    phrase: list[int] = []
    for i in range(end - 1, max(-1, end - 4), -1):
        if sentence.norms[i] in grammar().prepositions or is_verb(sentence.tokens[i].text):
            break
        if normalize(without_conjunction(sentence.tokens[i].text)) in _EMPTY_WORDS | people_words().not_names:
            break  # "وكان يقودها": كان is no noun the pronoun stands for
        if re.search(r"[،,.؛:()]", sentence.gap(i)):
            break
        phrase.insert(0, i)
        if sentence.norms[i].startswith(("ال", "وال")) is False and len(phrase) > 1:
            break  # the head of a construct ("إمارة الدرعية") starts the phrase
    if not phrase:
        return None
    words = [sentence.tokens[i].text for i in phrase]
    words[0] = without_conjunction(words[0])
    return stem, " ".join(words)


def _verb_before_subject(sentence: Sentence, index: int) -> bool:
    """Whether token ``index``, right before a person, is the verb whose subject the person is: a word read as
    a verb, or one that can be a verb and opens its clause ("وأسس محمد بن سعود")."""
    word = sentence.tokens[index].text
    if is_verb(word) or _object_antecedent(sentence, index) is not None:
        return True  # "إمارة حائل التي أسسها عبد الله بن رشيد": أسسها 'founded it' or أسس+ها 'its foundations'
    opens = index == 0 or bool(re.search(r"[،,.؛:]", sentence.gap(index - 1)))
    conjunction = without_conjunction(word) != word
    return (opens or conjunction) and morphology.can_be_verb(without_conjunction(word))


def _who_in_clause(ctx: Context, fact: Fact, start: int, last: int) -> list[Question]:
    """A person in another position ("... على يد إسحق إكانان"): the clause asked with من in its place."""
    sentence = ctx.sentence(fact)
    if start == 0 and last < len(sentence.tokens) and not is_verb(sentence.tokens[last].text):
        return []  # a sentence-initial name followed by no verb: a heading or a definition, asked elsewhere
    others = _fact_tokens(ctx, sentence, fact)
    built = build(sentence, start, last, "من", facts_tokens=others)
    if not built.fronted or not any(is_verb(w) for w in built.text.rstrip("؟").split()[1:]):
        return []  # a who-question needs a verb: "من ابن أبو زيد؟" asks nothing
    words = built.text.rstrip("؟").split()
    if len(words) > 2 and is_verb(words[1]) and is_name_word(words[2]) and words[2] not in fact.answer.split():
        return []  # "من انتقد خاشقجي ...؟" asks who criticised him as much as whom he criticised
    lo, hi = next((lo, hi) for lo, hi in segments(sentence) if lo <= start < hi)
    own = {sentence.tokens[i].text for i in range(lo, hi) if not start <= i < last}
    if not own & set(built.text.rstrip("؟").split()):
        return []  # asked from another clause ("أسسها X، واستمرت قائمة" -> "من استمرت قائمة؟"): not about X
    surname = fact.answer.split()[-1]
    accepted = tuple(dict.fromkeys(a for a in (surname, fact.text) if a != fact.answer))
    score = _TYPE_SCORE["person"] - 0.1 + _position_bonus(ctx, sentence) + _prompt_score(built, sentence)
    return _make(
        ctx,
        fact,
        kind="who",
        prompt=built.text,
        answer=fact.answer,
        accepted=accepted,
        ev=evidence(sentence, fact.start, fact.end),
        score=score,
        answer_type="person",
        fact_key=f"agent:{normalize(surname)}:{sentence.index}",
    )


def _role_questions(ctx: Context, fact: Fact) -> list[Question]:
    """ "من هو <role>؟" -> the name, and "من هو <name>؟" -> the role."""
    sentence = ctx.sentence(fact)
    person = next(
        (f for f in ctx.in_sentence(sentence.index) if f.type == "person" and f.answer == fact.subject),
        None,
    )
    if person is None:
        return []
    base = _TYPE_SCORE["role"] + _position_bonus(ctx, sentence)
    head = split_prefix(fact.answer.split()[0]).rest if fact.answer.split() else ""
    pronoun = "هي" if head.endswith("ة") else "هو"  # "وزيرة الصحة"; not "الشاه" (ه is no ة), "النحات"
    questions = _make(
        ctx,
        person,
        kind="who",
        prompt=f"من {pronoun} {fact.answer}؟",
        answer=person.answer,
        accepted=(person.answer.split()[-1],),
        ev=evidence(sentence, person.start, person.end),
        score=base + 0.02,
        answer_type="person",
        fact_key=fact.key,
    )
    questions += _make(
        ctx,
        fact,
        kind="who",
        prompt=f"من {pronoun} {person.answer}؟",
        answer=fact.answer,
        accepted=(),
        ev=evidence(sentence, fact.start, fact.end),
        score=base - 0.05,
        answer_type="role",
        fact_key=fact.key + ":reverse",
        modes=("choice", "typed"),
    )
    return questions


def _pronoun_for(subject: str, description: str, is_person: bool) -> str:
    """هو or هي for "من/ما هو X؟": a person's by the description (مغنية), a thing's by the subject
    (السرطان هو، فلسطين هي): a feminine ending, a plural in -ات, or a country or city (feminine)."""
    word = description if is_person else subject
    first = normalize(word.split()[0]) if word.split() else ""
    if first.endswith(("ه", "ات")):
        return "هي"
    if not is_person:
        words = normalize(subject).split()
        for key in (tuple(words), tuple(words[:1]), tuple(words[:2])):
            place = gazetteer().by_form.get(key)
            if place and place[0].type in {"country", "capital", "city"}:
                return "هي"
    return "هو"


_WHAT_CONSIDERED = "ماذا {verb} {subject}؟"  # what is X considered?
_CONSIDERED_SCORE = 0.65  # below the facts: "X is considered Y" is often a judgement, not what X is


_FURTHER_SCORE = 0.45  # a second description of the topic, after the facts and most blanks: its subject is asked
_DESCRIBED_ALSO = {"هو": "بماذا يوصف {subject} أيضًا؟", "هي": "بماذا توصف {subject} أيضًا؟"}  # what else is X?


def _description_questions(ctx: Context, fact: Fact) -> list[Question]:
    sentence = ctx.sentence(fact)
    if fact.detail == "further":
        pronoun = _pronoun_for(fact.subject, fact.answer, False)
        return _make(
            ctx,
            fact,
            kind="what",
            prompt=_DESCRIBED_ALSO.get(pronoun, _DESCRIBED_ALSO["هو"]).format(subject=fact.subject),
            answer=fact.answer,
            accepted=(),
            ev=evidence(sentence, fact.start, fact.end),
            score=_FURTHER_SCORE + _position_bonus(ctx, sentence),
            answer_type="description",
        )
    if fact.detail.startswith("considered:"):
        return _make(
            ctx,
            fact,
            kind="what",
            prompt=_WHAT_CONSIDERED.format(verb=fact.detail.removeprefix("considered:"), subject=fact.subject),
            answer=fact.answer,
            accepted=(),
            ev=evidence(sentence, fact.start, fact.end),
            score=_CONSIDERED_SCORE + _position_bonus(ctx, sentence),
            answer_type="description",
        )
    is_person = fact.detail == "person"
    pronoun = _pronoun_for(fact.subject, fact.answer, is_person)
    copula = normalize(sentence.text[: fact.start].split()[-1]) if sentence.text[: fact.start].split() else ""
    if copula in _PRONOUNS and copula in {"هو", "هي", "هم"}:
        pronoun = copula  # the text's own copula: "سلاطين الدولة هم مجموعة ..." -> "من هم ...؟"
    prompt = f"{'من' if is_person else 'ما'} {pronoun} {fact.subject}؟"
    return _make(
        ctx,
        fact,
        kind="who" if is_person else "what",
        prompt=prompt,
        answer=fact.answer,
        accepted=(),
        ev=evidence(sentence, fact.start, fact.end),
        score=_TYPE_SCORE["description"] + _position_bonus(ctx, sentence) + (0.05 if is_person else 0),
        answer_type="description",
    )


_WHY = "لماذا"  # why
_CAUSE_SCORE = 0.65  # a cause is seldom a short answer: below the facts


def _cause_questions(ctx: Context, fact: Fact) -> list[Question]:
    """ "توقف العمل بسبب نقص المواد" -> "لماذا توقف العمل؟", answered by the cause."""
    sentence = ctx.sentence(fact)
    first, last = token_range(sentence, fact.start, fact.end)
    segment_end = next(hi for lo, hi in segments(sentence) if lo <= first < hi)
    rest = set(range(last, segment_end))  # the clause after the cause is no part of the question
    absorb = {w: _WHY for w in ("بسبب", "بفضل")}
    built = build(sentence, first, last, _WHY, absorb=absorb, facts_tokens=_fact_tokens(ctx, sentence, fact) | rest)
    if not built.text or not built.fronted:
        return []
    return _make(
        ctx,
        fact,
        kind="what",
        prompt=built.text,
        answer=fact.answer,
        accepted=(),
        ev=evidence(sentence, fact.start, fact.end),
        score=_CAUSE_SCORE + _position_bonus(ctx, sentence),
        answer_type="cause",
    )


def _templated(
    ctx: Context, fact: Fact, *, kind: str, prompt: str, base_score: float, answer_type: str
) -> list[Question]:
    """A question written from a template (not from the sentence), answered by the fact's span of its sentence."""
    sentence = ctx.sentence(fact)
    return _make(
        ctx,
        fact,
        kind=kind,
        prompt=prompt,
        answer=fact.answer,
        accepted=(),
        ev=evidence(sentence, fact.start, fact.end),
        score=base_score + _position_bonus(ctx, sentence),
        answer_type=answer_type,
        template=True,
    )


_MEANING_OF = "ما معنى {subject}؟"  # what does X mean?


def _meaning_questions(ctx: Context, fact: Fact) -> list[Question]:
    """ "كلمة X تعني Y" -> "ما معنى كلمة X؟", answered by Y."""
    return _templated(
        ctx,
        fact,
        kind="what",
        prompt=_MEANING_OF.format(subject=fact.subject),
        base_score=_EXAMPLES_SCORE,
        answer_type="meaning",
    )


_EXAMPLES_OF = "ما أمثلة {subject} المذكورة في النص؟"  # what examples of N does the text give?
_EXAMPLES_SCORE = 0.45  # a list: after the facts and most blanks


def _definite(phrase: str) -> str:
    """``phrase`` with the article on each word, as the complement of a construct: "بلدان عربية" -> "البلدان
    العربية"."""
    return " ".join(w if normalize(w).startswith("ال") else "ال" + w for w in phrase.split())


def _examples_questions(ctx: Context, fact: Fact) -> list[Question]:
    """ "في بلدان مثل X وY" -> "ما أمثلة البلدان المذكورة في النص؟", answered by the list."""
    return _templated(
        ctx,
        fact,
        kind="what",
        prompt=_EXAMPLES_OF.format(subject=_definite(fact.subject)),
        base_score=_EXAMPLES_SCORE,
        answer_type="examples",
    )


_WHERE_LIES = "أين {verb} {subject}؟"  # where does X lie?


def _location_questions(ctx: Context, fact: Fact) -> list[Question]:
    """ "تقع X في Y" -> "أين تقع X؟", answered by Y."""
    return _templated(
        ctx,
        fact,
        kind="where",
        prompt=_WHERE_LIES.format(verb=fact.detail, subject=fact.subject),
        base_score=_TYPE_SCORE["location"],
        answer_type="location",
    )


# Questions about another name of X, by the kind of alias (detail of the fact) and X's gender.
_ALIAS_PROMPTS = {
    "known:m": "بماذا يُعرف {subject} أيضًا؟",  # what else is X known as?
    "known:f": "بماذا تُعرف {subject} أيضًا؟",
    "nick:m": "بماذا يُلقَّب {subject}؟",  # what is X nicknamed?
    "nick:f": "بماذا تُلقَّب {subject}؟",
    "called:m": "بماذا يُسمّى {subject} أيضًا؟",  # what else is X called?
    "called:f": "بماذا تُسمّى {subject} أيضًا؟",
    "other": "ما الاسم الآخر {of_subject}؟",  # what is X's other name?
    "official": "ما الاسم الرسمي {of_subject}؟",  # what is X's official name?
}
_IN_LANGUAGE = "ما اسم {subject} {language}؟"  # what is X called in <language>?


def _with_li(noun: str) -> str:
    """``noun`` after the preposition ل 'of/for', joined as Arabic writes it: لمصر، للحرب العالمية."""
    return "لل" + noun[2:] if noun.startswith("ال") else "ل" + noun


def _alias_questions(ctx: Context, fact: Fact) -> list[Question]:
    sentence = ctx.sentence(fact)
    subject = fact.subject.strip()
    if fact.detail.startswith("lang:"):
        prompt = _IN_LANGUAGE.format(subject=subject, language=fact.detail.removeprefix("lang:"))
        score = 0.55
    else:
        prompt = _ALIAS_PROMPTS[fact.detail].format(subject=subject, of_subject=_with_li(subject))
        score = 0.8
    return _make(
        ctx,
        fact,
        kind="what",
        prompt=prompt,
        answer=fact.answer,
        accepted=(),
        ev=evidence(sentence, fact.start, fact.end),
        score=score + _position_bonus(ctx, sentence),
        answer_type="name",
    )


_CLOZE_WORDS = 30


def _cloze_window(sentence: Sentence, fact: Fact) -> tuple[int, int]:
    """The part of a long sentence shown around a blank: whole clauses around the answer, about 30 words."""
    if len(sentence.tokens) <= _CLOZE_WORDS:
        return 0, len(sentence.text)
    first, last = token_range(sentence, fact.start, fact.end)
    segs = segments(sentence)
    index = next(i for i, (lo, hi) in enumerate(segs) if lo <= first < hi)
    lo, hi = segs[index]
    back, ahead = index, index
    while hi - lo < _CLOZE_WORDS // 2 and (back > 0 or ahead + 1 < len(segs)):
        if back > 0:
            back -= 1
            lo = segs[back][0]
        if hi - lo < _CLOZE_WORDS // 2 and ahead + 1 < len(segs):
            ahead += 1
            hi = segs[ahead][1]
    lo = max(lo, first - _CLOZE_WORDS // 2)
    hi = min(hi, last + _CLOZE_WORDS // 2)
    end = sentence.tokens[hi - 1].end
    if not sentence.text[end:].strip(" .!?؟\"'»”)"):
        end = len(sentence.text)  # only the closing punctuation is left: show it, with no "..."
    return sentence.tokens[lo].start, end


def _cloze(ctx: Context, fact: Fact) -> list[Question]:
    if fact.type in {"role", "description", "time"} or (fact.type == "org" and "+" in fact.key):
        return []  # an organisation alone makes a blank; a list of them does not
    sentence = ctx.sentence(fact)
    start, end = _cloze_window(sentence, fact)
    text = sentence.text[start : fact.start] + _BLANK + sentence.text[fact.end : end]
    text = ("... " if start else "") + text.strip() + (" ..." if end < len(sentence.text) else "")
    answer = sentence.text[fact.start : fact.end]
    accepted = _number_forms(fact) if fact.number is not None and fact.type != "year" else ()
    if fact.type == "year" and fact.number is not None:
        accepted = (str(fact.number),)
    score = _TYPE_SCORE.get(fact.type, 0.5) + _KIND_BONUS["cloze"] + _position_bonus(ctx, sentence)
    before = sentence.text[: fact.start].rstrip()[-1:]
    after = sentence.text[fact.end :].lstrip()[:1]
    if before in "،," and after in "،,":
        score -= 0.15  # one name of a list ("سلا، فاس، مراكش، ..."): a weak blank
    if fact.type == "person" and re.search(r"(?:^|\s)(?:بن|ابن)\s*$", sentence.text[: fact.start]):
        score -= 0.1  # a link in a long lineage ("يوسف بن [أيوب بن شاذي]"): a weaker blank
    return _make(
        ctx,
        fact,
        kind="cloze",
        prompt=f"{_FILL_IN} {text}",
        answer=answer,
        accepted=tuple(a for a in accepted if a != answer),
        ev=evidence(sentence, fact.start, fact.end),
        score=score,
        answer_type=fact.type,
        modes=("typed",),
        fact_key=fact.key,
    )


def _true_false(ctx: Context, fact: Fact) -> list[Question]:
    """The sentence as it stands, or with this fact swapped for a distractor; the seed decides which."""
    if fact.type in {"role", "description", "time"}:
        return []
    sentence = ctx.sentence(fact)
    if len(sentence.tokens) > 35 or not any(is_verb(t.text) for t in sentence.tokens):
        return []
    rng = distractors.rng_for(ctx.seed, "tf:" + fact.key)
    shown = sentence.text[fact.start : fact.end]
    # A swapped fact must not be one the sentence already states ("غرب البحر المتوسط على البحر المتوسط").
    stated = match_key(sentence.text)
    candidates = distractors.for_fact(fact, shown, ctx.of_type(fact.type), ctx.seed)
    wrong = [w for w in candidates if match_key(w) not in stated]
    truth = not wrong or rng.random() < 0.5
    statement = sentence.text if truth else sentence.text[: fact.start] + wrong[0] + sentence.text[fact.end :]
    lo = segments(sentence)[0][0]
    label = sentence.text[: sentence.text.find(":") + 1] if ":" in sentence.text[:30] else ""
    if label and len(label.split()) <= 3 and not any(ch.isdigit() for ch in label):
        lo = next((i for i, t in enumerate(sentence.tokens) if t.start >= len(label)), lo)  # "من الأرشيف: ..."
    statement = statement[sentence.tokens[lo].start :]
    body = statement
    if sentence.norms[0] in grammar().openers:
        body = statement[sentence.tokens[1].start - sentence.tokens[lo].start :] if len(sentence.tokens) > 1 else body
    elif without_conjunction(sentence.tokens[0].text) != sentence.tokens[0].text:
        body = body[1:]
    prompt = f"{_TRUE_OR_FALSE} {body.rstrip('.')}"
    score = _TYPE_SCORE.get(fact.type, 0.5) * _MODE_SCORE["true_false"] + _position_bonus(ctx, sentence)
    if not wrong:
        score -= 0.15  # nothing could be swapped: the statement can only be true, a weak question
    return [
        Question(
            "true_false",
            "true_false",
            prompt,
            TRUE if truth else FALSE,
            (),
            (TRUE, FALSE),
            evidence(sentence, fact.start, fact.end),
            score,
            fact.key if not truth else f"sentence:{sentence.index}",
            fact.type,
        )
    ]


def _matching(ctx: Context) -> list[Question]:
    """Numbers to what they count, and people to their roles, when the article has enough of them."""
    questions = []
    counts = [f for f in ctx.of_type("count") if f.number is not None]
    pairs: list[tuple[str, str]] = []
    seen_left: set[str] = set()
    seen_right: set[str] = set()
    for fact in counts:
        sentence = ctx.sentence(fact)
        _, last = token_range(sentence, fact.start, fact.end)
        right = " ".join([fact.unit, *_adjectives_after(sentence, last - 1)])
        left = fact.text[: len(fact.text) - len(fact.unit)].strip()  # "أكثر من 1000", "مليون" as written
        if match_key(left) in seen_left or match_key(right) in seen_right:
            continue
        seen_left.add(match_key(left))
        seen_right.add(match_key(right))
        pairs.append((left, right))
    if len(pairs) >= 3:
        questions.append(_matching_question(ctx, _MATCH_COUNTS, tuple(pairs[:5]), counts[0], "counts", "count"))
    roles = {}
    for fact in ctx.of_type("role"):
        if fact.subject not in roles:
            roles[fact.subject] = fact
    if len(roles) >= 3:
        role_pairs = tuple((name, fact.answer) for name, fact in list(roles.items())[:5])
        first = next(iter(roles.values()))
        questions.append(_matching_question(ctx, _MATCH_ROLES, role_pairs, first, "roles", "person"))
    return questions


def _matching_question(
    ctx: Context, prompt: str, pairs: tuple[tuple[str, str], ...], first: Fact, what: str, answer_type: str
) -> Question:
    """Matching ``pairs`` (``what``: counts or roles), the right side shuffled by the seed; evidence ``first``'s."""
    key = f"matching:{what}"
    fact_type = {"counts": "count", "roles": "role"}[what]
    rights = [right for _, right in pairs]
    distractors.rng_for(ctx.seed, key).shuffle(rights)
    return Question(
        "matching",
        "matching",
        prompt,
        "؛ ".join(f"{left} ← {right}" for left, right in pairs),
        (),
        tuple(rights),
        evidence(ctx.sentence(first), first.start, first.end),
        _TYPE_SCORE[fact_type] * _MODE_SCORE["matching"],
        key,
        answer_type,
        pairs,
    )


def _bio_subject(ctx: Context, sentence: Sentence) -> str:
    """The person a sentence opens with, before a parenthesis: "ماري كوري (7 نوفمبر 1867 - ...)"."""
    open_at = sentence.text.find("(")
    if open_at <= 0:
        return ""
    for fact in ctx.in_sentence(sentence.index):
        if fact.type == "description" and fact.detail == "person" and sentence.text.startswith(fact.subject):
            return fact.subject
        opens = fact.start <= 2 or sentence.text[: fact.start].count(" ") <= 3  # or after a title: "الملك الناصر X"
        if fact.type == "person" and opens and not sentence.text[fact.end : open_at].strip():
            return sentence.text[fact.start : fact.end]
    head = sentence.text[:open_at].strip()
    words = head.split()
    name_like = sum(1 for w in words if is_name_word(w) or _is_surname_like(w))
    if 2 <= len(words) <= 8 and is_name_word(words[0]) and name_like * 3 >= len(words) * 2:
        return head
    return ""


def _is_surname_like(word: str) -> bool:
    norm = normalize(word)
    return norm.startswith("ال") and norm.endswith("ي")


def _bio_questions(ctx: Context, fact: Fact) -> list[Question]:
    """A date or place inside "X (birth date، birthplace - death date)": when/where was X born,
    when did X die."""
    sentence = ctx.sentence(fact)
    subject = _bio_subject(ctx, sentence)
    if not subject:
        return []
    open_at = sentence.text.rfind("(", 0, fact.start)
    close_at = sentence.text.find(")", fact.end)
    first_open = sentence.text.find("(")
    if not (0 < first_open <= open_at < fact.start and fact.end <= close_at) or open_at - first_open > 80:
        return []
    if ")" in sentence.text[open_at : fact.start]:
        return []
    if "/" in sentence.text[fact.end : close_at]:
        return []  # "(532 - 589 هـ / 1138 - 1193 م)": the Gregorian years after the slash are asked, once
    before = normalize(sentence.text[open_at : fact.start]).split("/")[-1]
    after_dash = bool(re.search(r"\s?[-–]\s?", before)) or bool(re.search(r"وفاه|توفي", before))
    if re.search(r"ميلاد|مواليد|ولد", before.split("وفاه")[-1]) and not re.search(r"\s[-–]\s", before):
        after_dash = False
    ev = evidence(sentence, fact.start, fact.end)
    base = _TYPE_SCORE.get(fact.type, 0.5) + _position_bonus(ctx, sentence) + 0.05
    described = next(
        (f.answer for f in ctx.in_sentence(sentence.index) if f.type == "description" and f.subject == subject), ""
    )
    feminine = strip_tashkeel(described.split()[0]).endswith("ة") if described.split() else False
    born = "ولدت" if feminine else "ولد"  # she / he was born ("عالمة فيزياء" tells a woman)
    if fact.type in {"date", "year"}:
        verb = ("توفيت" if feminine else "توفي") if after_dash else born  # died / was born
        accepted = (str(fact.number),) if fact.number else ()
        return _make(
            ctx,
            fact,
            kind="when",
            prompt=f"متى {verb} {subject}؟",
            answer=fact.text,
            accepted=accepted,
            ev=ev,
            score=base,
            answer_type="date",
        )
    if fact.type == "place" and not after_dash:
        return _make(
            ctx,
            fact,
            kind="where",
            prompt=f"أين {born} {subject}؟",
            answer=fact.answer,
            accepted=_place_forms(fact),
            ev=ev,
            score=base,
            answer_type="place",
        )
    return []


# Verbs of bordering with an object pronoun ("يحدها" 'borders it'), directions as nouns and as adverbs.
_BORDERS = frozenset(normalize(w) for w in ("يحدها", "تحدها", "يحده", "تحده", "ويحدها", "وتحدها", "ويحده", "فيحدها"))
_DIRECTIONS = {
    normalize(w): w
    for w in (
        *("الشمال", "الجنوب", "الشرق", "الغرب"),
        *("الشمال الشرقي", "الشمال الغربي", "الجنوب الشرقي", "الجنوب الغربي"),
    )
}
_DIRECTION_ADVERBS = {
    normalize(a): n for a, n in (("شمالا", "الشمال"), ("جنوبا", "الجنوب"), ("شرقا", "الشرق"), ("غربا", "الغرب"))
}
_WHAT_BORDERS = "ما الذي يحد {subject} من {direction}؟"  # what borders X on the <direction>?


def _direction_near(sentence: Sentence, first: int, last: int) -> str:
    """The direction a bordering place is given in its comma segment: "من الشمال X", "X من الشمال", "شمالا X"."""
    lo, hi = next((lo, hi) for lo, hi in segments(sentence) if lo <= first < hi)
    best = ""
    for i in range(lo, hi):
        if first <= i < last:
            continue
        two = " ".join(sentence.norms[i : i + 2])
        norm = sentence.norms[i].removeprefix("و")
        if two in _DIRECTIONS and (i == 0 or sentence.norms[i - 1] in {"من", "في", "جهه"}):
            best = _DIRECTIONS[two]
        elif norm in _DIRECTIONS and (i == 0 or sentence.norms[i - 1].removeprefix("و") in {"من", "في", "جهه"}):
            best = best or _DIRECTIONS[norm]
        elif norm in _DIRECTION_ADVERBS:
            best = best or _DIRECTION_ADVERBS[norm]
    return best


def _border_questions(ctx: Context, fact: Fact) -> list[Question]:
    """ "يحدها من الشمال تركيا" -> "ما الذي يحد العراق من الشمال؟": the place and the direction it borders the
    article's subject on."""
    sentence = ctx.sentence(fact)
    first, last = token_range(sentence, fact.start, fact.end)
    verb = next((i for i, norm in enumerate(sentence.norms) if norm in _BORDERS), -1)
    if verb < 0 or first < verb:
        return []
    subject = next(
        (
            f.answer
            for f in ctx.in_sentence(sentence.index)
            if f.type == "place" and f.end <= sentence.tokens[verb].start
        ),
        "",
    )
    subject = subject or ctx.topic
    direction = _direction_near(sentence, first, last)
    if not subject or not direction or normalize(subject) in normalize(fact.answer):
        return []
    return _make(
        ctx,
        fact,
        kind="what",
        prompt=_WHAT_BORDERS.format(subject=subject, direction=direction),
        answer=fact.answer,
        accepted=_place_forms(fact),
        ev=evidence(sentence, fact.start, fact.end),
        score=_TYPE_SCORE["place"] + 0.05 + _position_bonus(ctx, sentence),
        answer_type="place",
        template=True,
    )


# "عاصمتها X" 'its capital', "أكبر مدنها X" 'its largest city': what the place is to the article's subject.
_POSSESSED_PLACES = {
    ("عاصمتها",): "ما عاصمة {subject}؟",  # what is the capital of X?
    ("عاصمته",): "ما عاصمة {subject}؟",
    ("اكبر", "مدنها"): "ما أكبر مدن {subject}؟",  # what is the largest city of X?
    ("اكبر", "مدنه"): "ما أكبر مدن {subject}؟",
}
_BEFORE_NAME = frozenset(normalize(w) for w in ("هي", "هو", "الرسمية", "مدينة", "السياسية"))  # is, official, city


def _capital_questions(ctx: Context, fact: Fact) -> list[Question]:
    """ "وعاصمتها الرباط" -> "ما عاصمة المغرب؟" about the place the sentence or the article is about."""
    sentence = ctx.sentence(fact)
    first, _last = token_range(sentence, fact.start, fact.end)
    k = first
    while k > 0 and sentence.norms[k - 1] in _BEFORE_NAME:
        k -= 1
    template = ""
    for key, prompt in _POSSESSED_PLACES.items():
        if k - len(key) < 0:
            continue
        words = [
            sentence.norms[i].removeprefix("و") if i == k - len(key) else sentence.norms[i]
            for i in range(k - len(key), k)
        ]
        if tuple(words) == key:
            template = prompt
            break
    if not template:
        return []
    earlier = [
        f for f in ctx.in_sentence(sentence.index) if f.type == "place" and f.end <= fact.start and f is not fact
    ]
    subject = earlier[0].answer if earlier and earlier[0].start <= 2 else ctx.topic
    if not subject or normalize(subject) == normalize(fact.answer):
        return []
    return _make(
        ctx,
        fact,
        kind="what",
        prompt=template.format(subject=subject),
        answer=fact.answer,
        accepted=_place_forms(fact),
        ev=evidence(sentence, fact.start, fact.end),
        score=_TYPE_SCORE["place"] + 0.1 + _position_bonus(ctx, sentence),
        answer_type="place",
        template=True,
    )


def _inside_period(ctx: Context, fact: Fact) -> bool:
    return fact.type in {"year", "date", "century"} and any(
        p.type == "period" and p.start <= fact.start and fact.end <= p.end for p in ctx.in_sentence(fact.sentence_index)
    )


def all_questions(ctx: Context) -> list[Question]:
    """Every question the facts allow (over-generation: ranking picks)."""
    questions: list[Question] = []
    for fact in ctx.facts:
        if _inside_period(ctx, fact):
            questions += _bio_questions(ctx, fact) if fact.type in {"date", "year"} else []
            questions += _cloze(ctx, fact)
            continue
        if fact.type == "person":
            questions += _who_questions(ctx, fact)
        elif fact.type == "role":
            questions += _role_questions(ctx, fact)
        elif fact.type == "description":
            questions += _description_questions(ctx, fact)
        elif fact.type == "meaning":
            questions += _meaning_questions(ctx, fact)
            continue  # a gloss: no blank, no statement
        elif fact.type == "examples":
            questions += _examples_questions(ctx, fact)
            continue  # a list: no blank, no statement
        elif fact.type == "cause":
            questions += _cause_questions(ctx, fact)
            continue  # a phrase, too long for a blank or a statement to judge
        elif fact.type == "location":
            questions += _location_questions(ctx, fact)
            continue  # a phrase, too long for a blank or a statement to judge
        elif fact.type == "alias":
            questions += _alias_questions(ctx, fact)
            continue  # no cloze of a name in another script, no true/false about a name
        else:
            bio = _bio_questions(ctx, fact) if fact.type in {"date", "year", "place"} else []
            border = (
                _border_questions(ctx, fact) or _capital_questions(ctx, fact)
                if fact.type == "place" and not bio
                else []
            )
            questions += bio or border or _wh_questions(ctx, fact)
        questions += _cloze(ctx, fact)
        questions += _true_false(ctx, fact)
    questions += _coordinated_times(ctx, questions)
    questions += _matching(ctx)
    return questions


# "عضو في [الأمم المتحدة] منذ 1956 و[جامعة الدول العربية] منذ 1958": a conjunct with its own time after the same
# preposition; the first conjunct's question is asked again about each later one.
_CONJUNCT_TIME = re.compile(
    r"^\s*[،,]?\s*و(?P<noun>[^\s،,.؛:()]+(?:\s+[^\s،,.؛:()]+){0,5}?)\s+(?P<prep>منذ|في|عام|سنة)\s*$"
)


def _coordinated_times(ctx: Context, questions: list[Question]) -> list[Question]:
    models = {q.fact_key: (q, "") for q in questions if q.kind == "when" and q.mode == "choice"}
    result: list[Question] = []
    for index in sorted({f.sentence_index for f in ctx.facts}):
        sentence = ctx.sentences[index]
        times = [f for f in ctx.in_sentence(index) if f.type in {"year", "date"}]
        for first, later in itertools.pairwise(times):
            link = _CONJUNCT_TIME.match(sentence.text[first.end : later.start])
            if not link or first.key not in models:
                continue
            model, noun = models[first.key]
            before = sentence.text[: first.start].rstrip()
            if not before.endswith(link.group("prep")):
                continue
            if not noun:  # the first conjunct: its noun runs back to the preposition before it
                words = before[: -len(link.group("prep"))].split()
                cut = max((i for i, w in enumerate(words) if normalize(w) in grammar().prepositions), default=-1)
                noun = " ".join(words[cut + 1 :])
            if not noun or f" {noun}" not in model.prompt:
                continue
            prompt = model.prompt.replace(f" {noun}", " " + link.group("noun").strip(), 1)
            result += _make(
                ctx,
                later,
                kind="when",
                prompt=prompt,
                answer=later.text,
                accepted=(str(later.number),) if later.number else (),
                ev=evidence(sentence, later.start, later.end),
                score=model.score - 0.05 - prompt_penalty(prompt),  # _make adds the penalty again
                answer_type="date",
            )
            models[later.key] = (model, noun)
    return result
