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


def _keys(scope, identifier, request):
    keys = [(_key(scope, "identifier", identifier), _limit("identifier"))]
    ip = client_ip(request)
    if ip:
        keys.append((_key(scope, "ip", ip), _limit("ip")))
    return keys


def is_throttled(scope, *, identifier, request=None):
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(scope, identifier, request))


def record_failure(scope, *, identifier, request=None):
    for key, _unused in _keys(scope, identifier, request):
        if not cache.add(key, 1, _window()):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, _window())


def reset(scope, *, identifier):
    cache.delete(_key(scope, "identifier", identifier))
