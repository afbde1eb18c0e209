"""The citizen's answer to a department's request for more information."""

from django.urls import path

from . import views

app_name = "more_information"
urlpatterns = [
    path("<uuid:pk>/", views.more_information, name="answer"),
]
