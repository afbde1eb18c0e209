"""How each audit action reads to the citizen whose data it concerns."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "mandate.requested": _("Asked to act for you"),
    "mandate.consented": _("You agreed to let them act for you"),
    "mandate.declined": _("You declined to let them act for you"),
    "mandate.revoked": _("Permission to act for you was withdrawn"),
    "mandate.established_in_person": _("Permission to act for you was recorded at a service hall"),
    "mandate.expired": _("Permission to act for you ended"),
    "acting.started": _("Started acting for you"),
    "acting.stopped": _("Stopped acting for you"),
    "application.started": _("Started an application for you"),
    "application.step_saved": _("Changed answers in an application for you"),
    "application.submitted": _("Sent an application for you"),
    "application.withdrawn": _("Withdrew an application for you"),
    "application.viewed": _("Looked at your application"),
    "document.downloaded": _("Downloaded a document from your application"),
    "receipt.downloaded": _("Downloaded the receipt of your application"),
    "rating.viewed": _("Viewed a rating you gave"),
    "rating.followed_up": _("Recorded the follow-up of a rating you gave"),
    "appointment.cancelled": _("Cancelled your appointment"),
    "prefill.looked_up": _("Looked up your details in a government register, with consent"),
    "account.registration_with_your_id_number": _(
        "Tried to create a new account with your resident ID number (it was not added)"
    ),
}


def action_label(action):
    return ACTION_LABELS.get(action, action)
