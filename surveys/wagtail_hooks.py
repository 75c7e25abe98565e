"""The demo's surveys, added after the learner side's demo learners (a later hook order)."""

from wagtail import hooks


@hooks.register("lectern_demo_course_loaded", order=100)
def add_surveys_to_demo(course, create_logins=False):
    """Runs after ``progress``'s demo learners so that the validation answers are theirs."""
    from .demo import add_demo_surveys

    return [add_demo_surveys(course=course)]
