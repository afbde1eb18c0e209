"""The department workbench: each reviewer sees only their departments' applications; filters; overdue in
working days; the actions and the more-information round trip; a constant number of queries per page."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.accounts.sms import MemorySmsSender
from portal.applications.models import StatusEvent
from portal.assisted.models import MoreInformationAnswer
from portal.audit.models import AuditEvent
from tests.applying import PDF_BYTES, upload

from .helpers import application_make

pytestmark = pytest.mark.django_db


def _queue(client, **params):
    return client.get(reverse("assisted:queue"), params)


def test_reviewers_see_only_their_departments_applications(
    client_for, reviewer, other_reviewer, administrator, service_for, other_service, citizen
):
    ours = application_make(service_for("senior-bus-pass"), citizen)
    theirs = application_make(other_service, citizen)
    mine, other = client_for(reviewer), client_for(other_reviewer)

    html = _queue(mine).content.decode()
    assert ours.reference in html and theirs.reference not in html
    html = _queue(other).content.decode()
    assert theirs.reference in html and ours.reference not in html
    html = _queue(client_for(administrator)).content.decode()
    assert ours.reference in html and theirs.reference in html

    # Opening, acting on, or downloading from another department's application: not found, like no application.
    assert mine.get(reverse("assisted:queue_detail", kwargs={"pk": theirs.pk})).status_code == 404
    assert mine.post(reverse("assisted:queue_action", kwargs={"pk": theirs.pk, "action": "start"})).status_code == 404
    assert mine.get(reverse("assisted:queue_detail", kwargs={"pk": ours.pk})).status_code == 200
    theirs.refresh_from_db()
    assert theirs.status == "submitted"
    # A filter naming the other department's service shows nothing either.
    assert theirs.reference not in _queue(mine, service=other_service.service_code).content.decode()


def test_a_reviewer_cannot_download_another_departments_documents(client_for, reviewer, other_reviewer, submitted):
    document = submitted.documents.get()
    url = reverse("assisted:queue_document", kwargs={"pk": document.pk})
    assert client_for(other_reviewer).get(url).status_code == 404
    response = client_for(reviewer).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_filters_by_status_service_channel_and_overdue(client_for, reviewer, service_for, citizen, settings):
    bus, care = service_for("senior-bus-pass"), service_for("elderly-care-subsidy")  # both promise 5 working days
    fresh = application_make(bus, citizen)
    late = application_make(bus, citizen, status="in_review", days_ago=30)
    late_but_decided = application_make(bus, citizen, status="approved", days_ago=30)
    assisted = application_make(care, citizen, channel="assisted", days_ago=1)
    client = client_for(reviewer)

    def shown(**params):
        html = _queue(client, **params).content.decode()
        return {a for a in (fresh, late, late_but_decided, assisted) if a.reference in html}

    assert shown() == {fresh, late, assisted}  # waiting for a decision, by default
    assert shown(status="all") == {fresh, late, late_but_decided, assisted}
    assert shown(status="approved") == {late_but_decided}
    assert shown(service=care.service_code) == {assisted}
    assert shown(channel="assisted") == {assisted}
    assert shown(overdue="1") == {late}
    html = _queue(client).content.decode()
    assert html.count("tag--overdue") == 1


def test_working_days_skip_weekends_and_listed_holidays():
    from services_catalog.calendar import Calendar
    from services_catalog.models import CalendarDay

    friday = datetime.date(2026, 11, 20)
    calendar = Calendar()
    assert calendar.add(friday, 1) == datetime.date(2026, 11, 23)  # Monday
    assert calendar.add(friday, 5) == datetime.date(2026, 11, 27)
    assert calendar.add(datetime.date(2026, 11, 21), 1) == datetime.date(2026, 11, 23)  # sent on a Saturday
    CalendarDay.objects.create(date=datetime.date(2026, 11, 23), kind="holiday")
    CalendarDay.objects.create(date=datetime.date(2026, 11, 22), kind="workday")  # a Sunday worked in exchange
    calendar = Calendar()
    assert calendar.add(friday, 1) == datetime.date(2026, 11, 22)
    assert calendar.add(friday, 2) == datetime.date(2026, 11, 24)
    # The overdue cut-off agrees with the due date, day by day, for several limits.
    for days in (0, 1, 5, 20):
        today = datetime.date(2026, 12, 1)
        last = calendar.latest_overdue_start(days, today)
        assert calendar.add(last, days) < today <= calendar.add(last + datetime.timedelta(days=1), days)


def test_the_queue_takes_the_same_number_of_queries_whatever_the_data(
    client_for, reviewer, service_for, citizen, other_service
):
    pages = [service_for("senior-bus-pass"), service_for("elderly-care-subsidy")]
    client = client_for(reviewer)
    _queue(client)  # warm the session and caches

    def count(**params):
        with CaptureQueriesContext(connection) as queries:
            assert _queue(client, **params).status_code == 200
        return len(queries)

    for index in range(3):
        application_make(pages[index % 2], citizen, days_ago=index * 4, channel=("online", "assisted")[index % 2])
    small = [count(), count(overdue="1"), count(status="all", channel="assisted"), count(page="1")]
    for index in range(60):
        application_make(pages[index % 2], citizen, days_ago=index, channel=("online", "assisted", "proxy")[index % 3])
        application_make(other_service, citizen, days_ago=index)
    large = [count(), count(overdue="1"), count(status="all", channel="assisted"), count(page="2")]
    assert small == large, (small, large)


def test_a_review_with_a_more_information_round_trip(
    client_for, reviewer, citizen, submitted, django_capture_on_commit_callbacks
):
    reviewer_client, citizen_client = client_for(reviewer), client_for(citizen)
    detail = reverse("assisted:queue_detail", kwargs={"pk": submitted.pk})
    page = reviewer_client.get(detail).content.decode()
    assert "张三" in page and submitted.documents.get().original_name in page and 'id="start-review"' in page
    assert submitted.applicant.resident_id not in page

    def act(action, **data):
        with django_capture_on_commit_callbacks(execute=True):
            response = reviewer_client.post(
                reverse("assisted:queue_action", kwargs={"pk": submitted.pk, "action": action}), data
            )
        submitted.refresh_from_db()
        return response

    act("start", expected_status="submitted")
    assert submitted.status == "in_review"
    assert list(submitted.events.values_list("to_status", "source")) == [
        ("draft", "portal"),
        ("submitted", "portal"),
        ("received", "staff"),
        ("in_review", "staff"),
    ]

    # A request needs its note; then the citizen is told by text message and e-mail.
    response = act("more-information", **{"more-expected_status": "in_review", "more-note": ""})
    assert response.status_code == 400 and "There is a problem" in response.content.decode()
    MemorySmsSender.outbox.clear()
    mail.outbox.clear()
    note = "请补充上传近三个月内的免冠照片。"
    act("more-information", **{"more-expected_status": "in_review", "more-note": note})
    assert submitted.status == "more_info_requested"
    assert any(submitted.reference in message["message"] for message in MemorySmsSender.outbox)
    assert mail.outbox and note in mail.outbox[0].body

    # The citizen sees the request on their application page and answers it in the portal, with a file.
    page = citizen_client.get(reverse("applications:detail", kwargs={"pk": submitted.pk})).content.decode()
    answer_url = reverse("more_information:answer", kwargs={"pk": submitted.pk})
    assert note in page and answer_url in page
    assert note in citizen_client.get(answer_url).content.decode()
    response = citizen_client.post(answer_url, {"text": ""})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = citizen_client.post(
            answer_url, {"text": "照片已重新上传。", "files": [upload("new-photo.pdf", PDF_BYTES)]}
        )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "in_review"
    assert submitted.events.latest("created_at").source == "portal"
    answer = MoreInformationAnswer.objects.get(application=submitted)
    assert answer.request_event.note == note and answer.answered_by == citizen

    # The reviewer sees the answer and its document, then decides.
    page = reviewer_client.get(detail).content.decode()
    assert "照片已重新上传。" in page and "new-photo.pdf" in page
    document = answer.documents.get()
    response = reviewer_client.get(reverse("assisted:queue_answer_document", kwargs={"pk": document.pk}))
    assert b"".join(response.streaming_content) == PDF_BYTES
    response = act("reject", **{"decide-expected_status": "in_review", "decide-note": ""})
    assert response.status_code == 400 and submitted.status == "in_review"  # a refusal needs its reason
    MemorySmsSender.outbox.clear()
    act("approve", **{"decide-expected_status": "in_review", "decide-note": "材料齐全。"})
    assert submitted.status == "approved"
    assert any(submitted.reference in message["message"] for message in MemorySmsSender.outbox)
    act("complete", expected_status="approved")
    assert submitted.status == "completed"
    assert not StatusEvent.objects.filter(application=submitted, source="staff").exclude(actor=reviewer).exists()

    actions = set(
        AuditEvent.objects.filter(actor_id=reviewer.pk, on_behalf_of_id=citizen.pk).values_list("action", flat=True)
    )
    assert {
        "application.viewed",
        "document.downloaded",
        "review.started",
        "review.more_information_requested",
        "review.approved",
        "review.completed",
    } <= actions


def test_a_stale_page_does_not_overwrite_a_newer_decision(client_for, reviewer, service_for, citizen):
    application = application_make(service_for("senior-bus-pass"), citizen, status="in_review")
    client = client_for(reviewer)
    url = reverse("assisted:queue_action", kwargs={"pk": application.pk, "action": "approve"})
    client.post(url, {"decide-expected_status": "in_review", "decide-note": ""})
    response = client.post(
        reverse("assisted:queue_action", kwargs={"pk": application.pk, "action": "reject"}),
        {"decide-expected_status": "in_review", "decide-note": "重复"},
        follow=True,
    )
    application.refresh_from_db()
    assert application.status == "approved"
    assert "changed while you were looking at it" in response.content.decode()


def test_with_a_back_office_connector_the_workbench_only_shows(client_for, reviewer, department, service_for, citizen):
    from portal.connectors.models import ConnectorConfig

    ConnectorConfig.objects.create(slug="civil-affairs", name="民政业务系统", plugin="demo", department=department)
    application = application_make(service_for("senior-bus-pass"), citizen)
    client = client_for(reviewer)
    page = client.get(reverse("assisted:queue_detail", kwargs={"pk": application.pk})).content.decode()
    assert 'id="back-office-note"' in page and "民政业务系统" in page
    assert 'id="start-review"' not in page and 'id="decide"' not in page
    client.post(
        reverse("assisted:queue_action", kwargs={"pk": application.pk, "action": "start"}),
        {"expected_status": "submitted"},
    )
    application.refresh_from_db()
    assert application.status == "submitted"


def test_only_the_applicant_or_their_proxy_answers(client_for, submitted, reviewer, db):
    from portal.accounts.services import user_register

    reviewer_client = client_for(reviewer)
    reviewer_client.post(reverse("assisted:queue_action", kwargs={"pk": submitted.pk, "action": "start"}))
    reviewer_client.post(
        reverse("assisted:queue_action", kwargs={"pk": submitted.pk, "action": "more-information"}),
        {"more-note": "请补充材料"},
    )
    submitted.refresh_from_db()
    assert submitted.status == "more_info_requested"
    stranger = user_register(real_name="路人", password="correct-horse-battery", phone="13500001111")
    url = reverse("more_information:answer", kwargs={"pk": submitted.pk})
    assert client_for(stranger).get(url).status_code == 404
    assert client_for(stranger).post(url, {"text": "x"}).status_code == 404
    assert client_for(reviewer).get(url).status_code == 404  # staff answer nothing for citizens here
