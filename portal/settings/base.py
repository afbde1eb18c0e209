"""Settings shared by every environment. Every value that differs between machines comes from the
environment; dev.py, test.py and production.py only choose defaults."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.log_format import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")  # dev.py and test.py give a default; production refuses to start without
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.accounts",
    "portal.audit",
    "portal.background",
    "portal.representation",
    "portal.applications",
    "portal.connectors",
    "portal.staff",
    "portal.appointments",
    "portal.ratings",
    "portal.metrics",
    "portal.assisted",
    "portal.bundles",
    "accessibility",
    "services_catalog",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_email",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "portal.monitoring.RequestMetricsMiddleware",
    "portal.audit.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.accounts.otp.RequireOTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.accounts.session_limits.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "accessibility.middleware.DisplayPreferencesMiddleware",
    "services_catalog.page_cache.AnonymousPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "accessibility.context_processors.display_preferences",
                "portal.representation.context_processors.acting_for",
                "portal.accounts.session_limits.session_limits",
            ],
            "builtins": ["portal.templatetags.portal_format", "portal.templatetags.portal_tags"],
        },
    },
]

# Database: SQLite when DATABASE_URL is unset, PostgreSQL when it is set. The URL is parsed by dj-database-url,
# so its query string reaches the driver: postgres://…/portal?sslmode=verify-full&sslrootcert=/etc/…
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    import dj_database_url

    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=int(env("DB_CONN_MAX_AGE", "60")), conn_health_checks=True
        )
    }
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", int(env("DB_CONNECT_TIMEOUT", "5")))
else:
    # Several people at once on the embedded database (`make run`): readers never wait for a writer (WAL), a
    # writer waits its turn for up to SQLITE_TIMEOUT seconds, and a transaction takes the write lock when it
    # begins (IMMEDIATE), so that it queues instead of failing at once with "database is locked" when a read
    # turns into a write. Past the timeout the citizen gets the "portal is busy" page (portal/views.py), not a 500.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                "timeout": int(env("SQLITE_TIMEOUT", "20")),
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, process memory otherwise.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": 3600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# How long an anonymous catalogue page is kept; publishing empties the cache at once anyway.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["portal.accounts.backends.PhoneOrEmailBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/sign-in/"
# Two-factor sign-in (django-otp): mandatory for staff, optional for citizens (portal/accounts/otp.py).
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Shandong government services")
OTP_EMAIL_SUBJECT = "Your security code"
# Guessing passwords and codes: this many failures per account, and per IP address, in the window.
THROTTLE_PER_ACCOUNT = int(env("THROTTLE_PER_ACCOUNT", "5"))
THROTTLE_PER_IP = int(env("THROTTLE_PER_IP", "30"))
THROTTLE_WINDOW_SECONDS = int(env("THROTTLE_WINDOW_SECONDS", "900"))
# How many proxies (load balancers) in front of the portal append the client's address to X-Forwarded-For;
# 0 when clients connect directly. The per-address counters and logs use the address these proxies saw.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
# Sessions end after this long idle, or this long after sign-in; pages warn before the second, with a
# "Stay signed in" button (portal/accounts/session_limits.py). No client-side time limit.
SESSION_IDLE_SECONDS = int(env("SESSION_IDLE_SECONDS", str(30 * 60)))
SESSION_ABSOLUTE_SECONDS = int(env("SESSION_ABSOLUTE_SECONDS", str(12 * 3600)))
SESSION_WARN_SECONDS = int(env("SESSION_WARN_SECONDS", str(10 * 60)))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
# Sessions in the database by default; django.contrib.sessions.backends.cache (Redis) for many web nodes.
SESSION_ENGINE = env("SESSION_ENGINE", "django.contrib.sessions.backends.db")
ASSIST_SESSION_MAX_HOURS = int(env("ASSIST_SESSION_MAX_HOURS", "10"))  # an assist session left open ends then
# The province's unified identity platform (统一身份认证) over OpenID Connect: on when OIDC_RP_CLIENT_ID is set
# (portal/accounts/oidc.py). Resident ID numbers in its claims sign people into their existing accounts.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
# The scope under which the platform releases the resident ID number (claim OIDC_RESIDENT_ID_CLAIM); asked for by
# default. With the claim set, people are matched by resident ID only, never by e-mail (portal/accounts/oidc.py).
OIDC_RESIDENT_ID_SCOPE = env("OIDC_RESIDENT_ID_SCOPE", "id_number")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", f"openid profile email {OIDC_RESIDENT_ID_SCOPE}")
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER")  # the ID token's `iss` must be exactly this
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT")
OIDC_OP_LOGOUT_ENDPOINT = env("OIDC_OP_LOGOUT_ENDPOINT")  # end_session_endpoint: signing out ends both sessions
OIDC_RESIDENT_ID_CLAIM = env("OIDC_RESIDENT_ID_CLAIM", "id_number")
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_callback"  # one URL, outside the language prefixes
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_TIMEOUT = int(env("OIDC_TIMEOUT", "10"))
LOGIN_REDIRECT_URL = "/apply/mine/"
if OIDC_RP_CLIENT_ID and not (OIDC_OP_ISSUER and OIDC_OP_JWKS_ENDPOINT):
    raise ImproperlyConfigured("OIDC_OP_ISSUER and OIDC_OP_JWKS_ENDPOINT must be set with OIDC_RP_CLIENT_ID.")
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "portal.accounts.oidc.UnifiedIdentityBackend"]
# Resident ID numbers: encrypted with this key (Fernet, urlsafe base64 of 32 bytes) and looked up by
# an HMAC with the second. Derived from SECRET_KEY when unset, which production does not allow.
RESIDENT_ID_ENCRYPTION_KEY = env("RESIDENT_ID_ENCRYPTION_KEY")
RESIDENT_ID_HMAC_KEY = env("RESIDENT_ID_HMAC_KEY")
# Uploads are checked by ClamAV's daemon (portal/applications/scanning.py): "host:port" or a socket path; unset,
# nothing is scanned. When it cannot be reached, uploads are refused unless UPLOAD_SCAN_FAIL_OPEN is on.
CLAMAV_ADDRESS = env("CLAMAV_ADDRESS", "")
# Prometheus (portal/monitoring.py): /metrics answers only with this bearer token; counters of several worker
# processes are added up in PROMETHEUS_MULTIPROC_DIR (prometheus_client reads the same variable).
METRICS_TOKEN = env("METRICS_TOKEN", "")
PROMETHEUS_MULTIPROC_DIR = env("PROMETHEUS_MULTIPROC_DIR", "")
CLAMAV_TIMEOUT = float(env("CLAMAV_TIMEOUT", "30"))
UPLOAD_SCAN_FAIL_OPEN = env_bool("UPLOAD_SCAN_FAIL_OPEN", False)
# Encryption keys retired by a rotation, comma-separated: still read, never written (portal/accounts/crypto.py).
RESIDENT_ID_ENCRYPTION_RETIRED_KEYS = env_list("RESIDENT_ID_ENCRYPTION_RETIRED_KEYS")
# The audit chain (docs/audit.md): every event is keyed with AUDIT_HMAC_KEY (HMAC-SHA256; derived from SECRET_KEY
# when unset, which production does not allow). Keys retired by a rotation stay listed, comma-separated, oldest
# first, so the events they signed still verify. The chain's head is anchored every AUDIT_ANCHOR_SECONDS
# (portal/background/jobs.py) to the "portal.audit.anchor" log and appended to AUDIT_ANCHOR_PATH, a file the
# database's administrators cannot rewrite; empty means the log stream only.
AUDIT_HMAC_KEY = env("AUDIT_HMAC_KEY")
AUDIT_HMAC_RETIRED_KEYS = env_list("AUDIT_HMAC_RETIRED_KEYS")
AUDIT_ANCHOR_PATH = env("AUDIT_ANCHOR_PATH", str(BASE_DIR / "var" / "audit-anchors.jsonl"))

# Languages: Simplified Chinese first and default, English second.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_SECURE = False
TIME_ZONE = env("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Content-Security-Policy: nothing inline, nothing from elsewhere.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

WAGTAIL_SITE_NAME = _("Provincial one-stop government services")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search (FTS5 on SQLite, tsvector on PostgreSQL). Service pages are indexed as words
# already segmented and stemmed (services_catalog/search_text.py), so PostgreSQL's "simple" configuration
# keeps them as they are and both databases match the same words.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "AUTO_UPDATE": True,
        "SEARCH_CONFIG": "simple",
    }
}
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000

MAILERS = {"default": {"BACKEND": env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "noreply@portal.example.gov.cn")

# Logs: one line per record with the request id; LOG_FORMAT "json" (production's default) or "plain".
LOG_FORMAT = env("LOG_FORMAT", "plain")
LOGGING = logging_config(log_format=LOG_FORMAT, level=env("LOG_LEVEL", "INFO"))

# The province this portal serves (Shandong: 16 prefecture-level cities).
PORTAL_PROVINCE_CODE = "370000"
PORTAL_HELP_PHONE = env("PORTAL_HELP_PHONE", "12345")
# The address the portal is reached at, for links in receipts (QR codes), texts and e-mails.
PORTAL_BASE_URL = env("PORTAL_BASE_URL", WAGTAILADMIN_BASE_URL).rstrip("/")
# The class that sends text messages (sign-in codes, status changes): send(*, phone, message).
PORTAL_SMS_SENDER = env("PORTAL_SMS_SENDER", "portal.accounts.sms.ConsoleSmsSender")
# The demo's known accounts, flows, registers and back office (dev.py turns it on; never in production). The demo
# app (portal/demo/: its flows, registers, simulated back office, metrics and commands) is installed only with it.
PORTAL_DEMO = env_bool("PORTAL_DEMO", False)
DEMO_APP = "portal.demo"
INSTALLED_APPS += [DEMO_APP] if PORTAL_DEMO else []

# Applications: a draft untouched this long is deleted, after a reminder this many days before; uploads and
# receipts are kept in this storage (an alias of STORAGES).
APPLICATION_DRAFT_RETENTION_DAYS = int(env("APPLICATION_DRAFT_RETENTION_DAYS", "90"))
APPLICATION_DRAFT_REMINDER_DAYS = int(env("APPLICATION_DRAFT_REMINDER_DAYS", "14"))
# Citizens' documents and receipts in an S3-compatible bucket when DOCUMENTS_S3_BUCKET is set (django-storages):
# private, never listed, read only through links the bucket signs for a minute (applications/downloads.py).
DOCUMENTS_S3_BUCKET = env("DOCUMENTS_S3_BUCKET")
if DOCUMENTS_S3_BUCKET:
    STORAGES["documents"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": DOCUMENTS_S3_BUCKET,
            "endpoint_url": env("DOCUMENTS_S3_ENDPOINT_URL"),  # None: AWS itself
            "region_name": env("DOCUMENTS_S3_REGION"),
            "access_key": env("DOCUMENTS_S3_ACCESS_KEY_ID"),
            "secret_key": env("DOCUMENTS_S3_SECRET_ACCESS_KEY"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
            "addressing_style": env("DOCUMENTS_S3_ADDRESSING_STYLE", "path"),
            "signature_version": "s3v4",
        },
    }
APPLICATION_STORAGE_ALIAS = env("APPLICATION_STORAGE_ALIAS", "documents" if DOCUMENTS_S3_BUCKET else "default")

# Appointments at service halls: slot length, people per slot by kind, bookings a citizen may hold at once,
# and how many days ahead slots are published.
APPOINTMENT_SLOT_MINUTES = int(env("APPOINTMENT_SLOT_MINUTES", "30"))
APPOINTMENT_CAPACITY = {
    "in_person": int(env("APPOINTMENT_CAPACITY_IN_PERSON", "4")),
    "assisted": int(env("APPOINTMENT_CAPACITY_ASSISTED", "2")),
}
APPOINTMENT_MAX_ACTIVE = int(env("APPOINTMENT_MAX_ACTIVE", "3"))
APPOINTMENT_BOOKING_DAYS = int(env("APPOINTMENT_BOOKING_DAYS", "14"))

# Public performance figures: the window they cover, and the fewest cases a figure is published for (fewer
# could identify a person).
METRICS_PUBLIC_WINDOW_DAYS = int(env("METRICS_PUBLIC_WINDOW_DAYS", "90"))
METRICS_PUBLIC_MINIMUM = int(env("METRICS_PUBLIC_MINIMUM", "10"))

# Connectors to department back offices. A delivery attempt holds its row for the lease; a worker killed
# mid-attempt frees it when the lease runs out. Backoff: base * 2 ** (attempt - 1), capped, with full jitter.
# Past MAX_ATTEMPTS or MAX_AGE a delivery is dead and an operator is told. The HTTP time-out must stay well
# below the lease. Inbound status updates are refused when their timestamp is further than the window from
# our clock. Extra connector plugins: dotted module paths, comma-separated.
CONNECTORS_LEASE_SECONDS = float(env("CONNECTORS_LEASE_SECONDS", "120"))
CONNECTORS_BACKOFF_BASE_SECONDS = float(env("CONNECTORS_BACKOFF_BASE_SECONDS", "10"))
CONNECTORS_BACKOFF_CAP_SECONDS = float(env("CONNECTORS_BACKOFF_CAP_SECONDS", "3600"))
CONNECTORS_MAX_ATTEMPTS = int(env("CONNECTORS_MAX_ATTEMPTS", "15"))
CONNECTORS_MAX_AGE_SECONDS = float(env("CONNECTORS_MAX_AGE_SECONDS", str(3 * 24 * 3600)))
CONNECTORS_POLL_SECONDS = float(env("CONNECTORS_POLL_SECONDS", "2"))
CONNECTORS_BATCH = int(env("CONNECTORS_BATCH", "10"))
CONNECTORS_SWEEP_SECONDS = float(env("CONNECTORS_SWEEP_SECONDS", "30"))
CONNECTORS_WEBHOOK_WINDOW_SECONDS = float(env("CONNECTORS_WEBHOOK_WINDOW_SECONDS", "300"))
CONNECTORS_HTTP_TIMEOUT_SECONDS = float(env("CONNECTORS_HTTP_TIMEOUT_SECONDS", "20"))
CONNECTORS_PREFILL_TIMEOUT_SECONDS = float(env("CONNECTORS_PREFILL_TIMEOUT_SECONDS", "5"))
CONNECTORS_PLUGIN_MODULES = env_list("CONNECTORS_PLUGIN_MODULES")

# Background work (portal/background/jobs.py): Celery when a broker is configured, the embedded worker
# otherwise; BACKGROUND_QUEUE ("celery" or "embedded") overrides. A task's countdown stays below the broker's
# visibility timeout. How often the missed-receipts sweep and the audit anchor run.
CELERY_BROKER_URL = env("CELERY_BROKER_URL") or REDIS_URL
CELERY_VISIBILITY_TIMEOUT = int(env("CELERY_VISIBILITY_TIMEOUT", "3600"))
BACKGROUND_QUEUE = env("BACKGROUND_QUEUE")
RECEIPTS_SWEEP_SECONDS = float(env("RECEIPTS_SWEEP_SECONDS", "3"))
AUDIT_ANCHOR_SECONDS = float(env("AUDIT_ANCHOR_SECONDS", "300"))
