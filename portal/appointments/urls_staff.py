from django.urls import path

from . import views_staff

app_name = "staff_appointments"
urlpatterns = [
    path("", views_staff.day, name="day"),
    path("slots/<int:pk>/", views_staff.slot_edit, name="slot_edit"),
]
