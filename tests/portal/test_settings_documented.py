"""One way to read configuration: every knob is an environment variable read in portal/settings/, listed in
the table of docs/deploy.md, and used in the code as settings.NAME."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "portal" / "settings"
CODE = [ROOT / "portal", ROOT / "services_catalog", ROOT / "accessibility"]

# The places that may still read the environment, and why.
ENVIRONMENT_READERS = {
    "portal/wsgi.py": "chooses the settings module before there are settings",
    "portal/celery.py": "chooses the settings module before there are settings",
    "portal/connectors/base.py": "a connector's secret, in the environment variable its configuration names",
    "portal/demo/backoffice_sim.py": "the simulated back office is a process of its own, without Django",
    "portal/audit/migrations/0003_rechain_with_key.py": "an operator's one-off consent, asked for by the migration",
}


def _settings_variables():
    names = set()
    for path in SETTINGS.glob("*.py"):
        names |= set(re.findall(r'\benv(?:_bool|_list)?\("([A-Z0-9_]+)"', path.read_text()))
    return names


def _documented_variables():
    text = (ROOT / "docs" / "deploy.md").read_text()
    table = text[text.index("## Settings") :]
    table = table[: table.index("\n## ", 1)]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1])}


def _python_files():
    for top in CODE:
        for path in top.rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if not relative.startswith("portal/settings/"):
                yield relative, path


def _reads_configuration(tree):
    """Lines that read the environment, or a setting through getattr with a default."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in {"environ", "getenv"}
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
        ):
            yield node.lineno, "os." + node.attr
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id == "settings"
        ):
            yield node.lineno, "getattr(settings, …)"


def test_every_environment_variable_of_the_settings_is_in_the_deploy_table():
    missing = _settings_variables() - _documented_variables()
    assert not missing, f"not in docs/deploy.md's settings table: {sorted(missing)}"


def test_the_deploy_table_names_only_variables_the_settings_read():
    unknown = _documented_variables() - _settings_variables() - {"DJANGO_SETTINGS_MODULE"}
    assert not unknown, f"in docs/deploy.md but read nowhere: {sorted(unknown)}"


def test_the_code_reads_configuration_only_as_settings_attributes():
    offenders = []
    for relative, path in _python_files():
        if relative in ENVIRONMENT_READERS:
            continue
        offenders += [f"{relative}:{line} {what}" for line, what in _reads_configuration(ast.parse(path.read_text()))]
    assert not offenders, "read configuration in settings/base.py and use settings.NAME:\n" + "\n".join(offenders)
