"""Fixtures for assisted mode and the workbench. The people, the hall and the engine's services are in
tests/conftest.py; the steps these tests share in helpers.py."""

import pytest


@pytest.fixture(autouse=True)
def _english(english):
    """Every test here reads English."""


@pytest.fixture
def other_service(flows, tree, other_department):
    """An online service of `other_department` (whose reviewer is `other_reviewer`), promising 10 working days."""
    from tests.factories import service_create

    return service_create(
        tree=tree["zh-hans"],
        department=other_department,
        title="户口迁移",
        service_code="3700-GA-105",
        online=True,
        flow_key="household-registration-transfer",
        slug="3700-ga-105",
        promised_time_limit_days=10,
    )
