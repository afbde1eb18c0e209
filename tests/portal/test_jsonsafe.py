"""JSON from outside is parsed within bounds: too large, too deep, not UTF-8 or not JSON is a clear
ValueError with a reason, never a RecursionError or a string no database can store."""

import io
import json

import pytest

from portal.jsonsafe import JSONRejected, nesting_depth_check, parse_json, read_bounded


def reason_of(data, **limits):
    with pytest.raises(JSONRejected) as refused:
        parse_json(data, **limits)
    assert isinstance(refused.value, ValueError)
    return refused.value.reason


def test_ordinary_json_is_parsed_as_json_loads_does():
    body = json.dumps(
        {
            "event_id": "e1",
            "note": "请补充材料 [1] {x}",
            "items": [[1, 2], {"a": None}],
            "quote": 'a "quoted" \\ back\\slash [',
        },
        ensure_ascii=False,
    ).encode()
    assert parse_json(body) == json.loads(body)
    assert parse_json(body.decode()) == json.loads(body)
    assert parse_json(b"\xef\xbb\xbf{}") == {}  # a UTF-8 byte-order mark is ignored


def test_thirty_thousand_nested_brackets_are_too_deep_not_a_recursion_error():
    assert reason_of(b"[" * 30000 + b"]" * 30000, max_bytes=100_000) == "too_deep"
    assert reason_of(b'{"a":' * 30000 + b"1" + b"}" * 30000, max_bytes=300_000) == "too_deep"
    assert reason_of(b"[" * 30000, max_bytes=100_000) == "too_deep"  # unterminated, still refused cheaply
    assert parse_json(b"[" * 5 + b"]" * 5, max_depth=5) == [[[[[]]]]]
    assert reason_of(b"[" * 6 + b"]" * 6, max_depth=5) == "too_deep"


def test_brackets_inside_strings_do_not_count_and_escapes_are_followed():
    deep_text = json.dumps({"note": "[" * 1000 + '\\"[' + "{" * 1000}).encode()
    assert parse_json(deep_text, max_depth=2)["note"].startswith("[[[")
    nesting_depth_check(b'["\\\\", [1]]', 2)  # an escaped backslash ends before the quote: the string closes
    with pytest.raises(JSONRejected):
        nesting_depth_check(b'["\\\\", [[1]]]', 2)


def test_too_large_not_utf8_and_malformed_are_told_apart():
    assert reason_of(b"[" + b"1," * 40_000 + b"1]") == "too_large"  # over the 64 KB default
    assert reason_of(b"{}", max_bytes=1) == "too_large"
    assert reason_of(b'{"note": "\xff"}') == "not_utf8"
    assert reason_of(json.dumps({"note": "x"}).encode("utf-16")) == "not_utf8"  # json.loads would guess UTF-16
    assert reason_of(b'{"note": "\\ud800"}') == "not_utf8"  # a lone surrogate: no database stores it
    assert parse_json(b'{"note": "\\ud83d\\ude00"}') == {"note": "😀"}  # a pair is fine
    for junk in (b"", b"not json", b"{", b"]]]", b'{"a": NaN}', b"1" * 5000):
        assert reason_of(junk) == "malformed", junk


def test_read_bounded_refuses_a_body_longer_than_the_limit_instead_of_cutting_it():
    assert read_bounded(io.BytesIO(b"x" * 10), 10) == b"x" * 10
    with pytest.raises(JSONRejected) as refused:
        read_bounded(io.BytesIO(b"x" * 11), 10)
    assert refused.value.reason == "too_large"
