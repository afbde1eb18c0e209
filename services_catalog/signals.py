"""Cache invalidation only: any change to the catalogue drops every cached anonymous page."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from . import models
from .page_cache import invalidate_catalogue

CATALOGUE_SNIPPETS = (models.Department, models.Region, models.LifeEvent, models.ServiceHall, models.BundleVersion)


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender, **kwargs):
    invalidate_catalogue()


@receiver(post_save)
@receiver(post_delete)
def _snippet_changed(sender, **kwargs):
    if sender in CATALOGUE_SNIPPETS or issubclass(sender, Page):
        invalidate_catalogue()
