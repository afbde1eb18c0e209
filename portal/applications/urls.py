from django.urls import path, register_converter

from . import views


class ServiceCodeConverter:
    regex = "[A-Z0-9][A-Z0-9-]*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ServiceCodeConverter, "service_code")

app_name = "applications"
urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("a/<uuid:pk>/", views.detail, name="detail"),
    path("a/<uuid:pk>/tasks/", views.tasks, name="tasks"),
    path("a/<uuid:pk>/step/<slug:step>/", views.step, name="step"),
    path("a/<uuid:pk>/step/<slug:step>/<int:question>/", views.step, name="question"),
    path("a/<uuid:pk>/check/", views.check, name="check"),
    path("a/<uuid:pk>/confirmation/", views.confirmation, name="confirmation"),
    path("a/<uuid:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("a/<uuid:pk>/receipt.pdf", views.receipt, name="receipt"),
    path("documents/<uuid:pk>/", views.document, name="document"),
    path("verify/<str:token>/", views.verify, name="verify"),
    path("<service_code:service_code>/", views.start, name="start"),
]
