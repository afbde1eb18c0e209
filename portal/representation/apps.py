from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepresentationConfig(AppConfig):
    name = "portal.representation"
    label = "representation"
    verbose_name = _("Acting for someone")

    def ready(self):
        # The applications engine asks one pluggable policy who may act for whom; mandates answer it.
        from portal.applications.hooks import access_policy_register
        from portal.audit.labels import ACTION_LABELS

        from .policy import MandatePolicy
        from .services import AUDIT_LABELS

        access_policy_register(MandatePolicy())
        ACTION_LABELS.update(AUDIT_LABELS)  # how this app's look-ups read in the citizen's activity log
