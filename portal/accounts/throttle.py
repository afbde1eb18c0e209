"""Counters against guessing passwords, codes and identities: per identifier, per resolved account and per
client address, each within a window.

The identifier is counted whether or not an account holds it, so a refusal reveals nothing about who has an
account. Counters live in the database (accounts.SecurityCounter), where a flood of cached pages cannot evict
them and every web server sees the same count; expired ones are purged by a background job."""

import hashlib
import ipaddress
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import SecurityCounter


def _window():
    return settings.THROTTLE_WINDOW_SECONDS


def _key(scope, kind, value):
    digest = hashlib.sha256(str(value).strip().lower().encode()).hexdigest()[:32]
    return f"throttle:{scope}:{kind}:{digest}"


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_ip(request):
    """The client's address. Behind TRUSTED_PROXY_COUNT proxies (load balancers) that each append to
    X-Forwarded-For, it is the address the outermost trusted proxy saw: anything further left was written by
    the client itself and cannot be trusted."""
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    chain = [*forwarded, remote]
    # chain[-1] is the nearest proxy; the client is the one before the outermost trusted proxy.
    return _valid_ip(chain[-(proxies + 1)] if len(chain) > proxies else chain[0]) or remote


def _keys(scope, identifier, request, limit=None, account=None):
    keys = [(_key(scope, "identifier", identifier), limit or settings.THROTTLE_PER_ACCOUNT)]
    if account is not None:
        keys.append((_key(scope, "account", account.pk), settings.THROTTLE_PER_ACCOUNT))
    ip = client_ip(request)
    if ip:
        keys.append((_key(scope, "ip", ip), settings.THROTTLE_PER_IP))
    return keys


def is_throttled(scope, *, identifier, request=None, limit=None, account=None):
    """`limit`: this scope's own limit per identifier, instead of THROTTLE_PER_ACCOUNT. `account`: the account
    the identifier resolved to, counted across all its identifiers (phone, e-mail, user name)."""
    keys = _keys(scope, identifier, request, limit, account)
    counts = dict(
        SecurityCounter.objects.filter(key__in=[key for key, _most in keys], expires_at__gt=timezone.now()).values_list(
            "key", "count"
        )
    )
    return any(counts.get(key, 0) >= most for key, most in keys)


def record_failure(scope, *, identifier, request=None, window=None, account=None):
    """`window`: this scope's own window in seconds, instead of THROTTLE_WINDOW_SECONDS."""
    now = timezone.now()
    expires_at = now + timedelta(seconds=window or _window())
    for key, _most in _keys(scope, identifier, request, account=account):
        with transaction.atomic():
            counted = SecurityCounter.objects.filter(key=key, expires_at__gt=now).update(count=F("count") + 1)
            if not counted:  # no counter yet, or an expired one: a new window starts
                SecurityCounter.objects.update_or_create(key=key, defaults={"count": 1, "expires_at": expires_at})


def reset(scope, *, identifier):
    SecurityCounter.objects.filter(key=_key(scope, "identifier", identifier)).delete()


def counters_purge_expired(*, now=None):
    """Deletes counters whose window has passed (a background job). Returns how many."""
    deleted, _by_model = SecurityCounter.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
