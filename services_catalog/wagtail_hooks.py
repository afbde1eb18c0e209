"""Life-event bundles in the Wagtail admin: a snippet whose every save publishes a new version when what it says
changed (bundles.bundle_publish), or tells the editor what stops it from being published."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .bundles import bundle_publish
from .models import Bundle


class BundleViewSet(SnippetViewSet):
    model = Bundle
    icon = "list-ul"
    list_display = ["name_zh", "slug", "life_event"]
    search_fields = ["name_zh", "name_en", "slug"]


register_snippet(BundleViewSet)


def _publish(request, instance):
    if not isinstance(instance, Bundle):
        return
    try:
        version, created = bundle_publish(bundle=instance, actor=request.user)
    except ValidationError as error:
        messages.error(request, _("The bundle is saved but not published:"))
        for message in error.messages:
            messages.error(request, message)
        return
    if created:
        messages.success(
            request, _("Version %(number)s of the bundle is now shown to citizens.") % {"number": version.number}
        )


@hooks.register("after_create_snippet")
def publish_created_bundle(request, instance):
    _publish(request, instance)


@hooks.register("after_edit_snippet")
def publish_edited_bundle(request, instance):
    _publish(request, instance)
