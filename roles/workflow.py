"""The "Course review" workflow: peer review by a reviewer, then the coordinator's approval.

Wagtail's own notifications carry it: reviewers are emailed when a page reaches their
step, the submitter when it is approved or sent back with a comment, through the
configured email backend. Attached to the top page of every language's tree, it
applies to every page of the course, translations included.

Its steps are ``CourseReviewTask``s: group approvals that refuse to approve a page
whose latest revision could not go live (missing alt text or captions).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from .models import CourseReviewTask

WORKFLOW_NAME = "Course review"
STEPS = [("Peer review", "reviewers"), ("Coordinator approval", "coordinators")]


def _task(name, group):
    """The step named ``name``; a plain group approval left by an earlier setup becomes a
    course review step in place, keeping its groups and any page already waiting on it."""
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = CourseReviewTask.objects.create(name=name)
    proxy_type = ContentType.objects.get_for_model(CourseReviewTask, for_concrete_model=False)
    if task.content_type_id != proxy_type.pk:
        GroupApprovalTask.objects.filter(pk=task.pk).update(content_type=proxy_type)
    task.groups.add(group)
    return task


def ensure_course_review_workflow(*, reviewers, coordinators, roots) -> Workflow:
    groups = {"reviewers": reviewers, "coordinators": coordinators}
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    for order, (name, group_key) in enumerate(STEPS):
        task = _task(name, groups[group_key])
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    for root in roots:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
