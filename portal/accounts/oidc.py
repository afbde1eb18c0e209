"""Signing in through the province's unified identity platform (统一身份认证) over OpenID Connect.

Switched on by settings alone: set OIDC_RP_CLIENT_ID (and the OIDC_OP_* endpoints and issuer, see
docs/deploy.md); when it is unset these views answer 404 and the sign-in page shows no such button.

- The platform knows one redirect URI, whatever the page language: the callback sits outside the language
  prefixes (portal/urls.py), and the person comes back to the language they started in (kept in the session).
- Authorization code flow with PKCE (S256), a state and a nonce; the ID token's signature, issuer, audience,
  expiry and nonce are checked before anything is read from the platform.
- People are matched by the resident ID number the platform vouches for (claim OIDC_RESIDENT_ID_CLAIM, asked
  for with scope OIDC_RESIDENT_ID_SCOPE), never by e-mail while the platform sends resident IDs; someone new
  gets an account without a password. Only a platform that sends no resident IDs (OIDC_RESIDENT_ID_CLAIM
  empty) matches by a verified e-mail address.
- Cancelling at the platform, a refusal or a failed check ends on a page that says so (oidc_failed).
- Signing out of the portal also ends the platform session through its end-session endpoint (RP-initiated
  logout) when the platform has one (OIDC_OP_LOGOUT_ENDPOINT); the signed-out page says when it has not."""

import logging
import uuid
from urllib.parse import urlencode

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import absolutify
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from accessibility.services import display_preferences_carry_into_account

from . import crypto
from .selectors import account_holding
from .validators import normalise_resident_id, resident_id_problem

logger = logging.getLogger(__name__)

LANGUAGE_KEY = "oidc_language"  # the language the person started signing in in
SIGNED_IN_WITH_KEY = "signed_in_with_platform"  # set when this session was signed in through the platform
FAILURES = ("cancelled", "refused", "failed")
CLOCK_SKEW_SECONDS = 60  # the platform's clock may run a little ahead of ours
AFTER_SIGN_IN = "applications:mine"  # as after signing in with a password


def oidc_enabled():
    return bool(settings.OIDC_RP_CLIENT_ID)


def _resident_id(claims):
    value = normalise_resident_id(claims.get(settings.OIDC_RESIDENT_ID_CLAIM, ""))
    return value if value and resident_id_problem(value) is None else ""


def _matches_by_email():
    """Only a platform that sends no resident ID numbers matches people by a verified e-mail address."""
    return not settings.OIDC_RESIDENT_ID_CLAIM


class UnifiedIdentityBackend(OIDCAuthenticationBackend):
    def _verify_jws(self, payload, key):
        """The library's check of a signed token, with a minute's allowance for the platform's clock."""
        algorithm = jwt.get_unverified_header(payload).get("alg")
        if algorithm != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"Token signed with {algorithm!r}, not {self.OIDC_RP_SIGN_ALGO!r}")
        return jwt.decode(
            payload, key, algorithms=[algorithm], leeway=CLOCK_SKEW_SECONDS, options={"verify_aud": False}
        )

    def get_or_create_user(self, access_token, id_token, payload):
        """`payload` is the ID token, its signature and nonce checked by the library. Its issuer, audience and
        expiry are checked here, before anything is read from the platform, so that a token it issued to another
        client, or another platform's token, never signs anyone in."""
        audiences = payload.get("aud")
        audiences = [audiences] if isinstance(audiences, str) else list(audiences or [])
        if payload.get("iss") != settings.OIDC_OP_ISSUER:
            raise SuspiciousOperation(f"ID token from issuer {payload.get('iss')!r}, not {settings.OIDC_OP_ISSUER!r}")
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation(f"ID token for {audiences!r}, not this client")
        if len(audiences) > 1 and payload.get("azp") != settings.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token with several audiences and another authorised party")
        if "exp" not in payload:  # PyJWT checks an expiry only when there is one
            raise SuspiciousOperation("ID token without an expiry")
        return super().get_or_create_user(access_token, id_token, payload)

    def get_userinfo(self, access_token, id_token, payload):
        """The claims the person is matched by come from the userinfo endpoint: they must be about the person the
        ID token names (OpenID Connect Core 5.3.2)."""
        claims = super().get_userinfo(access_token, id_token, payload)
        if not isinstance(claims, dict) or claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("Userinfo about someone other than the ID token's subject")
        return claims

    def verify_claims(self, claims):
        if not claims.get("sub"):
            return False
        if _matches_by_email():
            return bool(claims.get("email") and claims.get("email_verified"))
        return bool(_resident_id(claims))

    def filter_users_by_claims(self, claims):
        """Every account with the resident ID, active or not: a closed account is refused, never replaced."""
        users = get_user_model()._default_manager.all()
        if _matches_by_email():
            found = users.filter(email__iexact=claims["email"])
        else:
            found = users.filter(resident_id_hash=crypto.lookup_hash(_resident_id(claims)))
        if any(not user.is_active for user in found):
            raise SuspiciousOperation("The platform's person has a closed account here")
        return found

    def create_user(self, claims):
        """A new account without a password. An e-mail address another account holds is left out, as at
        registration: each is unique."""
        email = claims.get("email", "") if claims.get("email_verified") else ""
        user = get_user_model()(
            username=f"u-{uuid.uuid4().hex[:16]}",
            real_name=(claims.get("name") or "")[:100],
            email="" if email and account_holding(email=email) else email,
        )
        resident_id = _resident_id(claims)
        if resident_id:
            user.set_resident_id(resident_id)
        user.set_unusable_password()
        user.save()
        return user

    def get_user(self, user_id):
        """As Django's own backend: a deactivated account is signed out on its next page."""
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


def _enabled_only(view):
    def wrapped(request, *args, **kwargs):
        if not oidc_enabled():
            raise Http404("Unified identity sign-in is not set up")
        return view(request, *args, **kwargs)

    return wrapped


class StartView(OIDCAuthenticationRequestView):
    """Off to the platform, remembering the page language and where to go afterwards."""

    def get(self, request):
        request.session[LANGUAGE_KEY] = get_language()
        return super().get(request)

    def get_extra_params(self, request):
        return {**super().get_extra_params(request), "ui_locales": "en" if get_language() == "en" else "zh-CN"}


class CallbackView(OIDCAuthenticationCallbackView):
    """The one redirect URI. Every failure, ours or the platform's, ends on the failure page, in the language the
    person started in: never on a bare error or silently on the home page."""

    def get(self, request):
        error = request.GET.get("error")
        if request.user.is_authenticated and request.GET.get("state") not in request.session.get("oidc_states", {}):
            # Back or refresh after signing in, or a link someone forged: not an attempt of this session, so
            # neither a failure to show nor a reason to sign the person out (as the library would on ?error=).
            return HttpResponseRedirect(self.success_url)
        self.failure = {"": "failed", "access_denied": "cancelled"}.get(error or "", "refused")
        if error and error != "access_denied":
            logger.warning("The identity platform refused: %r (%r)", error, request.GET.get("error_description"))
        try:
            return super().get(request)
        except Exception:  # whatever the platform sent or failed to send: the failure page, never a server error
            logger.exception("Unified identity sign-in failed")
            self.failure = "failed"
            return self.login_failure()

    def _in_starting_language(self, name, **kwargs):
        with translation.override(self.request.session.get(LANGUAGE_KEY) or settings.LANGUAGE_CODE):
            return reverse(name, **kwargs)

    @property
    def failure_url(self):
        return self._in_starting_language("accounts:oidc_failed", kwargs={"reason": self.failure})

    @property
    def success_url(self):
        next_url = self.request.session.get("oidc_login_next")
        return next_url or self._in_starting_language(AFTER_SIGN_IN)

    def login_success(self):
        response = super().login_success()
        self.request.session[SIGNED_IN_WITH_KEY] = True
        display_preferences_carry_into_account(user=self.user, cookies=self.request.COOKIES)
        return response


oidc_start = _enabled_only(StartView.as_view())
oidc_callback = _enabled_only(CallbackView.as_view())


@_enabled_only
def oidc_failed(request, reason):
    if reason not in FAILURES:
        raise Http404("No such failure")
    return render(request, "accounts/oidc_failed.html", {"reason": reason})


def platform_sign_out_url(request):
    """Where to send a person signing out of a session signed in through the platform: its end-session endpoint,
    which comes back to oidc_signed_out (one URL, the language in `state`). None when the session was not signed
    in through the platform or the platform has no such endpoint. Read before the session is flushed.
    No id_token_hint: the ID token carries the resident ID number, which belongs neither in the session nor in a
    URL; client_id with a registered post_logout_redirect_uri is enough (RP-Initiated Logout 1.0, section 2)."""
    if not (oidc_enabled() and settings.OIDC_OP_LOGOUT_ENDPOINT and request.session.get(SIGNED_IN_WITH_KEY)):
        return None
    params = {
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": absolutify(request, reverse("oidc_signed_out")),
        "state": get_language(),
    }
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{urlencode(params)}"


def signed_in_with_platform(request):
    return oidc_enabled() and bool(request.session.get(SIGNED_IN_WITH_KEY))


@_enabled_only
def oidc_signed_out(request):
    """Back from the platform's end-session endpoint, where the person chose whether to sign out there too."""
    language = request.GET.get("state")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        return HttpResponseRedirect(reverse("accounts:signed_out") + "?platform=ended")
