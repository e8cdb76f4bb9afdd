# One place for what a developer and CI run. `make demo` installs and runs
# khronika on its sample corpus; `make test` runs everything CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Country shapes for the web map: Natural Earth via the npm package
# world-atlas (package.json, package-lock.json), copied into the package.
SHAPES := src/khronika/web/static/vendor/countries-110m.json

.PHONY: demo test lint install serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(SHAPES): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	mkdir -p $(dir $(SHAPES))
	cp node_modules/world-atlas/countries-110m.json $(SHAPES)

install: $(STAMP) $(SHAPES)

serve: install
	test -f demo.db || $(MAKE) demo
	$(BIN)/khronika --db demo.db serve

demo: $(STAMP) $(SHAPES)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/khronika --db demo.db ingest --no-progress src/khronika/data/sample
	$(BIN)/khronika --db demo.db articles
	$(BIN)/khronika --db demo.db stats
	$(BIN)/khronika --db demo.db contradictions

lint: $(STAMP) $(SHAPES)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .mypy_cache .ruff_cache .pytest_cache
	rm -rf node_modules $(dir $(SHAPES))
