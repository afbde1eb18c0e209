"""Idle and absolute session limits that warn first and extend with one action, never a client-side timer.

A signed-in session ends after SESSION_IDLE_SECONDS without a request, or SESSION_ABSOLUTE_SECONDS after
sign-in. Within SESSION_WARN_SECONDS of the absolute limit every page says when, with a "Stay signed in"
button (a form: it works without JavaScript) that starts a new period. Answers are saved at every step,
so an ended session loses nothing."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

STARTED, SEEN = "limits_started", "limits_seen"


def idle_seconds():
    return settings.SESSION_IDLE_SECONDS


def absolute_seconds():
    return settings.SESSION_ABSOLUTE_SECONDS


def warn_seconds():
    return settings.SESSION_WARN_SECONDS


def session_extend(request):
    now = int(time.time())
    request.session[STARTED] = now
    request.session[SEEN] = now


def seconds_left(request):
    started = request.session.get(STARTED)
    if started is None:
        return None
    return max(0, started + absolute_seconds() - int(time.time()))


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            started = request.session.setdefault(STARTED, now)
            seen = request.session.get(SEEN, now)
            if now - seen > idle_seconds() or now - started > absolute_seconds():
                logout(request)
                messages.info(
                    request,
                    _(
                        "You were signed out to keep your account safe, because the page was "
                        "left for a long time. Your answers were saved: sign in to continue."
                    ),
                )
                return redirect(f"{reverse('accounts:sign_in')}?next={request.path}")
            if now - seen >= 60 or SEEN not in request.session:  # a session write at most once a minute
                request.session[SEEN] = now
        return self.get_response(request)


def session_limits(request):
    """Context: `session_ends_in_minutes` when the absolute limit is near, for the warning banner."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(request, "session"):
        return {}
    left = seconds_left(request)
    if left is None or left > warn_seconds():
        return {}
    return {"session_ends_in_minutes": max(1, left // 60)}
