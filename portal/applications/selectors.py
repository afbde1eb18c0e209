"""Reads for the application engine. Every object a user asks for by its ID goes through
applications_visible_to(): the one rule of who may see an application, which the access policies that other
apps register (hooks.access_policy_register) extend to proxies and hall staff."""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.language import active_language
from services_catalog.models import ServicePage, service_material_problems

from . import channel_notes, navigation
from .field_types import FIELD_TYPES, FieldContext
from .hooks import access_policy, container_url
from .models import Application, ApplicationDocument, ApplicationReceipt, FlowVersion
from .status import Channel, Status
from .text import localised


def acting_start_kwargs(acting):
    """application_start's keywords for whom access_policy().acting_for() says the user acts for (an Acting,
    or None when they act for themself)."""
    if acting is None:
        return {}
    return {
        "channel": acting.channel,
        "mandate_reference": acting.mandate_reference,
        "assist_session_reference": acting.assist_session_reference,
        "source": acting.source,
    }


def applications_visible_to(user, *, now=None):
    """THE access rule: the applications `user` may see and act on. Everything fetched by ID uses it:
    their own; those they filled in themselves (not as a proxy or hall staff); and, through the registered
    policies, those of people whose mandate to them is valid now and covers the service (and, for staff,
    those of the assist session they are in). A revoked or expired
    mandate takes effect at the next request, for drafts too."""
    if user is None or not user.is_authenticated:
        return Application.objects.none()
    own = Q(applicant=user) | (Q(submitted_by=user) & ~Q(channel__in=[Channel.PROXY, Channel.ASSISTED]))
    return Application.objects.filter(own | access_policy().agent_scope(user, now or timezone.now()))


def application_get_for_user(*, user, application_id):
    """The application, or 404 when it does not exist or is not this user's: the two look the same."""
    try:
        return applications_visible_to(user).select_related("flow_version", "applicant").get(pk=application_id)
    except (Application.DoesNotExist, ValueError, TypeError):
        raise Http404("No such application") from None


def document_get_for_user(*, user, document_id):
    try:
        return ApplicationDocument.objects.select_related("application").get(
            pk=document_id, application__in=applications_visible_to(user)
        )
    except (ApplicationDocument.DoesNotExist, ValueError, TypeError):
        raise Http404("No such document") from None


def applications_for_user(*, user):
    """(drafts, sent) for the "My applications" page."""
    applications = list(applications_visible_to(user).select_related("flow_version").order_by("-updated_at"))
    drafts = [a for a in applications if a.status == Status.DRAFT]
    sent = [a for a in applications if a.status != Status.DRAFT]
    return drafts, sent


def draft_for_service(*, user, service_code, applicant=None):
    if user is None or not user.is_authenticated:
        return None
    drafts = (
        applications_visible_to(user)
        .filter(status=Status.DRAFT, service_code=service_code, applicant=applicant or user)
        .order_by("-updated_at")
    )
    # A draft that is part of a life-event application is carried on there, not from the service's own start page.
    return next((draft for draft in drafts[:5] if not container_url(draft)), None)


def flow_version_current(key):
    return FlowVersion.objects.filter(flow__key=key).select_related("flow").order_by("-number").first()


def service_page_for_code(code):
    """The live service page with this code, in the active language when it has that translation."""
    pages = ServicePage.objects.live().filter(service_code=code).select_related("department", "locale")
    language = active_language()
    return (
        next((p for p in pages if p.locale.language_code == language), None)
        or next((p for p in pages if p.locale.language_code == "zh-hans"), None)
        or pages.first()
    )


RECEIPT_SWEEP_WINDOW = timedelta(days=2)


def receipts_pending():
    """Recent submissions with no receipt in their language yet: what the receipt job renders next, and the backlog
    operators watch (portal/monitoring.py)."""
    has_receipt = ApplicationReceipt.objects.filter(
        application=OuterRef("pk"), language=OuterRef("language"), large_print=False
    )
    return (
        Application.objects.exclude(status=Status.DRAFT)
        .filter(submitted_at__gte=timezone.now() - RECEIPT_SWEEP_WINDOW, reference__isnull=False)
        .filter(~Exists(has_receipt))
    )


def flow_catalogue_problems(key, flow_materials):
    """Messages for each live service page using the flow `key` that does not list, as the flow would collect them
    (`flow_materials`: {code: question key}), the materials its upload questions name."""
    problems = []
    for page in ServicePage.objects.live().filter(flow_key=key).prefetch_related("materials").order_by("path"):
        found = service_material_problems(
            in_person_visits=None, materials=list(page.materials.all()), flow_materials=flow_materials
        )
        problems += [
            _("Service “%(service)s”: %(problem)s") % {"service": page.title, "problem": problem}
            for problem in found.get("flow_key", [])
        ]
    return problems


def service_page_in_language(page, language):
    if page is None:
        return None
    if page.locale.language_code == language:
        return page
    try:
        locale = Locale.objects.get(language_code=language)
    except Locale.DoesNotExist:
        return page
    return page.get_translation_or_none(locale) or page


def service_name(application, language=None):
    page = service_page_in_language(application.service_page, language or active_language())
    if page is not None:
        return page.title
    return localised(application.flow.title, language)


def service_titles(pages, language=None):
    """{service code: title} of the service pages in `pages` (a queryset over every language), each titled in
    `language` where it has that translation: one query."""
    language = language or active_language()
    titles = {}
    for code, title, page_language in pages.values_list("service_code", "title", "locale__language_code"):
        if page_language == language or code not in titles:
            titles[code] = title
    return titles


def service_names(applications, language=None):
    """{application pk: its service's name} for a list page's rows, in one query whatever their number."""
    titles = service_titles(
        ServicePage.objects.filter(service_code__in={a.service_code for a in applications}), language
    )
    return {a.pk: titles.get(a.service_code) or localised(a.flow.title, language) for a in applications}


def documents_by_field(application):
    grouped = {}
    for document in application.documents.all():
        grouped.setdefault(document.field_key, []).append(document)
    return grouped


def field_context(application, places=None):
    return FieldContext(
        applicant=application.applicant,
        documents=documents_by_field(application),
        places=places,
        channel=application.channel,
    )


def application_missing_steps(application, documents=None):
    """The visible steps not yet completed, or with a required answer missing, in order: the check page and
    the submission ask navigation the same question."""
    documents = documents if documents is not None else documents_by_field(application)
    return navigation.missing_steps(
        navigation.Progress(
            flow=application.flow,
            answers=application.answers,
            completed=application.completed_steps,
            context=FieldContext(documents=documents),
        )
    )


def application_summary(application, context=None, on_paper=False):
    """[{"step": StepDef, "title": str, "rows": [{"key", "label", "value", and "fixed_note" for an answer the
    form does not ask}]}] for what the applicant can see. `on_paper`: as a receipt shows it (bank accounts
    masked)."""
    flow = application.flow
    context = context or field_context(application)
    effective = flow.effective_answers(application.answers)
    sections = []
    for step in flow.visible_steps(application.answers):
        rows = []
        for field_def in flow.visible_fields(step, application.answers):
            field_type = FIELD_TYPES[field_def.type]
            display = field_type.display_on_paper if on_paper else field_type.display
            value = display(field_def, effective.get(field_def.key), context)
            row = {"key": field_def.key, "label": localised(field_def.label), "value": value}
            if field_type.shown_read_only(field_def, context):
                # Not asked, so no Change link: say where it comes from and where to correct it instead.
                row["fixed_note"] = (
                    channel_notes.channel_note(field_def, context)
                    if field_def.answered_by
                    else channel_notes.account_note(context)
                )
            rows.append(row)
        sections.append({"step": step, "title": localised(step.title), "rows": rows})
    return sections


def application_events(application):
    return list(application.events.select_related("actor").order_by("created_at", "id"))
