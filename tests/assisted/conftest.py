"""Fixtures for assisted mode and the workbench: the engine's and the staff tests' fixtures, reused."""

from tests.staff.conftest import (  # noqa: F401  (fixtures)
    _english,
    _quiet_tasks,
    administrator,
    citizen,
    client,
    client_for,
    department,
    flows,
    hall,
    hall_manager,
    hall_staff,
    make_resident_id,
    make_staff,
    other_department,
    other_reviewer,
    reviewer,
    service_for,
    tree,
)
