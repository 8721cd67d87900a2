# The few commands people run. `make run` and `make test` set everything up.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: install run test adopter lint check-migrations clean bench attacks chaos soak

install: $(VENV)/.installed $(VENV)/axe/node_modules/axe-core/axe.min.js

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# npm's axe-core, which the accessibility tests inject into Chromium (tests/test_accessibility.py);
# without npm, `make run` goes on and those tests say what is missing.
$(VENV)/axe/node_modules/axe-core/axe.min.js:
	if command -v npm >/dev/null; then npm install --silent --no-fund --no-audit --prefix $(VENV)/axe axe-core@4; \
	else echo "npm not found: tests/test_accessibility.py needs npm's axe-core"; fi

# .env: development settings for every `manage.py` command (see README); never read by gunicorn.
run: install .env
	$(PY) manage.py migrate --no-input
	DEMO_HOST=$(HOST) $(PY) manage.py demo_admin
	$(PY) manage.py runserver $(HOST)

.env:
	printf '# Development settings, written by make run and read by manage.py (not by gunicorn).\nDJANGO_DEBUG=1\n' > $@

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

# The adopter project (tests/adopter): the app from its built wheel in another DRF project.
# DRF_VERSION=3.15.2 for the oldest DRF the app claims; the newest otherwise.
adopter:
	tests/adopter/run $(DRF_VERSION) $(PYTEST_ARGS)

lint: install check-migrations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SECRET_KEY=lint $(VENV)/bin/mypy catalog morpheus_errors bench

# The fault suite on a private PostgreSQL and Redis (bench/chaos.py; CHAOS_ARGS=--short for CI).
chaos: install
	$(PY) bench/chaos.py $(CHAOS_ARGS)

soak: install
	$(PY) bench/chaos.py --soak $${SOAK_SECONDS:-600}

check-migrations: install
	DJANGO_SECRET_KEY=check $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .venv-adopter-* .pytest_cache .mypy_cache .ruff_cache staticfiles

# All three measures (instructions, in-process CPU, wrk); BENCH_ARGS=--quick for a short run.
bench: install
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	@command -v valgrind >/dev/null || (apt-get update -qq && apt-get install -y -qq valgrind)
	@command -v cc >/dev/null || (apt-get update -qq && apt-get install -y -qq gcc)
	$(PY) bench/run.py $(BENCH_ARGS)

# Issue 15's attacks against gunicorn on PostgreSQL + Redis; appends its section to
# bench/results.md. Own names on a shared machine: ATTACKS_DB, ATTACKS_REDIS_DBS="8,9".
attacks: install
	$(PY) bench/attacks.py $(ATTACKS_ARGS)
