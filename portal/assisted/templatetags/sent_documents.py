"""{% documents_sent application as rows %} (citizen's side) or {% documents_sent application for_reviewer=True
as rows %} (workbench): the form's uploads and the files sent with answers to requests for more information,
for components/molecules/documents_sent.html."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def documents_sent(application, for_reviewer=False):
    return selectors.documents_sent(application, for_reviewer=for_reviewer)
