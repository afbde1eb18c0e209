import logging
import time

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Liveness and readiness for the load balancer: 200 when the database answers, 503 when not."""
    checks = {}
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = {"status": "ok", "vendor": connection.vendor}
    except Exception as error:  # any failure means not ready
        logger.warning("healthz: database unreachable: %s", error.__class__.__name__)
        checks["database"] = {"status": "error", "error": error.__class__.__name__}
    try:
        cache.set("healthz", "1", 5)
        cache_ok = cache.get("healthz") == "1"
        checks["cache"] = {"status": "ok" if cache_ok else "error", "backend": cache.__class__.__name__}
    except Exception as error:  # a cache outage degrades but does not stop the portal
        checks["cache"] = {"status": "error", "error": error.__class__.__name__}
    healthy = checks["database"]["status"] == "ok"
    body = {"status": "ok" if healthy else "error", "checks": checks,
            "elapsed_ms": round((time.monotonic() - started) * 1000, 1)}
    return JsonResponse(body, status=200 if healthy else 503)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)


def get_help(request):
    """The "Get help" route on every page: call, visit a hall, book help from staff (#book), or ask a family
    member to act for you (the representation pages)."""
    return render(request, "help.html")
