"""Article text -> facts -> ranked questions and vocabulary cards. No Django here.

``generate(text, *, seed=0) -> Generated``; the dataclasses are in ``quiz.generation.types``.
"""

from quiz.generation.generate import generate
from quiz.generation.types import FALSE, TRUE, Evidence, Fact, Generated, Question

__all__ = ["FALSE", "TRUE", "Evidence", "Fact", "Generated", "Question", "generate"]
