"""The portal's URLs plus a view that fails, so the browser tests can show the real 500 page (DEBUG off).
Used only as ROOT_URLCONF in tests/browser; the portal's own URLs have no test code."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from portal import urls as portal_urls

handler403 = portal_urls.handler403
handler404 = portal_urls.handler404
handler500 = portal_urls.handler500

SERVER_ERROR_PATH = "__test__/server-error/"


class DeliberateServerError(Exception):
    pass


def server_error(request):
    raise DeliberateServerError("deliberate error: the browser tests check the 500 page")


urlpatterns = [
    *i18n_patterns(path(SERVER_ERROR_PATH, server_error), prefix_default_language=False),
    *portal_urls.urlpatterns,
]
