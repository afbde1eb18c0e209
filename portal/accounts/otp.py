"""Two-factor sign-in (django-otp): who must use it, and the middleware that enforces it.

Staff (is_staff, superusers, or anyone in a group: citizens belong to none) must complete an OTP
check before any page except the few needed to finish signing in. Citizens who have set up a
second factor must complete it too; for them it is optional to set one up."""

from functools import wraps

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import devices_for_user


def is_staff_user(user):
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser or user.groups.exists()))


def has_confirmed_device(user):
    return user.is_authenticated and any(True for _device in devices_for_user(user, confirmed=True))


def needs_otp(user):
    """Signed in, not yet verified with a second factor, and required to be."""
    if not user.is_authenticated or _verified(user):
        return False
    return is_staff_user(user) or has_confirmed_device(user)


def _verified(user):
    is_verified = getattr(user, "is_verified", None)  # set by django_otp's middleware; absent right after login()
    return bool(is_verified and is_verified())


def otp_exempt(view):
    """Pages reachable before the second factor: verifying, enrolling (staff without a device), signing out."""
    view.otp_exempt = True
    return view


def otp_required(view):
    """For staff pages outside the admin: the middleware enforces it already; this states it at the view."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated or not _verified(request.user):
            return redirect(_verify_url(request))
        return view(request, *args, **kwargs)

    return wrapped


def _verify_url(request):
    name = "accounts:otp_verify" if has_confirmed_device(request.user) else "accounts:otp_setup"
    return f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}"


class RequireOTPMiddleware:
    """After django_otp.middleware.OTPMiddleware: send those who need a second factor to give it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if getattr(view_func, "otp_exempt", False) or not needs_otp(user):
            return None
        if request.path.startswith("/static/"):
            return None
        return redirect(_verify_url(request))
