"""Whole-page cache for anonymous catalogue pages.

The key holds everything that changes what an anonymous visitor sees: the catalogue's version, the
language, the display preferences, the chosen city and the full path with its query. Publishing or
editing anything in the catalogue bumps the version, so every cached page is dropped at once.
Cached pages carry no CSRF token, nonce or cookie: the only forms on them are GET forms.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "catalogue:version"


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


def _cache_key(request):
    preferences = getattr(request, "display_preferences", None)
    parts = [
        str(catalogue_version()),
        get_language() or "",
        preferences.cache_key() if preferences else "",
        request.COOKIES.get("city", "")[:12],
        request.get_full_path()[:2000],
    ]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()
    return f"page:{digest}"


def _cacheable(request):
    user = getattr(request, "user", None)
    return request.method in ("GET", "HEAD") and not (user and user.is_authenticated)


def cached_anonymous_page(request, build_response):
    """Serve from the cache for anonymous visitors; otherwise call `build_response()`."""
    if not _cacheable(request):
        return build_response()
    key = _cache_key(request)
    cached = cache.get(key)
    if cached is not None:
        status, content_type, content = cached
        response = HttpResponse(content, status=status, content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response
    response = build_response()
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    if response.status_code == 200 and not response.cookies:
        cache.set(key, (response.status_code, response["Content-Type"], response.content),
                  settings.PAGE_CACHE_SECONDS)
    response["X-Page-Cache"] = "miss"
    return response
