import logging
import sys
import time

from django.core.cache import cache
from django.db import OperationalError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

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
    body = {
        "status": "ok" if healthy else "error",
        "checks": checks,
        "elapsed_ms": round((time.monotonic() - started) * 1000, 1),
    }
    return JsonResponse(body, status=200 if healthy else 503)


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """/favicon.ico, which browsers ask for on every site whatever the page links: the icon in static/ (a
    redirect, not permanent, as the static file's name carries its hash in production)."""
    return HttpResponseRedirect(static("img/favicon.ico"))


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    """The 500 page; or, when the embedded SQLite database stayed locked past its busy timeout (many people
    writing at once on `make run`), a 503 that says to try again, since nothing is broken and nothing saved
    is lost. Called by Django while it handles the exception, which sys.exc_info() therefore gives."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError) and "database is locked" in str(error):
        return database_busy(request)
    return render(request, "errors/500.html", status=500)


def database_busy(request):
    logger.warning("database busy past its timeout: %s %s answered 503", request.method, request.path)
    try:
        response = render(request, "errors/busy.html", status=503)
    except Exception:  # the page's context needs the database too: the words alone
        words = [
            _("The portal is busy"),
            _("Many people are using it at this moment. Go back and send the page again in a minute."),
            _(
                "Nothing you entered is lost: every page you completed is saved, and this page's answers are "
                "still in your browser when you go back."
            ),
        ]
        response = HttpResponse("\n\n".join(words), content_type="text/plain; charset=utf-8", status=503)
    response["Retry-After"] = "30"
    return response


def get_help(request):
    """The "Get help" route on every page: call, visit a hall, book help from staff (#book), or ask a family
    member to act for you (the representation pages)."""
    return render(request, "help.html")
