"""Writes outside the admin: a signed-in person's display preferences, and the accessibility statement for
the demo site (editors keep it up to date)."""

import datetime

from django.db import transaction

from .models import AccessibilityStatementPage, DisplaySettings
from .preferences import CONTRAST_COOKIE, CONTRASTS, ELDER_COOKIE, TEXT_SIZE_COOKIE, TEXT_SIZES
from .selectors import display_settings_for


@transaction.atomic
def display_preferences_save(*, user, elder_mode, text_size, high_contrast):
    """Keep a signed-in person's display preferences in their account. text_size "" means the default size
    of the display mode (after elder mode is switched on or off without choosing a size)."""
    if text_size not in ("", *TEXT_SIZES):
        raise ValueError(f"unknown text size {text_size!r}")
    if user.elder_mode != elder_mode:
        user.elder_mode = elder_mode
        user.save(update_fields=["elder_mode"])
    DisplaySettings.objects.update_or_create(
        user=user, defaults={"text_size": text_size, "high_contrast": high_contrast}
    )


def display_preferences_carry_into_account(*, user, cookies):
    """On signing in or registering: what was chosen in this browser before (elder mode, text size, contrast)
    becomes the account's, so signing in never changes how pages look. What this browser never chose stays as
    the account has it."""
    chosen = {name: cookies[name] for name in (ELDER_COOKIE, TEXT_SIZE_COOKIE, CONTRAST_COOKIE) if name in cookies}
    if not chosen:
        return
    saved = display_settings_for(user)
    elder_mode = chosen[ELDER_COOKIE] == "1" if ELDER_COOKIE in chosen else user.elder_mode
    text_size = chosen.get(TEXT_SIZE_COOKIE, saved.text_size if saved else "")
    if ELDER_COOKIE in chosen and TEXT_SIZE_COOKIE not in chosen:
        text_size = ""  # the mode's own default size, as switching modes in the browser gives
    contrast = chosen.get(CONTRAST_COOKIE)
    high_contrast = contrast == "high" if contrast in CONTRASTS else bool(saved and saved.high_contrast)
    display_preferences_save(
        user=user,
        elder_mode=elder_mode,
        text_size=text_size if text_size in TEXT_SIZES else "",
        high_contrast=high_contrast,
    )


STATEMENT = {
    "zh-hans": {
        "title": "无障碍声明",
        "standard": "WCAG 2.2 AA 级；GB/T 37668-2019；工业和信息化部《互联网网站适老化通用设计规范》（2021）",
        "compliance_summary": "<p>本网站按照 WCAG 2.2 AA 级、GB/T 37668-2019"
        "《信息技术 互联网内容无障碍可访问性技术要求与测试方法》"
        "和工业和信息化部《互联网网站适老化通用设计规范》（2021）建设。"
        "所有页面支持键盘操作、屏幕阅读器、长辈版大字模式和高对比度显示，"
        "不使用 JavaScript 也能办理全部业务。</p>",
        "known_limitations": "<ul><li>部分部门提供的办事指南附件为扫描版 PDF，屏幕阅读器无法朗读，"
        "我们正在逐步替换。</li>"
        "<li>朗读功能依赖浏览器自带的语音合成，部分旧浏览器不支持。</li></ul>",
        "how_to_report": "<p>如果您在使用本网站时遇到任何障碍，请告诉我们您使用的页面、设备和辅助技术。"
        "我们会在 5 个工作日内答复。</p>",
        "test_method": "每次发布前用 axe-core 在无头 Chromium 中自动检查全部页面（中英文、标准版和长辈版），"
        "并定期使用 NVDA、VoiceOver、TalkBack 和争渡读屏进行人工测试，邀请老年用户参与可用性测试。",
    },
    "en": {
        "title": "Accessibility statement",
        "standard": "WCAG 2.2 AA; GB/T 37668-2019; MIIT elder-friendly web specification (2021)",
        "compliance_summary": "<p>This portal is built to WCAG 2.2 level AA, the Chinese standard "
        "GB/T 37668-2019 and the "
        "MIIT elder-friendly web design specification (2021). Every page works with a keyboard "
        "alone, with screen readers, in elder mode with large text and in high contrast, and "
        "every service can be used without JavaScript.</p>",
        "known_limitations": "<ul><li>Some attachments supplied by departments are scanned PDFs that screen readers "
        "cannot read; we are replacing them.</li><li>Read-aloud uses the browser's own speech "
        "synthesis, which some older browsers lack.</li></ul>",
        "how_to_report": "<p>If anything on this portal is hard to use, tell us the page, your device "
        "and any assistive "
        "technology you use. We reply within 5 working days.</p>",
        "test_method": "Before every release, axe-core checks every page automatically in headless Chromium (Chinese "
        "and English, standard and elder mode); people test regularly with NVDA, VoiceOver, TalkBack "
        "and a Chinese screen reader, and older people take part in usability sessions.",
    },
}


@transaction.atomic
def statement_page_ensure(*, trees, last_tested=None):
    """The statement under each language's home page, as translations of each other. Idempotent."""
    last_tested = last_tested or datetime.date(2026, 11, 20)
    pages = {}
    for code, tree in trees.items():
        text = STATEMENT.get(code, STATEMENT["zh-hans"])
        page = AccessibilityStatementPage.objects.filter(locale=tree.locale).first()
        if page is None:
            source = pages.get("zh-hans")
            if source is not None:
                page = source.copy_for_translation(tree.locale).specific
            else:
                page = AccessibilityStatementPage(
                    slug="accessibility", locale=tree.locale, last_tested=last_tested, **text
                )
                tree.home.add_child(instance=page)
        wanted = {
            **text,
            "slug": "accessibility",
            "last_tested": last_tested,
            "contact_phone": "12345",
            "contact_email": "accessibility@shandong.gov.cn",
        }
        if page.live and all(getattr(page, name) == value for name, value in wanted.items()):
            pages[code] = page  # already as wanted: no new revision
            continue
        for name, value in wanted.items():
            setattr(page, name, value)
        page.save_revision().publish()
        page.refresh_from_db()
        pages[code] = page
    return pages
