from django.http import HttpResponse
from django.urls import path

from portal.urls import handler404, handler500  # noqa: F401  (the portal's error pages)
from portal.urls import urlpatterns as portal_urlpatterns


def bare(request):
    """The yardstick: a Django view that does nothing, behind the same middleware as the portal."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *portal_urlpatterns]
