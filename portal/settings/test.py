from .base import *  # noqa: F403
from .base import DEMO_APP, INSTALLED_APPS, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", "test-only-secret-key")  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; never in production
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WHITENOISE_AUTOREFRESH = True  # serve from the finders: tests do not run collectstatic
# Background work runs where a test asks for it (the worker's jobs, or a real Celery worker in the tests
# that start one), never by publishing to whatever broker REDIS_URL names.
BACKGROUND_QUEUE = env("BACKGROUND_QUEUE", "embedded")
# Audit anchors go to the log only: a shared file would outlive each test's database. Tests of anchoring name a
# file under tmp_path.
AUDIT_ANCHOR_PATH = env("AUDIT_ANCHOR_PATH", "")
# The tests use the demo's flows, registers and back office, so the demo app is installed; the demo's known
# accounts stay refused (PORTAL_DEMO off) unless a test turns them on. tests/portal/test_demo_apart.py runs the
# portal without the demo.
if DEMO_APP not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, DEMO_APP]
