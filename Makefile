# Two commands for a newcomer: `make run` and `make test`.
# Both create .venv on first use and reinstall only when a requirements file changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST_PORT ?= 127.0.0.1:8000
DEMO_PASSWORD ?= demo-pass-2026

# `make run` is for development: debug pages on, demo accounts allowed.
RUN_ENV := DEBUG=$${DEBUG:-true} DEMO_PASSWORD=$(DEMO_PASSWORD)
# Tests run with DEBUG off, as production does; the key is for tests only.
TEST_ENV := DEBUG=$${DEBUG:-false} SECRET_KEY=$${SECRET_KEY:-test-only-not-a-secret-$$(id -u)-0123456789abcdefghijklmnop} ALLOWED_HOSTS=$${ALLOWED_HOSTS:-testserver}

.PHONY: run test bench lint format collectstatic clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-runtime

run: $(VENV)/.installed-runtime
	$(RUN_ENV) $(BIN)/python manage.py migrate --no-input
	$(RUN_ENV) $(BIN)/python manage.py load_demo_content
	@echo ""
	@echo "  The site is at http://$(HOST_PORT)/  (admin: http://$(HOST_PORT)/admin/)"
	@echo "  Demo logins: admin, nurse, approver, support; password: $(DEMO_PASSWORD)"
	@echo ""
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST_PORT)

test: $(VENV)/.installed-dev
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

# Load test against the local PostgreSQL (see bench/run_bench.py); results in bench/results/.
bench: $(VENV)/.installed-runtime
	$(BIN)/python bench/run_bench.py $(BENCH_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
