"""The citizen's answer to a department's request for more information."""

from django.urls import path

from . import views, views_citizen

app_name = "more_information"
urlpatterns = [
    path("<uuid:pk>/", views.more_information, name="answer"),
    path("documents/<uuid:pk>/", views_citizen.answer_document, name="document"),
]
