"""Staff pages under /staff/: assisted mode (assist/) and the department workbench (queue/)."""

from django.urls import path

from . import views

app_name = "assisted"
urlpatterns = [
    path("assist/", views.assist_home, name="home"),
    path("assist/register/", views.register, name="register"),
    path("assist/checks/", views.checks, name="checks"),
    path("assist/leave/", views.leave, name="leave"),
    path("assist/s/<str:reference>/", views.session_detail, name="session"),
    path("assist/s/<str:reference>/resume/", views.session_resume, name="resume"),
    path("assist/s/<str:reference>/end/", views.session_end, name="end"),
    path("queue/", views.queue, name="queue"),
    path("queue/a/<uuid:pk>/", views.queue_detail, name="queue_detail"),
    path("queue/a/<uuid:pk>/<slug:action>/", views.queue_action, name="queue_action"),
    path("queue/documents/<uuid:pk>/", views.queue_document, name="queue_document"),
    path("queue/answers/<uuid:pk>/", views.queue_answer_document, name="queue_answer_document"),
]
