"""The display settings form (text size, contrast, elder mode), drawn by the accessible form renderer.
It is a GET form to accessibility.views.set_preferences: its field names are that view's parameters."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .forms import AccessibleForm, Radios
from .preferences import TEXT_SIZE_LABELS, TEXT_SIZES, text_sizes_for


class DisplaySettingsForm(AccessibleForm):
    size = forms.ChoiceField(label=_("Text size"), widget=Radios)
    contrast = forms.ChoiceField(
        label=_("Colours"),
        widget=Radios,
        choices=[
            ("normal", _("Standard colours")),
            ("high", _("High contrast: black and white, with strong outlines")),
        ],
    )
    elder = forms.ChoiceField(
        label=_("Elder mode (长辈版)"),
        widget=Radios,
        help_text=_("Elder mode has larger text and buttons, simpler pages and fewer choices on each page."),
        choices=[("0", _("Standard pages")), ("1", _("Elder mode"))],
    )
    next = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, preferences, next_url, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "size": preferences.text_size,
                "contrast": preferences.contrast,
                "elder": "1" if preferences.elder_mode else "0",
                "next": next_url,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["size"].choices = [
            (size, gettext("%(name)s (%(px)s px)") % {"name": TEXT_SIZE_LABELS[size], "px": TEXT_SIZES[size]})
            for size in text_sizes_for(preferences.elder_mode)
        ]
        if preferences.elder_mode:
            self.fields["size"].help_text = _("In elder mode text is at least Large (18 px).")
