from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from portal.log_format import logging_config

from .base import *  # noqa: F403
from .base import (
    CLAMAV_ADDRESS,
    OIDC_RESIDENT_ID_CLAIM,
    OIDC_RESIDENT_ID_SCOPE,
    OIDC_RP_CLIENT_ID,
    OIDC_RP_SCOPES,
    REDIS_URL,
    SECRET_KEY,
    env,
    env_bool,
)

DEBUG = False
LOG_FORMAT = env("LOG_FORMAT", "json")  # for the log collector: one JSON object per line
LOGGING = logging_config(log_format=LOG_FORMAT, level=env("LOG_LEVEL", "INFO"))
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

# Receipts' QR codes and the links in texts and e-mails point here; the development default (127.0.0.1) would send
# every citizen to their own computer.
PORTAL_BASE_URL = (env("PORTAL_BASE_URL") or "").rstrip("/")
if not PORTAL_BASE_URL.startswith("https://"):
    raise ImproperlyConfigured("PORTAL_BASE_URL must be set in production, to the portal's https:// address.")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", PORTAL_BASE_URL)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
STORAGES = {
    **STORAGES,  # noqa: F405  (the documents' bucket, when set)
    "default": {"BACKEND": env("DEFAULT_FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Resident ID numbers must not be encrypted with a key derived from SECRET_KEY in production:
# rotating SECRET_KEY would make them unreadable.
for _name in ("RESIDENT_ID_ENCRYPTION_KEY", "RESIDENT_ID_HMAC_KEY"):
    if not env(_name):
        raise ImproperlyConfigured(f"{_name} must be set in production.")

# The audit chain's key lives outside the database, and its anchors in a store the database's administrators
# cannot rewrite (docs/audit.md). A short key could be guessed offline from any row, so it must be long.
for _name in ("AUDIT_HMAC_KEY", "AUDIT_ANCHOR_PATH"):
    if not env(_name):
        raise ImproperlyConfigured(f"{_name} must be set in production.")
if len(env("AUDIT_HMAC_KEY")) < 32:
    raise ImproperlyConfigured("AUDIT_HMAC_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`).")

# The broker needs a Redis of its own: the cache's evicts keys when full (allkeys-lru), and an evicted message is a
# lost delivery or receipt. So in production the broker never defaults to the cache (development's convenience).
# Eviction is a setting of the whole Redis server, so another database number on the same server is no way out.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "")


def _redis_server(url):
    parts = urlsplit(url)
    return parts.hostname, parts.port or 6379


if CELERY_BROKER_URL and REDIS_URL and _redis_server(CELERY_BROKER_URL) == _redis_server(REDIS_URL):
    raise ImproperlyConfigured(
        "CELERY_BROKER_URL must not be on the cache's Redis server (REDIS_URL): give the broker a Redis of its own "
        "with maxmemory-policy noeviction."
    )
if REDIS_URL and not CELERY_BROKER_URL and env("BACKGROUND_QUEUE") != "embedded":
    raise ImproperlyConfigured(  # before, REDIS_URL alone made the cache the broker: say what to do now
        "Set CELERY_BROKER_URL (a Redis of its own) for Celery workers, or BACKGROUND_QUEUE=embedded to run the "
        "background work with manage.py worker."
    )

# Hall staff and departments open what citizens upload: production scans every file (docs/deploy.md, "Uploads").
if not CLAMAV_ADDRESS:
    raise ImproperlyConfigured("CLAMAV_ADDRESS must be set in production: the address of clamd, to scan uploads.")

# People signing in through the platform are matched by resident ID number only: an e-mail address (what an empty
# claim would mean) could sign one person into another's account. And the platform must be asked for the number:
# without its scope it withholds the claim.
if OIDC_RP_CLIENT_ID and not OIDC_RESIDENT_ID_CLAIM:
    raise ImproperlyConfigured("OIDC_RESIDENT_ID_CLAIM must name the claim with the resident ID number in production.")
if OIDC_RP_CLIENT_ID and OIDC_RESIDENT_ID_SCOPE not in OIDC_RP_SCOPES.split():
    raise ImproperlyConfigured(
        f"OIDC_RP_SCOPES must include {OIDC_RESIDENT_ID_SCOPE!r} (OIDC_RESIDENT_ID_SCOPE), the scope that carries the "
        f"resident ID number (claim {OIDC_RESIDENT_ID_CLAIM!r})."
    )

MAILERS = {
    "default": {
        "BACKEND": env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": env("EMAIL_HOST", "localhost"),
            "port": int(env("EMAIL_PORT", "25")),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
        },
    }
}
