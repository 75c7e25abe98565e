"""Keep the questions a learner got wrong, without the learner, for the exercise report."""

from django.utils import timezone

from .models import WrongAnswer


def record_wrong_answers(sender=None, *, request, page, block_id, result, **kwargs) -> None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return  # the report counts learners' attempts, as progress does
    today = timezone.localdate()
    WrongAnswer.objects.bulk_create(
        WrongAnswer(
            topic_key=page.translation_key,
            block_id=block_id,
            question_id=str(question.question_id)[:64],
            prompt=str(question.prompt or "")[:300],
            language=page.locale.language_code,
            answered_on=today,
        )
        for question in result.questions
        if not question.correct
    )
