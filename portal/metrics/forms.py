from django.utils.translation import gettext_lazy as _

from accessibility import forms as a11y

MAX_DAYS = 3 * 366


class PeriodForm(a11y.AccessibleForm):
    """The dashboard's date range (a GET form): both dates are included."""

    start = a11y.DatePartsField(label=_("From"), required=False)
    end = a11y.DatePartsField(label=_("To"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end of the period must be the same as or after its start"))
        elif start and end and (end - start).days >= MAX_DAYS:
            self.add_error("end", _("Choose a period of 3 years or less"))
        return cleaned
