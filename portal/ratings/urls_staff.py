from django.urls import path

from . import views_staff

app_name = "staff_ratings"
urlpatterns = [
    path("", views_staff.flagged, name="list"),
    path("<int:pk>/", views_staff.detail, name="detail"),
]
