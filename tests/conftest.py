"""Fixtures shared by the test directories, each defined here once: the people (citizens, staff and the test
clients signed in as them), the halls, and the application engine's flows and online services.

A directory's conftest.py adds only what its own tests need (and switches on `english` for all of them). Plain
helpers live in modules, not in conftest files: tests/people.py (people and signed-in clients),
tests/factories.py (the catalogue) and tests/applying.py (filling in and sending applications)."""

import os

import pytest

from tests import people

# Selenium must never download a driver or browser; set before selenium is imported anywhere.
os.environ.setdefault("SE_OFFLINE", "true")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache, so no cached page or catalogue version leaks between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """The text messages the portal sends, kept in memory (never printed) and empty when every test starts.
    Ask for it by name to read them: a list of {"phone": ..., "message": ...}."""
    from portal.accounts.sms import MemorySmsSender

    settings.PORTAL_SMS_SENDER = "portal.accounts.sms.MemorySmsSender"
    MemorySmsSender.outbox.clear()
    yield MemorySmsSender.outbox
    MemorySmsSender.outbox.clear()


@pytest.fixture(scope="session")
def clamd(tmp_path_factory):
    """A real ClamAV daemon that knows the EICAR test string (tests/clamd.py), shared by the session."""
    from tests.clamd import Clamd

    daemon = Clamd(tmp_path_factory.mktemp("clamd")).start()
    yield daemon
    daemon.stop()


@pytest.fixture
def scanned(clamd, settings):
    """Uploads scanned by the tests' clamd, refused when it cannot be reached (production's default)."""
    settings.CLAMAV_ADDRESS = clamd.address
    settings.UPLOAD_SCAN_FAIL_OPEN = False
    return clamd


@pytest.fixture
def english(client, settings):
    """The test speaks English (the msgids), so it keeps passing as the Chinese catalogue grows: reverse() gives
    the /en/ URLs. `client` asks for English too on the pages outside the language prefixes (the admin,
    /healthz), which would otherwise switch the test's language back to Chinese for the next reverse().
    Directories whose tests all read English switch it on with an autouse fixture in their conftest.py."""
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def catalogue(db):
    """A small bilingual catalogue (tests/factories.py: catalogue_build)."""
    from tests.factories import catalogue_build

    return catalogue_build()


# People ---------------------------------------------------------------------------------------------------


@pytest.fixture
def citizen(db):
    """张三: a registered citizen with a phone number (13912345678), an e-mail address and a resident ID number;
    his password is tests.people.PASSWORD."""
    return people.citizen_make()


@pytest.fixture
def other_citizen(db):
    """李四: another registered citizen, a stranger to 张三 (tests/applications has 张三's son, with a mandate)."""
    return people.citizen_make(name="李四", phone="13800000000", email="li@example.com", sequence=456)


@pytest.fixture
def client_for():
    """client_for(user) -> a test client signed in as `user`; staff have passed the second factor as well
    (client_for(user, verified=False): signed in with a password only). See tests/people.py."""
    return people.client_for


# Halls, departments and staff -----------------------------------------------------------------------------


@pytest.fixture
def hall(db):
    """A service hall on its own, with no catalogue around it: where the staff fixtures work."""
    from tests.factories import ServiceHallFactory

    return ServiceHallFactory(slug="jinan-test-hall", name_zh="济南市政务服务中心", name_en="Jinan Service Centre")


@pytest.fixture
def catalogue_hall(catalogue):
    """The catalogue's Jinan hall, where several of its services are offered (to book, rate and count)."""
    return catalogue.hall("jinan-hall")


@pytest.fixture
def other_catalogue_hall(catalogue):
    """The catalogue's Qingdao hall."""
    return catalogue.hall("qingdao-hall")


@pytest.fixture
def department(db):
    """The department of the online services that `service_for` builds."""
    from tests.factories import DepartmentFactory

    return DepartmentFactory(code="civil-affairs", name_zh="山东省民政厅", name_en="Department of Civil Affairs")


@pytest.fixture
def other_department(db):
    from tests.factories import DepartmentFactory

    return DepartmentFactory(code="public-security", name_zh="山东省公安厅", name_en="Department of Public Security")


@pytest.fixture
def hall_staff(hall):
    return people.staff_make("窗口小李", "hall_staff", hall=hall)


@pytest.fixture
def hall_manager(hall):
    return people.staff_make("主任老赵", "hall_manager", hall=hall)


@pytest.fixture
def reviewer(department):
    return people.staff_make("审核员小王", "reviewer", department=department)


@pytest.fixture
def other_reviewer(other_department):
    return people.staff_make("审核员小刘", "reviewer", department=other_department)


@pytest.fixture
def administrator(db):
    return people.staff_make("管理员老陈", "administrator")


# The application engine -----------------------------------------------------------------------------------


@pytest.fixture
def flows(db):
    """The flows defined in code, loaded (as a deployment does)."""
    from portal.applications.services import flows_load_from_code

    flows_load_from_code()


@pytest.fixture
def tree(db):
    """The home pages and catalogue index in both languages, with no services."""
    from tests.factories import site_tree_ensure

    return site_tree_ensure()


@pytest.fixture
def service_for(flows, tree, department):
    """service_for("senior-bus-pass") -> the Chinese ServicePage of an online service using that flow (with an
    English translation when english=True; tests/factories.py: ONLINE_SERVICES). Only what a test asks for is
    built: pages are slow."""
    from tests.factories import ONLINE_SERVICES, online_service

    built = {}

    def make(flow_key, english=False):
        if flow_key not in built:
            code, zh, en, key = next(spec for spec in ONLINE_SERVICES if spec[3] == flow_key)
            built[flow_key] = online_service(
                tree, department, code=code, title=zh, title_en=en if english else None, flow_key=key
            )
        return built[flow_key]

    return make


@pytest.fixture
def submitted(service_for, citizen):
    """A senior-bus-pass application of `citizen`'s, filled in (a photo included) and sent through the views."""
    from tests.applying import complete_steps, start_application, submit

    client = people.client_for(citizen)
    application = start_application(client, service_for("senior-bus-pass"))
    complete_steps(client, application)
    response = submit(client, application)
    assert response.status_code == 302
    application.refresh_from_db()
    return application
