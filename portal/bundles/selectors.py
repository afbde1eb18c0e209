"""Reads for life-event applications. A case is seen only by the person it is for and by who started it."""

from dataclasses import asdict, dataclass

from django.db.models import Q
from django.http import Http404
from django.urls import reverse

from portal.applications.definitions import FieldDef, FlowDef, StepDef
from portal.applications.selectors import application_missing_steps, service_names

from .models import BundleCase, BundleCaseMember, CaseStatus

SHARED_STEP = "shared"


def case_get_for_user(*, user, case_id):
    case = (
        BundleCase.objects.filter(Q(applicant=user) | Q(submitted_by=user), pk=case_id)
        .select_related("bundle_version", "bundle_version__bundle")
        .first()
    )
    if case is None:
        raise Http404("No such life-event application")
    return case


def draft_case_for(*, user, bundle_slug):
    return (
        BundleCase.objects.filter(
            submitted_by=user, applicant=user, status=CaseStatus.DRAFT, bundle_version__bundle__slug=bundle_slug
        )
        .order_by("-created_at")
        .first()
    )


def container_url(application):
    """The engine's hook: a draft that belongs to a case still being filled in is sent from the case's pages."""
    case_id = (
        BundleCaseMember.objects.filter(application=application, case__status=CaseStatus.DRAFT)
        .values_list("case_id", flat=True)
        .first()
    )
    return reverse("bundles:tasks", kwargs={"pk": case_id}) if case_id else None


def members(case):
    """The case's member applications in the bundle's order, each with its flow version loaded."""
    return list(
        case.members.select_related("application", "application__flow_version", "application__applicant")
        .prefetch_related("application__documents")
        .order_by("position")
    )


def shared_flow(case, language=None):
    """The bundle's shared questions as a one-step flow, for the engine's form: each question is the one its first
    member flow asks (same type, options and checks), with the bundle's own wording."""
    definition = case.bundle_version.definition
    flows = {member.service_code: member.application.flow for member in members(case)}
    fields = []
    for question in definition["questions"]:
        for target in question["targets"]:
            flow = flows.get(target["service_code"])
            field_def = flow.field(target["field"]) if flow else None
            if field_def is not None:
                copy = FieldDef.from_dict({**_as_dict(field_def), "key": question["key"], "label": question["label"]})
                copy.show_if = []  # asked once, for every member, whatever each member's own conditions
                fields.append(copy)
                break
    title = {"zh-hans": "共同信息", "en": "Details every service needs"}
    step = StepDef(key=SHARED_STEP, title=title, fields=fields)
    return FlowDef(key=f"bundle:{definition['slug']}", title=definition["name"], steps=[step])


def _as_dict(field_def):
    data = asdict(field_def)
    data["options"] = [{"value": option.value, "label": option.label} for option in field_def.options]
    data["show_if"] = []
    return data


@dataclass
class MemberProgress:
    member: BundleCaseMember
    title: str
    done: bool
    started: bool
    url: str


def progress(case):
    """Where each member application stands, for the task list (a fixed number of queries for any number)."""
    rows = members(case)
    titles = service_names([row.application for row in rows])
    result = []
    for row in rows:
        application = row.application
        missing = application_missing_steps(application)
        result.append(
            MemberProgress(
                member=row,
                title=titles[application.pk],
                done=not missing,
                started=bool(application.completed_steps),
                url=reverse("applications:detail", kwargs={"pk": application.pk}),  # a draft: where it resumes
            )
        )
    return result


def case_complete(case, rows):
    """Whether the case can be checked and sent: the shared questions answered (if any), every member present (none
    gone with expired drafts) and finished."""
    definition = case.bundle_version.definition
    required = {member["service_code"] for member in definition["members"] if not member["optional"]}
    present = {row.member.service_code for row in rows}
    shared = case.shared_done or not definition["questions"]
    return bool(rows) and shared and required <= present and all(row.done for row in rows)
