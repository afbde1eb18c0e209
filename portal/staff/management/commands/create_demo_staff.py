"""Demo staff for `make run`: one person in each role at the provincial service centre, and a reviewer in each
department the demo leaves on the department workbench (civil affairs; the disabled persons' federation, when the
demo catalogue has it: WORKBENCH_DEPARTMENTS, which connectors_load_demo sends to no back office), with the demo
editor's password and authenticator key (local demo only)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.accounts.management.commands.create_demo_editor import DEMO_ONLY, DEMO_PASSWORD, DEMO_TOTP_KEY
from portal.staff.models import StaffMembership
from portal.staff.roles import Role
from portal.staff.services import staff_membership_add
from services_catalog.models import Department, ServiceHall

DEMO_HALL = "shandong-provincial-service-centre"
# Department codes (services_catalog/demo/departments.py) whose applications no back office receives: their
# demo reviewers work them on the workbench. Both have demo flows of their own (elderly-care-subsidy,
# disability-certificate).
WORKBENCH_DEPARTMENTS = ("civil-affairs", "disabled-persons-federation")
DEMO_DEPARTMENT, OTHER_DEMO_DEPARTMENT = WORKBENCH_DEPARTMENTS  # both on the workbench, not sent to a back office
DEMO_STAFF = [
    # username, name, role, department (reviewers)
    ("window", "演示窗口人员", Role.HALL_STAFF, None),
    ("reviewer", "演示审核人员", Role.REVIEWER, DEMO_DEPARTMENT),
    ("reviewer2", "演示审核人员（残联）", Role.REVIEWER, OTHER_DEMO_DEPARTMENT),
    ("manager", "演示大厅主任", Role.HALL_MANAGER, None),
]


class Command(BaseCommand):
    help = "Create (or reset) demo staff accounts, one per role, and print how to sign in."

    def handle(self, *args, **options):
        if not settings.PORTAL_DEMO:  # a known password and authenticator key: never on a real portal
            raise CommandError(DEMO_ONLY)
        hall = ServiceHall.objects.filter(slug=DEMO_HALL).first()
        departments = Department.objects.in_bulk(WORKBENCH_DEPARTMENTS, field_name="code")
        if hall is None or DEMO_DEPARTMENT not in departments:
            raise CommandError("Load the demo catalogue first (manage.py load_demo).")
        created = []
        for username, name, role, department_code in DEMO_STAFF:
            if department_code and department_code not in departments:
                continue  # a catalogue without that department: no reviewer for it
            user, _created = get_user_model().objects.get_or_create(
                username=username, defaults={"real_name": name, "email": f"{username}@example.gov.cn"}
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            TOTPDevice.objects.update_or_create(
                user=user, name="demo", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
            )
            scope = {"hall": hall} if role != Role.REVIEWER else {"department": departments[department_code]}
            if not StaffMembership.objects.filter(user=user, role=role, **scope).exists():
                staff_membership_add(user=user, role=role, actor=None, **scope)
            created.append(f"'{username}' ({role.label}{', ' + str(scope['department']) if department_code else ''})")
        names = ", ".join(created)
        self.stdout.write(
            f"Demo staff: sign in at http://127.0.0.1:8000/staff/ as {names}, each with password "
            f"'{DEMO_PASSWORD}' and the same security code as the editor (manage.py demo_otp_code "
            f"--username <name>)."
        )
