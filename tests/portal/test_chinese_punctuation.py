"""Chinese text uses Chinese punctuation: no ASCII comma, semicolon, colon, full stop, brackets, question or
exclamation mark inside a Chinese catalogue message (“注册账户. 大约需要2分钟。”, “PDF, JPG 或 PNG”)."""

import re
from pathlib import Path

from babel.messages.pofile import read_po

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
HAN = re.compile(r"[\u4e00-\u9fff]")
# What may hold ASCII punctuation in Chinese text: placeholders, tags, web and e-mail addresses, numbers such
# as 3.5 or 14:30, and codes such as 370000-MZ-0102.
NOT_TEXT = re.compile(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}|<[^>]+>|https?://\S+|[\w.+-]+@[\w.-]+|\d+[.:]\d+|&\w+;")
ASCII_PUNCTUATION = re.compile(r"[,;!?()]|[.:](?=\s|$|[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[.:]")


def _strings(message):
    return message.string if isinstance(message.string, tuple | list) else [message.string]


def test_no_chinese_message_has_ascii_punctuation():
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    found = []
    for message in catalogue:
        for text in _strings(message):
            if text and HAN.search(text) and ASCII_PUNCTUATION.search(NOT_TEXT.sub("", text)):
                found.append(text)
    assert not found, "Use Chinese punctuation (，。：；（）？！、) in:\n" + "\n".join(found)


def test_the_check_finds_what_it_is_meant_to():
    for bad in ("注册账户. 大约需要2分钟。", "PDF, JPG 或 PNG格式", "(已获其授权)", "例如：A; B", "请注意!"):
        assert ASCII_PUNCTUATION.search(NOT_TEXT.sub("", bad)), bad
    for good in ("大约需要%(minutes)s分钟。", "版本 3.5，时间 14:30", "编码如 370000-MZ-0102", "访问 https://a.b/c."):
        assert not ASCII_PUNCTUATION.search(NOT_TEXT.sub("", good)), good
