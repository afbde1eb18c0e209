"""Cache-backed counters against password and code guessing: per account identifier and per IP address.

The identifier is counted whether or not an account holds it, so a refusal reveals nothing about who
has an account. Counters expire by themselves after THROTTLE_WINDOW_SECONDS."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _limit(kind):
    return {"identifier": getattr(settings, "THROTTLE_PER_ACCOUNT", 5),
            "ip": getattr(settings, "THROTTLE_PER_IP", 30)}[kind]


def _window():
    return getattr(settings, "THROTTLE_WINDOW_SECONDS", 15 * 60)


def _key(scope, kind, value):
    digest = hashlib.sha256(str(value).strip().lower().encode()).hexdigest()[:32]
    return f"throttle:{scope}:{kind}:{digest}"


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def _keys(scope, identifier, request, limit=None):
    keys = [(_key(scope, "identifier", identifier), limit or _limit("identifier"))]
    ip = client_ip(request)
    if ip:
        keys.append((_key(scope, "ip", ip), _limit("ip")))
    return keys


def is_throttled(scope, *, identifier, request=None, limit=None):
    """`limit`: this scope's own limit per identifier, instead of THROTTLE_PER_ACCOUNT."""
    return any((cache.get(key) or 0) >= most for key, most in _keys(scope, identifier, request, limit))


def record_failure(scope, *, identifier, request=None, window=None):
    """`window`: this scope's own window in seconds, instead of THROTTLE_WINDOW_SECONDS."""
    window = window or _window()
    for key, _unused in _keys(scope, identifier, request):
        if not cache.add(key, 1, window):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, window)


def reset(scope, *, identifier):
    cache.delete(_key(scope, "identifier", identifier))
