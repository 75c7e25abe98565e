"""The demo's surveys, added after the learner side's demo learners (a later hook order)."""

from wagtail import hooks


@hooks.register("after_load_demo_course", order=100)
def add_surveys_to_demo(demo):
    """Runs after ``progress``'s demo learners so that the validation answers are theirs."""
    from .demo import add_demo_surveys

    demo.say(add_demo_surveys(course=demo.course))
