"""Where surveys plug into the rest of Lectern without the course knowing about them."""


def connect():
    from cms.signals import demo_course_loaded

    from .demo import add_demo_surveys

    demo_course_loaded.connect(add_demo_surveys, dispatch_uid="lectern-surveys-demo")
    from progress.privacy import register_eraser, register_export_section

    from .privacy import forget_learner, survey_answers_export

    register_export_section("surveys", survey_answers_export)
    register_eraser("surveys", forget_learner)
