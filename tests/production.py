"""What the production settings require to start, for the tests that start the portal with them (each refusal is
tested in tests/portal/test_settings.py): one list, so that a new requirement is added here once."""

from cryptography.fernet import Fernet


def production_environment(**changes):
    """The environment variables production needs, with `changes` on top (AUDIT_ANCHOR_PATH is the caller's: a
    file of its own test's)."""
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 20 + "production-secret-key-for-the-tests-" + "y" * 20,
        "RESIDENT_ID_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "RESIDENT_ID_HMAC_KEY": "hmac-key-for-the-tests",
        "AUDIT_HMAC_KEY": "audit-key-for-the-tests-0123456789abcdef",
        "ALLOWED_HOSTS": "portal.example.gov.cn",
        "PORTAL_BASE_URL": "https://portal.example.gov.cn",
        "CLAMAV_ADDRESS": "127.0.0.1:3310",
        "BACKGROUND_QUEUE": "embedded",
        **changes,
    }
