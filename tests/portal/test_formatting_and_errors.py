"""Dates in the reader's calendar and language, and the page a person sees when something is not theirs."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from portal.templatetags.portal_format import local_date


def test_a_moment_is_shown_on_the_local_calendar_day(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    early_morning = datetime.datetime(2026, 11, 23, 17, 30, tzinfo=ZoneInfo("UTC"))  # 01:30 on the 24th in Jinan
    with translation.override("zh-hans"):
        assert local_date(early_morning) == "2026年11月24日"
    with translation.override("en"):
        assert local_date(early_morning) == "24 November 2026"
        assert local_date(datetime.date(2026, 11, 24), "full") == "Tuesday, 24 November 2026"


@pytest.mark.django_db
def test_a_citizen_at_a_staff_page_gets_a_translated_page_with_a_way_on(client, citizen_user):
    client.force_login(citizen_user)
    response = client.get("/staff/")
    body = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="zh-Hans"' in body and "<header" in body  # the portal's page, in Chinese, not Django's
    with translation.override("zh-hans"):
        assert translation.gettext("You cannot see this page") in body
    assert 'href="/help/"' in body


@pytest.fixture
def citizen_user(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username="wang", password="x" * 12, real_name="王秀英")
