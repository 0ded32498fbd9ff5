# Each target sets up what it needs: .venv at the repository root with the package and its dependencies.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval shortcuts train accuracy lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/reportcheck demo corpus/samples -o out

test: $(STAMP)
	$(BIN)/ruff check src tests tools
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/reportcheck eval corpus/test

shortcuts: $(STAMP)
	$(BIN)/python -m reportcheck.shortcuts corpus/test

train: $(STAMP)
	$(BIN)/python -m reportcheck.train

accuracy: $(STAMP)
	$(BIN)/python tools/accuracy_table.py

lint: $(STAMP)
	$(BIN)/ruff check src tests tools

clean:
	rm -rf out .pytest_cache
