"""Mandates (代办): a principal lets an agent act for them, for all services or listed ones, for a time."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Relationship(models.TextChoices):
    """Who the PRINCIPAL is to the AGENT: the person asking to act answers "they are your: parent, ...", about the
    other person. Stored once, from the agent's side (`Mandate.relationship`); the principal sees the inverse
    (INVERSE: parent and child, grandparent and grandchild; spouse, sibling and the rest are the same both ways).
    Before migration 0003 the value said who the agent was to the principal; 0003 turned the stored values round."""

    PARENT = "parent", _("Parent")
    CHILD = "child", _("Son or daughter")
    SPOUSE = "spouse", _("Husband or wife")
    SIBLING = "sibling", _("Brother or sister")
    GRANDPARENT = "grandparent", _("Grandparent")
    GRANDCHILD = "grandchild", _("Grandchild")
    OTHER_RELATIVE = "other_relative", _("Other relative")
    OTHER = "other", _("Someone else")


INVERSE = {
    Relationship.PARENT: Relationship.CHILD,
    Relationship.CHILD: Relationship.PARENT,
    Relationship.GRANDPARENT: Relationship.GRANDCHILD,
    Relationship.GRANDCHILD: Relationship.GRANDPARENT,
}


def relationship_inverse(value):
    """The same relationship seen from the other person's side."""
    return INVERSE.get(value, value)


class MandateState(models.TextChoices):
    REQUESTED = "requested", _("Waiting for an answer")
    ACTIVE = "active", _("Active")
    DECLINED = "declined", _("Declined")
    REVOKED = "revoked", _("Withdrawn")
    EXPIRED = "expired", _("Ended")


class EstablishedBy(models.TextChoices):
    ONLINE_CONSENT = "online_consent", _("Agreed online")
    IN_PERSON = "in_person", _("Checked in person at a service hall")


class Mandate(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mandates_given",
        verbose_name=_("the person acted for"),
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mandates_held",
        verbose_name=_("the person acting"),
    )
    relationship = models.CharField(_("relationship"), max_length=20, choices=Relationship.choices)
    all_services = models.BooleanField(_("all services"), default=False)
    service_codes = models.JSONField(_("services"), default=list, blank=True)
    valid_from = models.DateTimeField(_("valid from"))
    valid_until = models.DateTimeField(_("valid until"))
    state = models.CharField(
        _("state"), max_length=12, choices=MandateState.choices, default=MandateState.REQUESTED, db_index=True
    )
    established_by = models.CharField(max_length=20, choices=EstablishedBy.choices, blank=True)
    requested_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # In person: the member of staff who checked both IDs, where, when and on what evidence ...
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    hall = models.ForeignKey(
        "services_catalog.ServiceHall", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    evidence = models.TextField(blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    # ... and the three things they ticked one by one (as in assisted mode): both people were there in person,
    # both ID cards were checked, and the person acted for agreed. False on mandates recorded before the ticks.
    presence_confirmed = models.BooleanField(default=False)
    id_checked = models.BooleanField(default=False)
    consent_recorded = models.BooleanField(default=False)
    # Who ended it (the principal withdrawing it, or the agent giving it up), so the agent can be told why.
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        indexes = [models.Index(fields=["agent", "state"]), models.Index(fields=["principal", "state"])]
        constraints = [
            models.CheckConstraint(condition=~Q(principal=models.F("agent")), name="representation_not_self"),
            models.CheckConstraint(
                condition=Q(valid_until__gt=models.F("valid_from")), name="representation_window_positive"
            ),
            models.CheckConstraint(
                condition=~Q(established_by=EstablishedBy.IN_PERSON)
                | Q(verified_by__isnull=False, hall__isnull=False, verified_at__isnull=False),
                name="representation_in_person_is_recorded",
            ),
        ]

    def __str__(self):
        return f"{self.agent} → {self.principal} ({self.state})"

    @property
    def reference(self):
        return str(self.pk)

    def covers(self, service_code):
        return self.all_services or service_code in (self.service_codes or [])

    def relationship_seen_by(self, user):
        """What the OTHER person is to `user`, for `user`'s own page: "Parent" next to the principal on the agent's
        page, and "Son or daughter" next to the agent on that parent's page."""
        value = self.relationship if user.pk == self.agent_id else relationship_inverse(self.relationship)
        try:
            return Relationship(value).label
        except ValueError:
            return value
