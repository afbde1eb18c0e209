from django.urls import path

from . import views

app_name = "appointments"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("book/", views.book_start, name="book"),
    path("book/<slug:hall>/<slug:kind>/", views.book_time, name="book_time"),
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/booked/", views.booked, name="booked"),
    path("<uuid:pk>/appointment.ics", views.calendar_file, name="calendar"),
    path("<uuid:pk>/cancel/", views.cancel, name="cancel"),
]
