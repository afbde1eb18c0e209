"""Whole-page cache for anonymous catalogue pages.

Views mark a response as cacheable with `cacheable()`; `AnonymousPageCacheMiddleware` stores it and
serves later requests from the cache before URL routing or any query runs. The key holds everything
that changes what an anonymous visitor sees: the catalogue's version, the language, the display
preferences, the chosen city and the full path with its query (only the parameters the view reads: any
other makes the page uncacheable). Publishing or editing anything in the
catalogue bumps the version, so every cached page is dropped at once, on every web node sharing the
cache. Cached pages carry no CSRF token, nonce or cookie: the only forms on them are GET forms.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "catalogue:version"
SKIP_COOKIES = ("messages", settings.SESSION_COOKIE_NAME)


def catalogue_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def invalidate_catalogue():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value invalidates
        cache.set(VERSION_KEY, 2, timeout=None)


def cacheable(response, query_parameters=()):
    """Mark a view's response as the same for every anonymous visitor with the same key. `query_parameters`:
    the ones the view reads; a request with any other is answered but not stored, so made-up parameters
    cannot fill the cache with copies of one page."""
    response.page_cacheable = True
    response.page_cache_parameters = frozenset(query_parameters)
    return response


def _storable(request, response):
    return (
        getattr(response, "page_cacheable", False)
        and response.status_code == 200
        and not response.cookies
        and set(request.GET) <= response.page_cache_parameters
    )


def _cache_key(request):
    preferences = getattr(request, "display_preferences", None)
    parts = [
        str(catalogue_version()),
        get_language() or "",
        preferences.cache_key() if preferences else "",
        request.COOKIES.get("city", "")[:12],
        request.get_full_path()[:2000],
    ]
    return "page:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def _request_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in SKIP_COOKIES):
        return False  # a session (signed in, or a flash message waiting) means a personal page
    user = getattr(request, "user", None)
    return not (user and user.is_authenticated)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_cacheable(request):
            return self.get_response(request)
        key = _cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            status, content_type, content = cached
            response = HttpResponse(content, status=status, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            cache.set(
                key, (response.status_code, response["Content-Type"], response.content), settings.PAGE_CACHE_SECONDS
            )
            response["X-Page-Cache"] = "miss"
        return response
