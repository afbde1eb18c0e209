import json
import os
import subprocess
import sys
from pathlib import Path

from tests.production import production_environment

ROOT = Path(__file__).resolve().parents[2]


def _run_manage(*args, **extra_env):
    env = {**os.environ, **extra_env}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _production(tmp_path):
    return production_environment(AUDIT_ANCHOR_PATH=str(tmp_path / "audit-anchors.jsonl"))


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


def test_production_refuses_to_start_without_the_portal_s_https_address(tmp_path):
    """Every receipt's QR code and every link in a text or an e-mail would point at 127.0.0.1."""
    for value in ("", "http://portal.example.gov.cn"):
        result = _run_manage("check", **{**_production(tmp_path), "PORTAL_BASE_URL": value})
        assert result.returncode != 0
        assert "PORTAL_BASE_URL must be set in production" in result.stderr


def _database_settings(url):
    script = "import json; from django.conf import settings; print(json.dumps(settings.DATABASES['default']))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_database_url_s_options_reach_the_driver():
    """?sslmode= and friends were dropped before: a production database over TLS would silently not verify."""
    url = "postgres://portal:p%40ss@db.internal:6432/portal?sslmode=verify-full&sslrootcert=/etc/ssl/pg-ca.pem"
    database = _database_settings(url)
    plain = _database_settings("postgres://portal@db.internal/portal")

    assert database["OPTIONS"] == {"sslmode": "verify-full", "sslrootcert": "/etc/ssl/pg-ca.pem", "connect_timeout": 5}
    assert (database["HOST"], database["PORT"], database["PASSWORD"]) == ("db.internal", 6432, "p@ss")
    assert plain["OPTIONS"] == {"connect_timeout": 5} and plain["NAME"] == "portal"


def test_celery_workers_run_with_the_production_settings_unless_told_otherwise():
    env = {key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY")}
    result = subprocess.run(
        [sys.executable, "-c", "import django, portal.celery; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "SECRET_KEY must be set in production" in result.stderr


def test_production_refuses_to_start_without_a_virus_scanner(tmp_path):
    result = _run_manage("check", **{**_production(tmp_path), "CLAMAV_ADDRESS": ""})
    assert result.returncode != 0
    assert "CLAMAV_ADDRESS must be set in production" in result.stderr


def test_production_logs_json_by_default(tmp_path):
    script = "from django.conf import settings; print(settings.LOG_FORMAT)"
    result = _run_manage("shell", "-c", script, **_production(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "json"


def test_production_keeps_the_broker_off_the_cache_s_redis(tmp_path):
    """The cache evicts when full (allkeys-lru), for the whole server; a queued delivery must not be what it evicts."""
    cache = "redis://cache.internal:6379/0"
    production = {**_production(tmp_path), "REDIS_URL": cache}
    same_server = _run_manage("check", **production, CELERY_BROKER_URL="redis://cache.internal:6379/1")
    unsaid = _run_manage("check", **{**production, "BACKGROUND_QUEUE": ""})
    own = _run_manage("check", **production, CELERY_BROKER_URL="redis://broker.internal:6379/0")

    assert same_server.returncode != 0 and "must not be on the cache's Redis server" in same_server.stderr
    assert unsaid.returncode != 0 and "Set CELERY_BROKER_URL" in unsaid.stderr
    assert own.returncode == 0, own.stderr
