"""Run the current axe-core (vendored, see static/vendor/axe-core/README.md) in the browser and report its
violations readably. Every violation of a rule with one of AXE_TAGS fails; nothing is ignored here."""

import json
from dataclasses import dataclass
from pathlib import Path

from axe_selenium_python import Axe

from accessibility.content_checker import AXE_TAGS  # one list: the editors' checker in Wagtail uses it too

AXE_VERSION = "4.14.1"
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe-core" / AXE_VERSION / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": list(AXE_TAGS)},
    # Only violations carry node details; passes and "needs review" are counted, not described.
    "resultTypes": ["violations"],
}


@dataclass(frozen=True)
class Violation:
    where: str  # the page and state, e.g. "service page [en, elder mode] /en/services/x/"
    rule: str
    impact: str
    help: str
    help_url: str
    nodes: tuple  # ((target selector, what is wrong), ...)

    @classmethod
    def from_axe(cls, result, where):
        nodes = tuple((" ".join(_target(part) for part in node["target"]), _summary(node)) for node in result["nodes"])
        return cls(
            where=where,
            rule=result["id"],
            impact=result.get("impact") or "unknown",
            help=result["help"],
            help_url=result["helpUrl"].split("?")[0],
            nodes=nodes,
        )

    def describe(self):
        lines = [f"- {self.rule} ({self.impact}): {self.help} [{len(self.nodes)} element(s)] {self.help_url}"]
        for target, summary in self.nodes:
            lines.append(f"    {target}")
            if summary:
                lines.append(f"      {summary}")
        return "\n".join(lines)


def _target(part):
    # Targets inside shadow DOM or iframes come as lists of selectors.
    return " >>> ".join(part) if isinstance(part, list) else part


def _summary(node):
    """The element's HTML, then what is wrong with it, on one line."""
    html = " ".join((node.get("html") or "").split())
    html = html if len(html) <= 120 else html[:117] + "..."
    lines = [line.strip() for line in (node.get("failureSummary") or "").splitlines()]
    reasons = "; ".join(line for line in lines if line and not line.startswith("Fix "))
    reasons = reasons if len(reasons) <= 300 else reasons[:297] + "..."
    return f"{html} | {reasons}" if html else reasons


def axe_check(driver, where):
    """Run axe on the page the browser shows; returns the violations as a list of Violation."""
    axe = Axe(driver, script_url=str(AXE_SCRIPT))
    axe.inject()
    results = axe.run(options=json.dumps(AXE_OPTIONS))
    if results is None or "violations" not in results:
        raise RuntimeError(f"axe did not run on {where}: {results!r}")
    ran = results.get("testEngine", {}).get("version")
    if ran != AXE_VERSION:
        raise RuntimeError(f"expected axe-core {AXE_VERSION} on {where}, ran {ran}")
    if results.get("toolOptions", {}).get("runOnly", {}).get("values") != list(AXE_TAGS):
        raise RuntimeError(f"axe ignored the runOnly tags on {where}: {results.get('toolOptions')}")
    return [Violation.from_axe(result, where) for result in results["violations"]]


def axe_report(violations):
    """Violations grouped by page and state, one rule per item with its elements."""
    if not violations:
        return "No accessibility violations."
    rules = {violation.rule for violation in violations}
    places = list(dict.fromkeys(violation.where for violation in violations))
    lines = [
        f"axe-core {AXE_VERSION} found {len(violations)} violation(s) of {len(rules)} rule(s) "
        f"({', '.join(sorted(rules))}) on {len(places)} page state(s), tags {', '.join(AXE_TAGS)}:"
    ]
    for where in places:
        lines.append(f"\n{where}")
        lines.extend(violation.describe() for violation in violations if violation.where == where)
    return "\n".join(lines)


def assert_no_violations(violations):
    __tracebackhide__ = True
    if violations:
        raise AssertionError(axe_report(violations))
