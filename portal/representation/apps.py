from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepresentationConfig(AppConfig):
    name = "portal.representation"
    label = "representation"
    verbose_name = _("Acting for someone")

    def ready(self):
        # The applications engine asks one pluggable policy who may act for whom; mandates answer it.
        from portal.applications.selectors import access_policy_register

        from .policy import MandatePolicy

        access_policy_register(MandatePolicy())
