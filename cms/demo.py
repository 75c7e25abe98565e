"""What the demo loader tells the apps that add to the demo (roles, learners, surveys).

The course must stand without them, so ``load_demo_course`` never imports them: it
runs every function registered with Wagtail's ``after_load_demo_course`` hook, in
their ``order``, and hands each a ``DemoLoad``. An app adds its part of the demo with

    @hooks.register("after_load_demo_course", order=10)
    def add_demo_learners(demo):
        ...
        demo.say("75 demo learners with their progress.")
        demo.login("learner", "learner-1", password)
"""

from dataclasses import dataclass, field

from wagtail import hooks

AFTER_LOAD_DEMO_COURSE = "after_load_demo_course"


@dataclass
class DemoLoad:
    """The loaded course, whether logins are wanted, and where to report."""

    course: object
    create_logins: bool
    lines: list[str] = field(default_factory=list)
    logins: list[tuple[str, str, str]] = field(default_factory=list)

    def say(self, text: str) -> None:
        self.lines.append(text)

    def login(self, who: str, username: str, password: str) -> None:
        """A login for a person trying the demo; printed after everything is loaded."""
        self.logins.append((who, username, password))


def run_demo_hooks(course, create_logins: bool) -> DemoLoad:
    demo = DemoLoad(course=course, create_logins=create_logins)
    for add_to_demo in hooks.get_hooks(AFTER_LOAD_DEMO_COURSE):
        add_to_demo(demo)
    return demo
