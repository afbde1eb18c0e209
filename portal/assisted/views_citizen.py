"""The citizen's side of the files sent with answers to requests for more information: a download, checked
against who may see the application (the applicant, their proxy, the hall staff assisting them)."""

from django.contrib.auth.decorators import login_required

from portal.applications.downloads import file_response
from portal.audit.services import audit_record

from . import selectors


@login_required
def answer_document(request, pk):
    document = selectors.answer_document_for_user(user=request.user, document_id=pk)
    application = document.answer.application
    if request.user.pk != application.applicant_id:  # someone else reading it is recorded for the applicant
        audit_record(
            action="document.downloaded", actor=request.user, on_behalf_of=application.applicant_id, obj=application
        )
    return file_response(document.file, filename=document.original_name, content_type=document.content_type)
