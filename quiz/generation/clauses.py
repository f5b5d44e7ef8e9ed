"""Turning a sentence into a question: find the clause around the answer and move the question word
to the front.

The technique: take the comma-delimited segment that holds the answer; if it has no verb, borrow the nearest
segment that has one (skipping asides such as "، وهو الأول من نوعه،"); drop a reporting frame ("وأكد X أن")
and sentence openers (و، وقد، كما); fold the preposition before the answer into the question word (في + date
-> متى); put the verb first (SV -> VS); keep a short tail of the clause after the answer, cut before other
numbers and coordinated items. When no verb is found the question is asked in place ("... في أي يوم؟").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.arabic import morphology
from quiz.arabic.lexicon import date_words, people_words
from quiz.arabic.normalize import normalize
from quiz.arabic.numbers import find_numbers
from quiz.arabic.tokens import split_prefix
from quiz.generation.extract import Sentence
from quiz.generation.grammar import grammar, is_name_word, is_verb, without_conjunction

_BOUNDARY = re.compile(r"[،,؛;:()\"«»“”\[\]—–]|\s-\s")
_MAX_TAIL = 8
# Words that open a new clause inside a sentence: "فيما" 'while', "بينما" 'whereas', "حيث" 'where'.
_CLAUSE_OPENERS = frozenset({"فيما", "بينما", "حيث", "كما", "لكن", "ولكن"})
# Words that open an adverbial clause a question's tail stops before: when, as, after, which is why, because.
# "but it/he/they" (لكنها، لكنه، لكنهم): an opener with the subject as a pronoun, dropped like لكن.
_BUT_IT = frozenset(normalize(w) for w in ("لكنها", "لكنه", "لكنهم", "إلا أنها", "إلا أنه"))
_UNTIL = normalize("حتى")  # until: before a verb it opens a clause
_SUBORDINATORS = frozenset(
    normalize(w) for w in ("عندما", "حينما", "لما", "بعدما", "مما", "لأن", "كي", "لكي", "حيث", "فيما", "بينما", "إذ")
)
_WAS = "كان"  # "was": the copula a verbless clause is asked with ("قبل كم عاما كان إنشاء ...؟")
# Adverbs that only stand with a following من ("as of", "starting from").
_NEEDS_MIN = frozenset({"اعتبارا", "ابتداء", "بدءا", "انطلاقا"})
# Pronouns used as a copula ("X هي دولة"): a clause holding one is not reordered.
_COPULAS = frozenset({"هو", "هي", "هم", "هما"})
# Two-word phrases naming an agent ("على يد" 'at the hands of', "من قبل" 'by'), fronted whole with من.
_AGENT_PHRASES = frozenset({("علي", "يد"), ("من", "قبل"), ("علي", "ايدي")})
_MAX_CONTEXT = 14


@dataclass(frozen=True, slots=True)
class Built:
    """A question text and whether it was built by fronting (natural) or asked in place (a fallback)."""

    text: str
    fronted: bool


def segments(sentence: Sentence) -> list[tuple[int, int]]:
    """Token ranges between commas, colons, brackets and quotes."""
    result = []
    lo = 0
    for i in range(len(sentence.tokens)):
        if i + 1 == len(sentence.tokens) or _BOUNDARY.search(sentence.gap(i)):
            result.append((lo, i + 1))
            lo = i + 1
    return result


def _segment_of(segs: list[tuple[int, int]], token: int) -> int:
    for index, (lo, hi) in enumerate(segs):
        if lo <= token < hi:
            return index
    return len(segs) - 1


def _words(sentence: Sentence, indices: list[int]) -> list[str]:
    """The tokens' text, each with a percent sign that follows it ("15.2%")."""
    words = []
    for i in indices:
        text = sentence.tokens[i].text
        gap = sentence.gap(i).lstrip()
        if gap[:1] in {"%", "٪"}:
            text += gap[0]
        words.append(text)
    return words


def _strip_opener(sentence: Sentence, indices: list[int]) -> tuple[list[int], str]:
    """Drop openers (و، وقد، كما ...) from the front; return the indices and the first word's new text."""
    g = grammar()
    first_text = ""
    while indices and (
        sentence.norms[indices[0]].removeprefix("و") in _BUT_IT
        or sentence.norms[indices[0]] in g.openers
        or (sentence.norms[indices[0]][:1] in "وف" and sentence.norms[indices[0]][1:] in g.openers)
        or (sentence.norms[indices[0]].lstrip("وف") in _SUBORDINATORS and len(indices) > 2)
    ):
        indices = indices[1:]  # "وعندما ضم العثمانيون ...": the clause without its subordinator
    if indices:
        word = sentence.tokens[indices[0]].text
        norm = sentence.norms[indices[0]]
        if norm[:1] in "وف" and len(norm) > 2 and without_conjunction(word) != word:
            rest = word[1:]
            if is_verb(rest) or normalize(rest) in g.prepositions or normalize(rest) in g.relative_pronouns:
                first_text = rest
            elif not is_name_word(word):
                first_text = without_conjunction(word)
    return indices, first_text


# A preposition before من/ما joins it in writing: من + من = ممن, عن + من = عمن, في + ما = فيما.
_CONTRACTIONS = {
    ("من", "من"): "ممن",
    ("عن", "من"): "عمن",
    ("من", "ما"): "مما",
    ("عن", "ما"): "عما",
    ("في", "ما"): "فيما",
}


def contract(preposition: str, qword: str) -> str:
    """``preposition`` fronted before ``qword``, joined where Arabic joins them."""
    head, _, rest = qword.partition(" ")
    joined = _CONTRACTIONS.get((normalize(preposition), head))
    if joined:
        return f"{joined} {rest}".strip()
    return f"{preposition} {qword}"


def _render(sentence: Sentence, indices: list[int], first_text: str = "") -> list[str]:
    words = _words(sentence, indices)
    if words and first_text:
        words[0] = first_text
    return words


def _after_frame(sentence: Sentence, lo: int, answer: int) -> int:
    """If a reporting frame ("وأكد X أن") precedes the answer in its sentence, the index after أن/إن."""
    g = grammar()
    frames = g.reporting_verbs | g.frame_words
    for i in range(lo + 1, answer - 1):
        if sentence.norms[i] == "ان" and sentence.norms[i - 1] in g.prepositions:
            return i + 1  # "على أن تفتتح الدورة الجديدة في [2030]": the clause after أن
    for i in range(lo, min(answer, lo + 10)):
        if sentence.norms[i] in {"ان", "بان"} and any(
            normalize(split_prefix(sentence.tokens[j].text).rest) in frames or sentence.norms[j] in frames
            for j in range(lo, i)
        ):
            return i + 1
    return lo


def _is_number(sentence: Sentence, i: int) -> bool:
    found = find_numbers([sentence.tokens[i].text])
    return bool(found) and (not found[0].words or found[0].value > 2)


def tail(
    sentence: Sentence,
    start: int,
    stop: int,
    facts_tokens: set[int],
    *,
    longest: int = _MAX_TAIL,
    clause: bool = False,
) -> list[int]:
    """Tokens from ``start`` to ``stop`` kept after the answer: cut before numbers, other facts, a coordinated
    item ("وأماكن أخرى"), a relative clause. ``clause``: the tail is a whole complement clause ("أن ..."), so
    relative clauses stay and only a new coordinated clause ends it."""
    g = grammar()
    kept: list[int] = []
    cut_by_fact = False
    for i in range(start, stop):
        norm = sentence.norms[i]
        if i in facts_tokens or _is_number(sentence, i):
            cut_by_fact = True
            break
        word = sentence.tokens[i].text
        if norm[:1] == "و" and len(norm) > 2 and (without_conjunction(word) != word or not morphology.is_known(word)):
            rest = norm[1:]
            verb = is_verb(word[1:])
            if clause and (rest in g.relative_pronouns or not verb):
                pass  # inside a complement clause, "و" joins nouns ("ارتفاع الأسعار وتراجع النفط")
            elif not clause or len(kept) >= 2:
                break
        if norm in g.relative_pronouns and len(kept) >= 3 and not clause:
            break
        if norm in _SUBORDINATORS and not clause:
            break  # "... عندما استقل ...": an adverbial clause of its own
        kept.append(i)
        if len(kept) >= longest:
            # An adjective stays with its noun ("مع الاتحاد | الأوروبي").
            while kept[-1] + 1 < stop and len(kept) < longest + 2 and _adjective_of(sentence, kept[-1] + 1):
                kept.append(kept[-1] + 1)
            if kept[-1] + 1 < stop:
                # Cut by length: an adjunct left unfinished goes whole ("... باجتياح الكويت [بعد مفاوضات
                # فاشلة استمرت]"), and so does a construct ("بعد وفاة | أخيه").
                preps = [p for p in range(3, len(kept)) if sentence.norms[kept[p]] in g.prepositions]
                if preps and not _adjective_of(sentence, kept[-1] + 1):
                    kept = kept[: preps[-1]]
                else:
                    cut_by_fact = _construct_head(sentence, kept[-1])
            break
    if cut_by_fact:
        # "في الدقيقة [23]", "في ملعب [مراكش]": a phrase cut by another fact goes whole.
        for back in range(len(kept) - 1, max(-1, len(kept) - 4), -1):
            if sentence.norms[kept[back]] in g.prepositions:
                kept = kept[:back]
                break
        while kept and sentence.norms[kept[-1]] in _NEEDS_MIN:
            kept.pop()  # "اعتبارًا [من عام 2012]": an adverb that needs its من
        last = sentence.tokens[kept[-1]].text if kept else ""
        verb_before = any(is_verb(sentence.tokens[k].text) for k in range(max(0, start - 8), start))
        if (len(kept) > 1 or verb_before) and is_verb(without_conjunction(last)):
            kept.pop()  # "ويقوم [على حراستها ...]", "تعود [لآلاف السنين]": a verb left without its complement
    while kept and (sentence.norms[kept[-1]] in g.prepositions or sentence.norms[kept[-1]] in g.openers):
        kept.pop()
    return kept


def _construct_head(sentence: Sentence, i: int) -> bool:
    """Whether token ``i`` looks like the head of a construct whose complement follows ("وفاة أخيه"): a noun
    without the article, followed by a word that is no preposition, conjunction or verb."""
    if i + 1 >= len(sentence.tokens) or sentence.gap(i).strip():
        return False
    norm, following = sentence.norms[i], sentence.norms[i + 1]
    if norm.startswith("ال") or is_verb(sentence.tokens[i].text) or norm in grammar().prepositions:
        return False
    return following not in grammar().prepositions and following[:1] != "و" and not is_verb(sentence.tokens[i + 1].text)


def _adjective_of(sentence: Sentence, i: int) -> bool:
    """Whether token ``i`` is a relational adjective with the article right after a definite noun ("الاتحاد
    الأوروبي", "الحرب العالمية")."""
    norm, before = sentence.norms[i], sentence.norms[i - 1]
    return (
        not sentence.gap(i - 1).strip()
        and before.startswith("ال")
        and norm.startswith("ال")
        and norm.endswith(("ي", "يه", "يين", "يون"))
        and not is_verb(sentence.tokens[i].text)
    )


def _is_aside(sentence: Sentence, lo: int) -> bool:
    g = grammar()
    return sentence.norms[lo] in g.parenthetical_openers or sentence.norms[lo] in g.relative_pronouns


# كان 'was' and its sisters (أصبح 'became', ظل 'remained', صار, بات): verbs that head a clause, which the
# lexicon-based test leaves out because كان is also listed among the words that are never names.
_AUXILIARIES = frozenset(
    normalize(w)
    for w in (
        *("كان", "كانت", "كانوا", "يكون", "تكون", "يكونون", "أصبح", "أصبحت", "أصبحوا", "يصبح", "تصبح"),
        *("ظل", "ظلت", "ظلوا", "يظل", "تظل", "صار", "صارت", "بات", "باتت", "ليس", "ليست"),
    )
)


def _is_auxiliary(sentence: Sentence, i: int) -> bool:
    norm = sentence.norms[i]
    return norm in _AUXILIARIES or (norm[:1] in "وف" and norm[1:] in _AUXILIARIES)


def _has_verb(sentence: Sentence, indices: list[int]) -> int:
    """The position in ``indices`` of the main verb (the first one not inside a relative clause), or -1."""
    relatives = grammar().relative_pronouns
    in_relative = False
    skip_next = False
    first_any = -1
    for pos, i in enumerate(indices):
        if sentence.norms[i].lstrip("و") in relatives:
            in_relative = True
            continue
        if is_verb(sentence.tokens[i].text) or _is_auxiliary(sentence, i):
            if first_any < 0:
                first_any = pos
            if in_relative:
                in_relative = False
                skip_next = True  # "التي تم تبادلها": the relative clause's verb and the word after it
                continue
            if skip_next:
                skip_next = False
                continue
            return pos
        skip_next = False
    if first_any < 0 and indices:
        # The clause's first word after an opener or subordinator ("وعندما ضم العثمانيون ...").
        lead = 0
        while lead < min(2, len(indices) - 1) and sentence.norms[indices[lead]].lstrip("وف") in (
            _SUBORDINATORS | grammar().openers
        ):
            lead += 1
        if _opens_with_verb(sentence, indices[lead], after_opener=lead > 0):
            return lead
    return first_any


def _opens_with_verb(sentence: Sentence, i: int, *, after_opener: bool = False) -> bool:
    """Whether token ``i``, first in a clause with no clear verb, is its verb: a word that can be one, without
    the article, at the start of the sentence, after punctuation or with و/ف attached ("وقدر عدد سكانها بـ104
    مليون نسمة": قدر 'was estimated' and قدر 'fate' are written alike)."""
    word = sentence.tokens[i].text
    bare = without_conjunction(word)
    opens = after_opener or i == 0 or bool(re.search(r"[،,.؛:]", sentence.gap(i - 1))) or bare != word
    opens = opens or sentence.norms[i - 1].lstrip("وف") in _SUBORDINATORS | grammar().openers
    norm = normalize(bare)
    g = grammar()
    if not opens or norm.startswith("ال") or norm in g.prepositions or is_name_word(bare):
        return False
    if norm in people_words().not_names or any(norm == q[0] for q in g.qualifiers):
        return False  # "أكثر من 1000 مشارك": a qualifier, not the verb أكثر 'increased'
    following = sentence.norms[i + 1] if i + 1 < len(sentence.tokens) else ""
    if not following or find_numbers([sentence.tokens[i + 1].text]):
        return False
    if following in g.prepositions and bare == word:
        return False  # "أكثر من"; with و attached a verb may take a preposition: "وعرض حتى الآن"
    return morphology.can_be_verb(bare)


def build(
    sentence: Sentence,
    first: int,
    last: int,
    qword: str,
    **options: object,
) -> Built:
    """``_build``, refusing a question with nothing but the question phrase, or one word that is no verb."""
    built = _build(sentence, first, last, qword, **options)  # type: ignore[arg-type]
    content = built.text.rstrip("؟").split()[len(qword.split()) :]
    if not content or (len(content) == 1 and not morphology.can_be_verb(without_conjunction(content[0]))):
        return Built("", False)  # "متى تُوفي؟" asks something; "في أي يوم مساء؟" does not
    return built


def _build(
    sentence: Sentence,
    first: int,
    last: int,
    qword: str,
    *,
    absorb: dict[str, str] | None = None,
    drop_before: frozenset[str] = frozenset(),
    facts_tokens: set[int] | None = None,
    coordinated: bool = False,
    masdar_ok: bool = False,
    construct_in_place: bool = False,
    object_ok: bool = True,
) -> Built:
    """A question asking for tokens first..last-1 of ``sentence`` with ``qword`` (e.g. "متى", "كم دولة").

    ``absorb`` maps a preposition right before the answer to the question phrase that replaces both (في ->
    "متى"; من -> "من أين"); a preposition not in it is kept in front ("من كم دولة"). Words in
    ``drop_before`` right before the answer are dropped (اليوم before a weekday). ``facts_tokens`` are the
    tokens of other facts, never copied into the tail. ``coordinated``: the answer is a later item of a list
    ("و47 منظمة"), so the list's preposition is used and the earlier items dropped.
    """
    g = grammar()
    others = facts_tokens or set()
    segs = segments(sentence)
    seg_index = _segment_of(segs, first)
    lo, hi = segs[seg_index]
    lo = max(lo, _after_frame(sentence, lo, first)) if lo < first else lo
    left = list(range(lo, first))
    while left and sentence.norms[left[-1]] in drop_before:
        left.pop()
    phrase = qword
    prep = ""
    prep_raw = ""
    if coordinated:
        for pos in range(len(left) - 1, -1, -1):
            i = left[pos]
            if sentence.norms[i] in g.prepositions and i + 1 < first and find_numbers([sentence.tokens[i + 1].text]):
                prep = sentence.norms[i]
                left = left[:pos]
                break
    elif len(left) >= 2 and (sentence.norms[left[-2]], sentence.norms[left[-1]]) in _AGENT_PHRASES:
        # "تأسست على يد [X]" -> "على يد من تأسست؟"
        prep = " ".join(sentence.tokens[i].text for i in left[-2:])
        left = left[:-2]
    elif left and sentence.norms[left[-1]] in g.prepositions:
        prep = sentence.norms[left[-1]]
        left = left[:-1]
    elif left and sentence.norms[left[-1]][:1] in "وف" and sentence.norms[left[-1]][1:] in g.prepositions:
        prep = sentence.norms[left[-1]][1:]  # "وفي العاشر من أيلول": and + in
        prep_raw = sentence.tokens[left[-1]].text[1:]
        left = left[:-1]
    if prep:
        if absorb is not None and prep in absorb:
            phrase = absorb[prep]
        elif " " in prep:
            phrase = f"{prep} {qword}"
        elif prep == "بين":
            return Built("", False)  # "بين [عامي 1990] و..." asks for one end of a pair: no question
        else:
            raw = prep_raw or next(sentence.tokens[i].text for i in range(lo, first) if sentence.norms[i] == prep)
            # "إلى 1.1%" -> "إلى أي نسبة": a percentage after a preposition is asked with أي نسبة
            phrase = contract(raw, "أي نسبة" if qword == "كم بالمئة" else qword)
    tail_ = tail(sentence, last, hi, others)
    if not object_ok and tail_ and _has_verb(sentence, left) >= 0 and is_verb(sentence.tokens[tail_[0]].text):
        tail_ = []  # "يمتلك 1093 براءة [تحمل اسمه]": a clause describing a counted answer, not part of the question
    if (
        tail_
        and is_verb(sentence.tokens[tail_[-1]].text)
        and tail_[-1] + 1 in others
        and _has_verb(sentence, left) >= 0
    ):
        # "متى تبدأ الحملة تستهدف [مليون شخص]": a second verb without its object
        tail_ = tail_[:-1]
    if construct_in_place and not prep and left and not coordinated:
        before = left[-1]
        head = sentence.norms[before]
        # "مقتل [18 شخصا]" is a construct; "بالكأس [ثمان مرات]" is not (a preposition and the article).
        construct_head = not sentence.bare(before).startswith("ال") and not head.startswith("ال")
        construct_head = construct_head and not is_name_word(sentence.tokens[before].text)
        # Only a head governed by a preposition cannot be left behind ("أدت إلى مقتل"); "تبلغ مدة كل مباراة
        # [حوالي 90 دقيقة]" fronts well.
        governed = len(left) >= 2 and sentence.norms[left[-2]] in g.prepositions
        bare_number = bool(find_numbers([sentence.tokens[first].text]))  # "ممثلو [40 دولة]", not "[حوالي 25]"
        construct_head = construct_head and (governed or bare_number or sentence.bare(before) != head)
        if construct_head and not is_verb(sentence.tokens[before].text) and head not in g.openers:
            # "أدت إلى مقتل [18 شخصا]": a count governed by a noun is asked in place, from the clause's verb.
            verb_pos = _has_verb(sentence, left)
            start = verb_pos
            # Keep the verb's subject when it stands before it ("هجمات انتحارية أدت ..."), up to a
            # preposition.
            while start > 0 and verb_pos - start < 4 and sentence.norms[left[start - 1]] not in g.prepositions:
                start -= 1
            context = left[start:] if verb_pos >= 0 else left
            context, first_text = _strip_opener(sentence, context)
            words = [*_render(sentence, context, first_text), phrase, *_words(sentence, tail_)]
            return Built(_finish(words), False)
    # An aside ("وهو الأول من نوعه") or a bare relative clause is no clause to ask from: borrow.
    relative = ""
    if left and sentence.norms[left[0]].lstrip("و") in g.relative_pronouns:
        relative = _antecedent(sentence, segs, seg_index, sentence.norms[left[0]].lstrip("و"))
    opened = False
    coordinated_verb = False
    but_it = False
    for pos in range(len(left) - 1, -1, -1):
        word = sentence.tokens[left[pos]].text
        if pos and sentence.norms[left[pos]][:1] == "و" and is_verb(word[1:]) and without_conjunction(word) != word:
            left = left[pos:]  # "فاز ... في 3 مايو 2015 وتسلم مهامه في": ask from the last clause
            coordinated_verb = True
            break
        but_it = sentence.norms[left[pos]].removeprefix("و") in _BUT_IT
        if (sentence.norms[left[pos]] in _CLAUSE_OPENERS or but_it) and pos + 1 < len(left):
            left = left[pos + 1 :]  # "... فيما تابعها ملايين المشاهدين في": the clause after فيما
            opened = True
            break
        opener = sentence.norms[left[pos]].lstrip("و") in _SUBORDINATORS | {_UNTIL}
        if pos and opener and pos + 1 < len(left) and is_verb(sentence.tokens[left[pos + 1]].text):
            left = left[pos + 1 :]  # "وظلت قائمة حتى قاد الوالي جيشا ... [عام 1750]": the clause after حتى
            opened = True
            break
    verb_pos = _has_verb(sentence, left)
    if verb_pos != 0 and opened and morphology.can_be_verb(sentence.tokens[left[0]].text):
        verb_pos = 0  # right after فيما/بينما a word that can be a verb is one ("تابعها")
    g_preps = g.prepositions
    if verb_pos < 0 and not relative and len(left) >= 2 and sentence.norms[left[0]] in g_preps and masdar_ok:
        # "منذ إنشاء الأمم المتحدة [قبل 75 عاما]" -> "قبل كم عاما كان إنشاء الأمم المتحدة؟"
        return Built(_finish([phrase, _WAS, *_render(sentence, left[1:]), *_words(sentence, tail_)]), True)
    if verb_pos < 0 and not relative:
        borrowed = _borrow_clause(sentence, segs, seg_index)
        if borrowed is not None:
            context, _borrowed_first = borrowed
            left = context + left
            verb_pos = _has_verb(sentence, left)
    left, first_text = _strip_opener(sentence, left)
    if relative:
        words = [phrase, relative, *_render(sentence, left, first_text), *_words(sentence, tail_)]
        return Built(_finish(words), True)
    if not (opened and verb_pos == 0):
        verb_pos = _has_verb(sentence, left)
    relative_at = next(
        (
            pos
            for pos in range(len(left) - 2, 0, -1)
            if sentence.norms[left[pos]].lstrip("و") in g.relative_pronouns
            and morphology.can_be_verb(sentence.tokens[left[pos + 1]].text)
        ),
        -1,
    )
    if relative_at > 0:
        # "قضى على الدولة المرابطية التي استمرت [90 سنة]" -> "كم سنة استمرت الدولة المرابطية؟"; "سلطنة بروناي التي
        # أعلنت ولاءها للخليفة في [سنة 1570م]" -> "متى أعلنت سلطنة بروناي ولاءها للخليفة؟"
        head_noun: list[int] = []
        for i in reversed(left[:relative_at]):
            stop = sentence.norms[i] in g.prepositions or is_verb(sentence.tokens[i].text)
            if stop or len(head_noun) == 4 or re.search(r"[،,.؛:()]", sentence.gap(i)):
                break
            head_noun.insert(0, i)
            word = sentence.tokens[i].text
            name = not morphology.is_known(word) or morphology.is_only_proper_noun(word)
            name = name and sentence.bare(i) not in people_words().place_heads  # "إمارة" heads a name
            if not sentence.norms[i].startswith(("ال", "وال")) and not name:
                break  # the head of the construct ("إمارة الدرعية", "سلطنة آتشيه السومطرية") starts the phrase
        before = head_noun[0] - 1 if head_noun else -1
        if before in left and sentence.bare(before) in people_words().place_heads:
            head_noun.insert(0, before)  # "إمارة حائل": the place head before a name it does not know
        if head_noun:
            verb = sentence.tokens[left[relative_at + 1]].text
            rest = _render(sentence, left[relative_at + 2 :])
            stem = _without_object(verb)
            if stem:  # "التي أسسها عبد الله بن رشيد" -> "أسس عبد الله بن رشيد إمارة حائل"
                words = [phrase, stem, *rest, *_render(sentence, head_noun)]
            else:
                words = [phrase, verb, *_render(sentence, head_noun), *rest]
            return Built(_finish(words + _words(sentence, tail_)), True)
    if verb_pos == 0 and len(left) >= 3 and is_verb(sentence.tokens[left[-1]].text) and not object_ok:
        # "تبدأ حملة تطعيم واسعة ... تستهدف [مليون شخص]": the answer is the object of the last verb; ask
        # with that verb and the main clause's subject.
        subject = []
        for i in left[1:-1]:
            stop = sentence.norms[i] in g.prepositions or _is_number(sentence, i)
            if stop or is_verb(sentence.tokens[i].text):
                break
            subject.append(i)
        words = [phrase, *_render(sentence, left[-1:]), *_render(sentence, subject), *_words(sentence, tail_)]
        return Built(_finish(words), True)
    if verb_pos == 0:
        words = [phrase, *_render(sentence, left, first_text), *_words(sentence, tail_)]
        if (coordinated_verb and len(left) == 1) or (but_it and _has_verb(sentence, left[1:]) < 0):
            # "... وانتهت في [date]": the coordinated verb's subject is the sentence's topic.
            words[2:2] = _topic(sentence)  # after the question phrase and the verb
        return Built(_finish(words), True)
    if verb_pos > 0:
        subject = left[:verb_pos]
        predicate = left[verb_pos:]
        copula = next((pos for pos, i in enumerate(subject) if sentence.norms[i] in _COPULAS), -1)
        if copula > 0 and not any(sentence.norms[i] in g.prepositions for i in subject[:copula]):
            # "الثورة الصناعية هي مرحلة تاريخية بدأت في [date]" -> "متى بدأت الثورة الصناعية؟": the
            # verb describes the copula's predicate, which is the topic itself.
            words = [phrase, *_render(sentence, predicate[:1]), *_render(sentence, subject[:copula], first_text)]
            words += _render(sentence, predicate[1:]) + _words(sentence, tail_)
            return Built(_finish(words), True)
        movable = not any(sentence.norms[i] in _COPULAS for i in subject)
        if movable and len(subject) <= 12 and not any(sentence.norms[i] in g.prepositions for i in subject[:1]):
            # The subject right after the verb: "إلى أين أرسلت المنظمة 50 طنا من الأدوية؟"
            words = [phrase, *_render(sentence, predicate[:1]), *_render(sentence, subject, first_text)]
            words += _render(sentence, predicate[1:]) + _words(sentence, tail_)
            return Built(_finish(words), True)
        if subject and sentence.norms[subject[0]] in g.prepositions:
            # "في إطار برنامج إصلاح أعلن عنه في [date]" -> "متى أعلن عنه في إطار برنامج إصلاح؟"
            words = [
                phrase,
                *_render(sentence, predicate),
                *_render(sentence, subject),
                *_words(sentence, tail_),
            ]
            return Built(_finish(words), True)
        words = [phrase, *_render(sentence, left, first_text), *_words(sentence, tail_)]
        return Built(_finish(words), True)
    # No verb before the answer: a subject answer ("[أكثر من 1000 مشارك] شاركوا ...") asks with the tail.
    if not left and tail_ and _has_verb(sentence, tail_) == 0:
        return Built(_finish([phrase, *_words(sentence, tail_)]), True)
    # "أن معدل التضخم في [مصر] بلغ ...": the verb after the answer goes first, the subject after it.
    has_copula = any(sentence.norms[i] in _COPULAS for i in left)
    if left and tail_ and _has_verb(sentence, tail_) == 0 and len(left) <= 6 and not has_copula:
        verb_word = [without_conjunction(w) for w in _render(sentence, tail_[:1])]
        return Built(
            _finish([phrase, *verb_word, *_render(sentence, left, first_text), *_words(sentence, tail_[1:])]),
            True,
        )
    # A fronted adverbial ("وفي بيان ... اليوم الجمعة، قال X إن ..."): ask about the main clause after it.
    main = _following_clause(sentence, segs, seg_index, others)
    if main:
        return Built(_finish([phrase, *main]), True)
    if left and sentence.norms[left[0]] in g.prepositions and len(left) >= 2:
        return Built(_finish([phrase, _WAS, *_render(sentence, left[1:]), *_words(sentence, tail_)]), True)
    copula = any(sentence.norms[i] in _COPULAS for i in left)
    nominal = bool(left) and not copula
    if nominal and (prep or absorb) and not any(_is_number(sentence, i) for i in left) and len(left) <= 6:
        # A nominal sentence ("النادي عضو في الاتحاد منذ 1962"): the question phrase goes first.
        return Built(_finish([phrase, *_render(sentence, left, first_text), *_words(sentence, tail_)]), True)
    words = [*_render(sentence, left, first_text), phrase, *_words(sentence, tail_)]
    if len(words) - len(phrase.split()) < 3:
        return Built("", False)  # "589 هـ متى؟": too little said to ask in place
    return Built(_finish(words), False)


_OBJECT_PRONOUNS = ("ها", "هم", "هما", "ه")  # her/it, them, them two, him/it


def _without_object(verb: str) -> str:
    """A verb without its object pronoun ("أسسها" -> "أسس", "بناها" -> "بنى"), or "" when it has none."""
    norm = normalize(verb)
    for suffix in _OBJECT_PRONOUNS:
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 2 and verb.endswith(suffix):
            stem = verb[: len(verb) - len(suffix)]
            if stem.endswith("ا") and morphology.can_be_verb(stem[:-1] + "ى"):
                return stem[:-1] + "ى"
            if morphology.can_be_verb(stem) and not morphology.can_be_verb(verb + "ا"):
                return stem
    return ""


def _topic(sentence: Sentence) -> list[str]:
    """The noun phrase a sentence opens with, when a copula or verb follows it ("الثورة الصناعية هي ..."),
    as words; [] otherwise."""
    g = grammar()
    indices, _ = _strip_opener(sentence, list(range(min(len(sentence.tokens), 6))))
    phrase: list[int] = []
    for i in indices:
        if sentence.norms[i] in _COPULAS or is_verb(sentence.tokens[i].text) or _is_auxiliary(sentence, i):
            break
        if phrase and not sentence.norms[i].startswith("ال"):
            break  # "سويسرا [دولة صغيرة]": the predicate of a nominal sentence is no part of its topic
        if sentence.norms[i] in g.prepositions or len(phrase) == 4:
            return []
        phrase.append(i)
        if re.search(r"[،,.؛:()]", sentence.gap(i)):
            return []
    if not phrase or not (sentence.norms[phrase[0]].startswith("ال") or is_name_word(sentence.tokens[phrase[0]].text)):
        return []
    return _render(sentence, phrase)


def _borrow_clause(sentence: Sentence, segs: list[tuple[int, int]], seg_index: int) -> tuple[list[int], int] | None:
    """The nearest earlier segment with a verb (skipping asides), as the context of a verbless
    answer segment."""
    for back in range(seg_index - 1, max(-1, seg_index - 4), -1):
        lo, hi = segs[back]
        if _is_aside(sentence, lo):
            continue
        indices = list(range(max(lo, _after_frame(sentence, lo, hi)), hi))
        stripped, _ = _strip_opener(sentence, indices)
        if stripped and _has_verb(sentence, stripped) == 0 and len(indices) <= _MAX_CONTEXT:
            years = date_words().year_words
            while len(indices) > 1 and (sentence.norms[indices[-1]] in grammar().prepositions | years):
                indices.pop()  # "عاش في القاهرة [بين عامي] (1920 - 1935)": what the next segment completes
            return indices, lo  # only a clause that starts with its verb; a nominal clause is no context
        if _has_verb(sentence, stripped) >= 0:
            return None  # a clause with its own verb elsewhere: the answer belongs to it
    return None


def _following_clause(sentence: Sentence, segs: list[tuple[int, int]], seg_index: int, others: set[int]) -> list[str]:
    """The words of the next segment when it starts with a verb, with a short complement clause after it."""
    if seg_index + 1 >= len(segs):
        return []
    lo, hi = segs[seg_index + 1]
    indices = list(range(lo, hi))
    indices, first_text = _strip_opener(sentence, indices)
    if not indices or _has_verb(sentence, indices) != 0:
        return []
    if len(indices) > _MAX_TAIL + 2:
        # A long main clause: its verb and a short tail ("قام الجيش باجتياح البلاد").
        indices = [indices[0], *tail(sentence, indices[0] + 1, hi, others, longest=_MAX_TAIL)]
    words = _render(sentence, indices, first_text)
    # Skip an apposition (", فلاديمير فورونكوف،") and add the complement clause ("إن ...").
    for nxt in range(seg_index + 2, min(len(segs), seg_index + 4)):
        n_lo, n_hi = segs[nxt]
        if sentence.norms[n_lo] in grammar().complementisers:
            words += _words(sentence, tail(sentence, n_lo, n_hi, others, longest=12, clause=True))
            break
    return words


def _antecedent(sentence: Sentence, segs: list[tuple[int, int]], seg_index: int, pronoun: str) -> str:
    """For a clause "والذين ..." the noun phrase the same relative pronoun followed earlier
    ("النساء والأطفال")."""
    g = grammar()
    for back in range(seg_index - 1, max(-1, seg_index - 3), -1):
        lo, hi = segs[back]
        for i in range(hi - 1, lo - 1, -1):
            if sentence.norms[i] == pronoun:
                start = i
                while start > lo and i - start < 4:
                    prev = sentence.norms[start - 1]
                    if prev in g.prepositions or is_verb(sentence.tokens[start - 1].text):
                        break
                    start -= 1
                if start < i:
                    return " ".join(t.text for t in sentence.tokens[start:i])
                return ""
    return ""


def _content_words(text: str, phrase: str) -> int:
    return len(text.rstrip("؟").split()) - len(phrase.split())


def _finish(words: list[str]) -> str:
    text = " ".join(w for w in words if w).strip()
    text = re.sub(r"\s+", " ", text)
    return text.rstrip("،,.؛:") + "؟"


def in_place(sentence: Sentence, first: int, last: int, replacement: str, *, lo: int = 0) -> str:
    """The sentence (from token ``lo``) with tokens first..last-1 replaced by ``replacement``."""
    start = sentence.tokens[lo].start
    return (
        sentence.text[start : sentence.tokens[first].start]
        + replacement
        + sentence.text[sentence.tokens[last - 1].end :]
    ).strip()
