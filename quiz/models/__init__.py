"""Articles and their sentences, the question bank, quiz attempts, vocabulary cards and their schedules.

One module per domain; every model is re-exported here, where Django and callers find them."""

from quiz.models.articles import Article, ArticleQuerySet, Block, Sentence
from quiz.models.attempts import Attempt, AttemptQuerySet, AttemptQuestion, Response
from quiz.models.learners import LearnerOwned, LearnerOwnedQuerySet, LearnerProfile
from quiz.models.questions import (
    AnswerInvalid,
    Choice,
    Graded,
    Image,
    Question,
    QuestionQuerySet,
    Submission,
    choice_problems,
)
from quiz.models.vocabulary import CardState, CardStateQuerySet, Review, VocabItem, VocabItemQuerySet

__all__ = [
    "AnswerInvalid",
    "Article",
    "ArticleQuerySet",
    "Attempt",
    "AttemptQuerySet",
    "AttemptQuestion",
    "Block",
    "CardState",
    "CardStateQuerySet",
    "Choice",
    "Graded",
    "Image",
    "LearnerOwned",
    "LearnerOwnedQuerySet",
    "LearnerProfile",
    "Question",
    "QuestionQuerySet",
    "Response",
    "Review",
    "Sentence",
    "Submission",
    "VocabItem",
    "VocabItemQuerySet",
    "choice_problems",
]
