"""Assisted mode (帮办) and the department workbench: thin views; forms validate, services write, selectors read.
Every staff page passes portal.staff.access.staff_required (signed in, staff, second factor, permission)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from portal.accounts import crypto
from portal.applications import selectors as application_selectors
from portal.applications.downloads import file_response
from portal.applications.services import StaleApplication, TransitionNotAllowed
from portal.applications.status import Channel, Source, Status, next_statuses
from portal.audit.services import audit_record
from portal.staff.access import staff_required
from portal.staff.roles import ASSIST, REVIEW

from . import selectors, services
from .forms import (
    ActionForm,
    AssistChecksForm,
    FindCitizenForm,
    MoreInformationForm,
    NoteForm,
    RegisterCitizenForm,
    ServiceSearchForm,
)

CANDIDATE_KEY = "assist_candidate"  # {"user": pk, "registered": bool}: found or registered, checks not yet done
UNKNOWN_ID_KEY = "assist_unknown_id"  # an ID number with no account yet, encrypted, to prefill registration
PAGE_SIZE = 25


# Assisted mode --------------------------------------------------------------------------------------------


@staff_required(ASSIST)
@sensitive_post_parameters("resident_id")
@require_http_methods(["GET", "POST"])
def assist_home(request):
    """Find the citizen by resident ID; or resume a session an interrupted browser left active."""
    form = FindCitizenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        resident_id = form.cleaned_data["resident_id"]
        try:
            citizen = services.citizen_look_up(staff=request.user, resident_id=resident_id)
        except services.TooManyLookUps:
            form.add_error(
                "resident_id",
                _("You have looked up too many ID numbers in a short time. Wait %(minutes)s minutes, then try again")
                % {"minutes": services.LOOK_UP_WINDOW_SECONDS // 60},
            )
        else:
            if citizen is None:
                request.session[UNKNOWN_ID_KEY] = crypto.encrypt(resident_id)
                return redirect("assisted:register")
            if citizen.pk == request.user.pk:
                form.add_error("resident_id", _("You cannot assist yourself. Ask a colleague to help you"))
            else:
                request.session[CANDIDATE_KEY] = {"user": citizen.pk, "registered": False}
                request.session.pop(UNKNOWN_ID_KEY, None)
                return redirect("assisted:checks")
    return render(
        request,
        "assisted/home.html",
        {
            "form": form,
            "active": selectors.assist_sessions_active(request.user).first(),
            "recent": selectors.assist_sessions_recent(request.user),
            "current": selectors.assist_session_current(request),
        },
    )


@staff_required(ASSIST)
@sensitive_post_parameters("resident_id", "phone")
@require_http_methods(["GET", "POST"])
def register(request):
    """No account has the ID number: create one on the spot (no password; they claim it later)."""
    encrypted = request.session.get(UNKNOWN_ID_KEY)
    initial = {"resident_id": crypto.decrypt(encrypted)} if encrypted else {}
    form = RegisterCitizenForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        citizen = services.citizen_register_at_hall(
            staff=request.user,
            real_name=data["real_name"],
            resident_id=data["resident_id"],
            phone=data["phone"],
            email=data["email"],
        )
        request.session.pop(UNKNOWN_ID_KEY, None)
        request.session[CANDIDATE_KEY] = {"user": citizen.pk, "registered": True}
        messages.success(request, _("An account has been created for %(name)s.") % {"name": citizen.real_name})
        return redirect("assisted:checks")
    return render(request, "assisted/register.html", {"form": form, "not_found": bool(encrypted)})


def _candidate(request):
    data = request.session.get(CANDIDATE_KEY) or {}
    user = get_user_model()._default_manager.filter(pk=data.get("user"), is_active=True).first()
    return user, bool(data.get("registered"))


@staff_required(ASSIST)
@require_http_methods(["GET", "POST"])
def checks(request):
    """Presence, ID card and consent: three explicit ticks, then the session starts."""
    citizen, registered = _candidate(request)
    if citizen is None:
        return redirect("assisted:home")
    halls = selectors.halls_for_staff(request.user)
    form = AssistChecksForm(request.POST or None, halls=halls)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.assist_session_start(
                staff=request.user,
                citizen=citizen,
                hall=data["hall"],
                presence_confirmed=data["presence_confirmed"],
                id_checked=data["id_checked"],
                consent_recorded=data["consent_recorded"],
                citizen_registered=registered,
            )
        except services.AssistSessionAlreadyActive as active:
            messages.error(
                request,
                _("You are still assisting %(name)s. End that session before you start another.")
                % {"name": active.session.citizen.real_name},
            )
            return redirect("assisted:session", reference=active.session.reference)
        services.assist_session_enter(request=request, session=session)
        request.session.pop(CANDIDATE_KEY, None)
        return redirect("assisted:session", reference=session.reference)
    return render(request, "assisted/checks.html", {"form": form, "citizen": citizen, "no_halls": not halls})


@staff_required(ASSIST)
def session_detail(request, reference):
    session = selectors.assist_session_get(staff=request.user, reference=reference)
    current = selectors.assist_session_current(request)
    search = ServiceSearchForm(request.GET or None)
    results = selectors.services_to_apply_for(search.cleaned_data["q"]) if search.is_valid() else []
    # Once it has ended, the applications are the citizen's alone: the page keeps only how many were made.
    applications = selectors.session_applications(session) if session.is_active else []
    names = application_selectors.service_names(applications)
    return render(
        request,
        "assisted/session.html",
        {
            "session": session,
            "in_this_session": current is not None and current.pk == session.pk,
            "search": search,
            "results": results,
            "searched": search.is_bound,
            "applications": [{"application": a, "service_name": names[a.pk]} for a in applications],
            "application_count": None if session.is_active else selectors.session_application_count(session),
        },
    )


@staff_required(ASSIST)
@require_POST
def session_resume(request, reference):
    session = selectors.assist_session_get(staff=request.user, reference=reference)
    if not session.is_active:
        messages.error(request, _("This session has ended. Start a new one to help this citizen again."))
        return redirect("assisted:home")
    services.assist_session_enter(request=request, session=session, resumed=True)
    messages.success(request, _("You are assisting %(name)s again.") % {"name": session.citizen.real_name})
    return redirect("assisted:session", reference=reference)


@staff_required(ASSIST)
@require_POST
def session_end(request, reference):
    session = selectors.assist_session_get(staff=request.user, reference=reference)
    services.assist_session_end(session=session, actor=request.user, request=request)
    messages.success(
        request,
        _("The session with %(name)s has ended. Their applications are in their own account.")
        % {"name": session.citizen.real_name},
    )
    return redirect("assisted:home")


@login_required
@require_POST
def leave(request):
    """Forget an assist session that has ended elsewhere (the banner says so)."""
    services.assist_browser_session_leave(request=request)
    return redirect("assisted:home")


# The department workbench ---------------------------------------------------------------------------------


def _queue_filters(request):
    statuses = {value for value, _label in Status.choices if value != Status.DRAFT}
    status = request.GET.get("status", "")
    channel = request.GET.get("channel", "")
    return {
        "status": status if status in statuses or status == "all" else "",
        "service": request.GET.get("service", "").strip()[:40],
        "channel": channel if channel in Channel.values else "",
        "overdue": request.GET.get("overdue") == "1",
    }


@staff_required(REVIEW)
def queue(request):
    filters = _queue_filters(request)
    today = timezone.localdate()
    applications = selectors.queue_applications(request.user, today=today, **filters)
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "assisted/queue.html",
        {
            "filters": filters,
            "page_obj": page,
            "rows": selectors.queue_rows(page.object_list, today=today),
            "services": selectors.queue_services(request.user),
            "channels": Channel.choices,
            "statuses": [(value, label) for value, label in Status.choices if value != Status.DRAFT],
            "params": {key: ("1" if value is True else value) for key, value in filters.items() if value},
        },
    )


def _detail_context(request, application, forms=None):
    connectors = selectors.back_office_connectors(application)
    allowed = set(next_statuses(application.status, Source.STAFF)) if not connectors else set()
    status = application.status
    forms = forms or {}
    return {
        "application": application,
        "service_name": application_selectors.service_name(application),
        "summary": application_selectors.application_summary(application),
        "documents": list(application.documents.all()),
        "events": application_selectors.application_events(application),
        "answers": selectors.more_information_answers(application),
        "connectors": connectors,
        "due": selectors.due_date(application, selectors.Calendar()),
        "can_start": bool(allowed & {Status.RECEIVED, Status.IN_REVIEW})
        and status in (Status.SUBMITTED, Status.RECEIVED),
        "can_decide": status == Status.IN_REVIEW and not connectors,
        "can_complete": Status.COMPLETED in allowed,
        "start_form": ActionForm(initial={"expected_status": status}),
        "more_form": forms.get("more") or _more_form(initial={"expected_status": status}),
        "decide_form": forms.get("decide") or _decide_form(initial={"expected_status": status}),
        "complete_form": ActionForm(initial={"expected_status": status}),
    }


def _more_form(data=None, **kwargs):
    return NoteForm(
        data,
        prefix="more",
        label=_("What the citizen needs to send or explain"),
        help_text=_("The citizen reads this on their application page and in a text message or e-mail."),
        required_message=_("Say what more information the citizen needs to give"),
        **kwargs,
    )


def _decide_form(data=None, required=False, **kwargs):
    return NoteForm(
        data,
        prefix="decide",
        label=_("Reason for the decision"),
        help_text=_("Needed when you do not approve: say why and what the citizen can do next."),
        required=required,
        **kwargs,
    )


@staff_required(REVIEW)
def queue_detail(request, pk):
    application = selectors.queue_application_get(user=request.user, application_id=pk)
    audit_record(
        action="application.viewed",
        actor=request.user,
        on_behalf_of=application.applicant_id,
        obj=application,
        details={"by": "reviewer"},
    )
    return render(request, "assisted/queue_detail.html", _detail_context(request, application))


@staff_required(REVIEW)
@require_POST
def queue_action(request, pk, action):
    application = selectors.queue_application_get(user=request.user, application_id=pk)
    detail_url = reverse("assisted:queue_detail", kwargs={"pk": pk})
    forms = {}
    try:
        if action == "start":
            form = ActionForm(request.POST)
            form.is_valid()
            services.review_start(
                application=application,
                actor=request.user,
                expected_status=form.cleaned_data.get("expected_status", ""),
            )
            messages.success(request, _("You have started reviewing this application."))
        elif action == "more-information":
            form = forms["more"] = _more_form(request.POST)
            if not form.is_valid():
                return _detail_with_errors(request, application, forms)
            services.review_request_more_information(
                application=application,
                actor=request.user,
                note=form.cleaned_data["note"],
                expected_status=form.cleaned_data["expected_status"],
            )
            messages.success(request, _("The citizen has been asked for more information."))
        elif action in ("approve", "reject"):
            form = forms["decide"] = _decide_form(  # a reason is needed to reject, not to approve
                request.POST,
                required=action == "reject",
                required_message=_("Give the reason the application is not approved"),
            )
            if not form.is_valid():
                return _detail_with_errors(request, application, forms)
            services.review_decide(
                application=application,
                actor=request.user,
                approve=action == "approve",
                reason=form.cleaned_data["note"],
                expected_status=form.cleaned_data["expected_status"],
            )
            messages.success(
                request,
                _("The application has been approved.")
                if action == "approve"
                else _("The application has not been approved. The citizen has been told why."),
            )
        elif action == "complete":
            form = ActionForm(request.POST)
            form.is_valid()
            services.review_complete(
                application=application,
                actor=request.user,
                expected_status=form.cleaned_data.get("expected_status", ""),
            )
            messages.success(request, _("The application is closed."))
        else:
            raise PermissionDenied
    except services.BackOfficeDrivesStatus:
        messages.error(request, _("This department's own system sets the status of its applications."))
    except (StaleApplication, TransitionNotAllowed):
        messages.error(
            request, _("The application changed while you were looking at it. Check it again, then choose what to do.")
        )
    return redirect(detail_url)


def _detail_with_errors(request, application, forms):
    context = _detail_context(request, application, forms)
    context["error_form"] = next(iter(forms.values()))
    return render(request, "assisted/queue_detail.html", context, status=400)


def _file(item, user, application):
    audit_record(
        action="document.downloaded",
        actor=user,
        on_behalf_of=application.applicant_id,
        obj=application,
        details={"by": "reviewer"},
    )
    return file_response(item.file, filename=item.original_name, content_type=item.content_type)


@staff_required(REVIEW)
def queue_document(request, pk):
    document = selectors.application_document_for_reviewer(user=request.user, document_id=pk)
    return _file(document, request.user, document.application)


@staff_required(REVIEW)
def queue_answer_document(request, pk):
    document = selectors.answer_document_for_reviewer(user=request.user, document_id=pk)
    return _file(document, request.user, document.answer.application)


# The citizen's side of a request for more information -----------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def more_information(request, pk):
    application = application_selectors.application_get_for_user(user=request.user, application_id=pk)
    if application.status != Status.MORE_INFO_REQUESTED:
        return redirect("applications:detail", pk=pk)
    form = MoreInformationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.more_information_answer(
                application=application,
                actor=request.user,
                text=form.cleaned_data["text"],
                uploads=form.cleaned_data["files"],
            )
        except TransitionNotAllowed:
            messages.error(request, _("The department is no longer waiting for an answer."))
        else:
            messages.success(request, _("Your answer has been sent to the department."))
        return redirect("applications:detail", pk=pk)
    return render(
        request,
        "assisted/more_information.html",
        {
            "application": application,
            "service_name": application_selectors.service_name(application),
            "request_event": selectors.more_information_request_latest(application),
            "form": form,
        },
    )
