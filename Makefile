# One place for what a developer and CI run. `make demo` installs and runs
# khronika on its sample corpus; `make test` runs everything CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/khronika --db demo.db ingest --no-progress src/khronika/data/sample
	$(BIN)/khronika --db demo.db articles
	$(BIN)/khronika --db demo.db stats

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .mypy_cache .ruff_cache .pytest_cache
