"""Sessions end when idle or too old, warn first, and extend with one button."""

import time

import pytest
from django.urls import reverse

from portal.accounts.session_limits import SEEN, STARTED

pytestmark = pytest.mark.django_db


def _age(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[{"started": STARTED, "seen": SEEN}[key]] = now - ago
    session.save()


def test_an_idle_session_ends_and_says_why(client, citizen, settings):
    settings.SESSION_IDLE_SECONDS = 600
    client.force_login(citizen)
    assert client.get(reverse("applications:mine")).status_code == 200
    _age(client, seen=601)
    response = client.get(reverse("applications:mine"))
    assert response.status_code == 302 and reverse("accounts:sign_in") in response["Location"]
    assert "_auth_user_id" not in client.session


def test_pages_warn_before_the_absolute_limit_and_one_button_extends_it(client, citizen, settings):
    settings.SESSION_ABSOLUTE_SECONDS, settings.SESSION_WARN_SECONDS = 3600, 600
    client.force_login(citizen)
    client.get(reverse("accounts:profile"))
    _age(client, started=3300)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'id="session-warning"' in page and 'role="status"' in page
    response = client.post(reverse("accounts:stay_signed_in"), {"next": reverse("accounts:profile")})
    assert response.status_code == 302
    assert 'id="session-warning"' not in client.get(reverse("accounts:profile")).content.decode()
    _age(client, started=3601)
    assert client.get(reverse("accounts:profile")).status_code == 302
