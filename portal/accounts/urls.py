from django.urls import path

from . import oidc, views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("register/", views.register, name="register"),
    path("register/confirm/", views.register_confirm, name="register_confirm"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("signed-out/", views.signed_out, name="signed_out"),
    path("profile/", views.profile, name="profile"),
    path("security/", views.security, name="security"),
    path("session/", views.stay_signed_in, name="stay_signed_in"),
    path("unified-identity/", oidc.oidc_start, name="oidc_start"),
    path("unified-identity/failed/<slug:reason>/", oidc.oidc_failed, name="oidc_failed"),
    path("sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("two-step/", views.otp_verify, name="otp_verify"),
    path("two-step/set-up/", views.otp_setup, name="otp_setup"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/code/", views.password_reset_code, name="password_reset_code"),
    path("password-reset/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
]
