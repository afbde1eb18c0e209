"""The demo apart from production (issue 12, item 3): with PORTAL_DEMO off, no demo flow, register or back office
is importable from a URL. The portal is started for real in its own process, as production and as `make run` with
PORTAL_DEMO=0, and asked what it holds after every URL pattern is resolved and the system checks have run; the same
probe on the demo settings shows that it would see the demo if it were there. The demo's names are read from the
demo package's source, without importing it."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.production import production_environment

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "portal" / "demo"
INBOUND = "/connectors/inbound/demo-backoffice/status"  # where the simulated back office sends status updates

PROBE = f"""
import json, sys
import django
django.setup()
from django.apps import apps
from django.core.management import call_command, get_commands
from django.db import connection
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver, resolve

from portal.applications.registry import code_flow_definitions
from portal.connectors.models import ConnectorConfig
from portal.connectors.registry import connector_choices, prefill_choices

def walk(patterns):
    count = 0
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            count += walk(pattern.url_patterns)  # imports the included URL module and its views
        else:
            assert callable(pattern.callback)
            count += 1
    return count

patterns = walk(get_resolver().url_patterns)
call_command("check", stdout=open("/dev/null", "w"))
with connection.schema_editor() as editor:  # the one table the status webhook reads, empty
    editor.create_model(ConnectorConfig)
match = resolve("{INBOUND}")  # the view the URL reaches, asked without the middleware (no other tables)
inbound = match.func(RequestFactory().post("{INBOUND}", b"{{}}", content_type="application/json"),
                     *match.args, **match.kwargs).status_code
print(json.dumps({{
    "installed": apps.is_installed("portal.demo"),
    "patterns": patterns,
    "flows": sorted(code_flow_definitions()),
    "plugins": sorted(key for key, _label in connector_choices() + prefill_choices()),
    "commands": sorted(get_commands()),
    "inbound": inbound,
    "modules": sorted(name for name in sys.modules if name == "portal.demo" or name.startswith("portal.demo.")),
}}))
"""


def _demo_names():
    """What the demo package registers, read from its source: {decorator: {argument, ...}}."""
    names = {"register_flow": set(), "register": set(), "register_prefill": set()}
    for path in DEMO.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in names
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names[node.func.id].add(node.args[0].value)
    return names


DEMO_NAMES = _demo_names()
DEMO_FLOWS = DEMO_NAMES["register_flow"]
DEMO_PLUGINS = DEMO_NAMES["register"] | DEMO_NAMES["register_prefill"]
DEMO_COMMANDS = {path.stem for path in (DEMO / "management" / "commands").glob("*.py") if path.stem != "__init__"}

PRODUCTION = production_environment(ALLOWED_HOSTS="testserver")  # the probe gives AUDIT_ANCHOR_PATH


def probe(tmp_path, **settings_env):
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DATABASE_URL", "REDIS_URL", "PORTAL_DEMO", "DEBUG", "ALLOWED_HOSTS")
        and not name.startswith(("AUDIT_", "DJANGO_"))
    }
    env.update(
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
        MEDIA_ROOT=str(tmp_path / "media"),
        AUDIT_ANCHOR_PATH=str(tmp_path / "anchors.jsonl"),
        PYTHONPATH=str(ROOT),
        **settings_env,
    )
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_demo_package_names_what_it_registers():
    assert len(DEMO_FLOWS) >= 9 and "pension-certification" in DEMO_FLOWS
    assert DEMO_PLUGINS == {"demo", "demo-household", "demo-social-insurance"}
    assert DEMO_COMMANDS == {"load_demo_flows", "connectors_load_demo", "metrics_generate_demo"}


@pytest.mark.parametrize(
    "settings_env",
    [
        pytest.param(PRODUCTION, id="production"),
        pytest.param({"DJANGO_SETTINGS_MODULE": "portal.settings.dev", "PORTAL_DEMO": "0"}, id="make-run-without-demo"),
    ],
)
def test_with_the_demo_off_no_demo_flow_register_or_back_office_is_reachable(tmp_path, settings_env):
    seen = probe(tmp_path, **settings_env)

    assert seen["patterns"] > 50  # every URL pattern was resolved and its view imported
    assert not seen["installed"]
    assert not DEMO_FLOWS & set(seen["flows"])  # no demo form to apply with, nor to fall back on
    assert not DEMO_PLUGINS & set(seen["plugins"])
    assert not DEMO_COMMANDS & set(seen["commands"])  # nothing configures the demo back office's connector
    assert seen["inbound"] == 404  # the simulated back office's status updates find no connector
    assert seen["modules"] == []  # not even imported


def test_the_demo_settings_load_the_demo(tmp_path):
    """The same probe on `make run`'s settings sees all of it: the test above would notice the demo."""
    seen = probe(tmp_path, DJANGO_SETTINGS_MODULE="portal.settings.dev")

    assert seen["installed"]
    assert DEMO_FLOWS <= set(seen["flows"])
    assert DEMO_PLUGINS <= set(seen["plugins"])
    assert DEMO_COMMANDS <= set(seen["commands"])
    assert {"portal.demo.flows", "portal.demo.registers", "portal.demo.connector"} <= set(seen["modules"])


def test_the_simulated_back_office_runs_without_django():
    imports = "import sys, portal.demo.backoffice_sim; print(sorted(m for m in sys.modules if m.startswith('django')))"
    done = subprocess.run(
        [sys.executable, "-c", imports],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    helped = subprocess.run(
        [sys.executable, "-m", "portal.demo.backoffice_sim", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert helped.returncode == 0 and "--portal-url" in helped.stdout
