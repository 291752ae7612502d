# Two commands: `make demo` (set up, then run the whole pipeline on the bundled sample job board)
# and `make test` (set up, then run the test suite). Only Python 3.11+ and make are needed.
# Optional: `make compile` builds the extraction hot path with mypyc (needs a C compiler and Python headers;
# ~2 min); it is used only while it matches the sources, else the pure Python runs (skilltrends.extract.native).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: setup demo test bench lint compile clean

$(BIN)/skilltrends: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

setup: $(BIN)/skilltrends

demo: setup
	$(BIN)/skilltrends demo

test: setup
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src crawlers tests benchmarks scheduler.py
	$(BIN)/mypy

compile: setup
	$(BIN)/python -m skilltrends.extract.native_build build
	$(BIN)/python -m skilltrends.extract.native_build status

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache data src/skilltrends/extract/_compiled*
