from django.urls import path

from . import views

app_name = "connectors"

urlpatterns = [
    path("inbound/<slug:slug>/status", views.status_webhook, name="status_webhook"),
    path("inbound/<slug:slug>/documents/<uuid:document_id>", views.document_fetch, name="document_fetch"),
    path("operations/", views.operations, name="operations"),
]
