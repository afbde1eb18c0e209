import base64

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accessibility.services import display_preferences_carry_into_account
from accessibility.views import safe_next_url

from . import otp, services, session_limits, throttle
from .forms import (
    THROTTLED_MESSAGE,
    NewPasswordForm,
    OTPForm,
    OTPSetupForm,
    PasswordResetCodeForm,
    PasswordResetRequestForm,
    ProfileForm,
    RegisterForm,
    RegistrationCodeForm,
    SignInForm,
)
from .oidc import oidc_enabled, platform_sign_out_url, signed_in_with_platform
from .otp import otp_exempt


def _after_sign_in_url(request):
    return safe_next_url(request, fallback=reverse("applications:mine"))


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def sign_in(request):
    if request.method == "POST":
        form = SignInForm(request.POST, request=request)
        if form.is_valid():
            login(request, form.user)
            display_preferences_carry_into_account(user=form.user, cookies=request.COOKIES)
            if otp.needs_otp(form.user):
                name = "accounts:otp_verify" if otp.has_confirmed_device(form.user) else "accounts:otp_setup"
                return redirect(f"{reverse(name)}?{urlencode({'next': _after_sign_in_url(request)})}")
            return redirect(_after_sign_in_url(request))
    else:
        form = SignInForm(request=request)
    return render(
        request,
        "accounts/sign_in.html",
        {"form": form, "next": safe_next_url(request, ""), "oidc_enabled": oidc_enabled()},
    )


PENDING_REGISTRATION_KEY = "pending_registration"


@sensitive_post_parameters("password", "resident_id")
@require_http_methods(["GET", "POST"])
def register(request):
    """The details, then a code sent to the phone or e-mail address (register_confirm): the answer is the same
    whether or not an account already has them."""
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contact = data.get("phone") or data.get("email")
        if throttle.is_throttled("register", identifier=contact, request=request):
            form.add_error(None, THROTTLED_MESSAGE)
        else:
            throttle.record_failure("register", identifier=contact, request=request)  # every start counts
            request.session[PENDING_REGISTRATION_KEY] = services.registration_start(
                real_name=data["real_name"],
                password=data["password"],
                phone=data.get("phone"),
                email=data.get("email", ""),
                resident_id=data.get("resident_id", ""),
                preferred_language=get_language() or "",
                sign_in_url=request.build_absolute_uri(reverse("accounts:sign_in")),
            )
            next_url = safe_next_url(request, "")
            return redirect(
                reverse("accounts:register_confirm") + (f"?{urlencode({'next': next_url})}" if next_url else "")
            )
    return render(request, "accounts/register.html", {"form": form, "next": safe_next_url(request, "")})


@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def register_confirm(request):
    pending = request.session.get(PENDING_REGISTRATION_KEY)
    if not pending:
        return redirect("accounts:register")
    form = RegistrationCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if throttle.is_throttled("register-code", identifier=pending["contact"], request=request):
            form.add_error("code", THROTTLED_MESSAGE)
        else:
            try:
                user, left_out = services.registration_complete(pending=pending, code=form.cleaned_data["code"])
            except services.RegistrationCodeRefused:
                throttle.record_failure("register-code", identifier=pending["contact"], request=request)
                request.session[PENDING_REGISTRATION_KEY] = pending  # one try fewer
                form.add_error(
                    "code",
                    _("The code is not right or has expired. Check the message, or start again to get a new code"),
                )
            else:
                del request.session[PENDING_REGISTRATION_KEY]
                login(request, user, backend="portal.accounts.backends.PhoneOrEmailBackend")
                display_preferences_carry_into_account(user=user, cookies=request.COOKIES)
                messages.success(request, _("Your account has been created and you are signed in."))
                if "resident_id" in left_out:
                    messages.warning(
                        request,
                        _(
                            "We could not add your resident ID number to your account. If it "
                            "is yours, call %(phone)s and we will help you."
                        )
                        % {"phone": settings.PORTAL_HELP_PHONE},
                    )
                if "email" in left_out:
                    messages.warning(
                        request,
                        _(
                            "We could not add your e-mail address to your account. You can "
                            "add another one in your details."
                        ),
                    )
                return redirect(_after_sign_in_url(request))
    return render(
        request,
        "accounts/register_confirm.html",
        {
            "form": form,
            "contact": pending["contact"],
            "next": safe_next_url(request, ""),
            "sms_to_console": settings.PORTAL_SMS_SENDER.endswith("ConsoleSmsSender"),
        },
    )


@otp_exempt
@require_http_methods(["GET", "POST"])
def sign_out(request):
    if request.method == "POST":
        return _sign_out(request)
    return render(request, "accounts/sign_out.html")


def _sign_out(request, *, everywhere=False):
    """Sign out here, and at the unified identity platform when the session began there: its end-session page
    comes back to signed_out. Without such an endpoint the page warns that the platform session may be open."""
    platform_url = platform_sign_out_url(request)  # read before the session is flushed
    platform_open = signed_in_with_platform(request)
    logout(request)
    if platform_url:
        return redirect(platform_url)
    return render(request, "accounts/signed_out.html", {"platform_open": platform_open, "everywhere": everywhere})


@otp_exempt
@require_http_methods(["GET"])
def signed_out(request):
    """Back from the unified identity platform's sign-out: both sessions have ended."""
    return render(request, "accounts/signed_out.html", {"platform_ended": request.GET.get("platform") == "ended"})


@login_required
@sensitive_post_parameters("resident_id")
@require_http_methods(["GET", "POST"])
def profile(request):
    if request.method == "POST":
        form = ProfileForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            services.user_profile_update(
                user=request.user,
                real_name=data["real_name"],
                phone=data.get("phone"),
                email=data.get("email", ""),
                resident_id=data.get("resident_id", ""),
                address=data.get("address"),
            )
            messages.success(request, _("Your details have been saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(user=request.user)
    return render(request, "accounts/profile.html", {"form": form})


# Two-factor sign-in ----------------------------------------------------------------------------------------


def _next_or(request, fallback_name="applications:mine"):
    return safe_next_url(request, fallback=reverse(fallback_name))


@otp_exempt
@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    if request.user.is_verified():
        return redirect(_next_or(request))
    if not otp.has_confirmed_device(request.user):
        return redirect(f"{reverse('accounts:otp_setup')}?{urlencode({'next': safe_next_url(request, '')})}")
    email_device = EmailDevice.objects.filter(user=request.user, confirmed=True).first()
    form = OTPForm()
    if request.method == "POST" and "send_email_code" in request.POST and email_device is not None:
        email_device.generate_challenge()
        messages.info(request, _("We have sent a code to your e-mail address."))
    elif request.method == "POST":
        form = OTPForm(request.POST)
        identifier = f"user:{request.user.pk}"
        if form.is_valid():
            if throttle.is_throttled("otp", identifier=identifier, request=request):
                form.add_error("code", THROTTLED_MESSAGE)
            else:
                device = django_otp.match_token(request.user, form.cleaned_data["code"])
                if device is None:
                    throttle.record_failure("otp", identifier=identifier, request=request)
                    form.add_error(
                        "code", _("The code is not right, or it has been used already. Enter the newest code")
                    )
                else:
                    throttle.reset("otp", identifier=identifier)
                    django_otp.login(request, device)
                    return redirect(_next_or(request))
    return render(
        request,
        "accounts/otp_verify.html",
        {"form": form, "next": safe_next_url(request, ""), "email_device": email_device},
    )


def _qr_svg(url):
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = image.to_string(encoding="unicode")
    return mark_safe(svg[svg.find("<svg") :])  # noqa: S308  (generated by qrcode from our own URL)


@otp_exempt
@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Set up an authenticator app: scan the QR code (or type the key), then enter a code to confirm."""
    user = request.user
    if otp.has_confirmed_device(user) and not user.is_verified():
        return redirect(f"{reverse('accounts:otp_verify')}?{urlencode({'next': request.get_full_path()})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=str(_("Authenticator app")), confirmed=False
    )
    form = OTPSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            codes = services.otp_setup_confirm(device=device)
            django_otp.login(request, device)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": safe_next_url(request, "")})
        form.add_error("code", _("The code is not right. Check the time on your phone and enter the newest code"))
    key = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/otp_setup.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            "next": safe_next_url(request, ""),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def security(request):
    user = request.user
    if request.method == "POST":
        if "recovery_codes" in request.POST and otp.has_confirmed_device(user):
            codes = services.otp_recovery_codes_replace(user=user)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": ""})
        if "email_codes" in request.POST and user.email:
            EmailDevice.objects.get_or_create(user=user, name="email", defaults={"confirmed": True})
            messages.success(request, _("You can now get a code by e-mail when you sign in."))
        return redirect("accounts:security")
    devices = [device for device in django_otp.devices_for_user(user) if not isinstance(device, StaticDevice)]
    static = StaticDevice.objects.filter(user=user).first()
    return render(
        request,
        "accounts/security.html",
        {
            "devices": devices,
            "recovery_left": static.token_set.count() if static else 0,
            "is_staff_user": otp.is_staff_user(user),
            "has_email_device": EmailDevice.objects.filter(user=user).exists(),
        },
    )


@otp_exempt
@login_required
@require_http_methods(["POST"])
def sign_out_everywhere(request):
    services.user_sign_out_everywhere(user=request.user)
    return _sign_out(request, everywhere=True)


# Password reset --------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def password_reset(request):
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        identifier = form.cleaned_data["identifier"]
        if not throttle.is_throttled("password-reset", identifier=identifier, request=request):
            throttle.record_failure("password-reset", identifier=identifier, request=request)  # counts every request
            if "@" in identifier:
                _send_reset_link(request, identifier)
            else:
                services.password_reset_code_send(phone=identifier)
        if "@" in identifier:
            return render(request, "accounts/password_reset_sent.html", {"by_email": True})
        request.session["password_reset_phone"] = identifier
        return redirect("accounts:password_reset_code")
    return render(request, "accounts/password_reset.html", {"form": form})


def _send_reset_link(request, email):
    user = get_user_model()._default_manager.filter(email__iexact=email, is_active=True).first()
    if user is None:
        return
    link = request.build_absolute_uri(
        reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )
    send_mail(
        _("Reset your password"),
        _(
            "Open this link to choose a new password. It works once, for 3 days:\n\n%(link)s\n\n"
            "If you did not ask for it, ignore this e-mail: your password stays the same."
        )
        % {"link": link},
        None,
        [user.email],
    )


@sensitive_post_parameters("new_password", "code")
@require_http_methods(["GET", "POST"])
def password_reset_code(request):
    phone = request.session.get("password_reset_phone")
    if not phone:
        return redirect("accounts:password_reset")
    form = PasswordResetCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Each code allows a few tries (services.RESET_CODE_TRIES); this also stops one client working
        # through many phone numbers' codes.
        if throttle.is_throttled("reset-code", identifier=phone, request=request):
            form.add_error("code", THROTTLED_MESSAGE)
            return render(request, "accounts/password_reset_code.html", {"form": form})
        user = services.password_reset_code_check(phone=phone, code=form.cleaned_data["code"])
        if user is None:
            throttle.record_failure("reset-code", identifier=phone, request=request)
            form.add_error(
                "code", _("The code is not right or has expired. Check the text message, or ask for a new code")
            )
        else:
            services.user_password_set(user=user, password=form.cleaned_data["new_password"])
            request.session.pop("password_reset_phone", None)
            messages.success(request, _("Your password has been changed. Sign in with it now."))
            return redirect("accounts:sign_in")
    return render(request, "accounts/password_reset_code.html", {"form": form})


@sensitive_post_parameters("new_password")
@require_http_methods(["GET", "POST"])
def password_reset_confirm(request, uidb64, token):
    try:
        user = get_user_model()._default_manager.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/password_reset_invalid.html", status=400)
    form = NewPasswordForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.user_password_set(user=user, password=form.cleaned_data["new_password"])
        messages.success(request, _("Your password has been changed. Sign in with it now."))
        return redirect("accounts:sign_in")
    return render(request, "accounts/password_reset_confirm.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def stay_signed_in(request):
    """One action to keep the session: a form button, so it works with a keyboard, a switch, or no JavaScript."""
    if request.method == "POST":
        session_limits.session_extend(request)
        messages.success(request, _("You are still signed in."))
        return redirect(safe_next_url(request, fallback=reverse("applications:mine")))
    return render(
        request,
        "accounts/session.html",
        {
            "idle_minutes": session_limits.idle_seconds() // 60,
            "next": safe_next_url(request, ""),
            "minutes_left": (session_limits.seconds_left(request) or 0) // 60,
        },
    )
