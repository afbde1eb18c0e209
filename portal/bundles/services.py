"""Writes for life-event applications: start a case (a draft application per chosen member service), give the
shared answers once (written into every member application that asks them), send the case (every member in one
transaction: each goes to its own department through the engine's submission and its outbox)."""

import uuid

from django.db import transaction
from django.utils import timezone

from portal.applications.field_types import FIELD_TYPES
from portal.applications.selectors import flow_version_current, service_page_for_code
from portal.applications.services import (
    ApplicationIncomplete,
    NotADraft,
    application_start,
    application_step_save,
    application_submit,
)

from .models import BundleCase, BundleCaseMember, CaseStatus
from .selectors import members, shared_flow


class CaseAlreadySent(Exception):
    """The case was sent before, with another idempotency key (another tab): nothing is sent again."""


class NotOnline(Exception):
    """A member service of the bundle has no online application: the bundle cannot be applied for online."""

    def __init__(self, service_code):
        super().__init__(service_code)
        self.service_code = service_code


def chosen_members(definition, optional_codes):
    return [
        member for member in definition["members"] if not member["optional"] or member["service_code"] in optional_codes
    ]


def case_start(*, version, applicant, actor, optional_codes, language):
    """A case on `version` with a draft application for every member always included and every optional one
    chosen, in the bundle's order; refused (NotOnline) when one of them cannot be applied for online."""
    now = timezone.now()
    with transaction.atomic():
        case = BundleCase.objects.create(
            bundle_version=version,
            applicant=applicant,
            submitted_by=actor,
            language=language,
            created_at=now,
            updated_at=now,
        )
        for position, member in enumerate(chosen_members(version.definition, set(optional_codes))):
            code = member["service_code"]
            page = service_page_for_code(code)
            flow_version = flow_version_current(page.flow_key) if page is not None and page.online else None
            if flow_version is None:
                raise NotOnline(code)
            application = application_start(
                flow_version=flow_version,
                applicant=applicant,
                actor=actor,
                service_code=code,
                service_page=page,
                language=language,
            )
            application = _account_steps_fill(application, actor)
            BundleCaseMember.objects.create(case=case, application=application, service_code=code, position=position)
    return case


def _account_steps_fill(application, actor):
    """Tell once: a member step that asks only what the applicant's account holds (name, ID number, phone) is
    answered from the account and done; the one check page shows those answers with the rest, to change there."""
    for step in application.flow.steps:
        fields = application.flow.visible_fields(step, application.answers)
        if not fields or not all(field_def.from_account for field_def in fields):
            continue
        values = {f.key: FIELD_TYPES[f.type].account_value(f, application.applicant) for f in fields}
        if any(field_def.required and not _answered(values[field_def.key]) for field_def in fields):
            continue
        application = application_step_save(
            application=application,
            step_key=step.key,
            cleaned_data={key: value for key, value in values.items() if _answered(value)},
            expected_version=application.version,
            actor=actor,
        )
    return application


def _answered(value):
    return value not in (None, "", [], {})


def shared_answers_save(*, case, cleaned_data, actor):
    """Keep the shared answers and write each into the member applications' questions it stands for; a member step
    whose questions are then all answered is done (the citizen does not see it again)."""
    with transaction.atomic():
        case = BundleCase.objects.select_for_update().select_related("bundle_version").get(pk=case.pk)
        if not case.is_draft:
            raise NotADraft()
        flow = shared_flow(case)
        stored = {
            field_def.key: FIELD_TYPES[field_def.type].to_storage(field_def, cleaned_data.get(field_def.key))
            for field_def in flow.steps[0].fields
        }
        by_service = {member.service_code: member.application for member in members(case)}
        writes = {}  # application pk -> {step key: {question key: value}}
        for question in case.bundle_version.definition["questions"]:
            if question["key"] not in cleaned_data:
                continue
            for target in question["targets"]:
                application = by_service.get(target["service_code"])
                step = application.flow.step_of(target["field"]) if application else None
                if step is not None:
                    writes.setdefault(application.pk, {}).setdefault(step.key, {})[target["field"]] = cleaned_data[
                        question["key"]
                    ]
        for application in by_service.values():
            for step_key, data in writes.get(application.pk, {}).items():
                application = application_step_save(
                    application=application,
                    step_key=step_key,
                    cleaned_data=data,
                    expected_version=application.version,
                    actor=actor,
                    complete=_step_complete(application, step_key, data),
                )
        case.shared_answers = stored
        case.shared_done = True
        case.updated_at = timezone.now()
        case.version += 1
        case.save(update_fields=["shared_answers", "shared_done", "updated_at", "version"])
    return case


def _step_complete(application, step_key, data):
    """Whether every question of the step the applicant can see is answered once `data` is kept."""
    flow = application.flow
    answers = {**application.answers, **{key: value for key, value in data.items() if _answered(value)}}
    step = flow.step(step_key)
    return all(
        not field_def.required or _answered(answers.get(field_def.key))
        for field_def in flow.visible_fields(step, answers)
    )


def case_submit(*, case, actor, idempotency_key):
    """Send every member application, in one transaction: all go, or none (ApplicationIncomplete names the first
    member still to finish). The same idempotency key returns the case already sent: one case, however many
    clicks."""
    key = uuid.UUID(str(idempotency_key))
    with transaction.atomic():
        case = BundleCase.objects.select_for_update().select_related("bundle_version").get(pk=case.pk)
        if not case.is_draft:
            if case.idempotency_key == key:
                return case
            raise CaseAlreadySent()
        rows = members(case)
        required = {m["service_code"] for m in case.bundle_version.definition["members"] if not m["optional"]}
        if not rows or not required <= {row.service_code for row in rows}:
            raise ApplicationIncomplete([])  # a member's draft is gone (expired): start again
        for member in rows:
            application = member.application
            application_submit(
                application=application,
                actor=actor,
                idempotency_key=uuid.uuid5(key, member.service_code),
                expected_version=application.version,
            )
        now = timezone.now()
        case.status, case.idempotency_key, case.submitted_at, case.updated_at = CaseStatus.SUBMITTED, key, now, now
        case.version += 1
        case.save(update_fields=["status", "idempotency_key", "submitted_at", "updated_at", "version"])
    return case
