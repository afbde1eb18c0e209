"""Fixtures shared by every test. Kept small and general; app-specific fixtures live next to their tests."""

import os

import pytest

# Selenium must never download a driver or browser; set before selenium is imported anywhere.
os.environ.setdefault("SE_OFFLINE", "true")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache, so no cached page or catalogue version leaks between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def catalogue(db):
    """A small bilingual catalogue (tests/factories.py: catalogue_build)."""
    from tests.factories import catalogue_build

    return catalogue_build()
