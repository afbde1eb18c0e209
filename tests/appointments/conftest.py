import pytest


@pytest.fixture(autouse=True)
def _english(settings):
    """Tests speak English (the msgids); reversed URLs carry the /en/ prefix."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _messages_kept(settings):
    settings.PORTAL_SMS_SENDER = "portal.applications.notifications.MemorySmsSender"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from portal.applications.notifications import MemorySmsSender

    MemorySmsSender.outbox.clear()
    yield
    MemorySmsSender.outbox.clear()


@pytest.fixture
def sms():
    from portal.applications.notifications import MemorySmsSender

    return MemorySmsSender.outbox


@pytest.fixture
def citizen(db):
    from tests.appointments.people import citizen_make

    return citizen_make()


@pytest.fixture
def other_citizen(db):
    from tests.appointments.people import citizen_make

    return citizen_make(name="李四", phone="13800000000", email="li@example.com", sequence=456)


@pytest.fixture
def hall(catalogue):
    return catalogue.hall("jinan-hall")


@pytest.fixture
def other_hall(catalogue):
    return catalogue.hall("qingdao-hall")


@pytest.fixture
def slot_at(hall):
    """slot_at(days_ahead, "09:00", capacity=2, kind="in_person", at=hall) -> a Slot."""
    import datetime

    from django.utils import timezone

    from portal.appointments.models import Slot

    def make(days_ahead=3, start="09:00", capacity=2, kind="in_person", at=None):
        begins = datetime.time.fromisoformat(start)
        ends = (datetime.datetime.combine(datetime.date.min, begins) + datetime.timedelta(minutes=30)).time()
        return Slot.objects.create(hall=at or hall, date=timezone.localdate() + datetime.timedelta(days=days_ahead),
                                   start=begins, end=ends, kind=kind, capacity=capacity)

    return make
