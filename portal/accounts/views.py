from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from accessibility.views import safe_next_url

from . import services
from .forms import ProfileForm, RegisterForm, SignInForm


def _after_sign_in_url(request):
    from django.urls import reverse

    return safe_next_url(request, fallback=reverse("applications:mine"))


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def sign_in(request):
    if request.method == "POST":
        form = SignInForm(request.POST, request=request)
        if form.is_valid():
            login(request, form.user)
            return redirect(_after_sign_in_url(request))
    else:
        form = SignInForm(request=request)
    return render(request, "accounts/sign_in.html", {"form": form, "next": safe_next_url(request, "")})


@sensitive_post_parameters("password", "resident_id")
@require_http_methods(["GET", "POST"])
def register(request):
    if request.method == "POST":
        form = RegisterForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            user = services.user_register(real_name=data["real_name"], password=data["password"],
                                          phone=data.get("phone"), email=data.get("email", ""),
                                          resident_id=data.get("resident_id", ""),
                                          preferred_language=get_language() or "")
            login(request, user, backend="portal.accounts.backends.PhoneOrEmailBackend")
            messages.success(request, _("Your account has been created and you are signed in."))
            return redirect(_after_sign_in_url(request))
    else:
        form = RegisterForm()
    return render(request, "accounts/register.html", {"form": form, "next": safe_next_url(request, "")})


@require_http_methods(["GET", "POST"])
def sign_out(request):
    if request.method == "POST":
        logout(request)
        return render(request, "accounts/signed_out.html")
    return render(request, "accounts/sign_out.html")


@login_required
@sensitive_post_parameters("resident_id")
@require_http_methods(["GET", "POST"])
def profile(request):
    if request.method == "POST":
        form = ProfileForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            services.user_profile_update(user=request.user, real_name=data["real_name"], phone=data.get("phone"),
                                         email=data.get("email", ""), resident_id=data.get("resident_id", ""),
                                         address=data.get("address"))
            messages.success(request, _("Your details have been saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(user=request.user)
    return render(request, "accounts/profile.html", {"form": form})
