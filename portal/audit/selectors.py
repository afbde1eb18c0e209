from django.db.models import Q

from .models import AuditEvent


def events_about(user, limit=200):
    """What others did on this person's behalf or with their data: the citizen's "who saw my data" log."""
    return list(AuditEvent.objects.filter(Q(on_behalf_of_id=user.pk) & ~Q(actor_id=user.pk)).order_by("-id")[:limit])
