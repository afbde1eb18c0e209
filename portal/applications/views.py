"""The citizen's path: start → steps → check answers → declaration → confirmation; my applications,
status, withdraw, receipts and documents. Thin: forms validate, services write, selectors read."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.accounts import regions
from portal.connectors.selectors import application_delivery_progress

from . import selectors, services
from .definitions import localised
from .forms import ConfirmForm, DeclarationForm, StepForm, declaration_text
from .models import ApplicationDocument
from .receipts import receipt_get_or_create, verification_reference
from .selectors import application_get_for_user
from .status import STATUS_EXPLANATIONS, Channel, can_withdraw

logger = logging.getLogger(__name__)


def _flow_for_page(page):
    version = selectors.flow_version_current(page.flow_key) if page.flow_key else None
    if version is None:
        if page.flow_key:
            logger.warning("service %s names unknown flow %r; using the general application", page.service_code,
                           page.flow_key)
        version = selectors.flow_version_current("general-application")
    return version


def start(request, service_code):
    page = selectors.service_page_for_code(service_code)
    if page is None or not page.online:
        raise Http404("No online application for this service")
    flow_version = _flow_for_page(page)
    if flow_version is None:
        raise Http404("No application flow")
    # Acting for someone (the session says so): the one policy decides whether it covers this service now.
    acting = selectors.access_policy().acting_for(request, service_code) if request.user.is_authenticated else None
    applicant = acting[0] if acting else request.user
    draft = selectors.draft_for_service(user=request.user, service_code=service_code, applicant=applicant)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:sign_in')}?next={request.path}")
        if draft is not None and "new" not in request.POST:
            return redirect(_resume_url(draft))
        proxy = {"channel": Channel.PROXY, "mandate_reference": acting[1]} if acting else {}
        application = services.application_start(
            flow_version=flow_version, applicant=applicant, actor=request.user, service_code=service_code,
            service_page=page, language=get_language() or "zh-hans", **proxy)
        return redirect(_resume_url(application))
    flow = flow_version.flow_def
    return render(request, "applications/start.html", {
        "service": page, "flow": flow, "flow_title": localised(flow.title), "acting_for": acting[0] if acting else None,
        "what_you_need": [localised(item) for item in flow.what_you_need], "draft": draft,
        "steps": [localised(step.title) for step in flow.steps] if flow.uses_task_list else [],
    })


def _resume_url(application):
    if not application.is_draft:
        return reverse("applications:detail", kwargs={"pk": application.pk})
    if application.flow.uses_task_list:
        return reverse("applications:tasks", kwargs={"pk": application.pk})
    missing = selectors.application_missing_steps(application)
    if missing:
        return reverse("applications:step", kwargs={"pk": application.pk, "step": missing[0]})
    return reverse("applications:check", kwargs={"pk": application.pk})


def _step_url(application, step_key, change=False):
    url = reverse("applications:step", kwargs={"pk": application.pk, "step": step_key})
    return url + "?change=1" if change else url


def _audit_read(request, application, action):
    """A proxy (or anyone but the applicant) reading an application is recorded for the applicant to see."""
    if request.user.pk != application.applicant_id:
        from portal.audit.services import audit_record

        audit_record(action=action, actor=request.user, on_behalf_of=application.applicant_id, obj=application)


def _common(application):
    return {"application": application, "flow": application.flow, "flow_title": localised(application.flow.title),
            "service_name": selectors.service_name(application)}


@login_required
def mine(request):
    drafts, sent = selectors.applications_for_user(user=request.user)
    rows = lambda apps: [{"application": a, "service_name": selectors.service_name(a)} for a in apps]  # noqa: E731
    return render(request, "applications/mine.html", {"drafts": rows(drafts), "sent": rows(sent)})


@login_required
def detail(request, pk):
    application = application_get_for_user(user=request.user, application_id=pk)
    if application.is_draft:
        return redirect(_resume_url(application))
    _audit_read(request, application, "application.viewed")
    context = _common(application)
    context.update({
        "events": selectors.application_events(application),
        "summary": selectors.application_summary(application),
        "documents": list(application.documents.all()),
        "explanation": STATUS_EXPLANATIONS.get(application.status),
        "delivery_progress": application_delivery_progress(application),
        "can_withdraw": can_withdraw(application.status),
    })
    return render(request, "applications/detail.html", context)


@login_required
def tasks(request, pk):
    application = application_get_for_user(user=request.user, application_id=pk)
    if not application.is_draft:
        return redirect("applications:detail", pk=pk)
    missing = set(selectors.application_missing_steps(application))
    items = []
    for step in application.flow.visible_steps(application.answers):
        done = step.key not in missing
        items.append({"title": localised(step.title), "url": _step_url(application, step.key), "done": done,
                      "started": step.key in application.completed_steps})
    context = _common(application)
    context.update({"items": items, "complete": not missing, "done_count": sum(i["done"] for i in items)})
    return render(request, "applications/tasks.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def step(request, pk, step):
    application = application_get_for_user(user=request.user, application_id=pk)
    if not application.is_draft:
        return redirect("applications:detail", pk=pk)
    flow = application.flow
    step_def = flow.step(step)
    visible = [s.key for s in flow.visible_steps(application.answers)]
    if step_def is None:
        raise Http404("No such step")
    if step not in visible:
        return redirect(_resume_url(application))
    changing = request.GET.get("change") == "1"
    places = regions.cities() if any(f.type == "address" for f in step_def.fields) else None
    context_for_fields = selectors.field_context(application, places)
    conflict = False
    if request.method == "POST":
        if "remove_document" in request.POST:
            return _remove_document(request, application, step)
        form = StepForm(request.POST, request.FILES, flow=flow, step=step_def, answers=application.answers,
                        context=context_for_fields)
        if form.is_valid():
            expected = form.cleaned_data.get("version") or application.version
            try:
                services.application_step_save(application=application, step_key=step,
                                               cleaned_data=form.cleaned_data, expected_version=expected,
                                               actor=request.user)
            except services.StaleApplication:
                conflict = True
                application = application_get_for_user(user=request.user, application_id=pk)
            except services.NotADraft:
                return redirect("applications:detail", pk=pk)
            else:
                if "save_and_exit" in request.POST:
                    messages.success(request, _("Your answers have been saved. You can come back to them at any "
                                                "time from “My applications”."))
                    return redirect("applications:mine")
                if "add_another" in request.POST:
                    return redirect(_step_url(application, step, changing))
                return redirect(_next_url(application, step, changing))
    else:
        form = StepForm(flow=flow, step=step_def, answers=application.answers, context=context_for_fields,
                        initial={"version": application.version})
    if conflict:
        # Keep everything they typed, take the newer version number, and say what happened.
        data = request.POST.copy()
        data["version"] = str(application.version)
        form = StepForm(data, flow=flow, step=step_def, answers=application.answers,
                        context=selectors.field_context(application, places))
        form.is_valid()
    number, total = selectors.step_position(application, step)
    previous, _next = selectors.neighbour_steps(application, step)
    if changing:
        back_url = reverse("applications:check", kwargs={"pk": pk})
    elif flow.uses_task_list:
        back_url = reverse("applications:tasks", kwargs={"pk": pk})
    elif previous:
        back_url = _step_url(application, previous)
    else:
        back_url = reverse("applications:start", kwargs={"service_code": application.service_code})
    context = _common(application)
    documents = context_for_fields.documents
    context.update({
        "form": form, "step": step_def, "step_title": localised(step_def.title),
        "step_description": localised(step_def.description), "number": number, "total": total,
        "back_url": back_url, "conflict": conflict, "changing": changing,
        "uploads": [{"field": localised(f.label), "documents": documents.get(f.key, []), "max_files": f.max_files}
                    for f in form.field_defs if f.type == "file"],
        "multi_file": any(f.type == "file" and f.max_files > 1 for f in form.field_defs),
    })
    return render(request, "applications/step.html", context, status=409 if conflict else 200)


def _remove_document(request, application, step):
    try:
        document = application.documents.get(pk=request.POST.get("remove_document"))
    except (ApplicationDocument.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such document") from None
    try:
        expected = int(request.POST.get("version") or application.version)
        services.document_remove(application=application, document=document, expected_version=expected,
                                 actor=request.user)
        messages.success(request, _("%(name)s has been removed.") % {"name": document.original_name})
    except (services.StaleApplication, ValueError):
        messages.error(request, _("This application was changed in another window, so nothing was removed. "
                                  "Check the page and try again."))
    return redirect(_step_url(application, step, request.GET.get("change") == "1"))


def _next_url(application, step_key, changing):
    if changing:
        missing = selectors.application_missing_steps(application)
        # A changed answer may reveal a new step: ask it before going back to the summary.
        return _step_url(application, missing[0], True) if missing else reverse(
            "applications:check", kwargs={"pk": application.pk})
    if application.flow.uses_task_list:
        return reverse("applications:tasks", kwargs={"pk": application.pk})
    _previous, following = selectors.neighbour_steps(application, step_key)
    if following:
        return _step_url(application, following)
    missing = selectors.application_missing_steps(application)
    return _step_url(application, missing[0]) if missing else reverse("applications:check",
                                                                       kwargs={"pk": application.pk})


@login_required
@require_http_methods(["GET", "POST"])
def check(request, pk):
    application = application_get_for_user(user=request.user, application_id=pk)
    flow = application.flow
    if not application.is_draft:
        return redirect("applications:confirmation", pk=pk)
    missing = selectors.application_missing_steps(application)
    if missing:
        messages.info(request, _("Answer these questions before you send your application."))
        return redirect(_step_url(application, missing[0]))
    if request.method == "POST":
        form = DeclarationForm(request.POST, declaration_text=declaration_text(flow))
        if form.is_valid():
            try:
                services.application_submit(application=application, actor=request.user,
                                            idempotency_key=form.cleaned_data["idempotency_key"])
            except services.AlreadySubmitted:
                messages.info(request, _("This application has already been sent."))
                return redirect("applications:detail", pk=pk)
            except services.ApplicationIncomplete as incomplete:
                return redirect(_step_url(application, incomplete.missing_steps[0]))
            return redirect("applications:confirmation", pk=pk)
    else:
        form = DeclarationForm(declaration_text=declaration_text(flow), initial={"version": application.version})
    context = _common(application)
    summary = selectors.application_summary(application)
    for section in summary:
        section["change_url"] = _step_url(application, section["step"].key, change=True)
    context.update({"summary": summary, "form": form})
    return render(request, "applications/check.html", context)


@login_required
def confirmation(request, pk):
    application = application_get_for_user(user=request.user, application_id=pk)
    if application.is_draft:
        return redirect(_resume_url(application))
    context = _common(application)
    page = selectors.service_page_in_language(application.service_page, get_language())
    context.update({"next_steps": localised(application.flow.next_steps), "service": page})
    return render(request, "applications/confirmation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    application = application_get_for_user(user=request.user, application_id=pk)
    if application.is_draft:
        return _delete_draft(request, application)
    if not can_withdraw(application.status):
        messages.error(request, _("This application can no longer be withdrawn. Contact the department."))
        return redirect("applications:detail", pk=pk)
    if request.method == "POST":
        try:
            services.application_withdraw(application=application, actor=request.user)
        except (services.TransitionNotAllowed, services.StaleApplication):
            messages.error(request, _("This application can no longer be withdrawn. Contact the department."))
        else:
            messages.success(request, _("Your application has been withdrawn."))
        return redirect("applications:detail", pk=pk)
    context = _common(application)
    context["form"] = ConfirmForm(initial={"version": application.version})
    return render(request, "applications/withdraw.html", context)


def _delete_draft(request, application):
    if request.method == "POST":
        services.application_draft_delete(application=application, actor=request.user)
        messages.success(request, _("Your draft has been deleted."))
        return redirect("applications:mine")
    context = _common(application)
    context["form"] = ConfirmForm(initial={"version": application.version})
    context["deleting_draft"] = True
    return render(request, "applications/withdraw.html", context)


@login_required
def receipt(request, pk):
    application = application_get_for_user(user=request.user, application_id=pk)
    if application.is_draft or not application.reference:
        raise Http404("A draft has no receipt")
    large = request.GET.get("large") == "1" or (
        "large" not in request.GET and getattr(request.display_preferences, "elder_mode", False))
    _audit_read(request, application, "receipt.downloaded")
    record = receipt_get_or_create(application=application, language=get_language() or application.language,
                                   large_print=large)
    suffix = "-large-print" if large else ""
    return FileResponse(record.file.open("rb"), as_attachment=True,
                        filename=f"receipt-{application.reference}{suffix}.pdf", content_type="application/pdf")


@login_required
def document(request, pk):
    item = selectors.document_get_for_user(user=request.user, document_id=pk)
    _audit_read(request, item.application, "document.downloaded")
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name,
                        content_type=item.content_type)


def verify(request, token):
    """Anyone holding a receipt can check it is genuine: the token is signed, and the page shows only
    what the receipt already shows (reference, service, date and status), never personal details."""
    reference = verification_reference(token)
    application = None
    if reference:
        from .models import Application

        application = Application.objects.filter(reference=reference).select_related("flow_version").first()
    context = {"application": application, "genuine": application is not None}
    if application is not None:
        context["service_name"] = selectors.service_name(application)
    return render(request, "applications/verify.html", context, status=200 if application else 404)
