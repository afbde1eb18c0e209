"""A hall and a department can pilot the `make run` demo (issue 13, items 13 and 14): after the demo commands,
some departments stay on the department workbench and the demo reviewers review them, the whole
more-information round trip is done inside the portal, and the demo hall manager's dashboard has figures, the
demo period's and those of an application just made with help at the manager's hall.

The demo catalogue is loaded once for the module (about 30 seconds) and rolled back after."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale

from portal.applications.models import Application
from portal.applications.status import Channel
from portal.connectors.services import connectors_for_application
from portal.metrics.tables import dashboard_tables
from portal.staff.management.commands.create_demo_staff import DEMO_HALL
from portal.staff.models import StaffMembership
from portal.staff.roles import Role
from services_catalog.models import ServiceHall, ServicePage
from tests.applying import PDF_BYTES, complete_steps, submit, upload

from .helpers import CHECKS

pytestmark = pytest.mark.django_db

BACKOFFICE = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """What `make run` runs before serving, in its order."""
    commands = [
        ("load_demo",),
        ("load_demo_flows",),
        ("connectors_load_demo", "--backoffice-url", BACKOFFICE),
        ("create_demo_editor",),
        ("create_demo_staff",),
        ("metrics_generate_demo",),
    ]
    with django_db_blocker.unblock(), override_settings(PORTAL_DEMO=True), transaction.atomic():
        for name, *args in commands:
            call_command(name, *args, stdout=io.StringIO(), verbosity=0)
        yield
        transaction.set_rollback(True)


def _pages():
    return (
        ServicePage.objects.live().filter(locale=Locale.get_default()).exclude(flow_key="").select_related("department")
    )


def _connected(page):
    return bool(connectors_for_application(Application(service_code=page.service_code, service_page=page)))


def _demo_reviewers():
    return (
        get_user_model()
        .objects.filter(staff_memberships__role=Role.REVIEWER, email__endswith="@example.gov.cn")
        .distinct()
    )


def _workbench_page(reviewer):
    """A service with its own demo flow (not the general one) in one of `reviewer`'s departments."""
    departments = StaffMembership.objects.filter(user=reviewer, role=Role.REVIEWER).values("department")
    return (
        _pages()
        .filter(department__in=departments)
        .exclude(flow_key="general-application")
        .order_by("service_code")
        .first()
    )


def test_two_departments_with_demo_flows_stay_on_the_workbench_and_the_demo_reviewers_review_them(demo):
    workbench, connected = set(), set()
    for page in _pages().exclude(flow_key="general-application"):
        (connected if _connected(page) else workbench).add(page.department.code)
    assert len(workbench) >= 2, workbench
    assert connected, "the simulated back office still receives some departments' applications"
    reviewers = list(_demo_reviewers())
    assert reviewers
    reviewed = set(
        StaffMembership.objects.filter(user__in=reviewers, role=Role.REVIEWER).values_list(
            "department__code", flat=True
        )
    )
    assert reviewed == workbench  # every demo reviewer reviews a workbench department, and each has a reviewer
    for reviewer in reviewers:
        assert _workbench_page(reviewer) is not None


def test_the_pilot_in_the_portal_more_information_answered_then_approved(
    demo, client_for, citizen, django_capture_on_commit_callbacks
):
    reviewer = get_user_model().objects.get(username="reviewer")
    page = _workbench_page(reviewer)
    citizen_client, reviewer_client = client_for(citizen), client_for(reviewer)

    response = citizen_client.post(reverse("applications:start", kwargs={"service_code": page.service_code}))
    assert response.status_code == 302
    application = complete_steps(
        citizen_client, Application.objects.filter(service_code=page.service_code).latest("created_at")
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(citizen_client, application).status_code == 302
    application.refresh_from_db()
    assert not application.deliveries.exists()  # nothing sent to a back office: the workbench decides

    queue = reviewer_client.get(reverse("assisted:queue")).content.decode()
    assert application.reference in queue
    detail_url = reverse("assisted:queue_detail", kwargs={"pk": application.pk})
    detail = reviewer_client.get(detail_url).content.decode()
    assert 'id="back-office-note"' not in detail and 'id="start-review"' in detail

    def act(action, **data):
        with django_capture_on_commit_callbacks(execute=True):
            reviewer_client.post(
                reverse("assisted:queue_action", kwargs={"pk": application.pk, "action": action}), data
            )
        application.refresh_from_db()

    act("start", expected_status="submitted")
    detail = reviewer_client.get(detail_url).content.decode()
    assert 'id="request-more"' in detail and 'id="decide"' in detail  # 要求补充材料, 通过 / 不通过
    act("more-information", **{"more-expected_status": "in_review", "more-note": "请补充户口簿首页复印件。"})
    assert application.status == "more_info_requested"

    answer_url = reverse("more_information:answer", kwargs={"pk": application.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = citizen_client.post(answer_url, {"text": "已上传。", "files": [upload("hukou.pdf", PDF_BYTES)]})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "in_review"
    assert "hukou.pdf" in reviewer_client.get(detail_url).content.decode()

    act("approve", **{"decide-expected_status": "in_review", "decide-note": "材料齐全。"})
    assert application.status == "approved"


def _dashboard(client):
    """The manager's dashboard: its figures, and its tables as the page shows them."""
    response = client.get(reverse("metrics:dashboard"))
    assert response.status_code == 200
    board = response.context["board"]
    return board, dashboard_tables(board)


def test_the_demo_manager_sees_the_demo_figures_and_an_application_just_made_at_the_hall(demo, client_for, citizen):
    manager = get_user_model().objects.get(username="manager")
    board, tables = _dashboard(client_for(manager))
    assert board.applications > 0
    assert board.ratings.count > 0
    assert tables["processing"].rows and tables["dropoff"].rows

    # A walk-in at the manager's hall applies, with the demo window staff's help, for a service whose guide lists
    # other halls (a city's): it counts at the hall where it was made.
    hall = ServiceHall.objects.get(slug=DEMO_HALL)
    page = _pages().filter(flow_key="elderly-care-subsidy").exclude(halls=hall).order_by("service_code").first()
    assert page is not None
    before = {row["code"]: row["applications"] for row in tables["services"].rows}
    assisted_before = {row["channel"]: row["applications"] for row in tables["channels"].rows}

    window = client_for(get_user_model().objects.get(username="window"))
    assert window.post(reverse("assisted:home"), {"resident_id": citizen.resident_id}).status_code == 302
    assert window.post(reverse("assisted:checks"), {"hall": hall.pk, **CHECKS}).status_code == 302
    assert window.post(reverse("applications:start", kwargs={"service_code": page.service_code})).status_code == 302
    application = complete_steps(
        window, Application.objects.filter(service_code=page.service_code).latest("created_at")
    )
    assert submit(window, application).status_code == 302
    application.refresh_from_db()
    assert application.channel == "assisted" and application.status == "submitted"

    board, tables = _dashboard(client_for(manager))
    after = {row["code"]: row["applications"] for row in tables["services"].rows}
    assert after.get(page.service_code, 0) == before.get(page.service_code, 0) + 1
    channels = {row["channel"]: row["applications"] for row in tables["channels"].rows}
    assert channels[Channel.ASSISTED.label] == assisted_before[Channel.ASSISTED.label] + 1
