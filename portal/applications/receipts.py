"""Receipt PDFs: WeasyPrint (imported lazily), in the applicant's language, Chinese fonts embedded,
tagged for screen readers (PDF/UA-1), with a QR code and a URL that prove the receipt is genuine."""

import logging

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.accounts import crypto

from .models import ApplicationReceipt
from .selectors import application_summary, field_context, service_name, service_page_in_language
from .status import Status
from .text import localised

logger = logging.getLogger(__name__)
SIGNING_SALT = "portal.applications.receipt"
PDF_VARIANT = "pdf/ua-1"


def verification_token(application):
    return signing.Signer(salt=SIGNING_SALT).sign(application.reference)


def verification_reference(token):
    """The reference number a genuine token vouches for, or None."""
    try:
        return signing.Signer(salt=SIGNING_SALT).unsign(token)
    except signing.BadSignature:
        return None


def verification_url(application):
    base = settings.PORTAL_BASE_URL
    with translation.override(application.language):
        path = reverse("applications:verify", kwargs={"token": verification_token(application)})
    return base.rstrip("/") + path


def qr_svg(data):
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return image.to_string(encoding="unicode")


def _city_prefix(code):
    """The first four digits of an administrative division code: the same for a city and its districts."""
    code = str(code or "")
    return code[:4] if len(code) == 6 and code.isdigit() and not code.endswith("0000") else ""


def applicant_city_prefix(application, page):
    """Where the applicant is: their address on record, else an address they gave in the application, else
    the one city the service is offered in; "" when none of these says."""
    prefix = _city_prefix(application.applicant.address_region_code)
    for value in (application.answers or {}).values():
        if prefix:
            break
        if isinstance(value, dict):
            prefix = _city_prefix(value.get("district")) or _city_prefix(value.get("city"))
    if not prefix and page is not None:
        prefixes = {_city_prefix(region.code) for region in page.regions.all()}
        prefix = next(iter(prefixes)) if len(prefixes) == 1 else ""
    return prefix


def receipt_halls(application, page):
    """The service's halls in the applicant's city (its districts included), so that the receipt stays short;
    every hall when the city is unknown or has none of them."""
    if page is None:
        return []
    halls = list(page.halls.all().select_related("region"))
    prefix = applicant_city_prefix(application, page)
    nearby = [hall for hall in halls if prefix and _city_prefix(hall.region.code) == prefix]
    return nearby or halls


def receipt_context(*, application, language, large_print):
    page = service_page_in_language(application.service_page, language)
    flow = application.flow
    halls = receipt_halls(application, page)
    url = verification_url(application)
    applicant = application.applicant
    return {
        "application": application,
        "reference": application.reference,
        "service_name": service_name(application, language),
        "department": page.department if page is not None else None,
        "applicant_name": applicant.real_name or applicant.get_username(),
        "applicant_id": crypto.mask_resident_id(applicant.resident_id) if applicant.resident_id_encrypted else "",
        "summary": application_summary(application, field_context(application), on_paper=True),
        "next_steps": localised(flow.next_steps, language),
        "promised_days": page.promised_time_limit_days if page is not None else None,
        "halls": halls,
        "verify_url": url,
        "qr_svg": qr_svg(url),
        "large_print": large_print,
        "language": language,
        "help_phone": settings.PORTAL_HELP_PHONE,
    }


def receipt_render_pdf(*, application, language=None, large_print=False):
    """The receipt as PDF bytes. WeasyPrint is imported here, not at module level: it is heavy."""
    from weasyprint import HTML
    from weasyprint.pdf import VARIANTS

    if application.status == Status.DRAFT or not application.reference:
        raise ValueError("a draft has no receipt")
    language = language or application.language
    with translation.override(language):
        html = render_to_string(
            "applications/receipt_pdf.html",
            receipt_context(application=application, language=language, large_print=large_print),
        )
    options = {"pdf_variant": PDF_VARIANT} if PDF_VARIANT in VARIANTS else {}
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(**options)


def receipt_get_or_create(*, application, language, large_print=False):
    """The cached receipt, rendered and stored the first time it is asked for."""
    existing = ApplicationReceipt.objects.filter(
        application=application, language=language, large_print=large_print
    ).first()
    if existing is not None:
        return existing
    pdf = receipt_render_pdf(application=application, language=language, large_print=large_print)
    receipt = ApplicationReceipt(application=application, language=language, large_print=large_print)
    receipt.file.save("receipt.pdf", ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            receipt.save()
    except IntegrityError:  # rendered at the same moment elsewhere: keep theirs
        receipt.file.storage.delete(receipt.file.name)
        receipt = ApplicationReceipt.objects.get(application=application, language=language, large_print=large_print)
    return receipt
