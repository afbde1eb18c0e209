import pytest


@pytest.fixture(autouse=True)
def _english(client, settings):
    """Tests speak English (the msgids), so they keep passing as the Chinese catalogue grows."""
    from django.utils import translation

    # Pages outside the language prefixes (the admin, /healthz) take the language from this cookie; a
    # request there would otherwise switch the test's language back to Chinese for the next reverse().
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def citizen(db):
    from portal.accounts.services import user_register
    from tests.applications.conftest import make_resident_id

    return user_register(real_name="张三", password="correct-horse-battery", phone="13912345678",
                         email="zhang@example.com", resident_id=make_resident_id())


@pytest.fixture
def sms_outbox(settings):
    """Text messages the portal sends, kept in memory."""
    from portal.applications.notifications import MemorySmsSender

    settings.PORTAL_SMS_SENDER = "portal.applications.notifications.MemorySmsSender"
    MemorySmsSender.outbox.clear()
    return MemorySmsSender.outbox
