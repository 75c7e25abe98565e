"""Question types of the exercise block, one per module, all graded on the server."""

from .choice import MultipleChoiceQuestion, SingleChoiceQuestion
from .fill_blank import FillBlankQuestion
from .matching import MatchingQuestion
from .ordering import OrderingQuestion
from .true_false import TrueFalseQuestion

QUESTION_TYPES = [
    ("single_choice", SingleChoiceQuestion),
    ("multiple_choice", MultipleChoiceQuestion),
    ("true_false", TrueFalseQuestion),
    ("fill_blank", FillBlankQuestion),
    ("ordering", OrderingQuestion),
    ("matching", MatchingQuestion),
]
