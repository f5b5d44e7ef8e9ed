"""Writes that span several models: keyword-only ``<entity>_<action>()`` functions, each under one transaction.

One module per domain; everything is re-exported here so that callers write ``services.attempt_answer``.
"""

from quiz.services.article_generation import (
    CardsResult,
    GenerationResult,
    RegenerationCounts,
    article_cards_generate,
    article_generate,
    article_generation_queue,
    extract_cards_from_text,
)
from quiz.services.articles import SLUG_MAX_WORDS, article_import, content_hash, unique_slug
from quiz.services.attempts import (
    AlreadyAnswered,
    AnswerResult,
    AttemptNotFound,
    AttemptOver,
    InvalidAnswer,
    NoQuestions,
    NotCurrentQuestion,
    NotYourAttempt,
    QuestionNotInAttempt,
    QuizRefused,
    attempt_answer,
    attempt_finish,
    attempt_owned,
    attempt_practise_missed,
    attempt_questions,
    attempt_start,
    attempt_untime,
    current_slot,
)
from quiz.services.banks import BankImportResult, question_bank_import
from quiz.services.curation import DistractorResult, questions_distractors_regenerate, questions_review
from quiz.services.flashcards import StaleReview, card_add, card_review
from quiz.services.images import IMAGE_FOLDERS, image_files_orphaned_delete, image_store
from quiz.services.learners import (
    credit_learner,
    guest_work_claim,
    learner_profile,
    learner_review_settings_update,
    learner_signup,
    owner_fields,
    user_of,
)
from quiz.services.teachers import TEACHERS_GROUP, teacher_create

__all__ = [
    "IMAGE_FOLDERS",
    "SLUG_MAX_WORDS",
    "TEACHERS_GROUP",
    "AlreadyAnswered",
    "AnswerResult",
    "AttemptNotFound",
    "AttemptOver",
    "BankImportResult",
    "CardsResult",
    "DistractorResult",
    "GenerationResult",
    "InvalidAnswer",
    "NoQuestions",
    "NotCurrentQuestion",
    "NotYourAttempt",
    "QuestionNotInAttempt",
    "QuizRefused",
    "RegenerationCounts",
    "StaleReview",
    "article_cards_generate",
    "article_generate",
    "article_generation_queue",
    "article_import",
    "attempt_answer",
    "attempt_finish",
    "attempt_owned",
    "attempt_practise_missed",
    "attempt_questions",
    "attempt_start",
    "attempt_untime",
    "card_add",
    "card_review",
    "content_hash",
    "credit_learner",
    "current_slot",
    "extract_cards_from_text",
    "guest_work_claim",
    "image_files_orphaned_delete",
    "image_store",
    "learner_profile",
    "learner_review_settings_update",
    "learner_signup",
    "owner_fields",
    "question_bank_import",
    "questions_distractors_regenerate",
    "questions_review",
    "teacher_create",
    "unique_slug",
    "user_of",
]
