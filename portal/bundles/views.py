"""The citizen's path through a life-event bundle (一表申请): choose the optional services, answer the shared
questions once, finish what each service still needs (the engine's own steps, as a task list), check everything on
one page, declare once, send once."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.accounts import regions
from portal.applications.field_types import FieldContext
from portal.applications.forms import StepForm
from portal.applications.selectors import application_summary, field_context
from portal.applications.services import ApplicationIncomplete, StaleApplication
from portal.language import active_language
from services_catalog.bundles import bundle_current, bundle_facts, localised

from . import selectors, services
from .forms import ChooseForm, SendForm


def _bundle(slug):
    version = bundle_current(slug[:60])
    if version is None:
        raise Http404("No such bundle")
    facts = bundle_facts(version, active_language())
    if not facts.all_online:
        raise Http404("This bundle cannot be applied for online")
    return version, facts


@login_required
@require_http_methods(["GET", "POST"])
def start(request, slug):
    version, facts = _bundle(slug)
    draft = selectors.draft_case_for(user=request.user, bundle_slug=version.bundle.slug)
    if draft is not None and "new" not in request.POST:
        messages.info(request, _("You have already started this application. You can carry on where you left off."))
        return redirect("bundles:tasks", pk=draft.pk)
    optional = [
        {"service_code": m.page.service_code, "title": m.page.title, "condition": m.condition}
        for m in facts.members
        if m.optional
    ]
    form = ChooseForm(request.POST or None, optional=optional)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_start(
                version=version,
                applicant=request.user,
                actor=request.user,
                optional_codes=form.chosen(),
                language=active_language(),
            )
        except services.NotOnline:
            raise Http404("A service of this bundle cannot be applied for online") from None
        return redirect("bundles:shared" if version.definition["questions"] else "bundles:tasks", pk=case.pk)
    name = localised(version.definition["name"], active_language())
    return render(request, "bundles/start.html", {"name": name, "facts": facts, "form": form, "slug": slug})


def _draft_case(request, pk):
    case = selectors.case_get_for_user(user=request.user, case_id=pk)
    return case, (None if case.is_draft else redirect("bundles:sent", pk=case.pk))


@login_required
@require_http_methods(["GET", "POST"])
def shared(request, pk):
    """The questions several services ask, asked once (the engine's own form and checks)."""
    case, sent = _draft_case(request, pk)
    if sent:
        return sent
    flow = selectors.shared_flow(case)
    step = flow.steps[0]
    places = regions.cities() if any(f.type == "address" for f in step.fields) else None
    context = FieldContext(applicant=case.applicant, places=places, channel="online")
    form = StepForm(
        request.POST or None, flow=flow, step=step, answers=case.shared_answers, context=context, initial={}
    )
    if request.method == "POST" and form.is_valid():
        services.shared_answers_save(case=case, cleaned_data=form.cleaned_data, actor=request.user)
        return redirect("bundles:tasks", pk=case.pk)
    return render(request, "bundles/shared.html", {"case": case, "name": _name(case), "form": form})


@login_required
def tasks(request, pk):
    case, sent = _draft_case(request, pk)
    if sent:
        return sent
    rows = selectors.progress(case)
    has_questions = bool(case.bundle_version.definition["questions"])
    complete = selectors.case_complete(case, rows)
    context = {
        "case": case,
        "name": _name(case),
        "rows": rows,
        "has_questions": has_questions,
        "done_count": sum(row.done for row in rows) + (1 if has_questions and case.shared_done else 0),
        "total": len(rows) + (1 if has_questions else 0),
        "complete": complete,
    }
    return render(request, "bundles/tasks.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def check(request, pk):
    """Every answer, grouped by service, one declaration, one submission."""
    case, sent = _draft_case(request, pk)
    if sent:
        return sent
    rows = selectors.progress(case)
    if not selectors.case_complete(case, rows):
        messages.info(request, _("Finish every part before you send your application."))
        return redirect("bundles:tasks", pk=case.pk)
    form = SendForm(request.POST or None, initial={"idempotency_key": uuid.uuid4()})
    if request.method == "POST" and form.is_valid():
        try:
            services.case_submit(case=case, actor=request.user, idempotency_key=form.cleaned_data["idempotency_key"])
        except services.CaseAlreadySent:
            messages.info(request, _("This application has already been sent."))
        except ApplicationIncomplete:
            messages.info(request, _("Finish every part before you send your application."))
            return redirect("bundles:tasks", pk=case.pk)
        except StaleApplication:
            messages.info(request, _("Your answers were changed in another tab or window. Check them again."))
            return redirect("bundles:check", pk=case.pk)
        return redirect("bundles:sent", pk=case.pk)
    sections = []
    for row in rows:
        application = row.member.application
        summary = application_summary(application, field_context(application))
        for part in summary:
            for answer in part["rows"]:
                answer["change_url"] = _step_url(application, part["step"].key)
        sections.append({"title": row.title, "parts": summary})
    return render(
        request, "bundles/check.html", {"case": case, "name": _name(case), "sections": sections, "form": form}
    )


@login_required
def sent(request, pk):
    case = selectors.case_get_for_user(user=request.user, case_id=pk)
    if case.is_draft:
        return redirect("bundles:tasks", pk=case.pk)
    return render(request, "bundles/sent.html", {"case": case, "name": _name(case), "rows": selectors.progress(case)})


def _name(case):
    return localised(case.bundle_version.definition["name"], active_language())


def _step_url(application, step_key):
    return reverse("applications:step", kwargs={"pk": application.pk, "step": step_key}) + "?change=1"
