"""Appointments are booked at the catalogue's halls (tests/conftest.py: catalogue_hall, other_catalogue_hall)."""

import pytest


@pytest.fixture(autouse=True)
def _english(english):
    """Every test here reads English; reversed URLs carry the /en/ prefix."""


@pytest.fixture
def slot_at(catalogue_hall):
    """slot_at(days_ahead, "09:00", capacity=2, kind="in_person", at=catalogue_hall) -> a Slot."""
    import datetime

    from django.utils import timezone

    from portal.appointments.models import Slot

    def make(days_ahead=3, start="09:00", capacity=2, kind="in_person", at=None):
        begins = datetime.time.fromisoformat(start)
        ends = (datetime.datetime.combine(datetime.date.min, begins) + datetime.timedelta(minutes=30)).time()
        day = timezone.localdate() + datetime.timedelta(days=days_ahead)
        return Slot.objects.create(
            hall=at or catalogue_hall, date=day, start=begins, end=ends, kind=kind, capacity=capacity
        )

    return make
