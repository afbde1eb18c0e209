from django import template

from ..models import ServiceProcessingTime
from ..services import minimum_sample

register = template.Library()


@register.simple_tag
def measured_processing_time(service_code):
    """{"enough": bool, "figures": ServiceProcessingTime or None, "minimum": int}: one query, on the table
    metrics_refresh() keeps (the page itself may be cached)."""
    figures = ServiceProcessingTime.objects.filter(service_code=service_code).first() if service_code else None
    minimum = minimum_sample()
    return {
        "enough": bool(figures and figures.sample_count >= minimum and figures.p90_days is not None),
        "figures": figures,
        "minimum": minimum,
    }
