from django.urls import path

from . import views

app_name = "representation"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("ask/", views.request_mandate, name="request"),
    path("m/<uuid:pk>/answer/", views.answer, name="answer"),
    path("m/<uuid:pk>/end/", views.revoke, name="revoke"),
    path("m/<uuid:pk>/act/", views.act, name="act"),
    path("stop/", views.stop, name="stop"),
    path("in-person/", views.in_person, name="in_person"),
]
