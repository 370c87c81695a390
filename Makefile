# Two commands: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501
ASSETS := static/vendor/.installed

.PHONY: run test lint typecheck unit bench chromium npm clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 of nieuwer is nodig ($(PYTHON) is te oud)."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## Leaflet and its plugins, served by the app itself so maps work without internet.
$(ASSETS): dashboard/maps/vendor.toml $(STAMP) | npm
	$(BIN)/python -m dashboard assets
	@touch $(ASSETS)

## Start the app on the embedded database; the sample is loaded when the database is empty.
run: $(STAMP) $(ASSETS)
	$(BIN)/python -m dashboard init-db --voorbeeld
	$(BIN)/streamlit run app.py --server.port $(PORT)

## Everything CI runs: lint, format check, types, all tests (unit, app and browser).
test: $(STAMP) $(ASSETS) chromium lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

## Browser tests drive Debian's chromium; install it when missing and we may, else stop clearly.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "chromium ontbreekt: installeren met apt-get"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "chromium ontbreekt en kan niet automatisch worden geinstalleerd."; \
			echo "Installeer het als root: apt-get install chromium"; exit 1; \
		fi; }

npm:
	@command -v npm >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "npm ontbreekt: installeren met apt-get"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
		else \
			echo "npm ontbreekt en kan niet automatisch worden geinstalleerd."; \
			echo "Installeer het als root: apt-get install npm"; exit 1; \
		fi; }

## Performance figures (see docs/performance.md).
bench: $(STAMP) $(ASSETS) chromium
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-output static/vendor
