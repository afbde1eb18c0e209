"""The citizen's path: start → steps → check answers → declaration → confirmation; my applications,
status, withdraw, receipts and documents. Thin: forms validate, services write, selectors read."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.accounts import regions
from portal.connectors.selectors import application_delivery_progress

from . import selectors, services
from .definitions import localised
from .forms import ConfirmForm, DeclarationForm, StepForm, declaration_text, step_questions
from .models import ApplicationDocument
from .prefill import prefill_offer, registers_of, registers_phrase
from .receipts import receipt_get_or_create, verification_reference
from .selectors import application_get_for_user
from .status import STATUS_EXPLANATIONS, can_withdraw

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
        proxy = selectors.acting_start_kwargs(acting)  # proxy or assisted: the policy that answered decides
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


def _elder(request):
    return bool(getattr(getattr(request, "display_preferences", None), "elder_mode", False))


def _question_url(application, step_key, number, change=False):
    url = reverse("applications:question", kwargs={"pk": application.pk, "step": step_key, "question": number})
    return url + "?change=1" if change else url


def _step_back_url(request, application, step_key, context_for_fields):
    """Back to a step: in elder mode to its last question, when it asks one question per page."""
    step_def = application.flow.step(step_key)
    if _elder(request) and selectors.step_asks_several(step_def, context_for_fields):
        questions = step_questions(application.flow, step_def, application.answers, context_for_fields)
        return _question_url(application, step_key, max(len(questions), 1))
    return _step_url(application, step_key)


@login_required
@require_http_methods(["GET", "POST"])
def step(request, pk, step, question=None):
    """One step of the application; in elder mode, when the step asks several questions, one question of it
    (step/<key>/<n>/: bookmarkable, and a number out of range goes to the first question not answered yet).
    Before the questions a register can fill in are asked, the applicant is asked whether we may look them up."""
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
    documents = context_for_fields.documents
    questions = step_questions(flow, step_def, application.answers, context_for_fields)
    current = None
    if _elder(request) and questions and selectors.step_asks_several(step_def, context_for_fields):
        if question is None or not 1 <= question <= len(questions):
            number = selectors.first_unanswered_question(questions, application.answers, documents) or 1
            return redirect(_question_url(application, step, number, changing))
        current = questions[question - 1]
    elif question is not None:  # the whole step is on one page (standard mode, or a step of one question)
        anchor = f"#id_{questions[question - 1].key}" if 1 <= question <= len(questions) else ""
        return redirect(_step_url(application, step, changing) + anchor)
    here = _question_url(application, step, question, changing) if current else _step_url(application, step,
                                                                                              changing)
    offer = prefill_offer(flow, step_def, application.answers, context_for_fields,
                          on_page=[current.key] if current else None)
    if request.method == "POST" and "prefill" in request.POST:
        return _prefill_decide(request, application, offer, here)
    conflict = False
    if request.method == "POST":
        if "remove_document" in request.POST:
            return _remove_document(request, application, here)
        form = StepForm(request.POST, request.FILES, flow=flow, step=step_def, answers=application.answers,
                        context=context_for_fields, only=current.key if current else None)
        if form.is_valid():
            expected = form.cleaned_data.get("version") or application.version
            complete, after, position = True, None, None
            if current:
                # Where this answer leads: it may show or hide later questions of the step.
                after = step_questions(flow, step_def, form.answers_with(form.cleaned_data), context_for_fields)
                keys = [f.key for f in after]
                position = keys.index(current.key) if current.key in keys else len(keys) - 1
                later = selectors.first_unanswered_question(after, application.answers, documents, after=position)
                complete = later is None
            try:
                services.application_step_save(application=application, step_key=step,
                                               cleaned_data=form.cleaned_data, expected_version=expected,
                                               actor=request.user, complete=complete)
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
                    return redirect(here)
                if current:
                    return redirect(_next_question_url(application, step, after, position, changing))
                asked = {f.key for f in form.field_defs}
                revealed = [f for f in step_questions(flow, step_def, application.answers, context_for_fields)
                            if f.key not in asked and f.key not in application.answers]
                if revealed:  # an answer on this page shows another question of the step: ask it now
                    return redirect(_step_url(application, step, changing))
                return redirect(_next_url(application, step, changing))
    elif offer:
        return _prefill_offer_page(request, application, step_def, offer, current, questions, changing,
                                   context_for_fields)
    else:
        form = StepForm(flow=flow, step=step_def, answers=application.answers, context=context_for_fields,
                        only=current.key if current else None, initial={"version": application.version})
    if conflict:
        # Keep everything they typed, take the newer version number, and say what happened.
        data = request.POST.copy()
        data["version"] = str(application.version)
        form = StepForm(data, flow=flow, step=step_def, answers=application.answers,
                        context=selectors.field_context(application, places), only=current.key if current else None)
        form.is_valid()
    context = _common(application)
    context.update(_step_page_context(request, application, step_def, current, questions, changing,
                                      context_for_fields))
    heading_field = form[current.key] if current else None
    context.update({
        "form": form, "conflict": conflict,
        "heading_in_form": heading_field is not None and not heading_field.is_checkbox,
        "page_title": localised(current.label) if current else context["step_title"],
        "uploads": [{"field": localised(f.label), "documents": documents.get(f.key, []), "max_files": f.max_files}
                    for f in form.field_defs if f.type == "file" and f.key not in form.unrendered],
        "multi_file": any(f.type == "file" and f.max_files > 1 and f.key not in form.unrendered
                          for f in form.field_defs),
    })
    return render(request, "applications/step.html", context, status=409 if conflict else 200)


def _step_page_context(request, application, step_def, current, questions, changing, context_for_fields):
    """What a step page, a question page and a look-up offer have in common: where they are, the way back."""
    flow, step = application.flow, step_def.key
    number, total = selectors.step_position(application, step)
    previous, _next = selectors.neighbour_steps(application, step)
    question = questions.index(current) + 1 if current else None
    if changing:
        back_url = reverse("applications:check", kwargs={"pk": application.pk})
    elif question and question > 1:
        back_url = _question_url(application, step, question - 1)
    elif flow.uses_task_list:
        back_url = reverse("applications:tasks", kwargs={"pk": application.pk})
    elif previous:
        back_url = _step_back_url(request, application, previous, context_for_fields)
    else:
        back_url = reverse("applications:start", kwargs={"service_code": application.service_code})
    return {
        "step": step_def, "step_title": localised(step_def.title),
        "step_description": localised(step_def.description) if not question or question == 1 else "",
        "number": number, "total": total, "question_number": question,
        "question_total": len(questions) if current else None, "back_url": back_url, "changing": changing,
    }


def _next_question_url(application, step_key, questions, position, changing):
    """After a question in elder mode: the next question of the step; when changing an answer from the check
    page, only a question not answered yet (one the new answer showed), else back to the check page."""
    if changing:
        documents = selectors.documents_by_field(application)
        later = selectors.first_unanswered_question(questions, application.answers, documents, after=position)
        return _question_url(application, step_key, later, True) if later else _next_url(application, step_key,
                                                                                          True)
    if position + 1 < len(questions):
        return _question_url(application, step_key, position + 2)
    return _next_url(application, step_key, False)


def _prefill_offer_page(request, application, step_def, offer, current, questions, changing, context_for_fields):
    count = len(offer)
    registers = registers_phrase(registers_of(offer))
    context = _common(application)
    context.update(_step_page_context(request, application, step_def, current, questions, changing,
                                      context_for_fields))
    context.update({
        "form": ConfirmForm(initial={"version": application.version}),
        "heading": ngettext("Do you want us to look up %(count)s answer for you?",
                            "Do you want us to look up %(count)s answers for you?", count) % {"count": count},
        "intro": ngettext("We can fill in %(count)s answer from the %(registers)s:",
                          "We can fill in %(count)s answers from the %(registers)s:", count)
        % {"count": count, "registers": registers},
        "questions": [localised(field_def.label) for field_def in offer],
        "yes": ngettext("Yes, look it up", "Yes, look them up", count),
        "no": ngettext("No, I will type it", "No, I will type them", count),
        "for_someone": application.applicant if application.applicant_id != request.user.pk else None,
    })
    return render(request, "applications/prefill_offer.html", context)


def _prefill_decide(request, application, offer, here):
    """Yes or No to the look-up offer. Nothing is offered twice; a failed look-up leaves the questions to type."""
    choice = request.POST.get("prefill")
    if not offer or choice not in ("yes", "no"):
        return redirect(here)
    try:
        expected = int(request.POST.get("version") or application.version)
    except ValueError:
        expected = application.version
    try:
        result = services.application_prefill_decide(application=application, field_defs=offer,
                                                     consent=choice == "yes", expected_version=expected,
                                                     actor=request.user)
    except services.StaleApplication:
        messages.error(request, _("This application was changed in another window, so nothing was looked up. "
                                  "Check the page and try again."))
        return redirect(here)
    except services.NotADraft:
        return redirect("applications:detail", pk=application.pk)
    filled, missing, failed = result["filled"], result["not_found"], result["failed"]
    if filled:
        by_plugin = registers_of([f for f in offer if f.key in filled])
        messages.success(request, ngettext(
            "We have filled in %(count)s answer from the %(registers)s. Check it and change it if it is wrong.",
            "We have filled in %(count)s answers from the %(registers)s. Check them and change anything that is "
            "wrong.", len(filled)) % {"count": len(filled), "registers": registers_phrase(by_plugin)})
    if missing:
        messages.info(request, ngettext(
            "The register did not have %(count)s of the answers. Please type it yourself.",
            "The register did not have %(count)s of the answers. Please type them yourself.", len(missing))
            % {"count": len(missing)})
    if failed:
        messages.warning(request, _(
            "We could not get your details from the %(registers)s just now. Please type your answers instead. "
            "Nothing you have already entered is lost.") % {"registers": registers_phrase(failed)})
    return redirect(here)


def _remove_document(request, application, here):
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
    return redirect(here)


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
    context_for_fields = selectors.field_context(application) if _elder(request) else None
    for section in summary:
        section["change_url"] = _step_url(application, section["step"].key, change=True)
        if context_for_fields is None:
            continue
        # Elder mode asks one question per page: each Change link goes to its own question.
        keys = [f.key for f in step_questions(flow, section["step"], application.answers, context_for_fields)]
        if selectors.step_asks_several(section["step"], context_for_fields):
            for row in section["rows"]:
                if row["key"] in keys:
                    row["change_url"] = _question_url(application, section["step"].key, keys.index(row["key"]) + 1,
                                                      change=True)
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
