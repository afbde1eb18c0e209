"""Fixtures for the application engine's tests. The people, the flows and `service_for` are in tests/conftest.py;
the helpers that fill in applications in tests/applying.py."""

import pytest

# test_stale_pages.py and test_flow_keys.py still import these helpers from here.
from tests.applying import complete_steps, start_application, step_post_data, step_url  # noqa: F401
from tests.factories import online_service  # noqa: F401


@pytest.fixture(autouse=True)
def _english(english):
    """Every test here reads English; tests about Chinese output override it themselves."""


@pytest.fixture
def citizens_son(citizen):
    """李四, 张三's son, holding 张三's active mandate for all services: a proxy application 李四 fills in for 张三
    is visible to both of them (and only such a one: 张三's own applications stay out of 李四's reach)."""
    from portal.representation.services import mandate_consent, mandate_request
    from tests.people import citizen_make

    son = citizen_make(name="李四", phone="13800000000", email="li@example.com", sequence=456)
    mandate_consent(
        principal=citizen,
        mandate=mandate_request(agent=son, principal=citizen, relationship="parent", all_services=True),
    )
    return son
