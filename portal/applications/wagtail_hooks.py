"""Application flows in the Wagtail admin: a snippet whose every save publishes a new version (when the
definition changed); drafts already started keep theirs. Code-defined flows are shown, read-only in effect."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Flow
from .services import flow_publish_from_editor


class FlowViewSet(SnippetViewSet):
    model = Flow
    icon = "form"
    list_display = ["key", "title_zh", "source"]
    search_fields = ["key", "title_zh", "title_en"]


register_snippet(FlowViewSet)


def _publish(request, instance):
    if not isinstance(instance, Flow):
        return
    try:
        version, created = flow_publish_from_editor(flow=instance, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return
    if created:
        messages.success(
            request, _("Version %(number)s of the flow is now used for new applications.") % {"number": version.number}
        )


@hooks.register("after_create_snippet")
def publish_created_flow(request, instance):
    _publish(request, instance)


@hooks.register("after_edit_snippet")
def publish_edited_flow(request, instance):
    _publish(request, instance)
