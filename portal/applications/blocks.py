"""StreamField blocks with which editors build an application flow in the Wagtail admin. They compile
to the same definition dicts as code-defined flows (services.flow_definition_from_blocks)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .definitions import OPERATORS
from .field_types import ACCOUNT_SOURCES, FIELD_TYPES
from .hooks import public_registers
from .uploads import FILE_KINDS

KEY_HELP = _("Lower-case letters, digits and hyphens; unique in the flow; never change it once published.")


def register_source_choices():
    """Every attribute of every public register, as "register:attribute" (definitions.register_source reads it)."""
    choices = [("", _("Nothing"))]
    for register in public_registers().all():
        for attribute, description in register.attributes.items():
            choices.append(
                (
                    f"{register.id}:{attribute}",
                    _("%(register)s: %(attribute)s") % {"register": register.label, "attribute": description},
                )
            )
    return choices


class ConditionBlock(blocks.StructBlock):
    field = blocks.CharBlock(
        label=_("question key"), required=False, help_text=_("Show this only when the answer to this earlier question…")
    )
    op = blocks.ChoiceBlock(label=_("condition"), choices=list(OPERATORS.items()), default="equals")
    value = blocks.CharBlock(
        label=_("value"), required=False, help_text=_("For “is one of”, separate values with commas.")
    )

    class Meta:
        label = _("Show only when")
        icon = "cogs"


class QuestionBlock(blocks.StructBlock):
    key = blocks.RegexBlock(regex=r"^[a-z][a-z0-9_-]*$", label=_("key"), help_text=KEY_HELP)
    type = blocks.ChoiceBlock(label=_("type"), choices=[(key, t.name) for key, t in FIELD_TYPES.items()])
    label_zh = blocks.CharBlock(label=_("question (Chinese)"))
    label_en = blocks.CharBlock(label=_("question (English)"), required=False)
    hint_zh = blocks.TextBlock(label=_("hint (Chinese)"), required=False)
    hint_en = blocks.TextBlock(label=_("hint (English)"), required=False)
    required = blocks.BooleanBlock(label=_("an answer is required"), required=False, default=True)
    options = blocks.TextBlock(
        label=_("options"),
        required=False,
        help_text=_("For choice questions: one per line as value|中文|English, for example: bus|公交车|Bus."),
    )
    from_account = blocks.ChoiceBlock(
        label=_("fill in from the account"), choices=list(ACCOUNT_SOURCES.items()), required=False
    )
    register = blocks.ChoiceBlock(
        label=_("fill in from a public register"),
        choices=register_source_choices,
        required=False,
        help_text=_("The applicant is asked first whether we may look it up; they can check and change the value."),
    )
    min_value = blocks.DecimalBlock(label=_("smallest number or amount"), required=False)
    max_value = blocks.DecimalBlock(label=_("largest number or amount"), required=False)
    max_length = blocks.IntegerBlock(label=_("longest text (characters)"), required=False, min_value=1)
    date_rule = blocks.ChoiceBlock(
        label=_("dates allowed"),
        required=False,
        choices=[("", _("Any date")), ("past", _("Today or in the past")), ("future", _("Today or in the future"))],
    )
    allowed_types = blocks.MultipleChoiceBlock(
        label=_("file types"), required=False, choices=[(key, spec["label"]) for key, spec in FILE_KINDS.items()]
    )
    max_size_mb = blocks.IntegerBlock(label=_("largest file (MB)"), required=False, min_value=1, max_value=20)
    max_files = blocks.IntegerBlock(label=_("most files"), required=False, min_value=1, max_value=10)
    material = blocks.RegexBlock(
        regex=r"^[-a-zA-Z0-9_]+$",
        label=_("material it collects"),
        required=False,
        help_text=_(
            "For an upload question: the code of the material on the service page, for example id_card. Every "
            "service using this flow must list it."
        ),
    )
    show_if = ConditionBlock(required=False)

    class Meta:
        label = _("Question")
        icon = "form"


class StepBlock(blocks.StructBlock):
    key = blocks.RegexBlock(regex=r"^[a-z][a-z0-9_-]*$", label=_("key"), help_text=KEY_HELP)
    title_zh = blocks.CharBlock(label=_("title (Chinese)"))
    title_en = blocks.CharBlock(label=_("title (English)"), required=False)
    description_zh = blocks.TextBlock(label=_("introduction (Chinese)"), required=False)
    description_en = blocks.TextBlock(label=_("introduction (English)"), required=False)
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"))
    show_if = ConditionBlock(required=False)

    class Meta:
        label = _("Step")
        icon = "list-ol"


class FlowStepsBlock(blocks.StreamBlock):
    step = StepBlock()
