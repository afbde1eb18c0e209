"""Staff roles: the staff home shows each task only with its permission; every staff page needs a signed-in,
OTP-verified member of staff (a citizen gets 403); memberships are managed in the Wagtail admin by holders
of MANAGE_STAFF only, audited, with the role groups kept in step."""

import io

import pytest
from django.test import Client
from django.urls import reverse

from portal.audit.models import AuditEvent
from portal.staff.models import StaffMembership
from portal.staff.roles import group_name

pytestmark = pytest.mark.django_db

TASKS = ["assist", "queue", "appointments", "metrics", "ratings", "staff"]


def _tasks_shown(client):
    response = client.get(reverse("staff:home"))
    assert response.status_code == 200
    html = response.content.decode()
    return {task for task in TASKS if f'id="task-{task}"' in html}


def test_the_staff_home_shows_what_each_role_may_do(client_for, hall_staff, reviewer, hall_manager, administrator):
    assert _tasks_shown(client_for(hall_staff)) == {"assist", "appointments"}
    assert _tasks_shown(client_for(reviewer)) == {"queue"}
    assert _tasks_shown(client_for(hall_manager)) == {"assist", "appointments", "metrics", "ratings"}
    assert _tasks_shown(client_for(administrator)) == set(TASKS)
    html = client_for(hall_manager).get(reverse("staff:home")).content.decode()
    assert reverse("staff:home") + "metrics/" in html and reverse("staff:home") + "ratings/" in html


def _staff_urls(reviewer_application_pk, session_reference):
    return [
        reverse("staff:home"),
        reverse("assisted:home"),
        reverse("assisted:register"),
        reverse("assisted:checks"),
        reverse("assisted:session", kwargs={"reference": session_reference}),
        reverse("assisted:queue"),
        reverse("assisted:queue_detail", kwargs={"pk": reviewer_application_pk}),
        reverse("assisted:queue_document", kwargs={"pk": reviewer_application_pk}),
    ]


@pytest.fixture
def staff_urls():
    import uuid

    return _staff_urls(uuid.uuid4(), "BB20260101ABCDEF")


def test_no_staff_page_without_a_verified_second_factor(staff_urls, hall_staff, reviewer, administrator):
    for person in (hall_staff, reviewer, administrator):
        unverified = Client()
        unverified.force_login(person)  # signed in with a password only
        for url in staff_urls:
            response = unverified.get(url)
            assert response.status_code == 302, (person, url)
            assert "/accounts/two-step/" in response["Location"], (person, url, response["Location"])


def test_citizens_and_strangers_get_no_staff_page(staff_urls, client_for, citizen):
    anonymous, signed_in = Client(), client_for(citizen)
    for url in staff_urls:
        response = anonymous.get(url)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], url
        assert signed_in.get(url).status_code == 403, url
        assert signed_in.post(url).status_code == 403, url


def test_a_staff_member_without_the_permission_gets_403(client_for, hall_staff, reviewer):
    assert client_for(hall_staff).get(reverse("assisted:queue")).status_code == 403
    assert client_for(reviewer).get(reverse("assisted:home")).status_code == 403


# The admin ------------------------------------------------------------------------------------------------


def test_administrators_manage_memberships_in_the_admin(client_for, administrator, citizen, hall):
    admin = client_for(administrator)
    index = admin.get(reverse("staff_memberships:index"))
    assert index.status_code == 200 and administrator.real_name in index.content.decode()
    assert 'name="person"' in admin.get(reverse("staff_memberships:add")).content.decode()

    # A wrong combination is explained, not stored.
    response = admin.post(reverse("staff_memberships:add"), {"person": citizen.phone, "role": "hall_staff"})
    assert response.status_code == 200 and not StaffMembership.objects.filter(user=citizen).exists()
    response = admin.post(reverse("staff_memberships:add"), {"person": "13000000000", "role": "administrator"})
    assert response.status_code == 200 and not StaffMembership.objects.filter(user=citizen).exists()

    response = admin.post(
        reverse("staff_memberships:add"), {"person": citizen.phone, "role": "hall_staff", "hall": hall.pk}
    )
    assert response.status_code == 302
    membership = StaffMembership.objects.get(user=citizen)
    assert (membership.role, membership.hall) == ("hall_staff", hall)
    assert citizen.groups.filter(name=group_name("hall_staff")).exists()
    assert AuditEvent.objects.filter(action="staff.membership_added", actor_id=administrator.pk).exists()
    citizen.refresh_from_db()
    assert citizen.has_perm("staff.assist_citizens")

    # No editing in place (the admin sends you back to its home page): remove, and the group goes with it.
    response = admin.get(reverse("staff_memberships:edit", args=[membership.pk]))
    assert (response.status_code, response.get("Location")) == (302, reverse("wagtailadmin_home"))
    response = admin.post(reverse("staff_memberships:delete", args=[membership.pk]))
    assert response.status_code == 302
    assert not StaffMembership.objects.filter(user=citizen).exists()
    assert not citizen.groups.exists()
    assert AuditEvent.objects.filter(action="staff.membership_removed", actor_id=administrator.pk).exists()


def test_only_holders_of_manage_staff_reach_the_memberships(client_for, hall_manager, reviewer, citizen):
    index, add, sign_in = (
        reverse(name) for name in ("staff_memberships:index", "staff_memberships:add", "wagtailadmin_login")
    )
    for person in (hall_manager, reviewer, citizen):  # none of them may use the admin: sent to its sign-in page
        response = client_for(person).get(index)
        assert (response.status_code, response.get("Location")) == (302, f"{sign_in}?next={index}"), person
        response = client_for(person).post(add, {"person": person.phone, "role": "administrator"})
        assert (response.status_code, response.get("Location")) == (302, f"{sign_in}?next={add}"), person
    assert not StaffMembership.objects.filter(role="administrator").exists()


def test_demo_staff_can_each_reach_what_their_role_allows(db, settings):
    from django.contrib.auth import get_user_model
    from django.core.management import CommandError, call_command

    from portal.staff.management.commands.create_demo_staff import DEMO_DEPARTMENT, DEMO_HALL
    from tests.factories import DepartmentFactory, ServiceHallFactory

    ServiceHallFactory(slug=DEMO_HALL)
    DepartmentFactory(code=DEMO_DEPARTMENT)
    with pytest.raises(CommandError):  # not on a real portal (DEBUG off): the password and key are public
        call_command("create_demo_staff", stdout=io.StringIO())
    settings.PORTAL_DEMO = True  # as `make run` has
    call_command("create_demo_staff", stdout=io.StringIO())
    call_command("create_demo_staff", stdout=io.StringIO())  # again: nothing doubled
    users = get_user_model().objects.in_bulk(["window", "reviewer", "manager"], field_name="username")
    assert users["window"].has_perm("staff.assist_citizens") and not users["window"].has_perm("staff.view_metrics")
    assert users["reviewer"].has_perm("staff.review_applications")
    assert users["manager"].has_perm("staff.view_metrics")
    assert all(user.staff_memberships.count() == 1 for user in users.values())
