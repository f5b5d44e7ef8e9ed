# quizsite: the few commands people type. `make run` serves the site; `make test` runs the whole suite.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
# pip's notes about index folders this machine's pip configuration names but which do not exist are noise.
PIP := quiet_pip() { $(VENV)/bin/pip "$$@" 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }; }; quiet_pip
HOST ?= 127.0.0.1
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
# Runtime packages from Debian: espeak-ng speaks the flashcards (optional: without it the button hides).
APT_RUNTIME := espeak-ng
# Test-only packages from Debian: the browser the browser tests drive; gettext checks the translations.
APT_TEST := chromium gettext

.PHONY: help run serve worker test test-sqlite test-postgres lint typecheck check-python venv deps deps-dev \
        setup setup-dev system-runtime system-test messages bench bench-generator eval backup restore clean

help:
	@echo "make run        set everything up and serve the site on http://$(HOST):$(PORT)"
	@echo "make test       set everything up and run the whole suite on SQLite and PostgreSQL"
	@echo "make serve      serve with gunicorn, as in production (DEBUG off)"
	@echo "make lint       ruff and mypy"
	@echo "make bench      the load benchmark (gunicorn; SQLite and PostgreSQL; 1, 10 and 50 learners)"
	@echo "make backup     back up the database and media into backups/"
	@echo "make restore BACKUP=backups/quizsite-...   put a backup back (stop the servers first)"

# Python ------------------------------------------------------------------------------------------------------

# The first interpreter that is Python 3.12 or newer: pyenv's (selected by .python-version), then the usual names.
PYTHON_FOUND := $(shell for p in python3 python3.14 python3.13 python3.12 python; do \
	  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	  && { command -v $$p; break; }; done)

check-python:
	@if [ -z "$(PYTHON_FOUND)" ]; then \
	  found=$$(command -v python3 || command -v python || echo none); \
	  version=$$($$found --version 2>&1 || true); \
	  echo "quizsite needs Python 3.12 or newer; found $${version:-no Python} at $$found." >&2; exit 1; fi

$(VENV)/bin/python: | check-python
	@echo "Creating $(VENV) with $(PYTHON_FOUND) ($$($(PYTHON_FOUND) --version))"
	@$(PYTHON_FOUND) -m venv $(VENV)
	@$(PIP) install --quiet --upgrade pip

# Reinstall only when a requirements file changed.
$(VENV)/.deps: requirements.txt | $(VENV)/bin/python
	@echo "Installing requirements.txt"
	@$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.deps-dev: requirements.txt requirements-dev.txt $(VENV)/.deps
	@echo "Installing requirements-dev.txt"
	@$(PIP) install --quiet -r requirements-dev.txt
	@touch $@

venv: $(VENV)/bin/python
deps: $(VENV)/.deps
deps-dev: $(VENV)/.deps-dev

# Debian packages (installed when missing; needs root) --------------------------------------------------------

system-runtime:
	@./.ci/apt-ensure optional $(APT_RUNTIME)

system-test:
	@./.ci/apt-ensure required $(APT_TEST)
	@command -v npm >/dev/null || ./.ci/apt-ensure required nodejs npm

# (The check above asks the server's own "postgres" database: the suite creates test_<name> itself.)

# Test-only tools from the npm registry (axe-core), pinned by package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json | system-test
	@echo "Installing the npm test tools (package-lock.json)"
	@npm ci --no-audit --no-fund --loglevel=error

# The site ------------------------------------------------------------------------------------------------------

setup: deps system-runtime
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py collectstatic --no-input -v 0
	$(PY) manage.py import_article seeds/

setup-dev: deps-dev setup

run: setup
	@echo
	@echo "  quizsite is at http://$(HOST):$(PORT)/"
	@echo "  Make a teacher account:  $(PY) manage.py create_teacher USERNAME"
	@echo "  (Ctrl-C stops the server and the background worker.)"
	@echo
	@trap 'kill 0' EXIT INT TERM; \
	  DJANGO_DEBUG=1 $(PY) manage.py db_worker & \
	  DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

serve: setup
	@echo "quizsite (gunicorn) at http://$(HOST):$(PORT)/ ; set DJANGO_HTTPS=0 when serving plain HTTP"
	@trap 'kill 0' EXIT INT TERM; \
	  $(PY) manage.py db_worker & \
	  $(VENV)/bin/gunicorn quizsite.wsgi --bind $(HOST):$(PORT) --workers $${WORKERS:-2} --access-logfile -

worker: deps
	$(PY) manage.py db_worker

# Tests -----------------------------------------------------------------------------------------------------------

test: setup-dev system-test node_modules/.package-lock.json
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory test-sqlite
	@$(MAKE) --no-print-directory test-postgres

test-sqlite:
	@echo "== the suite on SQLite"
	DATABASE_URL= $(PY) -m pytest -n 2 --dist loadgroup

test-postgres:
	@if ! $(PY) -c "import psycopg, sys, urllib.parse as u; url = u.urlsplit(sys.argv[1]); \
	    psycopg.connect(url._replace(path='/postgres').geturl(), connect_timeout=3).close()" '$(PG_TEST_URL)' 2>/dev/null; then \
	  echo; echo "!!!!!! PostgreSQL is not reachable at $(PG_TEST_URL): the PostgreSQL half of the suite did NOT run. !!!!!!"; echo; \
	  if [ "$${CI:-}" = "true" ]; then exit 1; fi; \
	else \
	  echo "== the suite on PostgreSQL"; \
	  DATABASE_URL=$(PG_TEST_URL) $(PY) -m pytest -n 2 --dist loadgroup; \
	fi

lint: deps-dev
	@echo "== lint: ruff and mypy"
	@$(VENV)/bin/ruff check --quiet .
	@$(VENV)/bin/ruff format --check --quiet .
	@$(VENV)/bin/mypy quiz quizsite

# The load benchmark: gunicorn as in production on SQLite, then PostgreSQL (+ Redis), 1, 10 and 50 learners.
# BENCH_ARGS passes options, e.g. BENCH_ARGS="--databases sqlite --learners 50 --think 2".
bench: deps
	$(PY) -m quiz.loadtest $(BENCH_ARGS)

bench-generator: deps
	$(PY) -m quiz.generation.bench

# The generator's coverage of human questions on the development set kept outside the repository.
EVAL ?= ../shared/eval
eval: deps
	@test -d "$(EVAL)" || { echo "no development set at $(EVAL) (set EVAL=...)" >&2; exit 2; }
	@mkdir -p var/eval
	$(PY) -m quiz.generation.evaluate "$(EVAL)/arcd-train-paragraphs.jsonl" var/eval/questions.jsonl
	$(PY) "$(EVAL)/score_coverage.py" var/eval/questions.jsonl --top 5

backup: deps
	$(PY) manage.py backup

restore: deps
	@if [ -z "$(BACKUP)" ]; then echo "usage: make restore BACKUP=backups/quizsite-..." >&2; exit 2; fi
	$(PY) manage.py restore "$(BACKUP)"

messages: deps
	cd quiz && ../$(PY) ../manage.py makemessages -l ar -l en --no-obsolete && ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) var
