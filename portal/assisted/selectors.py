"""Reads for assisted mode and the department workbench."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from portal.accounts import crypto
from portal.applications.models import Application, ApplicationDocument, StatusEvent
from portal.applications.selectors import applications_visible_to, service_titles
from portal.applications.status import Status
from portal.connectors.services import connectors_for_application
from portal.language import active_language
from portal.staff.roles import ASSIST
from portal.staff.selectors import department_ids_for_reviewer, halls_for
from services_catalog.calendar import Calendar
from services_catalog.models import ServicePage

from .models import AssistSession, AssistState, MoreInformationAnswer, MoreInformationDocument

SESSION_KEY = "assist_session"

# Statuses still waiting for the department: these can be overdue.
OPEN_STATUSES = (Status.SUBMITTED, Status.RECEIVED, Status.IN_REVIEW, Status.MORE_INFO_REQUESTED)


# Assisted mode --------------------------------------------------------------------------------------------


def citizen_by_resident_id(resident_id):
    """The account holding this resident ID number (HMAC look-up: the number is never stored in clear), or None."""
    if not resident_id:
        return None
    return (
        get_user_model()
        ._default_manager.filter(resident_id_hash=crypto.lookup_hash(resident_id), is_active=True)
        .first()
    )


def halls_for_staff(user):
    """The halls where `user` may assist citizens (every hall for administrators)."""
    return halls_for(user)


def assist_session_live(now=None):
    """A Q over AssistSession: not ended, and started less than ASSIST_SESSION_MAX_HOURS ago. A session past
    that behaves as ended (no reach, no banner, no resuming) until the worker ends it (assist_sessions_expire)."""
    now = now or timezone.now()
    return Q(state=AssistState.ACTIVE, started_at__gt=now - datetime.timedelta(hours=settings.ASSIST_SESSION_MAX_HOURS))


def assist_sessions_active(staff, now=None):
    return AssistSession.objects.filter(assist_session_live(now), staff=staff).select_related("citizen", "hall")


def assist_sessions_expired(*, staff=None, now=None):
    """Sessions still marked active that are past ASSIST_SESSION_MAX_HOURS (every member of staff's, or one's)."""
    sessions = AssistSession.objects.filter(state=AssistState.ACTIVE).exclude(assist_session_live(now))
    return sessions if staff is None else sessions.filter(staff=staff)


def assist_session_get(*, staff, reference):
    """One of this member of staff's own sessions, or 404 (another's looks the same as none)."""
    session = AssistSession.objects.select_related("citizen", "hall").filter(staff=staff, reference=reference).first()
    if session is None:
        raise Http404("No such assist session")
    return session


def assist_sessions_recent(staff, limit=10):
    return list(AssistSession.objects.filter(staff=staff).select_related("citizen", "hall")[:limit])


def assist_session_current(request):
    """The assist session this browser session is in, if it is still active (not ended, not expired) and the
    user may still assist. A stale one stays in the browser session until they choose to clear it (see the
    banner, which then says the session has ended)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(request, "session"):
        return None
    reference = request.session.get(SESSION_KEY)
    if not reference:
        return None
    session = assist_sessions_active(user).filter(reference=reference).first()
    if session is None or not user.has_perm(ASSIST):
        return None
    return session


def session_applications(session):
    return list(
        Application.objects.filter(assist_session_reference=session.reference)
        .select_related("flow_version")
        .order_by("created_at")
    )


def session_application_count(session):
    return Application.objects.filter(assist_session_reference=session.reference).count()


def services_to_apply_for(query, limit=20):
    """Online services matching a code or words of the title, each once: in the active language when it has
    that translation, otherwise in Chinese."""
    query = (query or "").strip()
    if not query:
        return []
    language = active_language()
    pages = (
        ServicePage.objects.live()
        .filter(online=True)
        .filter(Q(service_code__iexact=query) | Q(title__icontains=query))
        .select_related("locale")
        .order_by("service_code")[: limit * 2]
    )
    chosen = {}
    for page in pages:
        current = chosen.get(page.service_code)
        if current is None or (page.locale.language_code == language and current.locale.language_code != language):
            chosen[page.service_code] = page
    return sorted(chosen.values(), key=lambda page: page.title)[:limit]


# The department workbench ---------------------------------------------------------------------------------


def reviewer_department_ids(user):
    """department_ids_for_reviewer, asked once per request (kept on the user object)."""
    if not hasattr(user, "_reviewer_department_ids"):
        user._reviewer_department_ids = department_ids_for_reviewer(user)
    return user._reviewer_department_ids


def queue_base(user):
    """Every sent application `user` may review: their departments' (by the service page's department);
    everything for administrators. Use it for every look-up by ID too."""
    applications = Application.objects.exclude(status=Status.DRAFT)
    pages = _scoped_pages(user)
    if pages is None:
        return applications
    # A semi-join on the department's service pages, not a join: counting needs no other table.
    return applications.filter(service_page_id__in=pages.values("pk"))


def _scoped_pages(user):
    """The service pages (every language) of `user`'s departments; None for administrators (all)."""
    department_ids = reviewer_department_ids(user)
    return None if department_ids is None else ServicePage.objects.filter(department_id__in=department_ids)


def queue_services(user):
    """[(service code, title)] of the services in `user`'s departments, for the filter: each once, titled in
    the active language when it has that translation."""
    pages = _scoped_pages(user)
    pages = ServicePage.objects.all() if pages is None else pages
    return sorted(service_titles(pages).items())


def overdue_filter(user, *, today=None, calendar=None):
    """A Q over Application for the open applications past their service's promised time limit, counted in
    working days from the day they were sent. One query (the distinct limits); the rest is arithmetic."""
    calendar = calendar or Calendar()
    today = today or timezone.localdate()
    pages = _scoped_pages(user)
    pages = ServicePage.objects.all() if pages is None else pages
    limits = sorted(set(pages.values_list("promised_time_limit_days", flat=True)))
    tz = timezone.get_current_timezone()
    condition = Q(pk__in=[])
    for days in limits:
        last = calendar.latest_overdue_start(days, today)
        cutoff = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
        condition |= Q(
            service_page_id__in=pages.filter(promised_time_limit_days=days).values("pk"), submitted_at__lt=cutoff
        )
    return condition & Q(status__in=OPEN_STATUSES)


def queue_applications(user, *, status="", service="", channel="", overdue=False, today=None):
    """The queue, oldest first, with what a row shows fetched in the same query."""
    applications = queue_base(user)
    if status == "all":
        pass
    elif status:
        applications = applications.filter(status=status)
    else:
        applications = applications.filter(status__in=OPEN_STATUSES)
    if service:
        applications = applications.filter(service_code=service)
    if channel:
        applications = applications.filter(channel=channel)
    if overdue:
        applications = applications.filter(overdue_filter(user, today=today))
    return (
        applications.select_related("service_page", "applicant")
        .only(
            "id",
            "reference",
            "service_code",
            "status",
            "channel",
            "submitted_at",
            "applicant__real_name",
            "service_page__promised_time_limit_days",
            "service_page__department_id",
        )
        .order_by("submitted_at", "id")
    )


def due_date(application, calendar):
    page = application.service_page
    if page is None or application.submitted_at is None:
        return None
    submitted = timezone.localtime(application.submitted_at).date()
    return calendar.add(submitted, page.promised_time_limit_days)


def queue_rows(applications, *, today=None):
    """Rows for one page of the queue: the application, its service's name (one query for the page) and
    its due date (arithmetic)."""
    applications = list(applications)
    today = today or timezone.localdate()
    calendar = Calendar()
    codes = {a.service_code for a in applications}
    titles = service_titles(ServicePage.objects.filter(service_code__in=codes)) if codes else {}
    rows = []
    for application in applications:
        due = due_date(application, calendar)
        rows.append(
            {
                "application": application,
                "service_name": titles.get(application.service_code, ""),
                "due": due,
                "overdue": bool(due and due < today and application.status in OPEN_STATUSES),
            }
        )
    return rows


def queue_application_get(*, user, application_id):
    try:
        return (
            queue_base(user)
            .select_related("flow_version", "applicant", "submitted_by", "service_page")
            .get(pk=application_id)
        )
    except (Application.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such application") from None


def more_information_request_latest(application):
    return (
        StatusEvent.objects.filter(application=application, to_status=Status.MORE_INFO_REQUESTED)
        .order_by("-created_at", "-id")
        .first()
    )


def more_information_answers(application):
    return list(
        MoreInformationAnswer.objects.filter(application=application)
        .select_related("answered_by")
        .prefetch_related("documents")
    )


def answer_documents(application):
    """The files sent with the answers to requests for more information, oldest first."""
    return list(
        MoreInformationDocument.objects.filter(answer__application=application)
        .select_related("answer")
        .order_by("created_at", "id")
    )


def answer_document_for_user(*, user, document_id):
    """A file sent with an answer, for someone who may see its application (the applicant, their proxy...),
    or 404: the same access rule as the application's own documents (applications_visible_to)."""
    try:
        return MoreInformationDocument.objects.select_related("answer__application").get(
            pk=document_id, answer__application__in=applications_visible_to(user)
        )
    except (MoreInformationDocument.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such document") from None


def documents_sent(application, *, for_reviewer=False):
    """What the citizen sent, for the "documents you sent" list: the form's uploads, then the files sent with
    answers to requests for more information, each as {"name", "url", "answered_at"} (answered_at is None for
    the form's uploads), with the download address the citizen's side or the workbench checks."""
    own = "assisted:queue_document" if for_reviewer else "applications:document"
    answered = "assisted:queue_answer_document" if for_reviewer else "more_information:document"
    rows = [
        {"name": document.original_name, "url": reverse(own, kwargs={"pk": document.pk}), "answered_at": None}
        for document in application.documents.all()
    ]
    rows += [
        {
            "name": document.original_name,
            "url": reverse(answered, kwargs={"pk": document.pk}),
            "answered_at": document.answer.created_at,
        }
        for document in answer_documents(application)
    ]
    return rows


def answer_document_for_reviewer(*, user, document_id):
    try:
        return MoreInformationDocument.objects.select_related("answer__application").get(
            pk=document_id, answer__application__in=queue_base(user)
        )
    except (MoreInformationDocument.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such document") from None


def application_document_for_reviewer(*, user, document_id):
    try:
        return ApplicationDocument.objects.select_related("application").get(
            pk=document_id, application__in=queue_base(user)
        )
    except (ApplicationDocument.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such document") from None


def back_office_connectors(application):
    """The enabled back-office connectors that receive this application: when there is one, the back office
    drives its status, not the workbench."""
    return connectors_for_application(application)
