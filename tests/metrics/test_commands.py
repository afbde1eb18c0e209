"""The commands the lead and the worker run: the demo data set and the hourly refresh."""

import pytest
from django.core.management import call_command

from portal.applications.models import Application
from portal.metrics.models import ServiceProcessingTime

from .conftest import X, Y, Z

pytestmark = pytest.mark.django_db


def test_the_demo_command_creates_the_data_set_and_removes_it(catalogue, capsys):
    call_command("metrics_generate_demo", X, Y, Z)
    out = capsys.readouterr().out
    assert f"Demo data created for {X}, {Y}, {Z}" in out
    assert "'median': 3, 'p90': 8, 'late': 3" in out
    assert Application.objects.filter(applicant__username__startswith="metrics-demo-").count() == 12 + 2 + 4 + 3 + 10
    assert ServiceProcessingTime.objects.get(service_code=X).p90_days == 8
    call_command("metrics_generate_demo", "--remove")
    assert not Application.objects.filter(applicant__username__startswith="metrics-demo-").exists()
    assert not ServiceProcessingTime.objects.exists()


def test_the_refresh_command(demo, capsys):
    call_command("metrics_refresh")
    assert "processing times of 2 services stored" in capsys.readouterr().out
