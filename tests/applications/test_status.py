"""Statuses move forward only, every change is recorded and announced; applicants may withdraw before review."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.accounts.sms import MemorySmsSender
from portal.applications import services
from portal.applications.models import Application
from portal.applications.status import TRANSITIONS, Channel, Source, Status, can_withdraw, transition_allowed

pytestmark = pytest.mark.django_db

ORDER = [
    Status.DRAFT,
    Status.SUBMITTED,
    Status.RECEIVED,
    Status.IN_REVIEW,
    Status.MORE_INFO_REQUESTED,
    Status.APPROVED,
    Status.REJECTED,
    Status.COMPLETED,
    Status.WITHDRAWN,
]
RANK = {
    Status.DRAFT: 0,
    Status.SUBMITTED: 1,
    Status.RECEIVED: 2,
    Status.IN_REVIEW: 3,
    Status.MORE_INFO_REQUESTED: 3,
    Status.APPROVED: 4,
    Status.REJECTED: 4,
    Status.COMPLETED: 5,
    Status.WITHDRAWN: 6,
}


def test_the_table_only_moves_forward():
    for frm, to in TRANSITIONS:
        assert RANK[to] > RANK[frm] or {frm, to} == {Status.IN_REVIEW, Status.MORE_INFO_REQUESTED}
    assert not any(to == Status.DRAFT for _frm, to in TRANSITIONS)
    assert not any(frm in (Status.COMPLETED, Status.WITHDRAWN) for frm, _to in TRANSITIONS)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ORDER), st.sampled_from(list(Source))), max_size=12))
def test_any_sequence_of_requests_never_goes_back(moves):
    status, seen = Status.SUBMITTED, [Status.SUBMITTED]
    for to, source in moves:
        if transition_allowed(status, to, source):
            status = to
            seen.append(status)
    for before, after in zip(seen, seen[1:], strict=False):
        assert RANK[after] >= RANK[before]
    assert Status.DRAFT not in seen


def test_transition_records_and_announces_the_change(submitted, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    MemorySmsSender.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.application_transition(
            application=submitted, to_status=Status.RECEIVED, actor=None, source=Source.CONNECTOR, note=""
        )
    event = submitted.events.latest("created_at")
    assert (event.from_status, event.to_status, event.source) == ("submitted", "received", "connector")
    assert len(mail.outbox) == 1 and submitted.reference in mail.outbox[0].subject
    assert len(MemorySmsSender.outbox) == 1 and submitted.reference in MemorySmsSender.outbox[0]["message"]


@pytest.mark.parametrize(
    "channel, reference, staff_told",
    [
        ("proxy", {"mandate_reference": "M-1"}, True),  # the family member acting for them hears too
        ("assisted", {"assist_session_reference": "A-1"}, False),  # the hall staff member who helped does not
    ],
)
def test_who_hears_of_a_change_made_for_someone_else(
    submitted, citizens_son, django_capture_on_commit_callbacks, channel, reference, staff_told
):
    Application.objects.filter(pk=submitted.pk).update(channel=channel, submitted_by=citizens_son, **reference)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.application_transition(
            application=submitted, to_status=Status.RECEIVED, actor=None, source=Source.CONNECTOR, note=""
        )
    told = {address for message in mail.outbox for address in message.to}
    assert submitted.applicant.email in told
    assert (citizens_son.email in told) is staff_told


def test_backwards_and_wrong_source_moves_are_refused(submitted):
    with pytest.raises(services.TransitionNotAllowed):
        services.application_transition(
            application=submitted, to_status=Status.APPROVED, actor=None, source=Source.STAFF
        )  # skipping received and review
    with pytest.raises(services.TransitionNotAllowed):
        services.application_transition(
            application=submitted, to_status=Status.RECEIVED, actor=None, source=Source.PORTAL
        )  # the applicant cannot mark it received
    for to in (
        Status.RECEIVED,
        Status.IN_REVIEW,
        Status.MORE_INFO_REQUESTED,
        Status.IN_REVIEW,
        Status.APPROVED,
        Status.COMPLETED,
    ):
        services.application_transition(application=submitted, to_status=to, actor=None, source=Source.STAFF)
    for to in (Status.IN_REVIEW, Status.SUBMITTED, Status.DRAFT, Status.WITHDRAWN):
        with pytest.raises(services.TransitionNotAllowed):
            services.application_transition(application=submitted, to_status=to, actor=None, source=Source.STAFF)
    assert submitted.events.count() == 8


def test_applicant_withdraws_before_review(submitted, citizen, client_for):
    client = client_for(citizen)
    url = reverse("applications:withdraw", kwargs={"pk": submitted.pk})
    assert "Withdraw your application?" in client.get(url).content.decode()
    assert client.post(url, {"version": str(submitted.version)}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.WITHDRAWN
    assert submitted.events.latest("created_at").source == Source.PORTAL


def test_no_withdrawing_once_the_review_has_started(submitted, citizen, client_for):
    for to in (Status.RECEIVED, Status.IN_REVIEW):
        services.application_transition(application=submitted, to_status=to, actor=None, source=Source.CONNECTOR)
    assert not can_withdraw(Status.IN_REVIEW)
    client = client_for(citizen)
    submitted.refresh_from_db()
    response = client.post(
        reverse("applications:withdraw", kwargs={"pk": submitted.pk}), {"version": str(submitted.version)}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW
    with pytest.raises(services.TransitionNotAllowed):
        services.application_withdraw(application=submitted, actor=citizen, expected_version=submitted.version)


def test_the_database_insists_a_channel_has_its_authority(submitted):
    for channel, fields in [
        (Channel.PROXY, {}),
        (Channel.ASSISTED, {}),
        (Channel.ONLINE, {"mandate_reference": "M-1"}),
        (Channel.PROXY, {"assist_session_reference": "S-1"}),
    ]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Application.objects.filter(pk=submitted.pk).update(channel=channel, **fields)
    Application.objects.filter(pk=submitted.pk).update(channel=Channel.PROXY, mandate_reference="M-1")
    Application.objects.filter(pk=submitted.pk).update(
        channel=Channel.ASSISTED, mandate_reference=None, assist_session_reference="S-1"
    )


def test_a_proxy_application_lets_both_people_see_it(submitted, citizens_son, client_for):
    Application.objects.filter(pk=submitted.pk).update(
        channel=Channel.PROXY, mandate_reference="M-1", submitted_by=citizens_son
    )
    response = client_for(citizens_son).get(reverse("applications:detail", kwargs={"pk": submitted.pk}))
    assert response.status_code == 200
