from django.urls import path

from . import views

app_name = "ratings"
urlpatterns = [
    path("<uuid:application_id>/", views.rate, name="rate"),
]
