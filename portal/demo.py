"""Whether this is the local demo (`make run`, portal/settings/dev.py: PORTAL_DEMO), which alone may create
accounts with a published password and authenticator key. Not DEBUG: the demo runs with DEBUG off."""

from django.conf import settings

DEMO_ONLY = ("Demo accounts are only for the local demo (PORTAL_DEMO on, as `make run` has with "
             "portal.settings.dev): their password and security code are public.")


def demo_enabled():
    return bool(getattr(settings, "PORTAL_DEMO", False))
