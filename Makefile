# Shuwu: `make run` opens the app on the embedded demo; `make test` runs every test.
# Both set up everything they need (venv, Python packages, Debian packages) on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: run test lint bench bench-quick installer translations sysdeps-run sysdeps-test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $(STAMP)

sysdeps-run:
	bash tools/install_system_packages.sh run

sysdeps-test:
	bash tools/install_system_packages.sh test
	bash tools/ensure_postgres.sh

translations: $(STAMP)
	$(PY) tools/i18n.py compile

run: sysdeps-run $(STAMP) translations
	$(VENV)/bin/shuwu demo

test: sysdeps-test $(STAMP) translations
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: sysdeps-test $(STAMP) translations
	$(PY) -m bench

bench-quick: sysdeps-test $(STAMP) translations
	$(PY) -m bench --quick

installer: sysdeps-test $(STAMP) translations
	bash installer/build.sh

clean:
	rm -rf $(VENV) build dist resources/translations/*.qm
