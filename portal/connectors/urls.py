from django.urls import path

from . import views

app_name = "connectors"

urlpatterns = [
    path("inbound/<slug:slug>/status", views.status_webhook, name="status_webhook"),
    path("operations/", views.operations, name="operations"),
]
