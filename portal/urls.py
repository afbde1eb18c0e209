from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accessibility import views as accessibility_views
from services_catalog import views as catalogue_views

from . import monitoring, views
from .accounts import oidc

handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("metrics", monitoring.metrics, name="metrics"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("connectors/", include("portal.connectors.urls")),
    # The unified identity platform registers these two URLs once: they must not change with the page language.
    path("accounts/unified-identity/callback/", oidc.oidc_callback, name="oidc_callback"),
    path("accounts/unified-identity/signed-out/", oidc.oidc_signed_out, name="oidc_signed_out"),
]

urlpatterns += i18n_patterns(
    path("search/", catalogue_views.search, name="search"),
    path("life-events/<slug:slug>/", catalogue_views.bundle_page, name="bundle"),
    path("halls/<slug:slug>/", catalogue_views.service_hall, name="service_hall"),
    path("halls/", catalogue_views.service_halls, name="service_halls"),
    path("city/", catalogue_views.choose_city, name="choose_city"),
    path("help/", views.get_help, name="get_help"),
    path("accounts/", include("portal.accounts.urls")),
    path("accounts/activity/", include("portal.audit.urls")),
    path("acting-for/", include("portal.representation.urls")),
    path("apply/life-events/", include("portal.bundles.urls")),
    path("apply/", include("portal.applications.urls")),
    path("more-information/", include("portal.assisted.urls_citizen")),
    path("prefill/", include("portal.connectors.urls_citizen")),
    path("appointments/", include("portal.appointments.urls")),
    path("ratings/", include("portal.ratings.urls")),
    path("staff/appointments/", include("portal.appointments.urls_staff")),
    path("staff/ratings/", include("portal.ratings.urls_staff")),
    path("staff/metrics/", include("portal.metrics.urls")),
    path("preferences/", accessibility_views.set_preferences, name="set_preferences"),
    path("staff/", include("portal.staff.urls")),
    path("staff/", include("portal.assisted.urls")),
    path("preferences/display/", accessibility_views.display_settings, name="display_settings"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# What the local demo (PORTAL_DEMO, as `make run` has) or a development server (DEBUG) may serve from
# MEDIA_ROOT: Wagtail's images (originals and renditions), the public content of public pages, so that the demo's
# pages show their images. Nothing else there is ever served by path: citizens' uploads, receipts, answers to
# requests for more information, editors' documents (served by wagtail's own view under /documents/, which checks
# the collection's privacy), staff avatars and pending uploads are reached only through the views that check who
# is asking. In production the web server serves no media at all.
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")


def public_media_patterns():
    """Demo or DEBUG only: one static route per public folder, each rooted in that folder (a path cannot climb
    out of it: django.views.static.serve joins it safely)."""
    if not (settings.DEBUG or settings.PORTAL_DEMO):
        return []
    import re
    from pathlib import Path

    from django.urls import re_path
    from django.views.static import serve

    patterns = []
    for folder in PUBLIC_MEDIA_FOLDERS:
        prefix = f"{settings.MEDIA_URL}{folder}/".lstrip("/")
        patterns.append(
            re_path(
                rf"^{re.escape(prefix)}(?P<path>.*)$",
                serve,
                kwargs={"document_root": Path(settings.MEDIA_ROOT) / folder},
            )
        )
    return patterns


urlpatterns = public_media_patterns() + urlpatterns
