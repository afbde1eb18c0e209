"""The assisted half of the one access rule (portal.applications.selectors.applications_visible_to): registered
in AssistedConfig.ready through portal.applications.hooks. While a member of staff is in an active assist
session, what they start is the citizen's application (channel "assisted", the session's reference), and they
may reach the applications of their active sessions, and no others: once the session ends (or runs past
ASSIST_SESSION_MAX_HOURS), only the citizen has them."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from portal.applications.hooks import Acting
from portal.applications.status import Channel, Source
from portal.staff.roles import ASSIST

from . import selectors
from .models import AssistSession


class AssistPolicy:
    def agent_scope(self, user, now):
        if not user.has_perm(ASSIST):  # a membership removed mid-session ends the reach at once
            return Q(pk__in=[])
        active = AssistSession.objects.filter(selectors.assist_session_live(now), staff=user).values("reference")
        return Q(channel=Channel.ASSISTED, submitted_by=user, assist_session_reference__in=active)

    def acting_for(self, request, service_code=None):
        if not request.session.get(selectors.SESSION_KEY):
            return None
        session = selectors.assist_session_current(request)
        if session is None:
            raise PermissionDenied("The assist session has ended")
        return Acting(
            principal=session.citizen,
            channel=Channel.ASSISTED,
            assist_session_reference=session.reference,
            source=Source.STAFF,
        )
