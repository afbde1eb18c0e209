"""A real OpenID Provider for the tests: panva's oidc-provider (tests/oidc_provider/server.mjs, Node.js) on loopback.

    with OidcProvider(redirect_uris=[callback], post_logout_redirect_uris=[signed_out], accounts=ACCOUNTS) as op:
        settings.__dict__.update(op.settings())      # or: for name, value in op.settings().items(): ...
        browser = op.user_agent()                     # the person's browser, at the provider only
        back = browser.sign_in(authorization_url, "alice")  # the callback URL, with code and state; not requested

The provider is a separate process that the class starts and stops (it also exits by itself when this process
goes away: it stops when its standard input closes). It takes a free port itself and reports it. It asks every
client for PKCE (S256), shows oidc-provider's development login form (the login name is the account id, any
password goes; an account id not in `accounts` is refused) and then, once per client and account, its consent
page (or not, with skip_consent=True), and has an end-session endpoint (RP-initiated logout). Scopes: openid →
sub, profile → name, email → email and email_verified, id_number → id_number; the claims are in the userinfo
response and in the ID token.

Its packages come from tests/oidc_provider/package-lock.json: `npm ci --prefix tests/oidc_provider` (which
`make test` runs) installs them; nothing is downloaded while the tests run."""

import base64
import hashlib
import json
import os
import queue
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import requests

ROOT = Path(__file__).resolve().parents[2]
PROVIDER_DIR = ROOT / "tests" / "oidc_provider"
SERVER = PROVIDER_DIR / "server.mjs"
OTHER_CLIENT_ID = "another-service"
HTTP_TIMEOUT = 10
MAX_STEPS = 12
AUTO_SUBMIT = "document.forms[0].submit()"


class OidcProviderError(RuntimeError):
    pass


def pkce_pair():
    """A PKCE code verifier and its S256 code challenge."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def query_of(url):
    """The query parameters of `url`, one value each: {"code": ..., "state": ...} or {"error": ..., ...}."""
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def _installed_problem():
    if shutil.which("node") is None:
        return "Node.js (`node`) is not on PATH: the tests' OpenID Provider runs on it."
    installed = PROVIDER_DIR / "node_modules" / "oidc-provider" / "package.json"
    run = "run `make test`, or `npm ci --prefix tests/oidc_provider`"
    if not installed.exists():
        return f"The tests' OpenID Provider is not installed ({installed} is missing): {run}."
    wanted = json.loads((PROVIDER_DIR / "package.json").read_text())["dependencies"]["oidc-provider"]
    version = json.loads(installed.read_text())["version"]
    if version != wanted:
        return f"tests/oidc_provider/node_modules has oidc-provider {version}, package.json asks for {wanted}: {run}."
    return None


class OidcProvider:
    """The provider, with the client "portal" (the portal) and another one (OTHER_CLIENT_ID, another service of
    the same platform: an ID token issued to it is one with the wrong audience for the portal)."""

    def __init__(
        self,
        *,
        redirect_uris,
        post_logout_redirect_uris=(),
        accounts=None,
        client_id="portal",
        client_secret=None,
        token_endpoint_auth_method="client_secret_post",  # noqa: S107 (a method, not a password)
        other_clients=({"client_id": OTHER_CLIENT_ID},),
        skip_consent=False,
        startup_timeout=30,
    ):
        """accounts: {account id: {"name": ..., "email": ..., "email_verified": ..., "id_number": ...}}.
        other_clients: more clients, as dicts with at least "client_id"; the other keys default to the portal's
        (the secret to a new one)."""
        self.client_id = client_id
        self.clients = {}
        main = {
            "client_id": client_id,
            "client_secret": client_secret or secrets.token_urlsafe(32),
            "redirect_uris": list(redirect_uris),
            "post_logout_redirect_uris": list(post_logout_redirect_uris),
            "token_endpoint_auth_method": token_endpoint_auth_method,
        }
        for client in [main, *other_clients]:
            client = {**main, "client_secret": secrets.token_urlsafe(32), **client}
            if len(client["client_secret"]) < 32:
                raise ValueError("oidc-provider wants client secrets of 32 characters or more")
            self.clients[client["client_id"]] = client
        self.accounts = dict(accounts or {})
        self.skip_consent = skip_consent
        self.startup_timeout = startup_timeout
        self.process = None
        self.issuer = None
        self.discovery = None
        self._log = None
        self._log_text = ""

    # Starting and stopping

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def start(self):
        problem = _installed_problem()
        if problem:
            raise OidcProviderError(problem)
        config = {"clients": list(self.clients.values()), "accounts": self.accounts, "skip_consent": self.skip_consent}
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            ["node", str(SERVER), "0"],
            cwd=PROVIDER_DIR,
            env={**os.environ, "OIDC_PROVIDER_CONFIG": json.dumps(config), "NODE_NO_WARNINGS": "1"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            start_new_session=True,
        )
        lines = queue.Queue()
        self._reader = threading.Thread(target=self._read_stdout, args=(self.process.stdout, lines), daemon=True)
        self._reader.start()
        try:
            line = lines.get(timeout=self.startup_timeout)
        except queue.Empty:
            line = None
        if not line or not line.startswith("READY "):
            self.stop()
            raise OidcProviderError(f"The OpenID Provider did not start (it said {line!r}):\n{self.log()}")
        self.issuer = line.split(" ", 1)[1].strip()
        response = requests.get(self.issuer + "/.well-known/openid-configuration", timeout=HTTP_TIMEOUT)
        response.raise_for_status()
        self.discovery = response.json()

    @staticmethod
    def _read_stdout(stream, lines):
        for raw in stream:
            lines.put(raw.decode(errors="replace"))
        lines.put(None)

    def stop(self):
        process, self.process = self.process, None
        if process is None:
            return
        process.stdin.close()  # the provider exits when its standard input closes
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        self._reader.join(timeout=5)
        process.stdout.close()
        self._log_text = self.log()
        self._log.close()
        self._log = None

    def log(self):
        """What the provider wrote on stderr (its warnings, and the errors it answered with)."""
        if self._log is None:
            return self._log_text
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    # What the relying party is told

    @property
    def client_secret(self):
        return self.clients[self.client_id]["client_secret"]

    def settings(self):
        """The Django settings mozilla-django-oidc (and portal/accounts/oidc.py) need for this provider. Not in
        here, as they are the portal's own choices: OIDC_USE_PKCE (this provider requires it) and
        OIDC_TOKEN_USE_BASIC_AUTH (True only for token_endpoint_auth_method="client_secret_basic")."""
        return {
            "OIDC_OP_ISSUER": self.discovery["issuer"],
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.discovery["authorization_endpoint"],
            "OIDC_OP_TOKEN_ENDPOINT": self.discovery["token_endpoint"],
            "OIDC_OP_USER_ENDPOINT": self.discovery["userinfo_endpoint"],
            "OIDC_OP_JWKS_ENDPOINT": self.discovery["jwks_uri"],
            "OIDC_OP_LOGOUT_ENDPOINT": self.discovery["end_session_endpoint"],
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_RP_SIGN_ALGO": "RS256",
        }

    def authorization_url(self, *, client_id=None, redirect_uri=None, scope="openid", **params):
        """An authorization request as a relying party makes it (pass state, nonce, code_challenge, prompt...;
        code_challenge_method defaults to S256 when code_challenge is given)."""
        client = self.clients[client_id or self.client_id]
        query = {
            "response_type": "code",
            "client_id": client["client_id"],
            "redirect_uri": redirect_uri or client["redirect_uris"][0],
            "scope": scope,
            **params,
        }
        if "code_challenge" in query:
            query.setdefault("code_challenge_method", "S256")
        return f"{self.discovery['authorization_endpoint']}?{urlencode(query)}"

    def redeem(self, code, code_verifier, *, client_id=None, redirect_uri=None):
        """The token endpoint's answer for `code` (a dict), the client authenticating as it is registered to."""
        client = self.clients[client_id or self.client_id]
        data = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri or client["redirect_uris"][0],
            "code_verifier": code_verifier,
        }
        auth = None
        if client["token_endpoint_auth_method"] == "client_secret_basic":
            auth = (client["client_id"], client["client_secret"])
        else:
            data |= {"client_id": client["client_id"], "client_secret": client["client_secret"]}
        response = requests.post(self.discovery["token_endpoint"], data=data, auth=auth, timeout=HTTP_TIMEOUT)
        body = response.json()
        if response.status_code != 200:
            raise OidcProviderError(f"The token endpoint refused the code: {body}")
        return body

    def tokens_for(self, account_id, *, client_id=None, scope="openid profile email id_number", **params):
        """A whole sign-in of `account_id` at client `client_id` by hand (a new user agent, PKCE): the token
        response, with "id_token" and "access_token". For an ID token issued to another client:
        tokens_for("alice", client_id=OTHER_CLIENT_ID, nonce=...)."""
        verifier, challenge = pkce_pair()
        state = secrets.token_urlsafe(16)
        url = self.authorization_url(client_id=client_id, scope=scope, state=state, code_challenge=challenge, **params)
        back = self.user_agent().sign_in(url, account_id)
        answer = query_of(back)
        if answer.get("state") != state or "code" not in answer:
            raise OidcProviderError(f"The sign-in came back with {answer}")
        return self.redeem(answer["code"], verifier, client_id=client_id)

    def user_agent(self):
        """A new browser-less user agent (its own cookies, so its own session at the provider)."""
        return UserAgent(self)


class _Page(HTMLParser):
    """The forms (with their inputs' names and values), links and text of a provider page."""

    def __init__(self, html):
        super().__init__()
        self.forms, self.links, self.text = [], [], []
        self._form = self._link = None
        self._hidden = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag in ("style", "script"):
            self._hidden += 1
        elif tag == "form":
            method = attrs.get("method", "get").upper()
            self._form = {"id": attrs.get("id", ""), "action": attrs.get("action", ""), "method": method, "fields": {}}
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None:
            self._form["fields"][attrs.get("name", "")] = attrs.get("value", "")
        elif tag == "a":
            self._link = [attrs.get("href", ""), ""]
            self.links.append(self._link)

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._hidden -= 1
        elif tag == "form":
            self._form = None
        elif tag == "a":
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data
        if data.strip() and not self._hidden:
            self.text.append(data.strip())

    def form(self, **fields):
        """The first form whose fields include `fields` (name=value, or name=None for any value)."""
        for form in self.forms:
            if all(name in form["fields"] and value in (None, form["fields"][name]) for name, value in fields.items()):
                return form
        return None


class UserAgent:
    """A person's browser at the provider, without a browser: it follows the provider's redirects and fills in
    its pages, keeps its cookies (so being signed in at the provider is real), and stops at the first redirect
    that leaves the provider, returning that URL without requesting it."""

    def __init__(self, provider):
        self.provider = provider
        self.session = requests.Session()

    def sign_in(self, authorization_url, account_id, *, password="any password", consent=True):  # noqa: S107
        """Go to `authorization_url`, sign in as `account_id` when asked to, accept (consent=True) or refuse
        the consent page when shown: the URL the provider sends back to the relying party (code and state, or
        error, error_description and state), not requested. An error page at the provider (for example an
        unknown client or redirect_uri) raises OidcProviderError, and so does an account id it does not know.
        Signed in at the provider already, there is no form: the code is for whoever is signed in there (with
        prompt=login in the request, the provider asks again, and signing in as someone else ends that
        session first)."""
        signed_in = []

        def fill(page):
            if form := page.form(prompt="login"):
                if signed_in:
                    raise OidcProviderError(f"The provider did not take the account id {account_id!r}")
                signed_in.append(account_id)
                return form, {"login": account_id, "password": password}
            if form := page.form(prompt="consent"):
                return (form, {}) if consent else self._abort(page)
            return None

        return self._back_to_client(self._walk(authorization_url, fill))

    def cancel(self, authorization_url):
        """Go to `authorization_url` and press the provider's "[ Cancel ]" (devInteractions' abort,
        /interaction/<uid>/abort) on its sign-in or consent page: the URL back to the relying party, with
        error=access_denied, not requested. Signed in at the provider already, there may be no page to cancel:
        then it is the code's redirect."""
        return self._back_to_client(self._walk(authorization_url, lambda page: self._abort(page)))

    def sign_out(self, end_session_url, *, everywhere=True):
        """Go to `end_session_url` and confirm ("Yes, sign me out": the whole provider session ends; with
        everywhere=False, "No, stay signed in": only this client's sign-in and grant end): the post-logout
        redirect URL, not requested; or, when the provider keeps the person (no post_logout_redirect_uri it
        accepted), the URL of its own "Sign-out Success" page."""

        def fill(page):
            if form := page.form(xsrf=None):
                return form, ({"logout": "yes"} if everywhere else {})
            return None

        result = self._walk(end_session_url, fill)
        if isinstance(result, str):
            return result
        if result.status_code != 200 or urlsplit(result.url).path != urlsplit(end_session_url).path + "/success":
            raise OidcProviderError(f"The sign-out stopped at {result.url} ({result.status_code}): {_text(result)}")
        return result.url

    def is_signed_in(self, client_id=None):
        """Whether this user agent still has a session at the provider: an authorization request with
        prompt=none comes back with a code (or consent_required: signed in, but without a grant for this client)
        rather than login_required."""
        _, challenge = pkce_pair()
        url = self.provider.authorization_url(
            client_id=client_id, prompt="none", state=secrets.token_urlsafe(8), code_challenge=challenge
        )
        answer = query_of(self._back_to_client(self._walk(url, lambda page: None)))
        if "code" in answer or answer.get("error") == "consent_required":
            return True
        if answer.get("error") == "login_required":
            return False
        raise OidcProviderError(f"prompt=none came back with {answer}")

    # The walk through the provider's pages

    def _on_provider(self, url):
        return urlsplit(url)[:2] == urlsplit(self.provider.issuer)[:2]

    def _abort(self, page):
        for href, text in page.links:
            if href.endswith("/abort") or "Cancel" in text:
                return href, None
        raise OidcProviderError(f"No cancel link on the provider's page: {' '.join(page.text)}")

    def _walk(self, url, fill):
        """Request `url` and go on through the provider: its redirects, and its pages as `fill(page)` says
        (a (form, extra fields) to submit, an (href, None) to follow, or None to stop). The first URL off the
        provider (a str), or the provider's last response."""
        if not self._on_provider(url):
            raise OidcProviderError(f"{url} is not at the provider {self.provider.issuer}")
        method, data = "GET", None
        for _ in range(MAX_STEPS):
            response = self.session.request(method, url, data=data, allow_redirects=False, timeout=HTTP_TIMEOUT)
            if response.is_redirect:
                url, method, data = urljoin(response.url, response.headers["Location"]), "GET", None
            else:
                step = None
                if response.headers.get("Content-Type", "").startswith("text/html"):
                    page = _Page(response.text)
                    # oidc-provider's self-submitting pages (a form post: signing out of the provider's session
                    # when someone else signs in, or at the end-session endpoint without a session)
                    step = (page.forms[0], {}) if AUTO_SUBMIT in response.text and page.forms else fill(page)
                if step is None:
                    return response
                target, extra = step
                if extra is None:
                    url, method, data = urljoin(response.url, target), "GET", None
                else:
                    url, method = urljoin(response.url, target["action"]), target["method"]
                    data = {**target["fields"], **extra}
            if not self._on_provider(url):
                if data is not None:
                    raise OidcProviderError(f"The provider posts a form to {url} (response_mode=form_post?)")
                return url
        raise OidcProviderError(f"Still at the provider after {MAX_STEPS} steps, at {url}")

    def _back_to_client(self, result):
        if isinstance(result, str):
            return result
        raise OidcProviderError(f"The provider answered {result.status_code} at {result.url}: {_text(result)}")


def _text(response):
    return " ".join(_Page(response.text).text)[:500]
