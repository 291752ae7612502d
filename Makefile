# Two commands: `make demo` (set up, then run the whole pipeline on the bundled sample job board)
# and `make test` (set up, then run the test suite). Only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: setup demo test bench lint clean

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

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache data
