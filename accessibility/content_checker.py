"""Wagtail's built-in content checker (the userbar "Accessibility" item and the editor's "Checks" panel),
run with the same axe-core rule tags as the portal's own harness (tests/browser/axe.py), so an editor
sees in preview what the build would fail on."""

from wagtail.admin.userbar import ContentCheckerItem

# The axe-core tags every page must pass: WCAG 2.0, 2.1 and 2.2 A and AA, and best practice.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")


class PortalContentChecker(ContentCheckerItem):
    """Every rule with one of AXE_TAGS (Wagtail's default is a short list of rule ids). Wagtail's own extra
    rule on alt text that looks like a file name is tagged best-practice, so it runs too."""

    axe_run_only = list(AXE_TAGS)


def use_portal_content_checker(items):
    """Replace Wagtail's checker in a list of userbar items by ours, keeping where it runs (page or editor)."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PortalContentChecker):
            items[index] = PortalContentChecker(in_editor=item.in_editor)
