"""Every staff page, from one table: a member of staff without the page's permission gets 403 (and so does one
with no staff permission at all, like a content editor); where the page is scoped to a hall or a department, one
with the permission but outside the scope gets the single outcome the code promises; and one with the
permission and the scope gets the page. The table is checked against the URLconf, so a new staff page without
a row here fails."""

import datetime
import hashlib
import inspect
import re
import uuid
from dataclasses import dataclass, field
from functools import cached_property

import pytest
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.applying import PDF_BYTES
from tests.people import make_resident_id, staff_make

pytestmark = pytest.mark.django_db


# The world the pages are tried on: built only as far as a row needs it --------------------------------------


class World:
    """Hall A (`hall`, where hall_staff and hall_manager work), hall B with its own hall staff; `department`
    (the reviewer's) and `other_department` (other_reviewer's), whose application, documents, assist session,
    slot and rating are all out of the first people's scope."""

    def __init__(self, request):
        self._request = request

    def person(self, name):
        return getattr(self, name) if name in type(self).__dict__ else self._request.getfixturevalue(name)

    @cached_property
    def hall_b(self):
        from tests.factories import ServiceHallFactory

        return ServiceHallFactory(
            slug="qingdao-test-hall", name_zh="青岛市政务服务中心", name_en="Qingdao Service Centre"
        )

    @cached_property
    def hall_b_staff(self):
        return staff_make("窗口小周", "hall_staff", hall=self.hall_b)

    @cached_property
    def editor(self):
        """Staff (is_staff: a content editor) with no staff permission at all."""
        from django.contrib.auth import get_user_model

        return get_user_model().objects.create_user(username="editor", password="x-editor-password-1", is_staff=True)

    @cached_property
    def citizen(self):
        return self._request.getfixturevalue("citizen")

    @cached_property
    def application(self):
        """A sent application for a service of `other_department`."""
        from portal.applications.models import Application
        from portal.applications.selectors import flow_version_current
        from tests.factories import service_create

        self._request.getfixturevalue("flows")
        page = service_create(
            tree=self._request.getfixturevalue("tree")["zh-hans"],
            department=self._request.getfixturevalue("other_department"),
            title="户口迁移",
            service_code="3700-GA-105",
            online=True,
            flow_key="household-registration-transfer",
            slug="3700-ga-105",
        )
        now = timezone.now()
        return Application.objects.create(
            reference="T00000000001",
            service_code=page.service_code,
            service_page=page,
            flow_version=flow_version_current(page.flow_key),
            applicant=self.citizen,
            submitted_by=self.citizen,
            channel="online",
            status="submitted",
            answers={},
            created_at=now,
            updated_at=now,
            submitted_at=now,
            idempotency_key=uuid.uuid4(),
        )

    def _file(self, **fields):
        return {
            "file": ContentFile(PDF_BYTES, name="proof.pdf"),
            "original_name": "proof.pdf",
            "content_type": "application/pdf",
            "size": len(PDF_BYTES),
            "sha256": hashlib.sha256(PDF_BYTES).hexdigest(),
            **fields,
        }

    @cached_property
    def document(self):
        from portal.applications.models import ApplicationDocument

        return ApplicationDocument.objects.create(
            application=self.application, field_key="proof", uploaded_by=self.citizen, **self._file()
        )

    @cached_property
    def answer_document(self):
        from portal.assisted.models import MoreInformationAnswer, MoreInformationDocument

        answer = MoreInformationAnswer.objects.create(
            application=self.application, text="附上证明", answered_by=self.citizen, created_at=timezone.now()
        )
        return MoreInformationDocument.objects.create(answer=answer, **self._file())

    @cached_property
    def session(self):
        """Hall B's member of staff helping the citizen at hall B."""
        from portal.assisted.services import assist_session_start

        return assist_session_start(
            staff=self.hall_b_staff,
            citizen=self.citizen,
            hall=self.hall_b,
            presence_confirmed=True,
            id_checked=True,
            consent_recorded=True,
        )

    @cached_property
    def slot(self):
        from portal.appointments.models import Slot

        return Slot.objects.create(
            hall=self.hall_b,
            date=timezone.localdate() + datetime.timedelta(days=3),
            start=datetime.time(9),
            end=datetime.time(9, 30),
            kind="in_person",
            capacity=2,
        )

    @cached_property
    def rating(self):
        """A poor rating flagged to hall B's manager."""
        from portal.ratings.models import Rating

        now = timezone.now()
        return Rating.objects.create(
            application=self.application,
            rater=self.citizen,
            score=1,
            hall=self.hall_b,
            flagged_at=now,
            created_at=now,
            updated_at=now,
        )


@pytest.fixture
def world(request, hall, department):
    return World(request)


def _client(world, person_name):
    return world._request.getfixturevalue("client_for")(world.person(person_name))


# Scope checks: what someone with the permission but outside the scope gets -----------------------------------


def _not_listed(item):
    def check(world, client, url):
        response = client.get(url)
        assert response.status_code == 200
        assert item(world) not in response.content.decode()

    return check


def _other_hall_refused_at_checks(world, client, url):
    """Hall staff of hall A, with a citizen found, starting a session at hall B: the form refuses the hall."""
    from portal.assisted.models import AssistSession

    assert client.post(reverse("assisted:home"), {"resident_id": world.citizen.resident_id})["Location"] == url
    response = client.post(
        url, {"hall": world.hall_b.pk, "presence_confirmed": "on", "id_checked": "on", "consent_recorded": "on"}
    )
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    assert not AssistSession.objects.exists()


def _own_hall_shown_instead(world, client, url):
    """Asking for hall B's day shows the member of staff's own hall's day."""
    response = client.get(url, {"hall": world.hall_b.slug})
    html = response.content.decode()
    assert response.status_code == 200
    assert world.person("hall").name_en in html and world.hall_b.name_en not in html


def _other_hall_refused_in_person(world, client, url):
    from portal.accounts.services import user_register
    from portal.representation.models import Mandate

    agent = user_register(
        real_name="张小三",
        password="correct-horse-battery",
        phone="13922229999",
        resident_id=make_resident_id(sequence=334),
    )
    response = client.post(
        url,
        {
            "principal_name": world.citizen.real_name,
            "principal_id": world.citizen.resident_id,
            "agent_name": agent.real_name,
            "agent_id": agent.resident_id,
            "relationship": "child",
            "scope": "all",
            "days": "30",
            "hall": str(world.hall_b.pk),
            "evidence": "Both ID cards",
            "presence_confirmed": "on",
            "id_checked": "on",
            "consent_recorded": "on",
        },
    )
    assert response.status_code == 200
    assert "Choose one of the service halls where you work" in response.content.decode()
    assert not Mandate.objects.exists()


# The table -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffPage:
    lacking: str  # a member of staff without the page's permission: 403
    holder: str  # one with the permission and the scope ...
    opens: int = 200  # ... gets this
    method: str = "get"
    kwargs: object = None  # world -> the URL's kwargs
    query: dict = field(default_factory=dict)
    outsider: str = ""  # one with the permission, outside the scope ...
    outside: object = None  # ... gets this status, or this check(world, client, url) holds
    unscoped: str = ""  # why the page has no scope to try


def _session(world):
    return {"reference": world.session.reference}


def _application(world):
    return {"pk": world.application.pk}


ALL_HALLS_OR_NONE = "no scope: the member of staff's own work, or every hall for administrators"

STAFF_PAGES = {
    "staff:home": StaffPage(lacking="editor", holder="hall_staff", unscoped="shows the user's own tasks only"),
    "assisted:home": StaffPage(lacking="reviewer", holder="hall_staff", unscoped=ALL_HALLS_OR_NONE),
    "assisted:register": StaffPage(lacking="reviewer", holder="hall_staff", unscoped=ALL_HALLS_OR_NONE),
    "assisted:checks": StaffPage(
        lacking="reviewer", holder="hall_staff", opens=302, outsider="hall_staff", outside=_other_hall_refused_at_checks
    ),
    "assisted:session": StaffPage(
        lacking="reviewer", holder="hall_b_staff", kwargs=_session, outsider="hall_staff", outside=404
    ),
    "assisted:resume": StaffPage(
        lacking="reviewer",
        holder="hall_b_staff",
        opens=302,
        method="post",
        kwargs=_session,
        outsider="hall_staff",
        outside=404,
    ),
    "assisted:end": StaffPage(
        lacking="reviewer",
        holder="hall_b_staff",
        opens=302,
        method="post",
        kwargs=_session,
        outsider="hall_staff",
        outside=404,
    ),
    "assisted:queue": StaffPage(
        lacking="hall_staff",
        holder="other_reviewer",
        outsider="reviewer",
        outside=_not_listed(lambda world: world.application.reference),
    ),
    "assisted:queue_detail": StaffPage(
        lacking="hall_staff", holder="other_reviewer", kwargs=_application, outsider="reviewer", outside=404
    ),
    "assisted:queue_action": StaffPage(
        lacking="hall_staff",
        holder="other_reviewer",
        opens=302,
        method="post",
        kwargs=lambda world: {**_application(world), "action": "start"},
        outsider="reviewer",
        outside=404,
    ),
    "assisted:queue_document": StaffPage(
        lacking="hall_staff",
        holder="other_reviewer",
        kwargs=lambda world: {"pk": world.document.pk},
        outsider="reviewer",
        outside=404,
    ),
    "assisted:queue_answer_document": StaffPage(
        lacking="hall_staff",
        holder="other_reviewer",
        kwargs=lambda world: {"pk": world.answer_document.pk},
        outsider="reviewer",
        outside=404,
    ),
    "staff_appointments:day": StaffPage(
        lacking="reviewer", holder="hall_staff", outsider="hall_staff", outside=_own_hall_shown_instead
    ),
    "staff_appointments:slot_edit": StaffPage(
        lacking="reviewer",
        holder="hall_b_staff",
        kwargs=lambda world: {"pk": world.slot.pk},
        outsider="hall_staff",
        outside=404,
    ),
    "staff_ratings:list": StaffPage(
        lacking="hall_staff",
        holder="administrator",
        outsider="hall_manager",
        outside=_not_listed(lambda world: world.rating.application.reference),
    ),
    "staff_ratings:detail": StaffPage(
        lacking="hall_staff",
        holder="administrator",
        kwargs=lambda world: {"pk": world.rating.pk},
        outsider="hall_manager",
        outside=404,
    ),
    "metrics:dashboard": StaffPage(
        lacking="hall_staff",
        holder="hall_manager",
        unscoped="figures limited to the manager's halls' services: tests/metrics/test_known_answers.py",
    ),
    "metrics:csv": StaffPage(
        lacking="hall_staff",
        holder="hall_manager",
        kwargs=lambda world: {"table": "services"},
        unscoped="figures limited to the manager's halls' services: tests/metrics/test_known_answers.py",
    ),
    "representation:in_person": StaffPage(
        lacking="reviewer", holder="hall_staff", outsider="hall_staff", outside=_other_hall_refused_in_person
    ),
    "connectors:operations": StaffPage(
        lacking="hall_manager",
        holder="administrator",
        query={"health": "0"},
        unscoped="every connector: for administrators only",
    ),
}

# Pages the URLconf walk picks up that are not staff pages, and why.
NOT_STAFF_PAGES = {
    "assisted:leave": "signed in only: forgets this browser's note of an assist session that has ended; it must "
    "work after the permission is taken away",
    "connectors:status_webhook": "machine to machine: authenticated by the back office's HMAC signature",
    "connectors:document_fetch": "machine to machine: a GET signed by the back office the application was sent to",
    "accounts:security": "the user's own security page; it only says whether a second factor is required",
}


# The table against the URLconf -----------------------------------------------------------------------------

STAFF_NAMESPACES = {"staff", "assisted", "staff_appointments", "staff_ratings", "metrics", "connectors"}
_GUARDS = re.compile(r"staff_required|otp_required|staff_member_required|is_staff|has_perm|is_superuser")
_OWN_ADMINS = ("admin/", "django-admin/", "documents/")  # Wagtail's and Django's admins: their own permissions


def _views(patterns, route="", namespaces=()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith(_OWN_ADMINS):
                continue
            yield from _views(
                pattern.url_patterns,
                route + str(pattern.pattern),
                namespaces + ((pattern.namespace,) if pattern.namespace else ()),
            )
        else:
            yield (
                route + str(pattern.pattern),
                ":".join((*namespaces, pattern.name or "")),
                namespaces,
                pattern.callback,
            )


def _source(view):
    while hasattr(view, "__wrapped__"):
        view = view.__wrapped__
    try:
        return inspect.getsource(view)  # with its decorators
    except (OSError, TypeError):
        return ""


def staff_url_names():
    """Every URL under staff/, in a staff namespace, or whose view checks staff status or a permission."""
    return {
        name
        for route, name, namespaces, view in _views(get_resolver().url_patterns)
        if route.startswith("staff/") or set(namespaces) & STAFF_NAMESPACES or _GUARDS.search(_source(view))
    }


def test_every_staff_page_is_in_the_table():
    found = staff_url_names()
    assert found - set(STAFF_PAGES) - set(NOT_STAFF_PAGES) == set(), "a staff page with no row in STAFF_PAGES"
    assert set(STAFF_PAGES) | set(NOT_STAFF_PAGES) <= found, "a row for a page that is gone"
    for name, page in STAFF_PAGES.items():
        assert bool(page.outside) != bool(page.unscoped), name  # each row says its scope, or why it has none


# The checks ------------------------------------------------------------------------------------------------


def _url(world, name, page):
    return reverse(name, kwargs=page.kwargs(world) if page.kwargs else None)


def _open(world, person, name, page):
    client = _client(world, person)
    return getattr(client, page.method)(_url(world, name, page), page.query)


@pytest.mark.parametrize("name", sorted(STAFF_PAGES))
def test_without_the_permission_a_member_of_staff_gets_403(world, name):
    page = STAFF_PAGES[name]
    for person in (page.lacking, "editor"):
        assert _open(world, person, name, page).status_code == 403, (name, person)
    assert _open(world, page.holder, name, page).status_code == page.opens, (name, page.holder)


@pytest.mark.parametrize("name", sorted(name for name, page in STAFF_PAGES.items() if page.outside))
def test_outside_their_scope_a_member_of_staff_is_refused(world, name):
    page = STAFF_PAGES[name]
    if callable(page.outside):
        page.outside(world, _client(world, page.outsider), _url(world, name, page))
    else:
        assert _open(world, page.outsider, name, page).status_code == page.outside, (name, page.outsider)
