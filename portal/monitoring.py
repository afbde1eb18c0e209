"""Prometheus metrics for operators: `GET /metrics` with `Authorization: Bearer <METRICS_TOKEN>` (the page does not
exist while METRICS_TOKEN is unset). One place to see that the portal is slow, that sign-ins are failing, or that the
deliveries to one department are piling up:

- portal_request_seconds{view, method, status}: how long each view takes to answer (search latency is view="search";
  anonymous pages answered from the page cache are view="page_cache");
- portal_sign_in_failures_total: wrong passwords and codes (Django's user_login_failed);
- portal_deliveries{connector, state} and portal_delivery_oldest_due_seconds{connector}: the outbox to the back
  offices, read from the database at each scrape, for the deliveries not yet delivered;
- portal_receipts_pending and portal_receipt_oldest_pending_seconds: receipts not yet rendered.

With several gunicorn workers, set PROMETHEUS_MULTIPROC_DIR (an empty directory per start) so that the counters of
every worker are added up (prometheus_client's multiprocess mode; docs/deploy.md).
"""

import hmac
import time

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Count, Min
from django.dispatch import receiver
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

from portal.applications.selectors import receipts_pending
from portal.connectors.models import DUE_STATES, Delivery, DeliveryState

METHODS = {"GET", "HEAD", "POST"}  # any other is "other": the labels stay few, whatever a client sends
REQUEST_SECONDS = Histogram(
    "portal_request_seconds",
    "Time to answer a request, by view",
    ["view", "method", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
SIGN_IN_FAILURES = Counter("portal_sign_in_failures_total", "Sign-ins refused: a wrong password or code")
UNDELIVERED = (*DUE_STATES, DeliveryState.IN_PROGRESS, DeliveryState.DEAD)


class RequestMetricsMiddleware:
    """Times every request, first in and last out, so that the page cache's answers are timed too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        REQUEST_SECONDS.labels(
            view=_view_name(request, response),
            method=request.method if request.method in METHODS else "other",
            status=f"{response.status_code // 100}xx",
        ).observe(time.perf_counter() - started)
        return response


def _view_name(request, response):
    if response.get("X-Page-Cache") == "hit":
        return "page_cache"
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else "unresolved"


@receiver(user_login_failed)
def _sign_in_failed(sender, **kwargs):
    SIGN_IN_FAILURES.inc()


class BacklogCollector:
    """What is waiting, read from the database when Prometheus scrapes: the same in every process."""

    def collect(self):
        now = timezone.now()
        deliveries = GaugeMetricFamily(
            "portal_deliveries",
            "Deliveries to back offices not yet delivered, by connector and state",
            labels=["connector", "state"],
        )
        oldest = GaugeMetricFamily(
            "portal_delivery_oldest_due_seconds",
            "Age of the oldest delivery waiting to be sent or retried, by connector",
            labels=["connector"],
        )
        rows = (
            Delivery.objects.filter(state__in=UNDELIVERED)
            .values("connector__slug", "state")
            .annotate(count=Count("pk"), first=Min("created_at"))
            .order_by("connector__slug", "state")
        )
        first_due = {}
        for row in rows:
            deliveries.add_metric([row["connector__slug"], row["state"]], row["count"])
            if row["state"] in DUE_STATES:
                code = row["connector__slug"]
                first_due[code] = min(first_due.get(code, row["first"]), row["first"])
        for code, first in first_due.items():
            oldest.add_metric([code], (now - first).total_seconds())
        pending = receipts_pending().aggregate(count=Count("pk"), first=Min("submitted_at"))
        yield deliveries
        yield oldest
        yield GaugeMetricFamily(
            "portal_receipts_pending",
            "Submitted applications whose receipt is not rendered yet",
            value=pending["count"],
        )
        yield GaugeMetricFamily(
            "portal_receipt_oldest_pending_seconds",
            "How long the oldest of them has waited",
            value=(now - pending["first"]).total_seconds() if pending["first"] else 0,
        )


def _registry():
    """The counters of this process (or, in multiprocess mode, of every worker), and the backlogs."""
    if settings.PROMETHEUS_MULTIPROC_DIR:
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=settings.PROMETHEUS_MULTIPROC_DIR)
    else:
        registry = CollectorRegistry()
        for collector in (REQUEST_SECONDS, SIGN_IN_FAILURES):
            registry.register(collector)
    registry.register(BacklogCollector())
    return registry


@never_cache
def metrics(request):
    token = settings.METRICS_TOKEN
    if not token:
        raise Http404("metrics are off")
    given = request.headers.get("Authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        response = HttpResponse("A bearer token is needed.\n", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
