"""A citizen in a real browser's place, over HTTP only: signs in, starts an application, answers each step's
form as a person would (keeping what the portal filled in, choosing the given answers) and sends it. Used by
the black-box tests that start the real portal in its own process (tests/portal/test_demo_server.py)."""

import html
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S)
INPUT = re.compile(r"<input\b([^>]*)>", re.S)
TEXTAREA = re.compile(r"<textarea\b([^>]*)>(.*?)</textarea>", re.S)
SELECT = re.compile(r"<select\b([^>]*)>(.*?)</select>", re.S)
OPTION = re.compile(r"<option\b([^>]*)>", re.S)
ATTRIBUTE = re.compile(r'([\w-]+)(?:="([^"]*)")?')


def attributes(tag):
    return {name: html.unescape(value or "") for name, value in ATTRIBUTE.findall(tag)}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Citizen:
    """One person with their own cookies. Every response is recorded as (method, path, status)."""

    def __init__(self, base_url, timeout=60):
        self.base_url = base_url
        self.timeout = timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect
        )
        self.responses = []

    def request(self, method, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310
            self.base_url + path,
            data=body,
            method=method,
            headers={
                "Referer": self.base_url + path,
                "Accept-Language": "zh-hans",
            },
        )
        try:
            response = self.opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            response = error
        content = response.read().decode("utf-8", "replace")
        self.responses.append((method, path, response.status))
        return response.status, response.headers.get("Location"), content

    def page_form(self, content):
        """The page's own form: the one posted back to the page itself (no action), not the header's."""
        for tag, inner in FORM.findall(content):
            form = attributes(tag)
            if form.get("method", "").lower() == "post" and "action" not in form:
                return inner
        return None

    def answer(self, inner, answers):
        """What submitting the form sends: every value the portal put there, and the given answers."""
        data = {}
        for tag in INPUT.findall(inner):
            field = attributes(tag)
            name, kind = field.get("name"), field.get("type", "text")
            if not name or kind in ("submit", "button", "file"):
                continue
            if kind in ("radio", "checkbox"):
                wanted = answers.get(name)
                if wanted is True or wanted == field.get("value"):
                    data[name] = field.get("value", "on")
                continue
            data[name] = answers.get(name, field.get("value", ""))
        for tag, text in TEXTAREA.findall(inner):
            name = attributes(tag).get("name")
            data[name] = answers.get(name, html.unescape(text))
        for tag, options in SELECT.findall(inner):
            name = attributes(tag).get("name")
            values = [attributes(option).get("value", "") for option in OPTION.findall(options)]
            data[name] = answers.get(name, next((value for value in values if value), ""))
        return data

    def sign_in(self, identifier, password):
        _status, _location, content = self.request("GET", "/accounts/sign-in/")
        data = self.answer(self.page_form(content), {"identifier": identifier, "password": password})
        status, location, _content = self.request("POST", "/accounts/sign-in/", data)
        return status == 302

    def apply(self, service_code, answers, max_pages=30):
        """Start the service's application and fill in every page until the confirmation; its path, or None."""
        path = f"/apply/{service_code}/"
        for _ in range(max_pages):
            status, location, content = self.request("GET", path)
            if status != 200:
                return None
            if path.endswith("/confirmation/"):
                return path
            form = self.page_form(content)
            if form is None:
                return None
            status, location, content = self.request("POST", path, self.answer(form, answers))
            if status != 302:
                return None
            path = urllib.parse.urlsplit(location).path
        return None
