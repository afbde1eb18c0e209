from django import template
from django.urls import reverse

from portal.applications.status import Status

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def assist_state(context):
    """For the banner on every page: {"session": the assist session this browser is in, "ended": True when
    the one it was in has ended, "answer_url": where the citizen answers a request for more information when
    this page is one of their applications waiting for it}. No query unless the browser is in a session."""
    request = context.get("request")
    state = {}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return state
    if request.session.get(selectors.SESSION_KEY):
        state["session"] = selectors.assist_session_current(request)
        state["ended"] = state["session"] is None
    application = context.get("application")
    match = getattr(request, "resolver_match", None)
    if (
        application is not None
        and getattr(application, "status", None) == Status.MORE_INFO_REQUESTED
        and match is not None
        and match.namespace == "applications"
    ):
        state["answer_url"] = reverse("more_information:answer", kwargs={"pk": application.pk})
    return state
