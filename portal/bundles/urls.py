from django.urls import path

from . import views

app_name = "bundles"
urlpatterns = [
    path("c/<uuid:pk>/", views.tasks, name="tasks"),
    path("c/<uuid:pk>/shared/", views.shared, name="shared"),
    path("c/<uuid:pk>/check/", views.check, name="check"),
    path("c/<uuid:pk>/sent/", views.sent, name="sent"),
    path("<slug:slug>/", views.start, name="start"),
]
