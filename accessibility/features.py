"""Portal features people look for by name in the search box (长辈版, 关怀版, 大字版, elder …)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

ELDER_MODE_WORDS = (
    "长辈版",
    "长辈",
    "关怀版",
    "关怀",
    "大字版",
    "大字",
    "老年版",
    "适老",
    "elder",
    "older",
    "senior mode",
    "large text",
    "bigger text",
)
DISPLAY_WORDS = (
    "字号",
    "字体",
    "字太小",
    "放大",
    "对比度",
    "高对比",
    "显示设置",
    "text size",
    "font size",
    "contrast",
    "display settings",
    "zoom",
)
HELP_WORDS = ("帮助", "求助", "人工", "help", "assist")


def _preferences_url(elder, next_url):
    return reverse("set_preferences") + "?" + urlencode({"elder": elder, "next": next_url})


def features_matching(query, *, elder_mode, next_url="/"):
    words = query.lower()
    found = []
    if any(word in words for word in ELDER_MODE_WORDS):
        if elder_mode:
            found.append(
                {
                    "title": _("You are using elder mode"),
                    "description": _("Large text, large buttons and simpler pages are switched on."),
                    "url": _preferences_url("0", next_url),
                    "action": _("Switch back to standard mode"),
                }
            )
        else:
            found.append(
                {
                    "title": _("Elder mode (长辈版)"),
                    "description": _("Large text, large buttons, simpler pages and read-aloud."),
                    "url": _preferences_url("1", next_url),
                    "action": _("Switch on elder mode"),
                }
            )
    if any(word in words for word in DISPLAY_WORDS):
        found.append(
            {
                "title": _("Text size and contrast"),
                "description": _("Make the text bigger (up to 30 pixels) or switch on high contrast."),
                "url": reverse("display_settings") + "?" + urlencode({"next": next_url}),
                "action": _("Change text size and contrast"),
            }
        )
    if any(word in words for word in HELP_WORDS):
        found.append(
            {
                "title": _("Get help"),
                "description": _("Call us, visit a service hall or ask a family member."),
                "url": reverse("get_help"),
                "action": _("Get help"),
            }
        )
    return found
