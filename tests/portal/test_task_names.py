"""Services publish Celery tasks by name (portal.background.broker.publish), so a name is only a string to them:
every name published must be a task the worker knows, or the work would wait for the periodic sweep."""

import ast
from pathlib import Path

from portal.background.broker import app

ROOT = Path(__file__).resolve().parents[2]


def _published_names():
    names = set()
    for path in (ROOT / "portal").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "publish":
                assert node.args and isinstance(node.args[0], ast.Constant), f"{path}:{node.lineno}: publish a name"
                names.add(node.args[0].value)
    return names


def test_every_task_published_by_name_is_one_the_worker_loads():
    published = _published_names()
    assert {"applications.receipt_render", "connectors.delivery_send"} <= published
    app.loader.import_default_modules()  # what a worker does at start: the tasks modules of the listed apps
    assert published <= set(app.tasks), f"no such task: {sorted(published - set(app.tasks))}"
