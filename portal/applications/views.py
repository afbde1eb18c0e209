"""The citizen's path: start → steps → check answers → declaration → confirmation; my applications,
status, withdraw, receipts and documents. Thin: forms validate, services write, selectors read, and
navigation.py decides where a citizen goes (the views turn its Places into URLs)."""

import dataclasses
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.accounts import regions
from portal.audit.services import audit_record
from portal.language import active_language

from . import hooks, navigation, selectors, services
from .definitions import localised
from .downloads import file_response
from .forms import ConfirmForm, DeclarationForm, StepForm, declaration_text
from .models import Application, ApplicationDocument
from .prefill import prefill_offer, registers_of, registers_phrase
from .receipts import receipt_get_or_create, verification_reference
from .selectors import application_get_for_user
from .status import STATUS_EXPLANATIONS, can_withdraw

logger = logging.getLogger(__name__)


def start(request, service_code):
    """A service's start page. Only a service whose page names a flow that exists has an online application."""
    page = selectors.service_page_for_code(service_code)
    if page is None or not page.online or not page.flow_key:
        raise Http404("No online application for this service")
    flow_version = selectors.flow_version_current(page.flow_key)
    if flow_version is None:
        logger.warning("service %s names unknown flow %r: no online application", page.service_code, page.flow_key)
        raise Http404("No online application for this service")
    # Acting for someone (the session says so): the one policy decides whether it covers this service now.
    acting = selectors.access_policy().acting_for(request, service_code) if request.user.is_authenticated else None
    applicant = acting.principal if acting else request.user
    draft = selectors.draft_for_service(user=request.user, service_code=service_code, applicant=applicant)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:sign_in')}?next={request.path}")
        if draft is not None and "new" not in request.POST:
            return redirect(_resume_url(draft))
        proxy = selectors.acting_start_kwargs(acting)  # proxy or assisted: the policy that answered decides
        application = services.application_start(
            flow_version=flow_version,
            applicant=applicant,
            actor=request.user,
            service_code=service_code,
            service_page=page,
            language=active_language(),
            **proxy,
        )
        return redirect(_resume_url(application))
    flow = flow_version.flow_def
    return render(
        request,
        "applications/start.html",
        {
            "service": page,
            "flow": flow,
            "flow_title": localised(flow.title),
            "acting_for": acting.principal if acting else None,
            "draft": draft,
            "steps": [localised(step.title) for step in flow.steps] if flow.uses_task_list else [],
        },
    )


def _progress(application, *, elder=False, step_key=None):
    """What navigation needs to know of a draft. A step that asks an address also reads the places, for its form."""
    step_def = application.flow.step(step_key) if step_key else None
    places = regions.cities() if step_def and any(f.type == "address" for f in step_def.fields) else None
    return navigation.Progress(
        flow=application.flow,
        answers=application.answers,
        completed=application.completed_steps,
        context=selectors.field_context(application, places),
        elder=elder,
    )


def _url(application, place):
    """A navigation.Place as the URL of that page of this application."""
    if place.page == navigation.CHECK:
        return reverse("applications:check", kwargs={"pk": application.pk})
    if place.page == navigation.TASKS:
        return reverse("applications:tasks", kwargs={"pk": application.pk})
    if place.page == navigation.START:
        return reverse("applications:start", kwargs={"service_code": application.service_code})
    kwargs = {"pk": application.pk, "step": place.step}
    if place.question:
        url = reverse("applications:question", kwargs={**kwargs, "question": place.question})
    else:
        url = reverse("applications:step", kwargs=kwargs)
    return url + ("?change=1" if place.change else "") + (f"#id_{place.anchor}" if place.anchor else "")


def _resume_url(application):
    if not application.is_draft:
        return reverse("applications:detail", kwargs={"pk": application.pk})
    return _url(application, navigation.resume(_progress(application)))


def _posted_version(request):
    """The version of the application the page was loaded with. None when it sent none, which the services
    refuse like a stale version (None matches no version): a page without one is never taken as current."""
    try:
        return int(request.POST["version"])
    except (KeyError, ValueError):
        return None


def _audit_read(request, application, action):
    """A proxy (or anyone but the applicant) reading an application is recorded for the applicant to see."""
    if request.user.pk != application.applicant_id:
        audit_record(action=action, actor=request.user, on_behalf_of=application.applicant_id, obj=application)


def _common(application):
    return {
        "application": application,
        "flow": application.flow,
        "flow_title": localised(application.flow.title),
        "service_name": selectors.service_name(application),
    }


@login_required
def mine(request):
    drafts, sent = selectors.applications_for_user(user=request.user)
    names = selectors.service_names([*drafts, *sent])
    rows = lambda apps: [{"application": a, "service_name": names[a.pk]} for a in apps]  # noqa: E731
    return render(request, "applications/mine.html", {"drafts": rows(drafts), "sent": rows(sent)})


@login_required
def detail(request, pk):
    application = application_get_for_user(user=request.user, application_id=pk)
    if application.is_draft:
        return redirect(_resume_url(application))
    _audit_read(request, application, "application.viewed")
    context = _common(application)
    context.update(
        {
            "events": selectors.application_events(application),
            "summary": selectors.application_summary(application),
            "documents": list(application.documents.all()),
            "explanation": STATUS_EXPLANATIONS.get(application.status),
            "delivery_progress": hooks.delivery_progress(application),
            "can_withdraw": can_withdraw(application.status),
        }
    )
    return render(request, "applications/detail.html", context)


@login_required
def tasks(request, pk):
    application = application_get_for_user(user=request.user, application_id=pk)
    if not application.is_draft:
        return redirect("applications:detail", pk=pk)
    missing = set(navigation.missing_steps(_progress(application)))
    items = []
    for step in application.flow.visible_steps(application.answers):
        done = step.key not in missing
        items.append(
            {
                "title": localised(step.title),
                "url": _url(application, navigation.at_step(step.key)),
                "done": done,
                "started": step.key in application.completed_steps,
            }
        )
    context = _common(application)
    context.update({"items": items, "complete": not missing, "done_count": sum(i["done"] for i in items)})
    return render(request, "applications/tasks.html", context)


def _elder(request):
    return bool(getattr(getattr(request, "display_preferences", None), "elder_mode", False))


def _sent_already(request, application):
    """A page of the draft after it was sent (from another tab, or with the Back button): its status page instead,
    and a change sent from that page is refused and said so."""
    if request.method == "POST":
        messages.error(request, _("This application has already been sent, so it can no longer be changed."))
    return redirect("applications:detail", pk=application.pk)


@login_required
@require_http_methods(["GET", "POST"])
def step(request, pk, step, question=None):
    """One step of the application or, in elder mode, one question of it (step/<key>/<n>/): navigation.py says
    which page to show, where Back leads and where a saved page goes on to. Before the questions a register can
    fill in are asked, the applicant is asked whether we may look them up."""
    application = application_get_for_user(user=request.user, application_id=pk)
    if not application.is_draft:
        return _sent_already(request, application)
    progress = _progress(application, elder=_elder(request), step_key=step)
    try:
        page = navigation.open_step(progress, step, question, change=request.GET.get("change") == "1")
    except navigation.NoSuchStep:
        raise Http404("No such step") from None
    if isinstance(page, navigation.Place):
        return redirect(_url(application, page))
    offer = prefill_offer(
        progress.flow,
        page.step,
        progress.answers,
        progress.context,
        on_page=[page.current.key] if page.current else None,
    )
    if request.method == "GET":
        if offer:
            return _prefill_offer_page(request, application, progress, page, offer)
        return _step_page(
            request, application, progress, page, _step_form(progress, page, initial={"version": application.version})
        )
    if "prefill" in request.POST:
        return _prefill_decide(request, application, offer, page)
    if "remove_document" in request.POST:
        return _remove_document(request, application, page)
    return _step_save(request, application, progress, page)


def _step_form(progress, page, data=None, files=None, **kwargs):
    return StepForm(
        data,
        files,
        flow=progress.flow,
        step=page.step,
        answers=progress.answers,
        context=progress.context,
        only=page.current.key if page.current else None,
        **kwargs,
    )


def _step_save(request, application, progress, page):
    form = _step_form(progress, page, request.POST, request.FILES)
    if not form.is_valid():
        return _step_page(request, application, progress, page, form)
    try:
        services.application_step_save(
            application=application,
            step_key=page.step.key,
            cleaned_data=form.cleaned_data,
            expected_version=form.cleaned_data.get("version"),
            actor=request.user,
            complete=navigation.completes_step(progress, page, form.answers_with(form.cleaned_data)),
        )
    except services.StaleApplication:
        return _step_conflict(request, application, page)
    except services.NotADraft:
        return _sent_already(request, application)
    if "save_and_exit" in request.POST:
        messages.success(
            request, _("Your answers have been saved. You can come back to them at any time from “My applications”.")
        )
        return redirect("applications:mine")
    if "add_another" in request.POST:
        return redirect(_url(application, page.place))
    saved = dataclasses.replace(
        progress,
        answers=application.answers,
        completed=application.completed_steps,
        context=selectors.field_context(application, progress.context.places),
    )
    return redirect(_url(application, navigation.after_save(saved, page, {f.key for f in form.field_defs})))


def _step_conflict(request, application, page):
    """Not saved: the draft changed after the page was loaded (or the page sent no version). The page again,
    with everything they typed, the newer version number, and what happened."""
    application = application_get_for_user(user=request.user, application_id=application.pk)
    progress = _progress(application, elder=_elder(request), step_key=page.step.key)
    data = request.POST.copy()
    data["version"] = str(application.version)
    form = _step_form(progress, page, data)
    form.is_valid()
    return _step_page(request, application, progress, page, form, conflict=True)


def _step_page(request, application, progress, page, form, conflict=False):
    context = _common(application)
    context.update(_step_page_context(application, progress, page))
    current, documents = page.current, progress.documents
    heading_field = form[current.key] if current else None
    context.update(
        {
            "form": form,
            "conflict": conflict,
            "heading_in_form": heading_field is not None and not heading_field.is_checkbox,
            "page_title": localised(current.label) if current else context["step_title"],
            "uploads": [
                {"field": localised(f.label), "documents": documents.get(f.key, []), "max_files": f.max_files}
                for f in form.field_defs
                if f.type == "file" and f.key not in form.unrendered
            ],
            "multi_file": any(
                f.type == "file" and f.max_files > 1 and f.key not in form.unrendered for f in form.field_defs
            ),
        }
    )
    return render(request, "applications/step.html", context, status=409 if conflict else 200)


def _step_page_context(application, progress, page):
    """What a step page, a question page and a look-up offer have in common: where they are, the way back."""
    number, total = navigation.step_number(progress, page.step.key)
    question = page.number
    return {
        "step": page.step,
        "step_title": localised(page.step.title),
        "step_description": localised(page.step.description) if not question or question == 1 else "",
        "number": number,
        "total": total,
        "question_number": question,
        "question_total": len(page.questions) if page.current else None,
        "back_url": _url(application, navigation.back(progress, page)),
        "changing": page.change,
    }


def _prefill_offer_page(request, application, progress, page, offer):
    count = len(offer)
    registers = registers_phrase(registers_of(offer))
    context = _common(application)
    context.update(_step_page_context(application, progress, page))
    context.update(
        {
            "form": ConfirmForm(initial={"version": application.version}),
            "heading": ngettext(
                "Do you want us to look up %(count)s answer for you?",
                "Do you want us to look up %(count)s answers for you?",
                count,
            )
            % {"count": count},
            "intro": ngettext(
                "We can fill in %(count)s answer from the %(registers)s:",
                "We can fill in %(count)s answers from the %(registers)s:",
                count,
            )
            % {"count": count, "registers": registers},
            "questions": [localised(field_def.label) for field_def in offer],
            "yes": ngettext("Yes, look it up", "Yes, look them up", count),
            "no": ngettext("No, I will type it", "No, I will type them", count),
            "for_someone": application.applicant if application.applicant_id != request.user.pk else None,
        }
    )
    return render(request, "applications/prefill_offer.html", context)


def _prefill_decide(request, application, offer, page):
    """Yes or No to the look-up offer. Nothing is offered twice; a failed look-up leaves the questions to type."""
    here = _url(application, page.place)
    choice = request.POST.get("prefill")
    if not offer or choice not in ("yes", "no"):
        return redirect(here)
    try:
        decision = services.application_prefill_decide(
            application=application,
            field_defs=offer,
            consent=choice == "yes",
            expected_version=_posted_version(request),
            actor=request.user,
        )
    except services.StaleApplication:
        messages.error(
            request,
            _(
                "This application was changed in another window, so nothing was looked up. "
                "Check the page and try again."
            ),
        )
        return redirect(here)
    except services.NotADraft:
        return _sent_already(request, application)
    if decision.filled:
        by_plugin = registers_of([f for f in offer if f.key in decision.filled])
        messages.success(
            request,
            ngettext(
                "We have filled in %(count)s answer from the %(registers)s. Check it and change it if it is wrong.",
                "We have filled in %(count)s answers from the %(registers)s. Check them and change anything that is "
                "wrong.",
                len(decision.filled),
            )
            % {"count": len(decision.filled), "registers": registers_phrase(by_plugin)},
        )
    if decision.not_found:
        messages.info(
            request,
            ngettext(
                "The register did not have %(count)s of the answers. Please type it yourself.",
                "The register did not have %(count)s of the answers. Please type them yourself.",
                len(decision.not_found),
            )
            % {"count": len(decision.not_found)},
        )
    if decision.failed:
        messages.warning(
            request,
            _(
                "We could not get your details from the %(registers)s just now. Please type your answers instead. "
                "Nothing you have already entered is lost."
            )
            % {"registers": registers_phrase(decision.failed)},
        )
    return redirect(here)


def _remove_document(request, application, page):
    try:
        document = application.documents.get(pk=request.POST.get("remove_document"))
    except (ApplicationDocument.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such document") from None
    try:
        services.document_remove(
            application=application, document=document, expected_version=_posted_version(request), actor=request.user
        )
    except services.StaleApplication:
        messages.error(
            request,
            _("This application was changed in another window, so nothing was removed. Check the page and try again."),
        )
    except services.NotADraft:
        return _sent_already(request, application)
    else:
        messages.success(request, _("%(name)s has been removed.") % {"name": document.original_name})
    return redirect(_url(application, page.place))


@login_required
@require_http_methods(["GET", "POST"])
def check(request, pk):
    application = application_get_for_user(user=request.user, application_id=pk)
    if not application.is_draft:
        return redirect("applications:confirmation", pk=pk)
    container = hooks.container_url(application)
    if container:  # sent with the others of its life-event bundle, from the bundle's own check page
        return redirect(container)
    progress = _progress(application, elder=_elder(request))
    if navigation.missing_steps(progress):
        return _answer_first(request, application, progress)
    data = request.POST if request.method == "POST" else None
    form = DeclarationForm(
        data, declaration_text=declaration_text(application.flow), initial={"version": application.version}
    )
    if form.is_valid():
        try:
            services.application_submit(
                application=application,
                actor=request.user,
                idempotency_key=form.cleaned_data["idempotency_key"],
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleApplication:
            return _check_stale(request, application)
        except services.AlreadySubmitted:
            messages.info(request, _("This application has already been sent."))
            return redirect("applications:detail", pk=pk)
        except services.ApplicationIncomplete as incomplete:
            return redirect(_url(application, navigation.at_step(incomplete.missing_steps[0])))
        return redirect("applications:confirmation", pk=pk)
    return _check_page(request, application, progress, form)


def _answer_first(request, application, progress):
    messages.info(request, _("Answer these questions before you send your application."))
    return redirect(_url(application, navigation.at_step(navigation.missing_steps(progress)[0])))


def _check_stale(request, application):
    """Not sent: the answers changed after the check page was loaded (or it sent no version), and the applicant
    declared true what they saw. The page again, with the answers as they are now and a fresh declaration."""
    application = application_get_for_user(user=request.user, application_id=application.pk)
    if not application.is_draft:  # sent from another tab meanwhile
        return redirect("applications:detail", pk=application.pk)
    progress = _progress(application, elder=_elder(request))
    if navigation.missing_steps(progress):
        return _answer_first(request, application, progress)
    form = DeclarationForm(
        declaration_text=declaration_text(application.flow), initial={"version": application.version}
    )
    return _check_page(request, application, progress, form, stale=True)


def _check_page(request, application, progress, form, stale=False):
    """Check your answers, each with its Change link, and the declaration."""
    summary = selectors.application_summary(application, progress.context)
    for section in summary:
        for row in section["rows"]:
            row["change_url"] = _url(application, navigation.change_link(progress, section["step"], row["key"]))
    context = _common(application)
    context.update({"summary": summary, "form": form, "stale": stale})
    return render(request, "applications/check.html", context, status=409 if stale else 200)


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
    """Withdraw a sent application, or (for a draft) delete it; either only as the page that asked showed it."""
    application = application_get_for_user(user=request.user, application_id=pk)
    if application.is_draft:
        return _delete_draft(request, application)
    if request.method == "POST" and "delete_draft" in request.POST:  # sent from another tab since
        messages.error(request, _("This application has already been sent, so it has not been deleted."))
        return redirect("applications:detail", pk=pk)
    if not can_withdraw(application.status):
        messages.error(request, _("This application can no longer be withdrawn. Contact the department."))
        return redirect("applications:detail", pk=pk)
    if request.method == "GET":
        return _confirm_page(request, application)
    try:
        services.application_withdraw(
            application=application, actor=request.user, expected_version=_posted_version(request)
        )
    except services.StaleApplication:
        application = application_get_for_user(user=request.user, application_id=pk)
        if can_withdraw(application.status):  # it moved on but may still be withdrawn: ask again, as it is now
            return _confirm_page(request, application, stale=True)
        messages.error(request, _("This application can no longer be withdrawn. Contact the department."))
    except services.TransitionNotAllowed:
        messages.error(request, _("This application can no longer be withdrawn. Contact the department."))
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("applications:detail", pk=pk)


def _delete_draft(request, application):
    container = hooks.container_url(application)
    if container:  # one part of a life-event application: kept with the others
        messages.error(request, _("This draft is part of a life-event application. Carry on with it there."))
        return redirect(container)
    if request.method == "GET":
        return _confirm_page(request, application, deleting=True)
    try:
        services.application_draft_delete(
            application=application, actor=request.user, expected_version=_posted_version(request)
        )
    except services.StaleApplication:
        application = application_get_for_user(user=request.user, application_id=application.pk)
        return _confirm_page(request, application, deleting=True, stale=True)
    except services.NotADraft:
        messages.error(request, _("This application has already been sent, so it has not been deleted."))
        return redirect("applications:detail", pk=application.pk)
    messages.success(request, _("Your draft has been deleted."))
    return redirect("applications:mine")


def _confirm_page(request, application, *, deleting=False, stale=False):
    """Withdraw this application? / Delete this draft? Asked again, and said why, when the page was stale."""
    context = _common(application)
    context.update(
        {"form": ConfirmForm(initial={"version": application.version}), "deleting_draft": deleting, "stale": stale}
    )
    return render(request, "applications/withdraw.html", context, status=409 if stale else 200)


@login_required
def receipt(request, pk):
    application = application_get_for_user(user=request.user, application_id=pk)
    if application.is_draft or not application.reference:
        raise Http404("A draft has no receipt")
    large = request.GET.get("large") == "1" or (
        "large" not in request.GET and getattr(request.display_preferences, "elder_mode", False)
    )
    _audit_read(request, application, "receipt.downloaded")
    record = receipt_get_or_create(
        application=application, language=get_language() or application.language, large_print=large
    )
    suffix = "-large-print" if large else ""
    return file_response(
        record.file, filename=f"receipt-{application.reference}{suffix}.pdf", content_type="application/pdf"
    )


@login_required
def document(request, pk):
    item = selectors.document_get_for_user(user=request.user, document_id=pk)
    _audit_read(request, item.application, "document.downloaded")
    return file_response(item.file, filename=item.original_name, content_type=item.content_type)


def verify(request, token):
    """Anyone holding a receipt can check it is genuine: the token is signed, and the page shows only
    what the receipt already shows (reference, service, date and status), never personal details."""
    reference = verification_reference(token)
    application = None
    if reference:
        application = Application.objects.filter(reference=reference).select_related("flow_version").first()
    context = {"application": application, "genuine": application is not None}
    if application is not None:
        context["service_name"] = selectors.service_name(application)
    return render(request, "applications/verify.html", context, status=200 if application else 404)
