"""The one gate for staff pages: signed in, a member of staff at all (a citizen gets 403 whatever they try),
verified with a second factor (django-otp), and holding the permission. Scope (which hall or department)
is then checked by the page's selectors."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from portal.accounts.otp import is_staff_user, otp_required

from .roles import STAFF_PERMISSIONS


def has_any_staff_permission(user):
    return any(user.has_perm(permission) for permission in STAFF_PERMISSIONS)


def staff_required(permission=None):
    """`permission`: the one the page needs; None for any staff permission (the staff home page)."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            allowed = request.user.has_perm(permission) if permission else has_any_staff_permission(request.user)
            if not allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        guarded = otp_required(checked)

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not is_staff_user(request.user):
                raise PermissionDenied  # not staff: no second-factor prompt, just "not for you"
            return guarded(request, *args, **kwargs)

        return wrapped

    return decorator
