"""What the pages say agrees with itself: an immediate service says so instead of "within 0 working days",
a signed-in person is not told to sign in, and dates read without a time-zone offset in the middle."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from portal.templatetags.portal_format import local_datetime
from tests.applying import complete_steps, start_application, submit


def _confirmation(client, page):
    application = start_application(client, page)
    complete_steps(client, application)
    return client.get(submit(client, application)["Location"]).content.decode()


def test_an_immediate_service_says_it_is_handled_at_once(service_for, citizen, client_for):
    page = service_for("senior-bus-pass")
    page.promised_time_limit_days = 0
    page.save()

    text = _confirmation(client_for(citizen), page)

    assert "handled at once" in text
    assert "within 0 working" not in text


def test_a_service_with_a_time_limit_states_it(service_for, citizen, client_for):
    page = service_for("senior-bus-pass")
    page.promised_time_limit_days = 15
    page.save()

    assert "promises to decide within 15 working days" in _confirmation(client_for(citizen), page)


def test_the_start_page_asks_only_signed_out_people_to_sign_in(service_for, citizen, client_for, client):
    page = service_for("senior-bus-pass")
    url = reverse("applications:start", kwargs={"service_code": page.service_code})

    assert "after signing in" in client.get(url).content.decode()
    signed_in = client_for(citizen).get(url).content.decode()
    assert "after signing in" not in signed_in and "saved at every step" in signed_in


def test_long_dates_have_no_time_zone_in_the_middle():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 3, 14, 31, 25))
    with translation.override("zh-hans"):
        assert local_datetime(moment, "long") == "2026年12月3日 14:31"
    with translation.override("en"):
        assert local_datetime(moment, "long") == "3 December 2026 14:31"


def test_an_answer_the_form_does_not_ask_has_no_change_link_but_says_where_to_correct_it(
    service_for, citizen, client_for
):
    from bs4 import BeautifulSoup

    client = client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    complete_steps(client, application)

    page = BeautifulSoup(
        client.get(reverse("applications:check", kwargs={"pk": application.pk})).content, "html.parser"
    )

    row = next(r for r in page.select(".summary-list__row") if r.dt.get_text(strip=True) == "Your resident ID number")
    assert row.find("a") is None
    assert "update your account details" in row.select_one(".summary-list__actions").get_text()
    name_row = next(r for r in page.select(".summary-list__row") if "Change" in r.get_text())
    assert name_row.find("a")["href"]
