"""Append-only audit events, chained by hashes keyed with a secret kept outside the database (services.py).
A row is written once, through services.audit_record, and never changed: save() refuses an existing row,
delete() refuses always, and the queryset has no update or delete."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditImmutable(Exception):
    pass


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditImmutable("audit events are never updated")

    def delete(self):
        raise AuditImmutable("audit events are never deleted")


class AuditEvent(models.Model):
    created_at = models.DateTimeField(_("when"))
    # Plain ids, not foreign keys: deleting an account must not rewrite (or break) the chain.
    actor_id = models.BigIntegerField(_("actor"), null=True, blank=True, db_index=True)
    actor_name = models.CharField(max_length=100, blank=True)
    on_behalf_of_id = models.BigIntegerField(_("on behalf of"), null=True, blank=True, db_index=True)
    action = models.CharField(_("action"), max_length=60)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    details = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)  # HMAC-SHA256 under the key named by key_id (services.py)
    key_id = models.CharField(max_length=16, blank=True, default="")  # a fingerprint of the key, never the key

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditImmutable("audit events are never updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditImmutable("audit events are never deleted")
