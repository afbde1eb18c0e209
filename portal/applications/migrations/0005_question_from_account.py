import hashlib
import json

import wagtail.fields

import portal.applications.blocks

from django.db import migrations, models
from django.db.models import Value


def _renamed(question, old, new):
    if old in question:
        question = dict(question)
        question[new] = question.pop(old)
    return question


def _rename_in_flows(apps, old, new):
    """A question's account source was called "prefill", as the register look-ups are; it is "from_account" now,
    in the editors' flows (the steps' stream data) and in every published version (whose hash follows)."""
    Flow = apps.get_model("applications", "Flow")
    FlowVersion = apps.get_model("applications", "FlowVersion")
    for flow in Flow.objects.all():
        raw = [dict(block) for block in flow.steps.raw_data]
        for step in raw:
            questions = step.get("value", {}).get("questions") or []
            for index, item in enumerate(questions):
                if isinstance(item, dict) and item.get("type") == "item" and isinstance(item.get("value"), dict):
                    item["value"] = _renamed(item["value"], old, new)
                elif isinstance(item, dict):
                    questions[index] = _renamed(item, old, new)
        # As JSON, not through the StreamField, which would drop a key its blocks do not know.
        Flow.objects.filter(pk=flow.pk).update(steps=Value(raw, output_field=models.JSONField()))
    for version in FlowVersion.objects.all():
        definition = dict(version.definition)
        definition["steps"] = [{**step, "fields": [_renamed(field, old, new) for field in step.get("fields") or []]}
                               for step in definition.get("steps") or []]
        digest = hashlib.sha256(json.dumps(definition, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
        FlowVersion.objects.filter(pk=version.pk).update(definition=definition, definition_hash=digest)


def forwards(apps, schema_editor):
    _rename_in_flows(apps, "prefill", "from_account")


def backwards(apps, schema_editor):
    _rename_in_flows(apps, "from_account", "prefill")


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0004_flow_question_types_name_bank_account'),
    ]

    operations = [
        migrations.AlterField(
            model_name='flow',
            name='steps',
            field=wagtail.fields.StreamField([('step', 27)], blank=True, block_lookup={0: ('wagtail.blocks.RegexBlock', (), {'help_text': 'Lower-case letters, digits and hyphens; unique in the flow; never change it once published.', 'label': 'key', 'regex': '^[a-z][a-z0-9_-]*$'}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'title (Chinese)'}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'title (English)', 'required': False}), 3: ('wagtail.blocks.TextBlock', (), {'label': 'introduction (Chinese)', 'required': False}), 4: ('wagtail.blocks.TextBlock', (), {'label': 'introduction (English)', 'required': False}), 5: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('text', 'Short text'), ('name', "Person's name"), ('textarea', 'Long text'), ('number', 'Whole number'), ('date', 'Date'), ('choice', 'Choose one'), ('multiple_choice', 'Choose any'), ('yes_no', 'Yes or no'), ('resident_id', 'Resident ID number'), ('phone', 'Mobile phone number'), ('email', 'E-mail address'), ('address', 'Address in the province'), ('money', 'Amount of money'), ('bank_account', 'Bank card number'), ('file', 'File upload'), ('declaration', 'Declaration (tick to confirm)')], 'label': 'type'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'question (Chinese)'}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'question (English)', 'required': False}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'hint (Chinese)', 'required': False}), 9: ('wagtail.blocks.TextBlock', (), {'label': 'hint (English)', 'required': False}), 10: ('wagtail.blocks.BooleanBlock', (), {'default': True, 'label': 'an answer is required', 'required': False}), 11: ('wagtail.blocks.TextBlock', (), {'help_text': 'For choice questions: one per line as value|中文|English, for example: bus|公交车|Bus.', 'label': 'options', 'required': False}), 12: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('', 'Nothing'), ('real_name', 'Real name'), ('resident_id', 'Resident ID number'), ('birth_date', 'Date of birth (from the ID number)'), ('phone', 'Mobile phone'), ('email', 'E-mail address'), ('address', 'Address')], 'label': 'fill in from the account', 'required': False}), 13: ('wagtail.blocks.ChoiceBlock', [], {'choices': portal.applications.blocks.register_source_choices, 'help_text': 'The applicant is asked first whether we may look it up; they can check and change the value.', 'label': 'fill in from a public register', 'required': False}), 14: ('wagtail.blocks.DecimalBlock', (), {'label': 'smallest number or amount', 'required': False}), 15: ('wagtail.blocks.DecimalBlock', (), {'label': 'largest number or amount', 'required': False}), 16: ('wagtail.blocks.IntegerBlock', (), {'label': 'longest text (characters)', 'min_value': 1, 'required': False}), 17: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('', 'Any date'), ('past', 'Today or in the past'), ('future', 'Today or in the future')], 'label': 'dates allowed', 'required': False}), 18: ('wagtail.blocks.MultipleChoiceBlock', [], {'choices': [('pdf', 'PDF'), ('jpeg', 'JPG'), ('png', 'PNG')], 'label': 'file types', 'required': False}), 19: ('wagtail.blocks.IntegerBlock', (), {'label': 'largest file (MB)', 'max_value': 20, 'min_value': 1, 'required': False}), 20: ('wagtail.blocks.IntegerBlock', (), {'label': 'most files', 'max_value': 10, 'min_value': 1, 'required': False}), 21: ('wagtail.blocks.CharBlock', (), {'help_text': 'Show this only when the answer to this earlier question…', 'label': 'question key', 'required': False}), 22: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('equals', 'is'), ('not_equals', 'is not'), ('in', 'is one of'), ('not_in', 'is none of'), ('contains', 'includes'), ('answered', 'has an answer'), ('not_answered', 'has no answer'), ('gte', 'is at least'), ('lte', 'is at most')], 'label': 'condition'}), 23: ('wagtail.blocks.CharBlock', (), {'help_text': 'For “is one of”, separate values with commas.', 'label': 'value', 'required': False}), 24: ('wagtail.blocks.StructBlock', [[('field', 21), ('op', 22), ('value', 23)]], {'required': False}), 25: ('wagtail.blocks.StructBlock', [[('key', 0), ('type', 5), ('label_zh', 6), ('label_en', 7), ('hint_zh', 8), ('hint_en', 9), ('required', 10), ('options', 11), ('from_account', 12), ('register', 13), ('min_value', 14), ('max_value', 15), ('max_length', 16), ('date_rule', 17), ('allowed_types', 18), ('max_size_mb', 19), ('max_files', 20), ('show_if', 24)]], {}), 26: ('wagtail.blocks.ListBlock', (25,), {'label': 'questions'}), 27: ('wagtail.blocks.StructBlock', [[('key', 0), ('title_zh', 1), ('title_en', 2), ('description_zh', 3), ('description_en', 4), ('questions', 26), ('show_if', 24)]], {})}, verbose_name='steps'),
        ),
        migrations.RunPython(forwards, backwards),
    ]
