"""A data set with known metrics (portal/demo/metrics.py) on three services of the test catalogue:
x = 3701-MZ-001 (promised 5 working days; Jinan hall), y = 3700-SJ-001 (promised 1; Qingdao hall),
z = 3700-GA-002 (promised 0, on the spot; Jinan hall)."""

import pytest

X, Y, Z = "3701-MZ-001", "3700-SJ-001", "3700-GA-002"


@pytest.fixture
def demo(catalogue):
    from portal.demo.metrics import metrics_demo_generate

    return metrics_demo_generate(services=[catalogue.service(code) for code in (X, Y, Z)])


@pytest.fixture(autouse=True)
def _english(english):
    """Every test here reads English."""
