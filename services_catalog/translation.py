"""Snippets carry their Chinese and English text side by side (`name`, `name_en`), so one row serves
both languages and filters share ids across locales. Pages use Wagtail's locale trees instead."""

from django.utils.translation import get_language


def is_english():
    return (get_language() or "").startswith("en")


class TranslatedField:
    """`name = TranslatedField("name_zh", "name_en")`: the active language's text, Chinese when the
    English is missing."""

    def __init__(self, zh_field, en_field):
        self.zh_field = zh_field
        self.en_field = en_field

    def __get__(self, instance, owner):
        if instance is None:
            return self
        if is_english():
            return getattr(instance, self.en_field) or getattr(instance, self.zh_field)
        return getattr(instance, self.zh_field)
