"""The mandate half of the one access rule (portal.applications.selectors.applications_visible_to):
registered in RepresentationConfig.ready through portal.applications.hooks, so the engine asks without importing
this app."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from portal.applications.hooks import Acting
from portal.applications.status import Channel

from . import selectors


class MandatePolicy:
    def agent_scope(self, user, now):
        scope = Q(pk__in=[])
        for mandate in selectors.mandates_valid_for_agent(user, now):
            reach = Q(channel=Channel.PROXY, submitted_by=user, applicant_id=mandate.principal_id)
            if not mandate.all_services:
                reach &= Q(service_code__in=list(mandate.service_codes or []))
            scope |= reach
        return scope

    def acting_for(self, request, service_code=None):
        if not request.session.get(selectors.SESSION_KEY):
            return None
        mandate = selectors.acting_mandate(request)
        if mandate is None:
            raise PermissionDenied("The mandate you were acting under is no longer valid")
        if service_code is not None and not mandate.covers(service_code):
            raise PermissionDenied("The mandate does not cover this service")
        return Acting(principal=mandate.principal, channel=Channel.PROXY, mandate_reference=mandate.reference)
