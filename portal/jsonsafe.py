"""JSON from outside the portal, parsed within bounds: every body a back office, a register or any other
system sends us goes through parse_json(), never straight to json.loads().

json.loads() recurses once per nesting level, so a small body of 30,000 "[" raises RecursionError (a crash,
not a ValueError); it also guesses UTF-16 and UTF-32 from the bytes, and turns a "\\ud800" escape into a
string no database can store. parse_json() refuses, with a ValueError subclass that names the reason, a
body that is too large, not UTF-8, nested too deeply (counted on the raw bytes before anything is parsed)
or not JSON at all; it then returns what json.loads() returns.

Standard library only: the simulated back office (portal/demo/backoffice_sim.py) uses it without Django."""

import json
import re

TOO_LARGE = "too_large"
TOO_DEEP = "too_deep"
NOT_UTF8 = "not_utf8"
MALFORMED = "malformed"
REASONS = (TOO_LARGE, TOO_DEEP, NOT_UTF8, MALFORMED)

DEFAULT_MAX_BYTES = 64 * 1024
DEFAULT_MAX_DEPTH = 32

_STRUCTURAL = re.compile(rb'[\[\]{}"\\]')  # what matters to depth: brackets, and the quotes that hide them
_UTF8_BOM = b"\xef\xbb\xbf"
_OPEN, _CLOSE, _QUOTE, _BACKSLASH = frozenset(b"[{"), frozenset(b"]}"), ord('"'), ord("\\")


class JSONRejected(ValueError):
    """A body parse_json() refused. `reason` is one of REASONS (machine-readable: answer it as the error
    code); `detail` says more, for the log."""

    def __init__(self, reason, detail=""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason, self.detail = reason, detail


def read_bounded(stream, max_bytes=DEFAULT_MAX_BYTES):
    """Read a whole response or request body from `stream`, but no more than max_bytes: one byte more
    raises JSONRejected(TOO_LARGE) (instead of silently cutting the body short)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise JSONRejected(TOO_LARGE, f"more than {max_bytes} bytes")
    return data


def nesting_depth_check(data, max_depth=DEFAULT_MAX_DEPTH):
    """Raise JSONRejected(TOO_DEEP) if arrays and objects in `data` (bytes) nest deeper than max_depth,
    counting only brackets outside strings; linear in the length, without recursion. A closing bracket
    with nothing open is MALFORMED. Anything else wrong is left for the parser to find."""
    depth, in_string, skip = 0, False, -1
    for match in _STRUCTURAL.finditer(data):
        position = match.start()
        if position == skip:  # the character after a backslash in a string: escaped
            continue
        char = data[position]
        if in_string:
            if char == _BACKSLASH:
                skip = position + 1
            elif char == _QUOTE:
                in_string = False
        elif char == _QUOTE:
            in_string = True
        elif char in _OPEN:
            depth += 1
            if depth > max_depth:
                raise JSONRejected(TOO_DEEP, f"nested deeper than {max_depth} levels")
        elif char in _CLOSE:
            depth -= 1
            if depth < 0:
                raise JSONRejected(MALFORMED, f"unmatched closing bracket at byte {position}")


def _lone_surrogate_check(value):
    """A "\\ud800" escape without its pair gives a str that cannot be encoded (and so cannot be stored or
    logged): refuse it. Iterative, so it needs no recursion whatever the depth."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise JSONRejected(NOT_UTF8, "an escaped lone surrogate (\\ud800-\\udfff)") from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _not_json(name):
    raise ValueError(f"{name} is not JSON")


def parse_json(data, *, max_bytes=DEFAULT_MAX_BYTES, max_depth=DEFAULT_MAX_DEPTH):
    """Parse a JSON body (bytes; a str is taken as its UTF-8 encoding) within bounds, checked in this order
    before json.loads() sees it: at most max_bytes, valid UTF-8 (a leading byte-order mark is ignored), and
    nested at most max_depth deep. Raises JSONRejected (a ValueError) with reason TOO_LARGE, NOT_UTF8,
    TOO_DEEP or MALFORMED; never RecursionError or UnicodeError."""
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError:
            raise JSONRejected(NOT_UTF8, "a lone surrogate") from None
    data = bytes(data)
    if len(data) > max_bytes:
        raise JSONRejected(TOO_LARGE, f"{len(data)} bytes, more than {max_bytes}")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JSONRejected(NOT_UTF8, f"invalid UTF-8 at byte {error.start}") from None
    nesting_depth_check(data, max_depth)
    try:
        value = json.loads(text, parse_constant=_not_json)
    except RecursionError:  # only if max_depth is set beyond what the interpreter's stack allows
        raise JSONRejected(TOO_DEEP, "too deep for the parser") from None
    except ValueError as error:  # JSONDecodeError, or an integer with more digits than Python converts
        raise JSONRejected(MALFORMED, str(error)[:200]) from None
    if "\\u" in text:
        _lone_surrogate_check(value)
    return value
