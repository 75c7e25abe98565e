"""wagtail-localize's translation editor, fitted to translators who may not publish.

Three things it does not do on its own:

- it names a string inside a StreamField block by the block's first field only, so
  every string of an exercise (option, feedback, accepted answer…) reads
  "Questions"; ``field_label`` names it by the whole way down the blocks
  ("Questions › Single choice › Options › Feedback");
- its sticky bar offers "Convert to alias page", which throws the translation away,
  as the main action to anyone who may not publish; ``for_translators`` removes it
  for them (and ``convert_to_alias`` refuses it), keeping it for coordinators;
- "Translate this page" offers every language; ``OwnLocalesTranslateView`` offers
  only the languages whose pages the user may edit.
"""

import json

from django import forms
from django.core.exceptions import PermissionDenied
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.views import convert, edit_translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

SEPARATOR = " › "


def field_label(source_instance, field_path: str) -> str | None:
    """The labels of the blocks a StreamField string sits in, below the top block; None elsewhere."""
    names = field_path.split(".")
    field = source_instance._meta.get_field(names[0])
    if not isinstance(field, StreamField) or len(names) < 3:
        return None
    block, labels = field.stream_block, []
    for name in names[1:]:
        if isinstance(block, blocks.ListBlock) and name == "item":
            block = block.child_block
        else:
            block = getattr(block, "child_blocks", {}).get(name)
            if block is None:
                return None
        if block.label and (not labels or labels[-1] != block.label):
            labels.append(str(block.label))
    return SEPARATOR.join(labels[1:]) or None


def _labelled(locate):
    def location(source_instance, tab_helper, content_path, field_path, widget=False):
        info = locate(source_instance, tab_helper, content_path, field_path, widget=widget)
        label = field_label(source_instance, field_path)
        if label:
            info["subField"] = label
        return info

    location.lectern_labelled = True
    return location


def for_translators(props: str, page_perms) -> str:
    """The editor's props without "Convert to alias page" for someone who may not publish."""
    if page_perms is None or page_perms.can_publish():
        return props
    data = json.loads(props)
    data.get("links", {})["convertToAliasUrl"] = None
    return json.dumps(data)


def convert_to_alias(request, page_id):
    """Throwing a translation away is for those who may publish the page, not for translators."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None and not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def editable_locales(page: Page, user):
    """The locales where the user may edit this page's counterpart (or, without one, the tree)."""
    allowed = []
    for locale in Locale.objects.all():
        target = page.get_translation_or_none(locale) or Page.objects.filter(depth=2, locale=locale).first()
        if target is not None and target.permissions_for_user(user).can_edit():
            allowed.append(locale.pk)
    return allowed


class OwnLocalesTranslateView(SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", offering only the languages the user works in."""

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=editable_locales(self.object, self.request.user))
        if len(field.queryset) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form


def install() -> None:
    """Name exercise strings by their field in the translation editor (idempotent)."""
    if not getattr(edit_translation.get_segment_location_info, "lectern_labelled", False):
        edit_translation.get_segment_location_info = _labelled(edit_translation.get_segment_location_info)
