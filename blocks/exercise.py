from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import ContentIssue, GradeResult, InteractiveBlock, SearchDocument, TitledSectionBlock
from .questions import QUESTION_TYPES
from .questions.base import SubmissionError, expect


class ExerciseBlock(InteractiveBlock, TitledSectionBlock, blocks.StructBlock):
    """A set of questions graded on the server.

    The page carries the questions and opaque option names, never which option is
    right: the answers stay on the server until the learner submits. The form works
    as a plain post; with JavaScript it is sent inline and the feedback appears in
    place.
    """

    anchor_prefix, anchor_fallback = "exercise", "questions"
    kind = "exercise"
    search_kinds = {"exercise": _("Exercise")}

    title = blocks.CharBlock(max_length=200, default="Check your understanding", label=_("Title"))
    instructions = blocks.RichTextBlock(
        features=["bold", "italic", "link"], required=False, label=_("Instructions")
    )
    questions = blocks.StreamBlock(
        [(name, question()) for name, question in QUESTION_TYPES], min_num=1, label=_("Questions")
    )
    pass_mark = blocks.IntegerBlock(min_value=0, max_value=100, default=70, label=_("Pass mark (%)"))
    # Added after exercises were stored: those without it load with the default.
    show_answers = blocks.ChoiceBlock(
        choices=[
            ("attempt", _("After each attempt")),
            ("passed", _("Only in an attempt that reaches the pass mark")),
            ("never", _("Never")),
        ],
        default="attempt",
        label=_("Show the right answers"),
        help_text=_("To a learner who answered a question wrongly; never for a question left unanswered."),
    )

    class Meta:
        icon = "form"
        template = "blocks/exercise.html"
        label = _("Exercise")
        description = _("Questions of six types, graded on the server with feedback.")
        preview_value = {
            "title": "Check your understanding",
            "pass_mark": 70,
            "questions": [
                {
                    "type": "true_false",
                    "value": {"statement": "A cluster is a kind of trade association.", "answer": False},
                }
            ],
        }

    def content_issues(self, value):
        if _has_feedback(value.get("questions") or []):
            return []
        message = gettext("The exercise “%(title)s” gives no feedback or explanation.") % {
            "title": value.get("title", "")
        }
        return [ContentIssue(message)]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["questions"] = [
            {
                "id": child.id,
                "number": number,
                "prompt": child.block.prompt_of(child.value),
                "type": child.block_type,
                "template": child.block.template_name,
                "name": f"q-{child.id}",
                **child.block.form_context(child.value, child.id),
            }
            for number, child in enumerate(value["questions"], start=1)
        ]
        return context

    def search_documents(self, value, context):
        text = " ".join(child.block.search_text(child.value) for child in value["questions"])
        return [SearchDocument(self.kind, value["title"], text, "#" + self.anchor_for(value))]

    def submission_from_form(self, value, data) -> dict:
        answers = {}
        for child in value["questions"]:
            answer = child.block.answer_from_form(data, f"q-{child.id}", child.value)
            if answer not in (None, "", [], {}):
                answers[child.id] = answer
        return {"answers": answers}

    def grade(self, value, submission) -> GradeResult:
        expect(isinstance(submission, dict), gettext("Send the answers as a JSON object."))
        answers = submission.get("answers")
        expect(isinstance(answers, dict), gettext("The submission needs an 'answers' object."))
        questions = {child.id: child for child in value["questions"]}
        unknown = [question_id for question_id in answers if question_id not in questions]
        expect(not unknown, gettext("Unknown question: %(id)s.") % {"id": ", ".join(map(str, unknown))})
        results = []
        for child in value["questions"]:
            answer = answers.get(child.id)
            if answer in (None, "", [], {}):
                results.append(child.block.unanswered(child.value, child.id))
                continue
            try:
                answer = child.block.validate_answer(child.value, answer)
            except SubmissionError as error:
                raise SubmissionError(
                    # Translators: a problem with the answer to one question, e.g. "Question 2: Answer true or false."
                    gettext("Question %(number)s: %(problem)s")
                    % {"number": list(questions).index(child.id) + 1, "problem": error}
                ) from error
            results.append(child.block.grade(child.value, answer, child.id))
        graded = GradeResult.from_questions(results, value["pass_mark"])
        if not self.shows_right_answers(value, graded):
            for result in results:
                result.right_answer = ""
        return graded

    @staticmethod
    def shows_right_answers(value, graded: GradeResult) -> bool:
        """The editor's choice, as Moodle's review options: attempts are unlimited, so showing
        the right answers after every attempt lets a learner collect them by answering anything."""
        show = value.get("show_answers") or "attempt"
        return show == "attempt" or (show == "passed" and graded.passed)


FEEDBACK_KEYS = {"explanation", "feedback", "feedback_correct", "feedback_incorrect"}


def _has_feedback(value) -> bool:
    """True if any feedback or explanation text is set anywhere inside the value."""
    if hasattr(value, "items"):
        return any(
            (key in FEEDBACK_KEYS and isinstance(item, str) and item.strip()) or _has_feedback(item)
            for key, item in value.items()
        )
    if isinstance(value, str):
        return False
    try:
        items = list(value)
    except TypeError:
        return False
    return any(_has_feedback(getattr(item, "value", item)) for item in items)
