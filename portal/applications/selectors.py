"""Reads for the application engine. Every object a user asks for by its ID goes through
applications_visible_to(): the one rule of who may see an application (later extended for proxies)."""

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale

from services_catalog.models import ServicePage

from . import prefill
from .definitions import localised
from .field_types import FIELD_TYPES, FieldContext
from .models import Application, ApplicationDocument, FlowVersion
from .status import Channel, Status


class NoProxyPolicy:
    """Who may act for whom: nobody, unless an app registers a policy (representation does, in its
    AppConfig.ready, so this engine never imports it)."""

    def agent_scope(self, user, now):
        """A Q over Application: what `user` may reach as someone else's agent, valid at `now`."""
        return Q(pk__in=[])

    def acting_for(self, request, service_code=None):
        """None when the user acts for themself; (principal, mandate_reference) when the session says they act
        for someone whose mandate covers `service_code` now. Raises PermissionDenied when it does not."""
        return None


class PolicyList(NoProxyPolicy):
    """Every registered policy, asked together: the scopes are ORed; the first to say whom the user acts
    for wins. acting_for returns (principal, reference) for a proxy, or (principal, reference, start keywords)
    when the policy sets the channel itself (assisted mode); acting_start_kwargs() reads either."""

    policies = []

    def agent_scope(self, user, now):
        scope = super().agent_scope(user, now)
        for policy in self.policies:
            scope |= policy.agent_scope(user, now)
        return scope

    def acting_for(self, request, service_code=None):
        for policy in self.policies:
            acting = policy.acting_for(request, service_code)
            if acting is not None:
                return acting
        return None


_policy = PolicyList()


def access_policy_register(policy):
    """Add a policy (apps call this in AppConfig.ready); one of the same class registered again replaces it."""
    PolicyList.policies = [p for p in PolicyList.policies if type(p) is not type(policy)] + [policy]


def access_policy():
    return _policy


def acting_start_kwargs(acting):
    """application_start's keywords for what acting_for returned (nothing when acting for oneself)."""
    if not acting:
        return {}
    if len(acting) > 2:
        return dict(acting[2])
    return {"channel": Channel.PROXY, "mandate_reference": acting[1]}


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
            pk=document_id, application__in=applications_visible_to(user))
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
    return applications_visible_to(user).filter(status=Status.DRAFT, service_code=service_code,
                                                applicant=applicant or user).order_by("-updated_at").first()


def flow_version_current(key):
    return FlowVersion.objects.filter(flow__key=key).select_related("flow").order_by("-number").first()


def service_page_for_code(code):
    """The live service page with this code, in the active language when it has that translation."""
    pages = ServicePage.objects.live().filter(service_code=code).select_related("department", "locale")
    language = get_language() or "zh-hans"
    return (next((p for p in pages if p.locale.language_code == language), None)
            or next((p for p in pages if p.locale.language_code == "zh-hans"), None)
            or pages.first())


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
    page = service_page_in_language(application.service_page, language or get_language() or "zh-hans")
    if page is not None:
        return page.title
    return localised(application.flow.title, language)


def documents_by_field(application):
    grouped = {}
    for document in application.documents.all():
        grouped.setdefault(document.field_key, []).append(document)
    return grouped


def field_context(application, places=None):
    return FieldContext(applicant=application.applicant, documents=documents_by_field(application), places=places,
                        channel=application.channel)


def application_missing_steps(application, documents=None):
    """The visible steps not yet completed, or with a required answer missing, in order."""
    flow = application.flow
    answers = application.answers
    documents = documents if documents is not None else documents_by_field(application)
    effective = flow.effective_answers(answers)
    missing = []
    for step in flow.visible_steps(answers):
        if step.key not in application.completed_steps:
            missing.append(step.key)
            continue
        for field_def in flow.visible_fields(step, answers):
            if not field_def.required:
                continue
            answered = documents.get(field_def.key) if FIELD_TYPES[field_def.type].is_file else (
                effective.get(field_def.key) not in (None, "", [], {}, False))
            if not answered:
                missing.append(step.key)
                break
    return missing


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
                row["fixed_note"] = (prefill.channel_note(field_def, context) if field_def.answered_by
                                     else prefill.account_note(context))
            rows.append(row)
        sections.append({"step": step, "title": localised(step.title), "rows": rows})
    return sections


def application_events(application):
    return list(application.events.select_related("actor").order_by("created_at", "id"))


def step_position(application, step_key):
    """(number, total) of a step among the visible ones: "Step 2 of 5"."""
    visible = [step.key for step in application.flow.visible_steps(application.answers)]
    if step_key not in visible:
        return None, len(visible)
    return visible.index(step_key) + 1, len(visible)


def neighbour_steps(application, step_key):
    visible = [step.key for step in application.flow.visible_steps(application.answers)]
    if step_key not in visible:
        return None, None
    index = visible.index(step_key)
    return (visible[index - 1] if index > 0 else None), (visible[index + 1] if index + 1 < len(visible) else None)


# Elder mode: one question per page ----------------------------------------------------------------------

def question_answered(field_def, answers, documents):
    """Whether a question has been answered (saved) already: elder mode moves between questions by it."""
    if FIELD_TYPES[field_def.type].is_file:
        return bool(documents.get(field_def.key)) or (not field_def.required and field_def.key in answers)
    return field_def.key in answers


def first_unanswered_question(questions, answers, documents, after=-1):
    """The number (from 1) of the first question after index `after` not answered yet, or None."""
    for index, field_def in enumerate(questions):
        if index > after and not question_answered(field_def, answers, documents):
            return index + 1
    return None


def step_asks_several(step_def, context_for_fields):
    """Whether a step may ask more than one question (depending on the answers): elder mode then asks them one
    per page, numbered, even while only one of them is shown, so the pages of a step do not change shape."""
    return sum(not FIELD_TYPES[f.type].shown_read_only(f, context_for_fields) for f in step_def.fields) > 1
