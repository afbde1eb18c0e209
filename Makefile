# Two commands set everything up on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# A Python 3.12 or newer: a plain python3.1x on PATH, or, with pyenv, an installed 3.12+ version
# (pyenv's shims only run with PYENV_VERSION set, so they are tried and skipped when they fail).
PYTHON ?= $(shell for c in python3.12 python3.13 python3.14 python3; do \
	  if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; \
	  then command -v $$c; exit 0; fi; done; \
	  for d in $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*; do \
	  if [ -x "$$d/bin/python3" ]; then echo "$$d/bin/python3"; exit 0; fi; done)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
SYSTEM_PACKAGES := chromium chromium-driver fonts-noto-cjk gettext poppler-utils clamav-daemon

.PHONY: help run test check lint format messages system-deps venv-app venv-test test-tools clean bench

help:
	@echo "make run          set up (virtual environment, database, demo data) and serve http://$(HOST):$(PORT)"
	@echo "make test         install what the tests need (system packages too) and run the whole suite, as CI does"
	@echo "make check        lint, then the suite without the browser tests: the quick check before a commit"
	@echo "make lint         ruff (rules and formatting) and import-linter (the apps' one-way dependencies)"
	@echo "make format       format the tree with ruff"
	@echo "make messages     compile the translations in locale/"
	@echo "make bench        run the benchmarks in bench/ (figures in bench/README.md)"
	@echo "make system-deps  install the system packages the tests need, when missing and allowed"
	@echo "make venv-app     the virtual environment with what the portal needs"
	@echo "make venv-test    the same, with what the tests need"
	@echo "make test-tools   the test tools from npm (the OpenID Provider), from their lock files"
	@echo "make clean        remove the virtual environment, the demo database and var/"

$(VENV)/bin/python:
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 or newer is required; install it (for example: apt-get install python3.12)." >&2; exit 1; fi
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"

$(VENV)/.installed-app: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --group app
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --group test
	@touch $@ $(VENV)/.installed-app

venv-app: $(VENV)/.installed-app
venv-test: $(VENV)/.installed-test

# Test tools from npm, pinned by their lock files: the OpenID Provider the sign-in tests run against.
OIDC_PROVIDER := tests/oidc_provider
$(OIDC_PROVIDER)/node_modules/.package-lock.json: $(OIDC_PROVIDER)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "Node.js 20.18+ and npm are needed by the tests (apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --prefix $(OIDC_PROVIDER) --no-audit --no-fund --loglevel=error
	@touch $@
test-tools: $(OIDC_PROVIDER)/node_modules/.package-lock.json

# System packages for the tests: Chromium and its driver (browser tests), Noto CJK (Chinese in PDFs),
# gettext (messages), poppler-utils (reading PDFs back) and clamd (uploads scanned by a real ClamAV daemon). Installed when missing and we may.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -x /usr/sbin/clamd ] || command -v clamd >/dev/null 2>&1 || missing="$$missing clamav-daemon"; \
	fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt_get="apt-get"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then apt_get="sudo apt-get"; \
	  else echo "Missing system packages:$$missing. Install them with: sudo apt-get install$$missing" >&2; exit 1; fi; \
	  echo "Installing system packages:$$missing"; \
	  $$apt_get update -qq && DEBIAN_FRONTEND=noninteractive $$apt_get install -y -qq --no-install-recommends$$missing >/dev/null; \
	fi

messages: venv-app
	@command -v msgfmt >/dev/null 2>&1 || { echo "gettext is needed to compile messages: apt-get install gettext" >&2; exit 1; }
	$(PY) manage.py compilemessages --ignore=.venv -v0

# The demo: the portal on SQLite, a simulated department back office on 127.0.0.1:$(BACKOFFICE_PORT) and the
# embedded background worker: deliveries, receipts, reminders (Celery takes over when REDIS_URL is set);
# Ctrl+C stops all three.
BACKOFFICE_PORT ?= 8765
DEV := DJANGO_SETTINGS_MODULE=portal.settings.dev BACKOFFICE_SECRET=dev-backoffice-secret
run: venv-app messages
	$(DEV) $(PY) manage.py migrate --no-input -v0
	$(DEV) $(PY) manage.py load_demo
	$(DEV) $(PY) manage.py calendar_load -v0
	$(DEV) $(PY) manage.py load_demo_flows
	$(DEV) $(PY) manage.py load_demo_bundles
	$(DEV) $(PY) manage.py connectors_load_demo --backoffice-url http://127.0.0.1:$(BACKOFFICE_PORT)
	$(DEV) $(PY) manage.py create_demo_editor
	$(DEV) $(PY) manage.py create_demo_staff
	$(DEV) $(PY) manage.py metrics_generate_demo --remove > /dev/null
	$(DEV) $(PY) manage.py metrics_generate_demo -v0 > /dev/null
	@mkdir -p var; trap 'kill $$(jobs -p) 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(PY) -m portal.demo.backoffice_sim --port $(BACKOFFICE_PORT) --secret-env BACKOFFICE_SECRET \
	  --db var/backoffice.sqlite3 --portal-url http://$(HOST):$(PORT)/connectors/inbound/demo-backoffice/status \
	  --auto-status ACCEPTED & \
	if [ -n "$$REDIS_URL" ]; then $(DEV) $(VENV)/bin/celery -A portal.celery:app worker -B -l warning & \
	else $(DEV) $(PY) manage.py worker & fi; \
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

lint: venv-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check --quiet . || { echo 'Run make format to format the tree.' >&2; exit 1; }
	$(VENV)/bin/lint-imports --no-cache

format: venv-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix --quiet .

test: system-deps venv-test test-tools messages lint
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run -v0
	SE_OFFLINE=true $(PY) -m pytest $(PYTEST_ARGS)

check: venv-test test-tools messages lint
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run -v0
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

bench: venv-test
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) db.sqlite3 var $(OIDC_PROVIDER)/node_modules
