"""Reads at the back-office boundary: deliveries for the operations page and for an application's page (the
engine's delivery-progress provider, registered in ConnectorsConfig.ready), connector health, counts and
latency, and the citizen's look-up history."""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.applications.status import Status

from .models import ConnectorConfig, Delivery, DeliveryState, PrefillLookup
from .registry import UnknownPlugin, connector_class

# What a citizen is told. Honest: "submitted" until a department system has it, "sent to the department"
# once it does, "received by the department" when the department says so (a status, from the webhook).
SUBMITTED = _("Submitted")
SENT = _("Sent to the department")
RECEIVED = _("Received by the department")


def application_delivery_progress(application):
    """(label, explanation) for a submitted application still at "submitted", from its deliveries; None when
    the application's own status says more (received or later) or it has no deliveries."""
    if application.status != Status.SUBMITTED:
        return None
    states = list(Delivery.objects.filter(application=application).values_list("state", flat=True))
    if not states:
        return None
    if all(state == DeliveryState.DELIVERED for state in states):
        return SENT, _("The department's system has your application. It will confirm when it has registered it.")
    return SUBMITTED, _("We have your application and are sending it to the department.")


def deliveries_filtered(*, state=None, connector=None, older_than_minutes=None):
    queryset = Delivery.objects.select_related("connector", "application").order_by("-created_at")
    if state:
        queryset = queryset.filter(state=state)
    if connector:
        queryset = queryset.filter(connector__slug=connector)
    if older_than_minutes:
        queryset = queryset.filter(created_at__lte=timezone.now() - timedelta(minutes=int(older_than_minutes)))
    return queryset


def _percentile(sorted_values, fraction):
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def delivery_stats(*, since=None, connector=None):
    """Counts by state and submission-to-delivered latency (seconds: p50, p95, max) per connector and
    overall, for deliveries created since `since` (default: the last 7 days)."""
    since = since or timezone.now() - timedelta(days=7)
    rows = Delivery.objects.filter(created_at__gte=since)
    if connector:
        rows = rows.filter(connector=connector)
    counts = {state: 0 for state in DeliveryState.values}
    for item in rows.values("state").annotate(n=Count("pk")):
        counts[item["state"]] = item["n"]
    latencies = sorted(
        (delivered - submitted).total_seconds()
        for delivered, submitted in rows.filter(
            state=DeliveryState.DELIVERED, application__submitted_at__isnull=False
        ).values_list("delivered_at", "application__submitted_at")
    )
    oldest_due = rows.filter(state__in=[DeliveryState.PENDING, DeliveryState.FAILED]).aggregate(
        oldest=Min("created_at")
    )["oldest"]
    return {
        "counts": counts,
        "latency_p50": _percentile(latencies, 0.50),
        "latency_p95": _percentile(latencies, 0.95),
        "latency_max": latencies[-1] if latencies else None,
        "oldest_waiting": oldest_due,
        "last_delivered": rows.aggregate(last=Max("delivered_at"))["last"],
    }


def connector_health(config, *, use_cache=True):
    """The plugin's own check (cached for a minute), plus whether its secret is set."""
    key = f"connectors:health:{config.pk}:{config.updated_at.timestamp() if config.updated_at else 0}"
    cached = cache.get(key) if use_cache else None
    if cached is not None:
        return cached
    try:
        plugin = connector_class(config.plugin)(config)
        try:
            plugin.secret()
            health = plugin.health()
            result = {"ok": health.ok, "detail": health.detail}
        except Exception as error:
            result = {"ok": False, "detail": str(error)}
    except UnknownPlugin:
        result = {"ok": False, "detail": str(_("Unknown plugin"))}
    cache.set(key, result, 60)
    return result


def connectors_overview(*, check_health=True):
    """Each connector with its health and delivery figures, for the operations page."""
    return [
        {
            "connector": config,
            "health": connector_health(config) if check_health and config.enabled else None,
            "stats": delivery_stats(connector=config),
        }
        for config in ConnectorConfig.objects.order_by("name")
    ]


def prefill_lookups_for_citizen(user):
    """Every look-up made about this person (by anyone), newest first: the citizen's own record."""
    return PrefillLookup.objects.filter(subject=user).select_related("actor", "application").order_by("-created_at")
