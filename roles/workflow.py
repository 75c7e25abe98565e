"""The "Course review" workflow: peer review by a reviewer, then the coordinator's approval.

Wagtail's own notifications carry it: reviewers are emailed when a page reaches their
step, the submitter when it is approved or sent back with a comment, through the
configured email backend. Attached to the top page of every language's tree, it
applies to every page of the course, translations included.
"""

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

WORKFLOW_NAME = "Course review"
STEPS = [("Peer review", "reviewers"), ("Coordinator approval", "coordinators")]


def _task(name, group):
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
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
