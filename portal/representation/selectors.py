import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.crypto import lookup_hash
from portal.accounts.validators import normalise_mobile, normalise_resident_id
from portal.staff.roles import ASSIST
from portal.staff.selectors import halls_for
from portal.templatetags.portal_format import local_date
from services_catalog.models import ServicePage
from services_catalog.selectors import active_locale

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
    return Mandate.objects.select_related("agent", "principal").get(Q(principal=user) | Q(agent=user), pk=mandate_id)


def identifier_kind(identifier):
    """ "resident_id" for something shaped like a resident ID number, else "phone"."""
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
    return halls_for(user) if user.has_perm(ASSIST) else []


# Services, chosen by name -------------------------------------------------------------------------------------

SEARCH_LIMIT = 30


@dataclass(frozen=True)
class ServiceChoice:
    code: str
    name: str
    department: str

    @property
    def label(self):
        if not self.department:
            return self.name
        return _("%(service)s (%(department)s)") % {"service": self.name, "department": self.department}


def _service_rows(condition):
    """{service code: ServiceChoice} for the live services meeting `condition`, in any language, each named in
    the language of the page when it has a translation (a code is the same service in every language)."""
    locale = active_locale()
    english = (locale.language_code or "").startswith("en")
    rows = (
        ServicePage.objects.live()
        .filter(condition)
        .exclude(service_code="")
        .select_related("department")
        .only("service_code", "title", "locale_id", "department__name_zh", "department__name_en")
        .order_by("title")
    )
    found = {}
    for page in rows:
        if page.service_code in found and page.locale_id != locale.pk:
            continue
        department = page.department
        name = (department.name_en if english and department.name_en else department.name_zh) if department else ""
        found[page.service_code] = ServiceChoice(page.service_code, page.title, name)
    return found


def services_to_choose(*, chosen, search):
    """The services to list with a checkbox: those already ticked (first, in the order ticked, when they exist),
    then up to SEARCH_LIMIT whose name (or code) contains `search`."""
    chosen = [code for code in dict.fromkeys(chosen or []) if code]
    known = _service_rows(Q(service_code__in=chosen)) if chosen else {}
    listed = [known[code] for code in chosen if code in known]
    if search:
        matches = _service_rows(Q(title__icontains=search) | Q(service_code__iexact=search))
        listed += [service for code, service in matches.items() if code not in known][:SEARCH_LIMIT]
    return listed


def service_names(mandates):
    """{service code: its name} for the services the `mandates` list, in one query."""
    codes = {code for mandate in mandates for code in (mandate.service_codes or [])}
    return {code: service.name for code, service in _service_rows(Q(service_code__in=codes)).items()} if codes else {}


# How a mandate reads to each of the two people ---------------------------------------------------------------


def mandate_rows(mandates, user):
    """What `user`'s page shows for each mandate: what the other person is to them, its state as it concerns
    them, the services by name, and when it ends, in words."""
    names = service_names(mandates)
    return [
        {
            "mandate": mandate,
            "relationship": mandate.relationship_seen_by(user),
            "state": state_seen_by(mandate, user),
            "ends": ends_in_words(mandate),
            "services": _("All services")
            if mandate.all_services
            else _(", ").join(names.get(code, code) for code in mandate.service_codes or []),
        }
        for mandate in mandates
    ]


def state_seen_by(mandate, user):
    """A request waits for the principal's answer: "Waiting for your answer" to them, "Waiting for their
    answer" to the person who asked."""
    if mandate.state == MandateState.REQUESTED:
        return _("Waiting for your answer") if user.pk == mandate.principal_id else _("Waiting for an answer")
    return mandate.get_state_display()


def ends_in_words(mandate, now=None):
    """ "Ends on 3 December 2027" while it can still work; "Ended on …" once it has ended."""
    now = now or timezone.now()
    if mandate.state in (MandateState.REQUESTED, MandateState.ACTIVE) and mandate.valid_until > now:
        return _("Ends on %(date)s") % {"date": local_date(mandate.valid_until)}
    if mandate.state == MandateState.DECLINED:
        return ""
    ended = mandate.ended_at or mandate.valid_until
    return _("Ended on %(date)s") % {"date": local_date(min(ended, mandate.valid_until))}


def acting_ended_reason(request):
    """Why the mandate this session was acting under no longer works, in a sentence for the agent; "" when the
    session is not acting under one, or it still works."""
    mandate_id = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if not mandate_id or acting_mandate(request) is not None:
        return ""
    try:
        mandate = Mandate.objects.select_related("principal").get(pk=mandate_id, agent=request.user)
    except (Mandate.DoesNotExist, ValueError, TypeError, ValidationError):
        return _("Your permission to act for someone has ended.")
    name = mandate.principal.get_full_name()
    if mandate.state == MandateState.REVOKED and mandate.ended_by_id == mandate.principal_id:
        return _("%(name)s ended your permission to act for them.") % {"name": name}
    if mandate.state == MandateState.REVOKED and mandate.ended_by_id == request.user.pk:
        return _("You ended your permission to act for %(name)s.") % {"name": name}
    if mandate.state == MandateState.REVOKED:
        return _("Your permission to act for %(name)s was withdrawn.") % {"name": name}
    if mandate.state == MandateState.ACTIVE and mandate.valid_from > timezone.now():
        return _("Your permission to act for %(name)s has not started yet.") % {"name": name}
    return _("Your permission to act for %(name)s ended on %(date)s.") % {
        "name": name,
        "date": local_date(min(mandate.ended_at or mandate.valid_until, mandate.valid_until)),
    }
