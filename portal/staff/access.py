"""The one gate for staff pages: signed in, verified with a second factor (django-otp), and holding the
permission. Scope (which hall or department) is then checked by the page's selectors."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from portal.accounts.otp import otp_required


def staff_required(permission):
    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        guarded = otp_required(checked)

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return guarded(request, *args, **kwargs)

        return wrapped

    return decorator
