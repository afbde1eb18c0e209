import pytest

STAFF_PASSWORD = "a-staff-password-1"


@pytest.fixture(autouse=True)
def _english(english):
    """Every test here reads English."""


@pytest.fixture
def staff(db):
    """clerk: a superuser (staff, so the admin asks for a second factor) with no second factor set up yet."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(
        username="clerk", password=STAFF_PASSWORD, is_staff=True, is_superuser=True, email="clerk@example.gov.cn"
    )
