"""People for mandate tests: an older principal, the agent who acts for her and a stranger (the citizens and
staff of tests/conftest.py are there too)."""

import pytest

from tests.people import citizen_make


@pytest.fixture(autouse=True)
def _english(english):
    """Every test here reads English."""


@pytest.fixture
def principal(db):
    return citizen_make(name="王奶奶", phone="13911110000", email="grandma@example.com", sequence=222)


@pytest.fixture
def agent(db):
    return citizen_make(name="王小明", phone="13922220000", email="xiaoming@example.com", sequence=333)


@pytest.fixture
def stranger(db):
    return citizen_make(name="赵六", phone="13933330000", email="zhao@example.com", sequence=444)


@pytest.fixture
def mandate_for(principal, agent):
    """mandate_for(all_services=True | service_codes=[...], days=365): an active, consented mandate."""
    from portal.representation.services import mandate_consent, mandate_request

    def make(all_services=True, service_codes=(), days=365):
        mandate = mandate_request(
            agent=agent,
            principal=principal,
            relationship="grandparent",
            all_services=all_services,
            service_codes=service_codes,
            days=days,
        )
        return mandate_consent(mandate=mandate, principal=principal)

    return make
