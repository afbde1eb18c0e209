import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]


def _run_manage(*args, **extra_env):
    env = {**os.environ, **extra_env}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _production(tmp_path):
    """What production requires to start."""
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 20 + "production-secret-key-for-the-check-" + "y" * 20,
        "RESIDENT_ID_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "RESIDENT_ID_HMAC_KEY": "hmac-key-for-the-check",
        "AUDIT_HMAC_KEY": "audit-key-for-the-deploy-check-0123456789",
        "AUDIT_ANCHOR_PATH": str(tmp_path / "audit-anchors.jsonl"),
        "ALLOWED_HOSTS": "portal.example.gov.cn",
    }


PLATFORM = {
    "OIDC_RP_CLIENT_ID": "portal",
    "OIDC_OP_ISSUER": "https://ids.example.gov.cn",
    "OIDC_OP_JWKS_ENDPOINT": "https://ids.example.gov.cn/jwks",
}


def test_production_settings_pass_the_deployment_check_with_no_warnings(tmp_path):
    result = _run_manage("check", "--deploy", "--fail-level", "WARNING", **_production(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_manage("check", DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_platform_that_is_not_asked_for_resident_id_numbers(tmp_path):
    """Without the scope the platform withholds the resident ID number, and nobody could be matched safely."""
    refused = _run_manage("check", **_production(tmp_path), **PLATFORM, OIDC_RP_SCOPES="openid profile email")
    by_email = _run_manage("check", **_production(tmp_path), **PLATFORM, OIDC_RESIDENT_ID_CLAIM="")
    started = _run_manage("check", **_production(tmp_path), **PLATFORM)  # the default scopes ask for it

    assert refused.returncode != 0
    assert "OIDC_RP_SCOPES must include 'id_number'" in refused.stderr
    assert by_email.returncode != 0
    assert "OIDC_RESIDENT_ID_CLAIM must name the claim" in by_email.stderr
    assert started.returncode == 0, started.stderr
