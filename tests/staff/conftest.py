"""Staff people for the staff and assisted tests: each made through staff_membership_add (as the admin does)."""

import pytest

from tests.applications.conftest import (  # noqa: F401  (fixtures)
    _english,
    _quiet_tasks,
    citizen,
    client,
    client_for,
    department,
    flows,
    make_resident_id,
    service_for,
    tree,
)

_phones = iter(range(13700000000, 13799999999))


def make_staff(name, role, *, hall=None, department=None):  # noqa: F811  (not the fixture)
    from portal.accounts.services import user_register
    from portal.staff.services import staff_membership_add

    phone = str(next(_phones))
    user = user_register(real_name=name, password="correct-horse-battery", phone=phone,
                         email=f"{phone}@staff.example.gov.cn")
    staff_membership_add(user=user, role=role, hall=hall, department=department, actor=None)
    user.refresh_from_db()
    return user


@pytest.fixture
def hall(db):
    from tests.factories import ServiceHallFactory

    return ServiceHallFactory(slug="jinan-test-hall", name_zh="济南市政务服务中心", name_en="Jinan Service Centre")


@pytest.fixture
def other_department(db):
    from tests.factories import DepartmentFactory

    return DepartmentFactory(code="public-security", name_zh="山东省公安厅", name_en="Department of Public Security")


@pytest.fixture
def hall_staff(hall):
    return make_staff("窗口小李", "hall_staff", hall=hall)


@pytest.fixture
def hall_manager(hall):
    return make_staff("主任老赵", "hall_manager", hall=hall)


@pytest.fixture
def reviewer(department):  # noqa: F811  (the fixture)
    return make_staff("审核员小王", "reviewer", department=department)


@pytest.fixture
def other_reviewer(other_department):
    return make_staff("审核员小刘", "reviewer", department=other_department)


@pytest.fixture
def administrator(db):
    return make_staff("管理员老陈", "administrator")
