"""Forms for assisted mode and the workbench, drawn by the accessible renderer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accessibility import forms as a11y
from portal.accounts.forms import AccountDetailsMixin, PhoneField, ResidentIdField
from portal.accounts.validators import validate_mobile, validate_resident_id
from portal.applications import uploads

MAX_ANSWER_FILES = 3


def _resident_id_field(help_text=""):
    return ResidentIdField(
        label=_("Resident ID number"),
        validators=[validate_resident_id],
        help_text=help_text,
        widget=a11y.TextInput({"autocomplete": "off"}, width="20"),
        error_messages={"required": _("Enter the resident ID number")},
    )


class FindCitizenForm(a11y.AccessibleForm):
    resident_id = _resident_id_field(_("From the ID card the citizen shows you. 18 characters."))


class RegisterCitizenForm(AccountDetailsMixin, a11y.AccessibleForm):
    """A new account for a walk-in citizen: no password (they claim it later by a reset to their phone)."""

    real_name = a11y.PersonNameField(
        label=_("Full name"),
        max_length=100,
        help_text=_("As on the ID card"),
        widget=a11y.TextInput({"autocomplete": "off"}),
        error_messages={"required": _("Enter the citizen's full name")},
    )
    resident_id = _resident_id_field()
    phone = PhoneField(
        label=_("Mobile phone number"),
        validators=[validate_mobile],
        help_text=_(
            "They will get text messages about their application here, and can use it to "
            "set a password and sign in themselves"
        ),
        widget=a11y.TextInput({"autocomplete": "off", "inputmode": "tel"}, width="20"),
        error_messages={"required": _("Enter the citizen's mobile phone number")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=a11y.EmailInput({"autocomplete": "off"}),
        error_messages={"invalid": _("Enter an e-mail address in the correct format, like name@example.com")},
    )


def _check_field(label, required_message):
    return forms.BooleanField(label=label, widget=a11y.Checkbox(), error_messages={"required": required_message})


class AssistChecksForm(a11y.AccessibleForm):
    """The three things recorded before helping anyone: each one a separate, explicit tick."""

    hall = forms.TypedChoiceField(
        label=_("Service hall"),
        coerce=int,
        widget=a11y.Select(),
        error_messages={"required": _("Choose the service hall you are working at")},
    )
    presence_confirmed = _check_field(
        _("The citizen is here in person at the counter"), _("Confirm that the citizen is here in person")
    )
    id_checked = _check_field(
        _("I have checked the citizen's ID card and it matches them"),
        _("Confirm that you have checked the citizen's ID card"),
    )
    consent_recorded = _check_field(
        _("The citizen agrees that I fill in and send applications with them, in their name"),
        _("Confirm that the citizen agrees to be helped"),
    )

    def __init__(self, *args, halls, **kwargs):
        super().__init__(*args, **kwargs)
        self.halls = {hall.pk: hall for hall in halls}
        self.fields["hall"].choices = [(hall.pk, hall.name) for hall in halls]
        if len(halls) == 1:
            self.fields["hall"].initial = halls[0].pk

    def clean_hall(self):
        return self.halls[self.cleaned_data["hall"]]


class ServiceSearchForm(a11y.AccessibleForm):
    q = forms.CharField(
        label=_("Service name or code"),
        max_length=100,
        required=False,
        widget=a11y.TextInput({"autocomplete": "off", "type": "search"}),
    )


# The workbench --------------------------------------------------------------------------------------------


class NoteForm(a11y.AccessibleForm):
    expected_status = forms.CharField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(label=_("Note"), max_length=2000, widget=a11y.Textarea())

    def __init__(self, *args, label=None, help_text="", required=True, required_message=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["note"]
        field.label = label or field.label
        field.help_text = help_text
        field.required = required
        if required_message:
            field.error_messages["required"] = required_message


class ActionForm(a11y.AccessibleForm):
    expected_status = forms.CharField(widget=forms.HiddenInput, required=False)


class MultipleFileInput(a11y.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); cleaned to a list."""

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class MoreInformationForm(a11y.AccessibleForm):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=4000,
        widget=a11y.Textarea(),
        error_messages={"required": _("Enter your answer to the department's request")},
    )
    files = MultipleFileField(
        label=_("Documents"),
        required=False,
        widget=MultipleFileInput({"multiple": True, "accept": uploads.accept_attribute(uploads.DEFAULT_ALLOWED)}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _("Up to %(count)s files: PDF, JPG or PNG, each smaller than %(size)s MB") % {
            "count": MAX_ANSWER_FILES,
            "size": uploads.DEFAULT_MAX_SIZE_MB,
        }

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_ANSWER_FILES:
            raise forms.ValidationError(_("Choose at most %(count)s files") % {"count": MAX_ANSWER_FILES})
        for upload in files:
            problem = uploads.upload_problem(upload)
            if problem:
                raise forms.ValidationError(problem)
        return files
