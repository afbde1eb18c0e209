"""Bulk writes without per-save index churn.

Every save of a page updates Wagtail's search index and reference index; building one page through
`service_page_upsert` saves it several times (create, revision, publish), and a translation more.
While demo data is written those automatic updates are switched off, and the written pages are then
indexed once each, in bulk, with the same search backends and the same indexed objects Wagtail uses.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db.models.signals import post_save
from django.test.utils import override_settings
from modelsearch import signal_handlers as search_signal_handlers
from wagtail.models import ReferenceIndex
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..models import ServicePage


def _search_backends_setting():
    return {name: {**params, "AUTO_UPDATE": False} for name, params in settings.WAGTAILSEARCH_BACKENDS.items()}


@contextmanager
def _search_save_handlers_disconnected():
    """With automatic updates off, the search save handler still loads each saved object to find that no
    backend wants it; leave it out altogether while the writes run."""
    handler = search_signal_handlers.post_save_signal_handler
    models = [model for model in index.get_indexed_models() if post_save.disconnect(handler, sender=model)]
    try:
        yield
    finally:
        for model in models:
            post_save.connect(handler, sender=model)


@contextmanager
def deferred_indexing():
    """Inside: saves update neither the search index nor the reference index."""
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=_search_backends_setting()),
        disable_reference_index_auto_update(),
        _search_save_handlers_disconnected(),
    ):
        yield


def pages_index(page_ids, *, references=True):
    """Index these service pages once: search backends that update automatically, and the reference index
    (which lists where departments, regions, halls and life events are used)."""
    if not page_ids:
        return
    pages = list(ServicePage.get_indexed_objects().filter(pk__in=list(page_ids)))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ServicePage, pages)
    if references:
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)


def snippets_index(model, objects):
    """Index these snippets (departments, regions, life events, halls) for search, in bulk."""
    if objects:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, list(objects))
