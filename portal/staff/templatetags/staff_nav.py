"""The header's staff navigation: staff home and the tools the signed-in member of staff may use."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from ..access import has_any_staff_permission
from ..selectors import staff_tasks

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_navigation(context):
    """[{"title", "url"}, ...] for a signed-in user with any staff permission (staff home first), else []."""
    user = context.get("user")
    if user is None or not user.is_authenticated or not has_any_staff_permission(user):
        return []
    return [
        {"title": _("Staff"), "url": reverse("staff:home")},
        *({"title": task["title"], "url": task["url"]} for task in staff_tasks(user)),
    ]
