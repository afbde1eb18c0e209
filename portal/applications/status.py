"""Application statuses and the one table of allowed transitions. Transitions only move forward;
in_review ⇄ more_info_requested is the only loop."""

from collections import deque

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RECEIVED = "received", _("Received by the department")
    IN_REVIEW = "in_review", _("Being reviewed")
    MORE_INFO_REQUESTED = "more_info_requested", _("More information needed")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Source(models.TextChoices):
    PORTAL = "portal", _("Online portal")
    STAFF = "staff", _("Staff")
    CONNECTOR = "connector", _("Department system")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PROXY = "proxy", _("On someone's behalf")
    ASSISTED = "assisted", _("With help at a service hall")


S = Status
_PORTAL_OR_STAFF = frozenset({Source.PORTAL, Source.STAFF})
_BACK_OFFICE = frozenset({Source.STAFF, Source.CONNECTOR})

# (from, to) -> the sources that may make that move.
TRANSITIONS = {
    (S.DRAFT, S.SUBMITTED): _PORTAL_OR_STAFF,  # a draft is never withdrawn: it is deleted, or purged when it expires
    (S.SUBMITTED, S.RECEIVED): _BACK_OFFICE,
    (S.SUBMITTED, S.WITHDRAWN): _PORTAL_OR_STAFF,
    (S.RECEIVED, S.IN_REVIEW): _BACK_OFFICE,
    (S.RECEIVED, S.WITHDRAWN): _PORTAL_OR_STAFF,
    (S.IN_REVIEW, S.MORE_INFO_REQUESTED): _BACK_OFFICE,
    (S.MORE_INFO_REQUESTED, S.IN_REVIEW): frozenset({Source.PORTAL, Source.STAFF, Source.CONNECTOR}),
    (S.IN_REVIEW, S.APPROVED): _BACK_OFFICE,
    (S.IN_REVIEW, S.REJECTED): _BACK_OFFICE,
    (S.APPROVED, S.COMPLETED): _BACK_OFFICE,
    (S.REJECTED, S.COMPLETED): _BACK_OFFICE,
}

FINAL = frozenset({S.COMPLETED, S.WITHDRAWN})
SUBMITTED_STATES = frozenset(set(S) - {S.DRAFT})


def transition_allowed(from_status, to_status, source):
    return source in TRANSITIONS.get((from_status, to_status), ())


def next_statuses(from_status, source=None):
    return [
        to for (frm, to), sources in TRANSITIONS.items() if frm == from_status and (source is None or source in sources)
    ]


def status_path(from_status, to_status, source):
    """The shortest chain of moves `source` may make from one status to another, as the statuses passed through
    (so "approved" arriving before "received" still moves forward through the steps it implies), or None."""
    queue, seen = deque([(from_status, [])]), {from_status}
    while queue:
        status, path = queue.popleft()
        if status == to_status and path:
            return path
        for (frm, to), sources in TRANSITIONS.items():
            if frm == status and source in sources and to not in seen:
                seen.add(to)
                queue.append((to, [*path, to]))
    return None


def can_withdraw(status):
    """The applicant may withdraw a submitted application until the department starts reviewing it."""
    return transition_allowed(status, S.WITHDRAWN, Source.PORTAL)


STATUS_EXPLANATIONS = {
    S.DRAFT: _("You have not sent this application yet."),
    S.SUBMITTED: _("We have your application and are sending it to the department."),
    S.RECEIVED: _("The department has received your application and will start reviewing it soon."),
    S.IN_REVIEW: _("The department is reviewing your application."),
    S.MORE_INFO_REQUESTED: _("The department needs more information from you. Read the note below."),
    S.APPROVED: _("Your application has been approved."),
    S.REJECTED: _("Your application was not approved. The note below explains why and what you can do."),
    S.COMPLETED: _("This application is finished."),
    S.WITHDRAWN: _("This application was withdrawn."),
}
