"""People and services for mandate tests; the engine's fixtures are reused from tests/applications, the staff
people (made through staff_membership_add) from tests/staff."""

import pytest

from tests.applications.conftest import (  # noqa: F401  (fixtures)
    _english,
    _quiet_tasks,
    client_for,
    department,
    flows,
    make_resident_id,
    service_for,
    tree,
)
from tests.staff.conftest import administrator, hall, hall_staff, make_staff, reviewer  # noqa: F401  (fixtures)


def _person(name, phone, email, sequence):
    from portal.accounts.services import user_register

    return user_register(real_name=name, password="correct-horse-battery", phone=phone, email=email,
                         resident_id=make_resident_id(sequence=sequence))


@pytest.fixture
def principal(db):
    return _person("王奶奶", "13911110000", "grandma@example.com", 222)


@pytest.fixture
def agent(db):
    return _person("王小明", "13922220000", "xiaoming@example.com", 333)


@pytest.fixture
def stranger(db):
    return _person("赵六", "13933330000", "zhao@example.com", 444)


@pytest.fixture
def mandate_for(principal, agent):
    """mandate_for(all_services=True | service_codes=[...], days=365): an active, consented mandate."""
    from portal.representation.services import mandate_consent, mandate_request

    def make(all_services=True, service_codes=(), days=365):
        mandate = mandate_request(agent=agent, principal=principal, relationship="grandparent",
                                  all_services=all_services, service_codes=service_codes, days=days)
        return mandate_consent(mandate=mandate, principal=principal)

    return make
