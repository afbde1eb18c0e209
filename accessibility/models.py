from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link"]


class AccessibilityStatementPage(Page):
    """The accessibility statement, kept by editors: the standard met, known limitations, how to report
    a problem and when the portal was last tested."""

    standard = models.CharField(
        _("standard met"), max_length=200,
        default="WCAG 2.2 AA; GB/T 37668-2019; MIIT elder-friendly web specification (2021)",
    )
    compliance_summary = RichTextField(_("how accessible this portal is"), features=RICH_TEXT_FEATURES)
    known_limitations = RichTextField(_("known limitations"), features=RICH_TEXT_FEATURES, blank=True)
    how_to_report = RichTextField(_("how to report a problem"), features=RICH_TEXT_FEATURES)
    contact_phone = models.CharField(_("phone for accessibility problems"), max_length=40, blank=True)
    contact_email = models.EmailField(_("e-mail for accessibility problems"), blank=True)
    last_tested = models.DateField(_("date of the last test"))
    test_method = models.TextField(_("how it was tested"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("standard"),
        FieldPanel("compliance_summary"),
        FieldPanel("known_limitations"),
        FieldPanel("how_to_report"),
        FieldPanel("contact_phone"),
        FieldPanel("contact_email"),
        FieldPanel("last_tested"),
        FieldPanel("test_method"),
    ]
    parent_page_types = ["services_catalog.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "accessibility/statement_page.html"

    class Meta:
        verbose_name = _("accessibility statement")
