"""The topic edit form refuses to publish content that learners could not use."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .content_checks import cannot_go_live_message, topic_issues


def going_live(data) -> bool:
    """Whether the editor asked to publish, to submit for review or to approve."""
    return bool(
        data.get("action-publish")
        or data.get("action-submit")
        or (data.get("action-workflow-action") and data.get("workflow-action-name") == "approve")
    )


def _field_error(issue):
    if issue.field == "captions":
        return ListBlockValidationError(non_block_errors=ErrorList([ValidationError(issue.message)]))
    return ValidationError(issue.message)


class TopicPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if not going_live(self.data) or "body" not in cleaned_data:
            return cleaned_data
        blocking = [
            issue
            for issue in topic_issues(cleaned_data["body"], cleaned_data.get("outcomes"))
            if issue.blocking
        ]
        if blocking:
            self.add_error(
                "body",
                StreamBlockValidationError(
                    block_errors={
                        issue.block_index: StructBlockValidationError({issue.field: _field_error(issue)})
                        for issue in blocking
                    }
                ),
            )
            self.add_error(None, cannot_go_live_message(blocking))
        return cleaned_data
