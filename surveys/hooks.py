"""Where surveys plug into the rest of Lectern without the course knowing about them."""


def connect():
    from cms.signals import demo_course_loaded

    from .demo import add_demo_surveys

    demo_course_loaded.connect(add_demo_surveys, dispatch_uid="lectern-surveys-demo")
    try:
        from progress.privacy import register_export_section
    except ImportError:  # before the learners' data export exists
        return
    from .privacy import survey_answers_export

    register_export_section("surveys", survey_answers_export)
