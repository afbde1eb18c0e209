from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from . import throttle
from .validators import normalise_mobile

SIGN_IN_SCOPE = "sign-in"


def sign_in_identifier(identifier):
    """What people type to sign in, as it is counted and looked up: a phone number without separators."""
    identifier = (identifier or "").strip()
    looks_like_phone = "@" not in identifier and normalise_mobile(identifier).isdigit()
    return normalise_mobile(identifier) if looks_like_phone else identifier


class PhoneOrEmailBackend(ModelBackend):
    """Signs people in by mobile phone number, e-mail address or (for staff accounts) user name.

    Every sign-in path (the portal's form, the Wagtail admin, the Django admin) comes through here, so the
    guessing limits are kept here: failures count per identifier, per client address and per account (across
    its phone, e-mail and user name). Over a limit, no password is checked at all (PermissionDenied stops
    Django trying other backends); the answer is the same as for a wrong password."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        user_model = get_user_model()
        identifier = sign_in_identifier(username)
        users = list(
            user_model._default_manager.filter(
                Q(phone=identifier) | Q(email__iexact=identifier) | Q(username=identifier)
            )[:2]
        )
        account = users[0] if len(users) == 1 else None
        if throttle.is_throttled(SIGN_IN_SCOPE, identifier=identifier, request=request, account=account):
            user_model().set_password(password)  # same work as a real check, so timing reveals nothing
            throttle.record_failure(SIGN_IN_SCOPE, identifier=identifier, request=request)
            raise PermissionDenied
        if account is None:
            user_model().set_password(password)
        elif account.check_password(password) and self.user_can_authenticate(account):
            return account
        throttle.record_failure(SIGN_IN_SCOPE, identifier=identifier, request=request, account=account)
        return None
