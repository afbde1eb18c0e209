"""好差评: the applicant rates a completed application once (changeable for 7 days); a poor rating is flagged
to the hall manager, who records the follow-up."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.applications.status import Status
from portal.audit.models import AuditEvent
from portal.ratings import services
from portal.ratings.models import Rating
from portal.staff.roles import Role
from tests.people import client_for, staff_make

pytestmark = pytest.mark.django_db


def detail(application):
    return reverse("applications:detail", kwargs={"pk": application.pk})


def rate(application):
    return reverse("ratings:rate", kwargs={"application_id": application.pk})


@pytest.fixture
def managers(catalogue_hall, other_catalogue_hall):
    return {
        "jinan": staff_make("jinan-manager", Role.HALL_MANAGER, hall=catalogue_hall, email="jinan@example.gov.cn"),
        "qingdao": staff_make(
            "qingdao-manager", Role.HALL_MANAGER, hall=other_catalogue_hall, email="qd@example.gov.cn"
        ),
    }


def test_the_panel_asks_for_a_rating_with_words_once_the_application_is_completed(citizen, completed_for):
    client = client_for(citizen)
    in_review = completed_for(citizen, final=Status.IN_REVIEW)
    assert "Rate this service" not in client.get(detail(in_review)).content.decode()
    completed = completed_for(citizen)
    page = client.get(detail(completed)).content.decode()
    assert "Rate this service" in page
    for words in ("5 – Very good", "4 – Good", "3 – Average", "2 – Poor", "1 – Very poor"):
        assert words in page
    assert page.count('type="radio" name="score"') == 5
    assert f'action="{rate(completed)}"' in page


def test_a_rating_is_given_once_and_can_be_changed_for_seven_days(citizen, completed_for):
    application = completed_for(citizen)
    client = client_for(citizen)
    response = client.post(rate(application), {"score": "4", "comment": "很快"})
    assert response["Location"] == detail(application)
    page = client.get(detail(application)).content.decode()
    assert "Thank you for rating this service." in page
    assert "You rated this service 4 out of 5: Good." in page
    assert 'name="score"' not in page  # no second form: rated once
    client.post(rate(application), {"score": "5", "comment": ""})
    assert Rating.objects.filter(application=application).count() == 1
    assert Rating.objects.get(application=application).score == 5
    Rating.objects.filter(application=application).update(created_at=timezone.now() - datetime.timedelta(days=8))
    response = client.post(rate(application), {"score": "1"})
    assert Rating.objects.get(application=application).score == 5
    assert "cannot be changed" in client.get(response["Location"]).content.decode()


def test_a_rating_needs_a_score(citizen, completed_for):
    application = completed_for(citizen)
    page = client_for(citizen).post(rate(application), {"comment": "x"}).content.decode()
    assert "<title>Error:" in page
    assert 'href="#id_score_0"' in page and "Choose a rating from 1 to 5" in page
    assert not Rating.objects.exists()


def test_nobody_rates_another_citizens_application(citizen, other_citizen, completed_for):
    application = completed_for(citizen)
    intruder = client_for(other_citizen)
    assert intruder.get(rate(application)).status_code == 404
    assert intruder.post(rate(application), {"score": "1"}).status_code == 404
    assert not Rating.objects.exists()


def test_a_poor_rating_is_flagged_to_the_manager_of_the_services_first_hall(
    citizen, completed_for, managers, django_capture_on_commit_callbacks, sms_outbox
):
    application = completed_for(citizen)  # 3700-GA-001: Jinan and Qingdao halls; Jinan's slug comes first
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(citizen).post(rate(application), {"score": "2", "comment": "排队太久"})
    rating = Rating.objects.get()
    assert rating.flagged_at is not None and rating.hall.slug == "jinan-hall"
    assert [message.to for message in mail.outbox] == [["jinan@example.gov.cn"]]
    assert application.reference in mail.outbox[0].subject
    assert "张三" not in mail.outbox[0].body  # names the application, not the person


def test_a_good_rating_is_not_flagged(citizen, completed_for, managers, django_capture_on_commit_callbacks):
    application = completed_for(citizen)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.rating_give(application=application, rater=citizen, score=4)
    assert Rating.objects.get().flagged_at is None
    assert mail.outbox == []


def test_an_assisted_applications_poor_rating_goes_to_the_hall_that_helped(
    citizen, completed_for, managers, other_catalogue_hall, django_capture_on_commit_callbacks
):
    from portal.assisted.models import AssistSession

    AssistSession.objects.create(
        reference="AS-TEST-1",
        staff=managers["qingdao"],
        hall=other_catalogue_hall,
        citizen=citizen,
        presence_confirmed=True,
        id_checked=True,
        consent_recorded=True,
        started_at=timezone.now(),
        state="ended",
        ended_at=timezone.now(),
    )
    application = completed_for(citizen, channel="assisted", assist="AS-TEST-1")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.rating_give(application=application, rater=citizen, score=1)
    assert Rating.objects.get().hall == other_catalogue_hall
    assert [message.to for message in mail.outbox] == [["qd@example.gov.cn"]]


def test_the_manager_follows_up_and_it_is_recorded(citizen, completed_for, managers):
    application = completed_for(citizen)
    rating = services.rating_give(application=application, rater=citizen, score=1, comment="没人理我")
    manager = client_for(managers["jinan"])
    listing = manager.get(reverse("staff_ratings:list")).content.decode()
    assert application.reference in listing and "1 – Very poor" in listing
    url = reverse("staff_ratings:detail", kwargs={"pk": rating.pk})
    page = manager.get(url).content.decode()
    assert "没人理我" in page
    assert AuditEvent.objects.filter(
        action="rating.viewed", actor_id=managers["jinan"].pk, on_behalf_of_id=citizen.pk
    ).exists()
    response = manager.post(
        url,
        {
            "action": "Called and apologised; the queue system is fixed.",
            "done_on_0": "2025",
            "done_on_1": "3",
            "done_on_2": "27",
        },
    )
    assert response.status_code == 302
    page = manager.get(url).content.decode()
    assert "Called and apologised" in page and "Recorded by jinan-manager" in page
    rating.refresh_from_db()
    assert rating.followed_up_at is not None
    follow_up = rating.follow_ups.get()
    assert follow_up.done_on == datetime.date(2025, 3, 27) and follow_up.recorded_by == managers["jinan"]
    event = AuditEvent.objects.get(action="rating.followed_up")
    assert event.actor_id == managers["jinan"].pk and event.details["done_on"] == "2025-03-27"
    assert application.reference not in manager.get(reverse("staff_ratings:list")).content.decode()
    assert application.reference in manager.get(reverse("staff_ratings:list") + "?show=done").content.decode()


def test_a_follow_up_needs_what_was_done(citizen, completed_for, managers):
    rating = services.rating_give(application=completed_for(citizen), rater=citizen, score=1)
    page = (
        client_for(managers["jinan"])
        .post(
            reverse("staff_ratings:detail", kwargs={"pk": rating.pk}),
            {"done_on_0": "", "done_on_1": "", "done_on_2": ""},
        )
        .content.decode()
    )
    assert "Enter what was done" in page and "<title>Error:" in page
    assert not rating.follow_ups.exists()


def test_managers_see_only_their_halls_ratings_and_administrators_all(citizen, completed_for, managers):
    rating = services.rating_give(application=completed_for(citizen), rater=citizen, score=2)
    other = client_for(managers["qingdao"])
    assert rating.application.reference not in other.get(reverse("staff_ratings:list")).content.decode()
    assert other.get(reverse("staff_ratings:detail", kwargs={"pk": rating.pk})).status_code == 404
    admin = client_for(staff_make("admin", Role.ADMINISTRATOR))
    assert rating.application.reference in admin.get(reverse("staff_ratings:list")).content.decode()


def test_no_ratings_page_without_a_second_factor_or_the_permission(citizen, completed_for, managers, catalogue_hall):
    rating = services.rating_give(application=completed_for(citizen), rater=citizen, score=2)
    window = staff_make("window", Role.HALL_STAFF, hall=catalogue_hall)  # hall staff do not follow ratings up
    for url in (reverse("staff_ratings:list"), reverse("staff_ratings:detail", kwargs={"pk": rating.pk})):
        assert client_for(window).get(url).status_code == 403
        assert client_for(citizen).get(url).status_code == 403
        unverified = client_for(managers["jinan"], verified=False).get(url)
        assert unverified.status_code == 302 and "/accounts/two-step/" in unverified["Location"]
        assert "/accounts/sign-in/" in Client().get(url)["Location"]
