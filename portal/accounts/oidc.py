"""Signing in through the province's unified identity platform (统一身份认证) over OpenID Connect.

Switched on by settings alone: set OIDC_RP_CLIENT_ID (and the OIDC_* endpoints, see settings/base.py);
when it is unset the two views answer 404 and the sign-in page shows no such button. People are matched
by the resident ID number the platform vouches for (claim OIDC_RESIDENT_ID_CLAIM), else by a verified
e-mail address; someone new gets an account without a password."""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from . import crypto
from .validators import normalise_resident_id, resident_id_problem


def oidc_enabled():
    return bool(settings.OIDC_RP_CLIENT_ID)


def _resident_id(claims):
    value = normalise_resident_id(claims.get(settings.OIDC_RESIDENT_ID_CLAIM, ""))
    return value if value and resident_id_problem(value) is None else ""


class UnifiedIdentityBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims):
        return bool(claims.get("sub")) and bool(
            _resident_id(claims) or (claims.get("email") and claims.get("email_verified"))
        )

    def filter_users_by_claims(self, claims):
        users = get_user_model()._default_manager.filter(is_active=True)
        resident_id = _resident_id(claims)
        if resident_id:
            return users.filter(resident_id_hash=crypto.lookup_hash(resident_id))
        if claims.get("email") and claims.get("email_verified"):
            return users.filter(email__iexact=claims["email"])
        return users.none()

    def create_user(self, claims):
        user = get_user_model()(
            username=f"u-{uuid.uuid4().hex[:16]}",
            real_name=(claims.get("name") or "")[:100],
            email=claims.get("email", "") if claims.get("email_verified") else "",
        )
        resident_id = _resident_id(claims)
        if resident_id:
            user.set_resident_id(resident_id)
        user.set_unusable_password()
        user.save()
        return user


def _view(name):
    def view(request, *args, **kwargs):
        if not oidc_enabled():
            raise Http404("Unified identity sign-in is not set up")
        from mozilla_django_oidc import views

        return getattr(views, name).as_view()(request, *args, **kwargs)

    return view


oidc_start = _view("OIDCAuthenticationRequestView")
oidc_callback = _view("OIDCAuthenticationCallbackView")
