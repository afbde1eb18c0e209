"""Dependencies between the apps run one way and show at the top of each module: no function imports from
another app (the way a cycle used to be hidden), except in AppConfig.ready(), which Django requires for
registering with another app, and where an entry below says why. The direction itself is import-linter's
(`make lint`, [tool.importlinter] in pyproject.toml)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("portal", "services_catalog", "accessibility")

# (file, imported module): why it must be imported inside a function. Heavy optional libraries (WeasyPrint,
# qrcode) are not apps and need no entry; AppConfig.ready() needs none either.
ALLOWED = {}


def _apps():
    """The first-party apps: services_catalog, accessibility and every package directly under portal/."""
    packages = {f"portal.{path.parent.name}" for path in (ROOT / "portal").glob("*/__init__.py")}
    return packages | {"services_catalog", "accessibility"}


def _app_of(module, apps):
    parts = module.split(".")
    for length in (2, 1):
        if ".".join(parts[:length]) in apps:
            return ".".join(parts[:length])
    return None


def _module_of(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(node, module, is_package):
    """The modules an import statement in `module` names (for `from package import name`, package.name)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = (
        ".".join([*package[: len(package) - node.level + 1], *([node.module] if node.module else [])])
        if node.level
        else node.module
    )
    return [f"{base}.{alias.name}" for alias in node.names]


def _imports_in_functions(tree):
    """(import node, enclosing function, enclosing class or None) for every import inside a function body."""
    found = []

    def visit(node, function, klass):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, function, child if function is None else klass)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, function or child, klass)
            elif isinstance(child, ast.Import | ast.ImportFrom):
                if function is not None:
                    found.append((child, function, klass))
            else:
                visit(child, function, klass)

    visit(tree, None, None)
    return found


def _in_app_config_ready(function, klass):
    return (
        function.name == "ready"
        and klass is not None
        and any(
            (base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")) == "AppConfig"
            for base in klass.bases
        )
    )


def _cross_app_imports_in_functions():
    apps = _apps()
    found = []
    for source in SOURCES:
        for path in sorted((ROOT / source).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = _module_of(path)
            own = _app_of(module, apps)
            for node, function, klass in _imports_in_functions(ast.parse(path.read_text(), str(path))):
                if _in_app_config_ready(function, klass):
                    continue
                for imported in _imported(node, module, path.name == "__init__.py"):
                    other = _app_of(imported, apps)
                    if other is not None and other != own:
                        found.append((path.relative_to(ROOT).as_posix(), node.lineno, function.name, imported))
    return found


def _matches(entry, path, imported):
    allowed_path, module = entry
    return path == allowed_path and (imported == module or imported.startswith(module + "."))


def test_no_function_imports_from_another_app():
    offenders = [
        f"{path}:{line} {function}() imports {imported}"
        for path, line, function, imported in _cross_app_imports_in_functions()
        if not any(_matches(entry, path, imported) for entry in ALLOWED)
    ]
    assert not offenders, (
        "import these at the top of the module; if that makes a cycle, the dependency runs the "
        "wrong way (see portal/applications/hooks.py):\n" + "\n".join(offenders)
    )


def test_every_allowed_import_in_a_function_is_still_there():
    found = _cross_app_imports_in_functions()
    stale = [
        entry
        for entry in ALLOWED
        if not any(_matches(entry, path, imported) for path, _line, _function, imported in found)
    ]
    assert not stale, f"no longer imported in a function: remove from ALLOWED: {stale}"


def test_the_check_sees_an_import_hidden_in_a_function():
    tree = ast.parse(
        "class C(AppConfig):\n    def ready(self):\n        from portal.audit import labels\n\n"
        "def f():\n    from ..connectors import services\n"
    )
    (ready, in_ready, klass), (relative, in_f, _none) = _imports_in_functions(tree)
    assert _in_app_config_ready(in_ready, klass) and in_f.name == "f"
    assert _imported(relative, "portal.applications.services", False) == ["portal.connectors.services"]
    assert _app_of("portal.connectors.services.deliveries_create", _apps()) == "portal.connectors"
    assert _app_of("portal.connectors.services", _apps()) == "portal.connectors"
