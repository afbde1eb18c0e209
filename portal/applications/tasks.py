"""Background work (Django's tasks framework; settings.TASKS picks the backend: the immediate backend
runs it in the request, a database or Redis backend in a worker)."""

from django.tasks import task


@task
def receipt_render_task(application_id, language, large_print):
    from .models import Application
    from .receipts import receipt_get_or_create

    application = Application.objects.filter(pk=application_id).select_related("flow_version", "applicant").first()
    if application is None or application.reference is None:
        return None
    receipt = receipt_get_or_create(application=application, language=language, large_print=large_print)
    return receipt.pk
