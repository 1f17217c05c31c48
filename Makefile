# Shuwu: `make run` opens the app on the embedded demo; `make test` runs every test.
# Both set up everything they need (venv, Python packages, Debian packages) on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=
# pytest-xdist workers: one per core; each worker's PostgreSQL tests use their own databases.
TEST_WORKERS ?= auto
# The core without PostgreSQL, servers or screens: a quick check while working.
FAST_TESTS := tests/domain tests/protocol tests/foundation/test_qt_free.py tests/foundation/test_i18n.py \
	tests/circulation/test_properties.py tests/circulation/test_scenarios.py tests/catalog/test_marc.py \
	tests/catalog/test_catalog_service.py tests/sync/test_apply.py

.PHONY: run test test-fast lint bench bench-quick installer translations sysdeps-run sysdeps-test clean

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
	@start=$$(date +%s); status=0; \
	$(PY) -m pytest -n $(TEST_WORKERS) --durations=30 $(PYTEST_ARGS) || status=$$?; \
	echo "make test: wall time $$(( $$(date +%s) - start )) s"; exit $$status

test-fast: $(STAMP) translations
	@start=$$(date +%s); status=0; \
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not slow and not postgres" $(FAST_TESTS) $(PYTEST_ARGS) || status=$$?; \
	echo "make test-fast: wall time $$(( $$(date +%s) - start )) s"; exit $$status

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) -m pytest -q -p no:xdist tests/protocol/test_shared_protocol.py tests/foundation/test_qt_free.py \
		tests/foundation/test_layers.py tests/foundation/test_layers_ui.py \
		tests/foundation/test_ops_only.py

bench: sysdeps-test $(STAMP) translations
	$(PY) -m bench

bench-quick: sysdeps-test $(STAMP) translations
	$(PY) -m bench --quick

installer: sysdeps-test $(STAMP) translations
	bash installer/build.sh

clean:
	rm -rf $(VENV) build dist resources/translations/*.qm
