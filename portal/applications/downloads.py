"""Handing a citizen's document or receipt to someone the view has already let see it. From a bucket (S3Storage,
DOCUMENTS_S3_BUCKET) the person is sent to a link the bucket signs for a minute, so the file never passes through
a web worker; from the file system it is streamed."""

from urllib.parse import quote

from django.http import FileResponse, HttpResponseRedirect

SIGNED_LINK_SECONDS = 60


def file_response(fieldfile, *, filename, content_type):
    storage = fieldfile.storage
    if getattr(storage, "querystring_auth", False):  # django-storages' S3Storage, signing its links
        disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
        parameters = {
            "ResponseContentDisposition": disposition,
            "ResponseContentType": content_type,
            "ResponseCacheControl": "private, no-store",  # the bucket's answer, too, is not for a shared cache
        }
        response = HttpResponseRedirect(storage.url(fieldfile.name, parameters=parameters, expire=SIGNED_LINK_SECONDS))
        response["Cache-Control"] = "private, no-store"  # the signed link is for this person, now
        return response
    return FileResponse(fieldfile.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
