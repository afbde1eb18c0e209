import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from portal.accounts.crypto import lookup_hash
from portal.accounts.validators import normalise_mobile, normalise_resident_id
from portal.staff.roles import ASSIST
from portal.staff.selectors import hall_ids_for
from services_catalog.models import ServiceHall

from .models import Mandate, MandateState

SESSION_KEY = "acting_for_mandate"


def mandates_valid_for_agent(agent, now=None):
    """The agent's mandates that are active and inside their validity window now."""
    now = now or timezone.now()
    if agent is None or not agent.is_authenticated:
        return Mandate.objects.none()
    return Mandate.objects.filter(agent=agent, state=MandateState.ACTIVE, valid_from__lte=now, valid_until__gt=now)


def mandate_usable(*, agent, mandate_id, service_code=None, now=None):
    """THE mandate check: this agent's mandate `mandate_id`, if it is active and valid now (and covers
    `service_code` when one is given); otherwise None."""
    try:
        mandate = mandates_valid_for_agent(agent, now).select_related("principal").get(pk=mandate_id)
    except (Mandate.DoesNotExist, ValueError, TypeError, ValidationError):  # a malformed id: "no such mandate"
        return None
    if service_code is not None and not mandate.covers(service_code):
        return None
    return mandate


def acting_mandate(request):
    """The mandate the session is acting under, if it is still valid. A stale one stays in the session
    (so nothing is then done silently in the agent's own name) until they choose to stop acting."""
    mandate_id = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if not mandate_id:
        return None
    return mandate_usable(agent=request.user, mandate_id=mandate_id)


def mandates_given(principal):
    return list(Mandate.objects.filter(principal=principal).select_related("agent").order_by("-requested_at"))


def mandates_held(agent):
    return list(Mandate.objects.filter(agent=agent).select_related("principal").order_by("-requested_at"))


def mandate_for_principal(*, principal, mandate_id):
    return Mandate.objects.select_related("agent", "principal").get(pk=mandate_id, principal=principal)


def mandate_for_party(*, user, mandate_id):
    return Mandate.objects.select_related("agent", "principal").get(
        Q(principal=user) | Q(agent=user), pk=mandate_id)


def identifier_kind(identifier):
    """"resident_id" for something shaped like a resident ID number, else "phone"."""
    return "resident_id" if re.fullmatch(r"\d{17}[\dX]", normalise_resident_id(identifier)) else "phone"


def person_by_name_and_number(identifier, name):
    """The active account with this resident ID number (or mobile number) AND this full name, or None. Only for
    services.person_look_up, which counts and audits every look-up: never call it from a form or a view."""
    users = get_user_model()._default_manager.filter(is_active=True)
    if identifier_kind(identifier) == "resident_id":
        users = users.filter(resident_id_hash=lookup_hash(normalise_resident_id(identifier)))
    else:
        users = users.filter(phone=normalise_mobile(identifier))
    found = users.first()
    return found if found is not None and found.real_name.strip() == (name or "").strip() else None


def halls_for_in_person(user):
    """The halls where `user` may record a mandate in person: the halls they assist citizens at (every hall for
    administrators); none without the hall-staff permission."""
    if not user.has_perm(ASSIST):
        return []
    ids = hall_ids_for(user)
    halls = ServiceHall.objects.order_by("name_zh")
    return list(halls if ids is None else halls.filter(pk__in=ids))
