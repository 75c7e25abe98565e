"""Where surveys plug into the rest of Lectern without the course knowing about them."""


def connect():
    from progress.privacy import register_eraser, register_export_section

    from .privacy import forget_learner, survey_answers_export

    register_export_section("surveys", survey_answers_export)
    register_eraser("surveys", forget_learner)
