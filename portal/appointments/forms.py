from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accessibility import forms as a11y
from portal.templatetags.portal_format import local_date

from .models import SlotKind
from .widgets import GroupedRadios


class BookingStartForm(a11y.AccessibleForm):
    hall = forms.ChoiceField(
        label=_("Which service hall?"),
        widget=a11y.Select(),
        error_messages={"required": _("Choose a service hall"), "invalid_choice": _("Choose a service hall")},
    )
    kind = forms.ChoiceField(
        label=_("What do you need?"),
        choices=SlotKind.choices,
        widget=a11y.Radios(),
        error_messages={"required": _("Choose what you need"), "invalid_choice": _("Choose what you need")},
        help_text=_("Staff at the assisted service desk (帮办) can fill in an application with you, step by step."),
    )

    def __init__(self, *args, hall_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hall"].choices = [("", _("Choose a service hall")), *hall_choices]


def slot_label(slot):
    places = (
        ngettext("%(count)s place left", "%(count)s places left", slot.remaining) % {"count": slot.remaining}
        if slot.remaining
        else _("full")
    )
    return f"{slot.start:%H:%M}–{slot.end:%H:%M} ({places})"


class SlotChoiceForm(a11y.AccessibleForm):
    slot = forms.ChoiceField(
        label=_("Choose a time"),
        error_messages={"required": _("Choose a time"), "invalid_choice": _("Choose one of the times shown")},
    )
    service = forms.ChoiceField(
        label=_("Which service is it for?"),
        required=False,
        widget=a11y.Select(),
        help_text=_("If you know it, staff can prepare. You can leave this out."),
    )

    def __init__(self, *args, days=(), services=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices, full = [], []
        for day, slots in days:
            choices.append((local_date(day, "full"), [(str(slot.pk), slot_label(slot)) for slot in slots]))
            full += [slot.pk for slot in slots if not slot.remaining]
        self.fields["slot"].choices = choices
        self.fields["slot"].widget = GroupedRadios(choices=choices, unavailable=full)
        self.fields["service"].choices = [("", _("Not sure, or not listed")), *services]


class SlotCapacityForm(a11y.AccessibleForm):
    capacity = a11y.WholeNumberField(
        label=_("Places"),
        min_value=0,
        max_value=99,
        help_text=_("0 closes this time to new bookings. It cannot be fewer than the places already booked."),
        error_messages={"required": _("Enter the number of places")},
    )

    def __init__(self, *args, booked=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.booked = booked

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity is not None and capacity < self.booked:
            raise forms.ValidationError(
                ngettext(
                    "%(count)s place is booked already: enter %(count)s or more",
                    "%(count)s places are booked already: enter %(count)s or more",
                    self.booked,
                )
                % {"count": self.booked}
            )
        return capacity


class DayForm(a11y.AccessibleForm):
    """The staff day list's choice of hall and day (a GET form)."""

    hall = forms.ChoiceField(label=_("Service hall"), widget=a11y.Select())
    day = a11y.DatePartsField(label=_("Date"), required=False)

    def __init__(self, *args, hall_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hall"].choices = hall_choices
