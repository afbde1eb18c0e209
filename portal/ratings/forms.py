from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accessibility import forms as a11y

from .models import Score

# Lazy: the words are translated when the form is drawn, in the reader's language, not once at import.
SCORE_CHOICES = [(str(value), format_lazy("{} – {}", value, label)) for value, label in reversed(Score.choices)]


class RatingForm(a11y.AccessibleForm):
    score = forms.ChoiceField(
        label=_("How would you rate this service?"),
        choices=SCORE_CHOICES,
        widget=a11y.Radios(),
        error_messages={"required": _("Choose a rating from 1 to 5")},
        help_text=_("5 is the best, 1 the worst."),
    )
    comment = forms.CharField(
        label=_("Tell us why"),
        required=False,
        max_length=1000,
        widget=a11y.Textarea(),
        help_text=_(
            "Do not include personal details. A poor rating is passed to the manager "
            "of the service hall, who will look into it."
        ),
        error_messages={"max_length": _("Your comment must be 1000 characters or fewer")},
    )


class FollowUpForm(a11y.AccessibleForm):
    action = forms.CharField(
        label=_("What was done?"),
        max_length=2000,
        widget=a11y.Textarea(),
        help_text=_("For example: called the citizen, apologised, and fixed the problem."),
        error_messages={
            "required": _("Enter what was done"),
            "max_length": _("What was done must be 2000 characters or fewer"),
        },
    )
    done_on = a11y.DatePartsField(label=_("Date it was done"), date_rule="past")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"done_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
