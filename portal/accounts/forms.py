"""Account forms, drawn by the accessible renderer. No CAPTCHA, paste allowed, correct autocomplete."""

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.utils.translation import gettext_lazy as _

from accessibility import forms as a11y

from . import regions, selectors, throttle
from .backends import SIGN_IN_SCOPE, sign_in_identifier
from .models import User
from .validators import normalise_mobile, normalise_resident_id, validate_mobile, validate_resident_id

THROTTLED_MESSAGE = _("You have tried too many times. Wait 15 minutes and try again, or reset your password")


class SignInForm(a11y.AccessibleForm):
    identifier = forms.CharField(
        label=_("Mobile phone number, e-mail address or user name"),
        max_length=254,
        help_text=_("Staff: use the user name you were given"),
        widget=a11y.TextInput({"autocomplete": "username"}),
        error_messages={"required": _("Enter your mobile phone number, e-mail address or user name")},
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=a11y.PasswordInput({"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password")},
    )

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        identifier, password = cleaned.get("identifier"), cleaned.get("password")
        if identifier and password:
            # Failures are counted by the authentication backend, on every sign-in path; this only words the
            # refusal. An account locked through another of its identifiers gets the ordinary answer, so the
            # message never tells which identifiers belong together.
            username = sign_in_identifier(identifier)
            if throttle.is_throttled(SIGN_IN_SCOPE, identifier=username, request=self.request):
                raise forms.ValidationError(THROTTLED_MESSAGE, code="throttled")
            self.user = authenticate(self.request, username=username, password=password)
            if self.user is None:
                raise forms.ValidationError(
                    _(
                        "The mobile phone number, e-mail address or user name and password do not match an account. "
                        "Check them and try again"
                    ),
                    code="invalid_login",
                )
        return cleaned


class PhoneField(forms.CharField):
    def to_python(self, value):
        return normalise_mobile(super().to_python(value))


class ResidentIdField(forms.CharField):
    def to_python(self, value):
        return normalise_resident_id(super().to_python(value))


def _phone_field(required=False):
    widget = a11y.TextInput({"autocomplete": "tel-national"}, width="20")
    widget.input_type = "tel"
    return PhoneField(
        label=_("Mobile phone number"),
        required=required,
        validators=[validate_mobile],
        help_text=_("We send a text message when your application's status changes"),
        widget=widget,
        error_messages={"required": _("Enter your mobile phone number")},
    )


def _resident_id_field(help_text):
    return ResidentIdField(
        label=_("Resident ID number"),
        required=False,
        validators=[validate_resident_id],
        help_text=help_text,
        widget=a11y.TextInput({"autocomplete": "off"}, width="20"),
    )


class AccountDetailsMixin:
    def clean_phone(self):
        phone = self.cleaned_data.get("phone")
        if phone and selectors.user_holding(phone=phone, exclude=getattr(self, "user_instance", None)):
            raise forms.ValidationError(
                _("Another account already uses this mobile phone number. Sign in with it, or enter a different number")
            )
        return phone or None

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        if email and selectors.user_holding(email=email, exclude=getattr(self, "user_instance", None)):
            raise forms.ValidationError(
                _("Another account already uses this e-mail address. Sign in with it, or enter a different address")
            )
        return email

    def clean_resident_id(self):
        value = self.cleaned_data.get("resident_id")
        if value and selectors.user_holding(resident_id=value, exclude=getattr(self, "user_instance", None)):
            raise forms.ValidationError(
                _("Another account already has this resident ID number. If it is yours, call the hotline to get help")
            )
        return value


class RegisterForm(a11y.AccessibleForm):
    """Checks only what was typed: whether a phone, e-mail address or ID number already has an account is
    never said here (services.registration_start tells the holder instead)."""

    real_name = a11y.PersonNameField(
        label=_("Your full name"),
        max_length=100,
        help_text=_("As on your resident ID card"),
        widget=a11y.TextInput({"autocomplete": "name"}),
        error_messages={"required": _("Enter your full name")},
    )
    phone = _phone_field()
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=a11y.EmailInput({"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an e-mail address in the correct format, like name@example.com")},
    )
    resident_id = _resident_id_field(
        _("Optional. We use it to fill in your applications for you. It is stored encrypted and shown only in part.")
    )
    password = forms.CharField(
        label=_("Create a password"),
        strip=False,
        help_text=_("At least 10 characters. You can paste it from a password manager."),
        # Kept in the form when another answer has an error, so it need not be typed again.
        widget=a11y.PasswordInput({"autocomplete": "new-password"}, render_value=True),
        error_messages={"required": _("Enter a password of at least 10 characters")},
    )

    def clean_phone(self):
        return self.cleaned_data.get("phone") or None

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip()

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("phone")
            and not cleaned.get("email")
            and "phone" not in self.errors
            and "email" not in self.errors
        ):
            self.add_error("phone", _("Enter a mobile phone number or an e-mail address, so you can sign in"))
        password = cleaned.get("password")
        if password:
            probe = User(
                real_name=cleaned.get("real_name", ""), email=cleaned.get("email", ""), phone=cleaned.get("phone")
            )
            try:
                password_validation.validate_password(password, probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class ProfileForm(AccountDetailsMixin, a11y.AccessibleForm):
    real_name = RegisterForm.base_fields["real_name"]
    phone = _phone_field()
    email = RegisterForm.base_fields["email"]
    resident_id = _resident_id_field("")
    address = forms.Field(required=False)  # replaced in __init__: the choices come from the database

    def __init__(self, *args, user, **kwargs):
        self.user_instance = user
        places = regions.cities()
        initial = {"real_name": user.real_name, "phone": user.phone, "email": user.email}
        if user.address_region_code:
            code = user.address_region_code
            initial["address"] = {"city": code[:4] + "00", "district": code, "line": user.address_line}
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["address"] = a11y.AddressField(
            label=_("Home address"),
            required=False,
            city_choices=regions.city_choices(places),
            district_choices=regions.district_choices(places),
            province_name=regions.province_name(),
            consistent=lambda city, district: regions.address_is_consistent(city, district, places),
            help_text=_("Optional. We use it to fill in your applications for you."),
        )
        if user.resident_id_encrypted:
            self.fields["resident_id"].help_text = _(
                "We have %(masked)s. Leave this empty to keep it, or enter a new number to replace it."
            ) % {"masked": user.masked_resident_id}
        else:
            self.fields["resident_id"].help_text = _("Optional. We use it to fill in your applications for you.")


def _code_field(label=None):
    widget = a11y.TextInput({"autocomplete": "one-time-code", "inputmode": "numeric"}, width="10")
    return forms.CharField(
        label=label or _("Security code"),
        max_length=20,
        widget=widget,
        error_messages={"required": _("Enter the security code")},
    )


class OTPForm(a11y.AccessibleForm):
    code = _code_field()

    def clean_code(self):
        return "".join((self.cleaned_data.get("code") or "").split()).lower()


class OTPSetupForm(OTPForm):
    code = _code_field(_("Code from your authenticator app"))


def _new_password_field():
    return forms.CharField(
        label=_("New password"),
        strip=False,
        help_text=_("At least 10 characters. You can paste it from a password manager."),
        widget=a11y.PasswordInput({"autocomplete": "new-password"}),
        error_messages={"required": _("Enter a new password")},
    )


class NewPasswordForm(a11y.AccessibleForm):
    new_password = _new_password_field()

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_password(self):
        password = self.cleaned_data.get("new_password")
        if password:
            password_validation.validate_password(password, self.user)
        return password


class PasswordResetRequestForm(a11y.AccessibleForm):
    identifier = forms.CharField(
        label=_("Mobile phone number or e-mail address"),
        max_length=254,
        help_text=_("The one you use to sign in"),
        widget=a11y.TextInput({"autocomplete": "username"}),
        error_messages={"required": _("Enter your mobile phone number or e-mail address")},
    )

    def clean_identifier(self):
        identifier = self.cleaned_data["identifier"].strip()
        if "@" not in identifier:
            return normalise_mobile(identifier)
        return identifier


class RegistrationCodeForm(a11y.AccessibleForm):
    code = _code_field(_("Code we sent you"))

    def clean_code(self):
        return "".join((self.cleaned_data.get("code") or "").split())


class PasswordResetCodeForm(NewPasswordForm):
    field_order = ["code", "new_password"]
    code = _code_field(_("Code from the text message"))
    new_password = _new_password_field()
