from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistedConfig(AppConfig):
    name = "portal.assisted"
    label = "assisted"
    verbose_name = _("Assisted service and department workbench")

    def ready(self):
        # The applications engine asks its access policies who may act for whom; assist sessions answer too.
        from portal.applications.hooks import access_policy_register
        from portal.audit.labels import ACTION_LABELS

        from .policy import AssistPolicy
        from .services import AUDIT_LABELS

        access_policy_register(AssistPolicy())
        ACTION_LABELS.update(AUDIT_LABELS)  # how this app's audit events read in the citizen's activity log
