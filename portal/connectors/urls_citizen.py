from django.urls import path

from . import views

app_name = "connectors_citizen"

urlpatterns = [
    path("look-ups/", views.my_lookups, name="my_lookups"),
]
