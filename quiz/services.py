"""Writes that span several models. Each is a keyword-only function under one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NoReturn, cast

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from quiz.arabic.normalize import match_key
from quiz.arabic.sentences import split_sentences
from quiz.banks import BankArticle
from quiz.generation import Fact, distractors, generate
from quiz.generation import Question as GeneratedQuestion
from quiz.generation.vocab import Card as GeneratedCard
from quiz.generation.vocab import extract_cards, vowel_cards
from quiz.images import PreparedImage
from quiz.learners import Learner
from quiz.models import (
    AnswerInvalid,
    Article,
    Attempt,
    AttemptQuestion,
    Block,
    CardState,
    Choice,
    Graded,
    Image,
    LearnerProfile,
    Question,
    Response,
    Review,
    Sentence,
    Submission,
    VocabItem,
)
from quiz.parsing import ParsedArticle
from quiz.scoring import next_daily_streak, points_for_answer, xp_for_score
from quiz.selection import pick_questions


def content_hash(parsed: ParsedArticle) -> str:
    """Changes whenever anything stored from the article changes."""
    parts = [parsed.title, parsed.lead, parsed.source, parsed.topic, parsed.masthead]
    parts += [f"{b.kind}|{b.credit}|{b.text}" for b in parsed.blocks]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


SLUG_MAX_WORDS = 6


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A short, readable slug from the title: its part before a colon, at most six words."""
    head = title.split(":", 1)[0] if len(title.split(":", 1)[0].split()) >= 2 else title
    base = slugify(" ".join(head.split()[:SLUG_MAX_WORDS]), allow_unicode=True)[:90].strip("-") or "article"
    slug, n = base, 1
    taken = Article.objects.all() if exclude_pk is None else Article.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def article_import(
    *, parsed: ParsedArticle, source_name: str = "", article: Article | None = None
) -> tuple[Article, bool]:
    """Store a parsed article, or update the one imported from the same file (or the one given) in place.

    Returns the article and whether anything changed. Importing the same text again changes nothing.
    """
    if article is None and source_name:
        article = Article.objects.select_for_update().filter(source_name=source_name).first()
    digest = content_hash(parsed)
    if article is not None and article.pk and article.content_hash == digest:
        return article, False
    if article is None:
        article = Article(source_name=source_name)
    article.title = parsed.title
    article.lead = parsed.lead
    article.source = parsed.source
    article.topic = parsed.topic
    article.masthead = parsed.masthead
    article.text = parsed.text
    article.word_count = parsed.word_count
    article.content_hash = digest
    if not article.slug:
        article.slug = unique_slug(parsed.title)
    article.save()
    _store_blocks_and_sentences(article, parsed)
    return article, True


def _store_blocks_and_sentences(article: Article, parsed: ParsedArticle) -> None:
    """Replace the article's blocks and sentences, keeping each question's link to its evidence sentence
    where that sentence is still in the text."""
    old_links = {s.text: list(s.questions.values_list("pk", flat=True)) for s in article.sentences.all()}
    # The lead's sentences have no block, so deleting the blocks alone would leave them behind (and their positions
    # would collide with the new ones); questions keep their rows (SET_NULL) and get their links back below.
    article.sentences.all().delete()
    article.blocks.all().delete()

    blocks = Block.objects.bulk_create(
        Block(article=article, position=i, kind=b.kind, text=b.text, credit=b.credit)
        for i, b in enumerate(parsed.blocks)
    )
    text = article.text
    # The lead has no block of its own; every other line of the text is one readable block, in order.
    readable = [b for b in blocks if b.kind in {"heading", "paragraph", "caption"}]
    parts: list[tuple[Block | None, str]] = [(None, parsed.lead)] if parsed.lead else []
    parts += [(b, b.text) for b in readable]
    owners: list[tuple[int, Block | None]] = []
    offset = 0
    for owner, part in parts:
        offset = text.index(part, offset)
        owners.append((offset, owner))
        offset += len(part)

    sentences = []
    for position, span in enumerate(split_sentences(text)):
        owner = next((b for start, b in reversed(owners) if start <= span.start), None)
        sentences.append(Sentence(article=article, block=owner, position=position, start=span.start, text=span.text))
    Sentence.objects.bulk_create(sentences)

    by_text = {s.text: s for s in article.sentences.all()}
    for sentence_text, question_ids in old_links.items():
        if question_ids and sentence_text in by_text:
            Question.objects.filter(pk__in=question_ids).update(evidence=by_text[sentence_text])


@transaction.atomic
def learner_signup(*, username: str, password: str, display_name: str, guest_id: uuid.UUID | None) -> User:
    """Create a learner account with its profile and move the guest's work to it."""
    user = User.objects.create_user(username=username, password=password)
    LearnerProfile.objects.create(user=user, display_name=display_name)
    if guest_id is not None:
        guest_work_claim(guest_id=guest_id, user=user)
    return user


def learner_profile(*, user: User) -> LearnerProfile:
    """The user's profile (loaded with the user by quiz.auth.ProfileBackend, so usually no query), made on first
    use for accounts created elsewhere (the admin, a command)."""
    try:
        if user.profile.pk is not None:
            return user.profile
    except LearnerProfile.DoesNotExist:
        pass
    profile, _created = LearnerProfile.objects.get_or_create(
        user=user, defaults={"display_name": user.first_name or _("Learner %(id)s") % {"id": user.pk}}
    )
    # When another request made it first, get_or_create's failed insert left its unsaved profile cached on the user
    # (``user.profile``, whose pk is None: crediting it later would update no row). Cache the stored one instead.
    user.profile = profile
    return profile


@transaction.atomic
def guest_work_claim(*, guest_id: uuid.UUID, user: User) -> None:
    """Give a guest's quiz attempts and card schedules to the account they signed up or logged in with.

    Where the account already schedules the same card, the schedule with more reviews is kept. The attempts' XP
    and days of play are credited to the account."""
    guest_attempts = Attempt.objects.filter(guest_id=guest_id, user__isnull=True)
    played = [
        (score, started)
        for score, started, answered in guest_attempts.values_list("score", "started_at", "answered_count")
        if answered
    ]
    guest_attempts.update(user=user, guest_id=None)
    if played:
        _credit_learner(
            user,
            xp=sum(xp_for_score(score) for score, _started in played),
            days=[timezone.localdate(started) for _score, started in played],
        )
    guest_cards = CardState.objects.filter(guest_id=guest_id, user__isnull=True)
    own = {c.item_id: c for c in CardState.objects.filter(user=user, item__in=guest_cards.values("item"))}
    for card in guest_cards.select_for_update():
        kept = own.get(card.item_id)
        if kept is None:
            continue
        loser = card if kept.reps >= card.reps else kept
        loser.delete()
    CardState.objects.filter(guest_id=guest_id, user__isnull=True).update(user=user, guest_id=None)


@dataclass(frozen=True)
class RegenerationCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    deleted: int = 0
    kept_by_teacher: int = 0


@dataclass(frozen=True)
class GenerationResult(RegenerationCounts):
    cards: CardsResult | None = None


@transaction.atomic
def article_generate(*, article: Article) -> GenerationResult:
    """Generate the article's questions and store them with their choices and evidence sentences.

    A question a teacher wrote, approved, rejected or edited is never touched, and the generator does not bring it
    back in another form. A generated question that the new text no longer supports is deleted, or retired when
    learners have already answered it (so their history keeps its meaning).
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    generated = generate(article.text, seed=article.pk)
    sentences = {s.position: s for s in article.sentences.all()}
    existing = {q.origin_key: q for q in article.questions.exclude(origin_key="").prefetch_related("choices")}
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for item in generated.questions:
        key = _origin_key(item, seen)
        seen.add(key)
        old = existing.get(key)
        if old is not None and old.is_protected:
            counts["kept_by_teacher"] += 1
            continue
        fields = _question_fields(item, sentences)
        if old is not None and _same_question(old, fields, list(item.choices)):
            if old.status == Question.Status.RETIRED or old.score != fields["score"]:
                old.status, old.score = Question.Status.GENERATED, fields["score"]  # type: ignore[assignment]
                old.save(update_fields=["status", "score", "updated_at"])
            counts["unchanged"] += 1
            continue
        if old is not None and not old.responses.exists():
            for name, value in fields.items():
                setattr(old, name, value)
            old.status = Question.Status.GENERATED
            old.save()
            old.choices.all().delete()
            _store_choices(old, item)
            counts["updated"] += 1
            continue
        if old is not None:
            old.origin_key = ""  # answered before: it stays, retired, for the learners' history
            old.status = Question.Status.RETIRED
            old.save(update_fields=["origin_key", "status", "updated_at"])
            counts["retired"] += 1
        question = Question.objects.create(article=article, origin_key=key, **fields)
        _store_choices(question, item)
        counts["created"] += 1
    for key, old in existing.items():
        if key in seen or old.is_protected:
            continue
        if old.responses.exists():
            if old.status != Question.Status.RETIRED:
                old.status = Question.Status.RETIRED
                old.save(update_fields=["status", "updated_at"])
                counts["retired"] += 1
        else:
            old.delete()
            counts["deleted"] += 1
    cards = article_cards_generate(article=article, cards=generated.cards)
    return GenerationResult(**counts, cards=cards)


def _origin_key(item: GeneratedQuestion, seen: set[str]) -> str:
    base = f"{item.kind}|{item.mode}|{item.fact_key}|{item.evidence.sentence_index}"[:290]
    key, n = base, 1
    while key in seen:
        n += 1
        key = f"{base}#{n}"
    return key


def _question_fields(item: GeneratedQuestion, sentences: dict[int, Sentence]) -> dict[str, object]:
    evidence = sentences.get(item.evidence.sentence_index)
    if evidence is not None and evidence.text != item.evidence.sentence:
        evidence = next((s for s in sentences.values() if s.text == item.evidence.sentence), None)
    return {
        "kind": item.kind,
        "mode": item.mode,
        "prompt": item.prompt,
        "answer": item.answer[:500],
        "accepted": list(item.accepted),
        "pairs": [list(pair) for pair in item.pairs],
        "evidence": evidence,
        "answer_start": item.evidence.answer_start if evidence else None,
        "answer_end": item.evidence.answer_end if evidence else None,
        "fact_key": item.fact_key[:200],
        "answer_type": item.answer_type[:20],
        "score": round(item.score, 4),
    }


def _same_question(old: Question, fields: dict[str, object], choices: list[str]) -> bool:
    same_fields = all(getattr(old, name) == value for name, value in fields.items() if name != "score")
    return same_fields and [c.text for c in old.choices.all()] == choices


def _store_choices(question: Question, item: GeneratedQuestion) -> None:
    """Choices in the generator's order. For matching they are the right-hand sides, each the match of one pair."""
    Choice.objects.bulk_create(
        Choice(
            question=question, text=text[:500], position=i, is_correct=item.mode == "matching" or text == item.answer
        )
        for i, text in enumerate(item.choices)
    )


# Vocabulary cards ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardsResult(RegenerationCounts):
    """What storing an article's flashcards did (a teacher's edited card counts as kept)."""


@transaction.atomic
def article_cards_generate(*, article: Article, cards: Sequence[GeneratedCard] | None = None) -> CardsResult:
    """Store the article's flashcards (``cards`` from ``generate``, or extracted now), their guessed senses first
    settled by mishkal (``vowel_cards``).

    A card a teacher edited keeps everything they can edit; only where its word stands in the new text is updated.
    A generated card the text no longer has is deleted, or retired when learners already review it (they keep it;
    new learners do not get it). A lemma a teacher's own card already has is not made twice.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    if cards is None:
        cards = extract_cards_from_text(article.text)
    cards = vowel_cards(cards)
    sentences = {s.position: s for s in article.sentences.all()}
    items = list(article.vocab_items.all())
    existing = {item.origin_key: item for item in items if item.origin_key}
    lemmas = {item.lemma: item for item in items}
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for rank, card in enumerate(cards):
        key = card.lemma[:100]
        seen.add(key)
        fields = _card_fields(card, rank, sentences)
        old = existing.get(key)
        if old is None:
            if card.lemma[:100] in lemmas:
                counts["kept_by_teacher"] += 1  # a teacher's own card already teaches this lemma
                continue
            lemmas[card.lemma[:100]] = VocabItem.objects.create(article=article, origin_key=key, **fields)
            counts["created"] += 1
            continue
        if old.edited:
            fields = {name: fields[name] for name in _CARD_PLACE_FIELDS}
            counts["kept_by_teacher"] += 1
        changed = [name for name, value in fields.items() if getattr(old, name) != value]
        if old.lemma != fields.get("lemma", old.lemma) and fields["lemma"] in lemmas:
            changed.remove("lemma")
        for name in changed:
            setattr(old, name, fields[name])
        if changed:
            old.save(update_fields=changed)
            if not old.edited:
                counts["updated"] += 1
        elif not old.edited:
            counts["unchanged"] += 1
    for key, old in existing.items():
        if key in seen or old.edited:
            continue
        if old.states.exists():
            if not old.retired:
                old.retired, old.occurrences = True, []
                old.save(update_fields=["retired", "occurrences"])
                counts["retired"] += 1
        else:
            old.delete()
            counts["deleted"] += 1
    return CardsResult(**counts)


def extract_cards_from_text(text: str) -> list[GeneratedCard]:
    from quiz.generation.extract import read_sentences

    return extract_cards(read_sentences(text))


_CARD_PLACE_FIELDS = ("sentence", "word_start", "word_end", "occurrences", "frequency", "rank", "retired")


def _card_fields(card: GeneratedCard, rank: int, sentences: dict[int, Sentence]) -> dict[str, object]:
    sentence = sentences.get(card.sentence_index)
    if sentence is not None and sentence.text != card.sentence:
        sentence = next((s for s in sentences.values() if s.text == card.sentence), None)
    return {
        "word": card.word[:100],
        "lemma": card.lemma[:100],
        "lemma_vowelled": card.lemma_vowelled[:150],
        "vowelled_by_machine": card.vowelled_by_machine,
        "root": card.root[:20],
        "pos": card.pos[:20],
        "gloss": card.gloss[:300],
        "gloss_trusted": card.gloss_trusted,
        "sentence": sentence,
        "word_start": card.word_start if sentence else None,
        "word_end": card.word_end if sentence else None,
        "occurrences": [list(o) for o in card.occurrences],
        "frequency": card.frequency,
        "rank": rank,
        "retired": False,
    }


def _owner(learner: Learner) -> dict[str, object]:
    if learner.user is not None:
        return {"user": learner.user, "guest_id": None}
    if learner.guest_id is None:
        raise ValueError("a learner without an account needs a guest id")
    return {"user": None, "guest_id": learner.guest_id}


@transaction.atomic
def card_add(*, learner: Learner, item: VocabItem, now: dt.datetime | None = None) -> tuple[CardState, bool]:
    """Put a card in the learner's deck, new and due at once; returns its schedule and whether it was added now."""
    existing = CardState.objects.for_learner(learner).filter(item=item).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return CardState.objects.create(item=item, due=now or timezone.now(), **_owner(learner)), True
    except IntegrityError:  # the same learner added it in another tab at the same moment
        return CardState.objects.for_learner(learner).get(item=item), False


class StaleReview(Exception):
    """The card was rated since the learner saw it (a repeated or an old form): nothing was changed."""


@transaction.atomic
def card_review(
    *,
    learner: Learner,
    item: VocabItem,
    rating: int,
    reps: int,
    desired_retention: float = 0.9,
    duration_ms: int | None = None,
    now: dt.datetime | None = None,
) -> CardState:
    """Rate one card for one learner (1 Again .. 4 Easy) on their FSRS schedule and log the review.

    ``reps`` is how many reviews the card had when it was shown: a second submission of the same rating (or a form
    from an old page) raises StaleReview instead of rating the card twice."""
    from quiz import scheduling

    if rating not in scheduling.RATINGS:
        raise ValueError(f"rating must be 1-4, not {rating!r}")
    now = now or timezone.now()
    state = CardState.objects.for_learner(learner).select_for_update().filter(item=item).first()
    if state is None:
        if reps != 0:
            raise StaleReview
        try:
            with transaction.atomic():
                state = CardState.objects.create(item=item, due=now, **_owner(learner))
        except IntegrityError:
            raise StaleReview from None
    elif state.reps != reps:
        raise StaleReview
    scheduling.review(state, rating, now=now, desired_retention=desired_retention, duration_ms=duration_ms)
    state.save()
    Review.objects.create(card=state, rating=rating, reviewed_at=now, duration_ms=duration_ms)
    return state


@transaction.atomic
def learner_review_settings_update(*, user: User, new_cards_per_day: int, desired_retention: float) -> LearnerProfile:
    """Save an account's review settings: new cards a day and the desired retention."""
    profile = learner_profile(user=user)
    profile.new_cards_per_day = new_cards_per_day
    profile.desired_retention = desired_retention
    profile.full_clean(exclude=["user", "display_name"])
    profile.save(update_fields=["new_cards_per_day", "desired_retention"])
    return profile


# Playing a quiz ----------------------------------------------------------------------------------------------------


class QuizRefused(Exception):
    """A request the quiz refuses: nothing is changed. ``status`` is the HTTP status the views answer with."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class AttemptNotFound(QuizRefused):
    status = 404


class NotYourAttempt(QuizRefused):
    status = 403


class AttemptOver(QuizRefused):
    status = 409


class QuestionNotInAttempt(QuizRefused):
    status = 400


class AlreadyAnswered(QuizRefused):
    status = 409


class NotCurrentQuestion(QuizRefused):
    status = 409


class InvalidAnswer(QuizRefused):
    status = 400


class NoQuestions(QuizRefused):
    status = 409


@dataclass(frozen=True)
class AnswerResult:
    attempt: Attempt
    slot: AttemptQuestion
    choices: list[Choice]
    response: Response
    graded: Graded


def attempt_owned(*, attempt_id: uuid.UUID, learner: Learner, attempts: QuerySet[Attempt] | None = None) -> Attempt:
    """The learner's attempt with its article; refused when there is none or when it is another learner's."""
    attempts = Attempt.objects.all() if attempts is None else attempts
    attempt = attempts.select_related("article").filter(public_id=attempt_id).first()
    if attempt is None:
        raise AttemptNotFound(_("There is no such quiz."))
    if not attempt.belongs_to(learner):
        raise NotYourAttempt(_("This quiz belongs to another learner."))
    return attempt


def _attempt_for_update(attempt_id: uuid.UUID, learner: Learner) -> Attempt:
    """The learner's attempt, locked until the transaction ends."""
    return attempt_owned(
        attempt_id=attempt_id, learner=learner, attempts=Attempt.objects.select_for_update(of=("self",))
    )


def attempt_questions(*, article: Article, count: int, seed: int | None = None) -> list[Question]:
    """The questions of a new attempt at the article's quiz: see ``quiz.selection``."""
    bank = list(article.questions.playable().select_related("evidence").order_by("-score", "id"))
    teachers = [q for q in bank if q.status in (Question.Status.APPROVED, Question.Status.TEACHER)]
    generated = [q for q in bank if q.status not in (Question.Status.APPROVED, Question.Status.TEACHER)]
    return pick_questions([teachers, generated], count, rng=random.Random(seed))  # noqa: S311 (not security)


@transaction.atomic
def attempt_start(
    *,
    article: Article,
    learner: Learner,
    timed: bool = True,
    seed: int | None = None,
    questions: list[Question] | None = None,
    practice_of: Attempt | None = None,
) -> Attempt:
    """A new attempt at the article's quiz: ``article.questions_per_quiz`` questions (or the ``questions`` given)."""
    if not learner.exists:
        raise NotYourAttempt(_("Your session has expired. Please reload the page."))
    if questions is None:
        questions = attempt_questions(article=article, count=article.questions_per_quiz, seed=seed)
    if not questions:
        raise NoQuestions(_("This article has no questions yet."))
    attempt = Attempt.objects.create(
        article=article,
        **_owner(learner),
        timed=timed,
        question_count=len(questions),
        practice_of=practice_of,
    )
    AttemptQuestion.objects.bulk_create(
        AttemptQuestion(attempt=attempt, question=question, position=i) for i, question in enumerate(questions)
    )
    return attempt


@transaction.atomic
def attempt_practise_missed(*, attempt_id: uuid.UUID, learner: Learner) -> Attempt:
    """A new round with the questions the learner got wrong, skipped or left unanswered in a finished attempt."""
    attempt = _attempt_for_update(attempt_id, learner)
    if not attempt.is_finished:
        raise NotCurrentQuestion(_("Finish this quiz first."))
    right = Response.objects.filter(attempt=attempt, is_correct=True).values("question")
    missed = [
        slot.question
        for slot in attempt.slots.select_related("question")
        .exclude(question__in=right)
        .exclude(question__status__in=[Question.Status.REJECTED, Question.Status.RETIRED])
        .order_by("position")
    ]
    if not missed:
        raise NoQuestions(_("You missed no questions in this quiz."))
    return attempt_start(
        article=attempt.article, learner=learner, timed=attempt.timed, questions=missed, practice_of=attempt
    )


def current_slot(attempt: Attempt) -> AttemptQuestion | None:
    """The attempt's first question not answered yet, with its question and evidence; None when none is left."""
    answered = Response.objects.filter(attempt=attempt, question=OuterRef("question"))
    return (
        attempt.slots.filter(~Exists(answered))
        .select_related("question__evidence__article")
        .order_by("position")
        .first()
    )


@transaction.atomic
def attempt_answer(
    *,
    attempt_id: uuid.UUID,
    learner: Learner,
    question_id: int,
    submission: Submission,
    now: datetime | None = None,
) -> AnswerResult:
    """Check the learner's answer to the attempt's current question, score it and store it.

    Refused, changing nothing: another learner's attempt, an attempt that has ended, a question that is not in
    the attempt, one already answered, one that is not the current question, an answer that does not fit it.
    The time taken is measured here, from when the question was first shown.
    """
    now = now or timezone.now()
    attempt = _attempt_for_update(attempt_id, learner)
    if attempt.is_finished:
        raise AttemptOver(_("This quiz has ended: its answers can no longer change."))
    slot = current_slot(attempt)
    if slot is None or slot.question_id != question_id:
        _refuse_other_question(attempt, question_id)
    assert slot is not None
    question = slot.question
    choices = list(question.choices.all())
    try:
        graded = question.grade(submission, choices)
    except AnswerInvalid as error:
        raise InvalidAnswer(str(error)) from error
    elapsed_ms = int((now - slot.shown_at).total_seconds() * 1000) if slot.shown_at else None
    points = points_for_answer(
        is_correct=graded.is_correct,
        question_count=attempt.question_count,
        mode=question.mode,
        timed=attempt.timed,
        elapsed_ms=elapsed_ms,
        streak_before=attempt.streak,
    )
    response = Response.objects.create(
        attempt=attempt,
        question=question,
        given=graded.given,
        choice=graded.choice,
        is_correct=graded.is_correct,
        points=points.total,
        speed_bonus=points.speed,
        streak_bonus=points.streak,
        elapsed_ms=max(0, min(elapsed_ms, 2**31 - 1)) if elapsed_ms is not None else None,
    )
    old_score = attempt.score
    attempt.score += points.total
    attempt.answered_count += 1
    attempt.correct_count += int(graded.is_correct)
    attempt.streak = attempt.streak + 1 if graded.is_correct else 0
    attempt.best_streak = max(attempt.best_streak, attempt.streak)
    if attempt.answered_count >= attempt.question_count:
        attempt.finished_at = now
    attempt.save(update_fields=["score", "answered_count", "correct_count", "streak", "best_streak", "finished_at"])
    user = _user_of(learner)
    if user is not None:
        _credit_learner(
            user,
            xp=xp_for_score(attempt.score) - xp_for_score(old_score),
            days=[timezone.localdate(now)],
        )
    return AnswerResult(attempt=attempt, slot=slot, choices=choices, response=response, graded=graded)


def _refuse_other_question(attempt: Attempt, question_id: int) -> NoReturn:
    """Why an answer to ``question_id`` is refused when it is not the attempt's current question."""
    slot = attempt.slots.filter(question_id=question_id).first()
    if slot is None:
        raise QuestionNotInAttempt(_("That question is not part of this quiz."))
    if Response.objects.filter(attempt=attempt, question_id=question_id).exists():
        raise AlreadyAnswered(_("You have already answered this question: the first answer counts."))
    raise NotCurrentQuestion(_("Please answer the current question first."))


@transaction.atomic
def attempt_finish(*, attempt_id: uuid.UUID, learner: Learner, now: datetime | None = None) -> Attempt:
    """End the attempt now; questions not answered stay unanswered (and count as missed)."""
    attempt = _attempt_for_update(attempt_id, learner)
    if attempt.is_finished:
        raise AttemptOver(_("This quiz has already ended."))
    attempt.finished_at = now or timezone.now()
    attempt.save(update_fields=["finished_at"])
    return attempt


@transaction.atomic
def attempt_untime(*, attempt_id: uuid.UUID, learner: Learner) -> Attempt:
    """Turn the clock off for the rest of the attempt: no speed bonus from now on."""
    attempt = _attempt_for_update(attempt_id, learner)
    if attempt.is_finished:
        raise AttemptOver(_("This quiz has already ended."))
    if attempt.timed:
        attempt.timed = False
        attempt.save(update_fields=["timed"])
    return attempt


def _user_of(learner: Learner) -> User | None:
    """The learner's account: the site's users are ``auth.User`` (``Learner`` types them more loosely)."""
    return cast("User | None", learner.user)


def _credit_learner(user: User, *, xp: int, days: list[date]) -> None:
    """Add XP to the learner's profile and count each day of activity towards the daily streak."""
    profile = learner_profile(user=user)
    streak, last = profile.streak_days, profile.last_active_on
    for day in sorted(days):
        streak, last = next_daily_streak(streak_days=streak, last_active_on=last, day=day)
    if xp == 0 and (streak, last) == (profile.streak_days, profile.last_active_on):
        return
    # XP is added in the database, so that two answers at once (two tabs) both count.
    LearnerProfile.objects.filter(pk=profile.pk).update(xp=F("xp") + xp, streak_days=streak, last_active_on=last)
    profile.xp += xp
    profile.streak_days, profile.last_active_on = streak, last


# Teachers: background generation, review, distractors, images ----------------------------------------------------


@transaction.atomic
def article_generation_queue(*, article: Article) -> None:
    """Mark the article as waiting for generation and queue the background task once this transaction commits."""
    from quiz import tasks  # the task module calls back into this one

    Article.objects.filter(pk=article.pk).update(generation_status=Article.Generation.QUEUED, generation_error="")
    article.generation_status = Article.Generation.QUEUED
    article.generation_error = ""
    article_id = article.pk
    transaction.on_commit(lambda: tasks.generate_article.enqueue(article_id))


@transaction.atomic
def questions_review(*, questions: QuerySet[Question], status: str) -> int:
    """Approve or reject questions; returns how many changed. Either way regeneration leaves them alone."""
    if status not in {Question.Status.APPROVED, Question.Status.REJECTED}:
        raise ValueError(f"not a review status: {status}")
    return questions.exclude(status=status).update(status=status, updated_at=timezone.now())


@dataclass(frozen=True)
class DistractorResult:
    changed: int = 0
    without_distractors: int = 0
    not_multiple_choice: int = 0


@transaction.atomic
def questions_distractors_regenerate(*, questions: QuerySet[Question], seed: int) -> DistractorResult:
    """New wrong choices for multiple-choice questions, from the generator's own distractor rules with another
    seed. The right choice stays; the question counts as edited by the teacher from then on."""
    counts: Counter[str] = Counter()
    facts_by_article: dict[int, list[Fact]] = {}
    for question in questions.select_related("article").prefetch_related("choices").select_for_update(of=("self",)):
        if question.mode != Question.Mode.CHOICE:
            counts["not_multiple_choice"] += 1
            continue
        if question.article_id not in facts_by_article:
            facts_by_article[question.article_id] = generate(question.article.text, seed=seed).facts
        facts = facts_by_article[question.article_id]
        answer = next((c.text for c in question.choices.all() if c.is_correct), question.answer)
        fact = _fact_of(question, answer, facts)
        wrong = distractors.for_fact(fact, answer, facts, seed) if fact is not None else []
        if not wrong:
            counts["without_distractors"] += 1
            continue
        question.choices.all().delete()
        options = distractors.shuffled_choices(answer, wrong, seed, question.fact_key or str(question.pk))
        Choice.objects.bulk_create(
            Choice(question=question, text=text[:500], position=i, is_correct=text == answer)
            for i, text in enumerate(options)
        )
        question.answer = answer
        question.edited = True
        question.save(update_fields=["answer", "edited", "updated_at"])
        counts["changed"] += 1
    return DistractorResult(**counts)


def _fact_of(question: Question, answer: str, facts: list[Fact]) -> Fact | None:
    """The generator's fact behind a question: by its key, else the fact whose answer is this answer."""
    key = question.fact_key.removesuffix(":reverse")
    by_key = next((f for f in facts if key and f.key == key), None)
    if by_key is not None:
        return by_key
    wanted = match_key(answer)
    return next((f for f in facts if match_key(f.answer) == wanted or match_key(f.text) == wanted), None)


@transaction.atomic
def image_store(*, image: Image, prepared: PreparedImage) -> Image:
    """Save an image row with its checked, downscaled file and thumbnail (replacing the old files, if any)."""
    old = [str(f.name) for f in (image.file, image.thumbnail) if f]
    name = f"{uuid.uuid4().hex}.webp"
    # Named content: the image field reads the stored picture's width and height from it.
    image.file.save(name, ContentFile(prepared.data, name=name), save=False)
    image.thumbnail.save(name, ContentFile(prepared.thumbnail, name=name), save=False)
    image.save()
    storage = image.file.storage

    def delete_old_files() -> None:
        for name in old:
            storage.delete(name)

    transaction.on_commit(delete_old_files)
    return image


IMAGE_FOLDERS = ("images/", "images/thumbs/")


def image_files_orphaned_delete(*, older_than: dt.timedelta, dry_run: bool = False) -> list[str]:
    """Delete the stored picture files no Image row names any more (rows deleted with their article or question,
    or one by one in the admin), and return their names. Files younger than ``older_than`` are kept: an upload
    may be between saving its file and committing its row."""
    storage = Image._meta.get_field("file").storage  # type: ignore[union-attr]
    named = {str(name) for pair in Image.objects.values_list("file", "thumbnail") for name in pair if name}
    cutoff = timezone.now() - older_than
    orphans = []
    for folder in IMAGE_FOLDERS:
        if not storage.exists(folder):
            continue
        for filename in storage.listdir(folder)[1]:
            name = f"{folder}{filename}"
            if name not in named and storage.get_modified_time(name) < cutoff:
                orphans.append(name)
    if not dry_run:
        for name in orphans:
            storage.delete(name)
    return orphans


@dataclass(frozen=True)
class BankImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


_BANK_DEFAULTS: dict[str, object] = {
    "answer": "",
    "accepted": [],
    "tolerance": 0,
    "pairs": [],
    "answer_start": None,
    "answer_end": None,
    "fact_key": "",
    "origin_key": "",
    "answer_type": "",
    "score": 0.0,
    "status": Question.Status.GENERATED,
    "edited": False,
}


@transaction.atomic
def question_bank_import(*, banks: list[BankArticle]) -> BankImportResult:
    """Store the questions of checked bank entries (``quiz.banks.read_json``) in their articles.

    A question already here (the same generator key, or the same mode and prompt) is updated when it differs and
    left untouched when it does not, so importing a bank exported from here changes nothing."""
    counts: Counter[str] = Counter()
    for bank in banks:
        article = bank.article
        sentences: dict[str, Sentence] = {}
        for sentence in article.sentences.order_by("position"):
            sentences.setdefault(sentence.text, sentence)
        existing = list(article.questions.prefetch_related("choices"))
        by_origin = {q.origin_key: q for q in existing if q.origin_key}
        by_prompt = {(q.mode, q.prompt): q for q in existing}
        for item in bank.questions:
            fields: dict[str, object] = {name: item.get(name, default) for name, default in _BANK_DEFAULTS.items()}
            fields |= {"kind": item["kind"], "mode": item["mode"], "prompt": item["prompt"]}
            fields["evidence"] = sentences.get(item.get("evidence") or "")
            if fields["evidence"] is None:
                fields["answer_start"] = fields["answer_end"] = None
            choices = [(c["text"], c["is_correct"]) for c in item.get("choices", [])]
            old = by_origin.get(item.get("origin_key") or "") or by_prompt.get((item["mode"], item["prompt"]))
            if old is not None:
                same_fields = all(getattr(old, name) == value for name, value in fields.items())
                if same_fields and [(c.text, c.is_correct) for c in old.choices.all()] == choices:
                    counts["unchanged"] += 1
                    continue
                for name, value in fields.items():
                    setattr(old, name, value)
                old.save()
                old.choices.all().delete()
                question = old
                counts["updated"] += 1
            else:
                question = Question.objects.create(article=article, **fields)  # type: ignore[arg-type]
                by_prompt[(question.mode, question.prompt)] = question
                counts["created"] += 1
            Choice.objects.bulk_create(
                Choice(question=question, text=text, is_correct=is_correct, position=i)
                for i, (text, is_correct) in enumerate(choices)
            )
    return BankImportResult(**counts)


TEACHERS_GROUP = "Teachers"
"""Made by migration 0005 with the permissions teachers need, and nothing over users or groups."""


@transaction.atomic
def teacher_create(*, username: str, password: str | None) -> tuple[User, bool]:
    """Make ``username`` a teacher: a staff account in the Teachers group, created when it does not exist.

    Returns the user and whether the account is new. ``password`` (checked by the caller) replaces the old one
    when given."""
    group = Group.objects.get(name=TEACHERS_GROUP)
    user = User.objects.select_for_update().filter(username=username).first()
    created = user is None
    if user is None:
        user = User(username=username)
    user.is_staff = True
    if password is not None:
        user.set_password(password)
    user.save()
    user.groups.add(group)
    return user, created
