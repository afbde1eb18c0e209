"""The staff people (hall_staff, reviewer, administrator...) are in tests/conftest.py, made with
tests/people.py's staff_make, as the admin adds them."""

import pytest


@pytest.fixture(autouse=True)
def _english(english):
    """Every test here reads English."""
