"""Content in the reader's language. Text shown to citizens is a {language code: text} dict (content,
translated by editors), or a plain string."""

from portal.language import active_language


def localised(value, language=None):
    """`value` in `language` (the active one by default), else in another variant of it, else in Chinese,
    else in any language it has."""
    if not value:
        return ""
    if isinstance(value, str):
        return value
    language = language or active_language()
    if language in value and value[language]:
        return value[language]
    short = language.split("-")[0]
    for code, text in value.items():
        if code.split("-")[0] == short and text:
            return text
    return value.get("zh-hans") or next((text for text in value.values() if text), "")
