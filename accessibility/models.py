from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .editing import RICH_TEXT_FEATURES
from .preferences import TEXT_SIZE_LABELS


class DisplaySettings(models.Model):
    """A signed-in person's text size and contrast, so they follow them to any device (elder mode is on the
    user). Written by accessibility.services.display_preferences_save only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="display_settings",
        verbose_name=_("user"),
    )
    text_size = models.CharField(
        _("text size"),
        max_length=12,
        blank=True,
        choices=list(TEXT_SIZE_LABELS.items()),
        help_text=_("Empty: the default size for the display mode."),
    )
    high_contrast = models.BooleanField(_("high contrast"), default=False)

    class Meta:
        verbose_name = _("display settings")
        verbose_name_plural = _("display settings")

    def __str__(self):
        return str(self.user)


class AccessibilityStatementPage(Page):
    """The accessibility statement, kept by editors: the standard met, known limitations, how to report
    a problem and when the portal was last tested."""

    standard = models.CharField(
        _("standard met"),
        max_length=200,
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
