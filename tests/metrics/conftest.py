"""A data set with known metrics (portal/metrics/demo.py) on three services of the test catalogue:
x = 3701-MZ-001 (promised 5 working days; Jinan hall), y = 3700-SJ-001 (promised 1; Qingdao hall),
z = 3700-GA-002 (promised 0, on the spot; Jinan hall)."""

import pytest

from tests.appointments.conftest import _english, _messages_kept, hall, other_hall  # noqa: F401  (fixtures)

X, Y, Z = "3701-MZ-001", "3700-SJ-001", "3700-GA-002"


@pytest.fixture
def demo(catalogue):
    from portal.metrics.demo import metrics_demo_generate

    return metrics_demo_generate(services=[catalogue.service(code) for code in (X, Y, Z)])


@pytest.fixture
def administrator(db):
    from portal.staff.roles import Role
    from tests.appointments.people import staff_make

    return staff_make("metrics-admin", Role.ADMINISTRATOR)
