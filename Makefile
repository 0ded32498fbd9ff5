# Each target sets up what it needs: .venv at the repository root with the package and its dependencies.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval shortcuts train accuracy fuzz lint clean system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/reportcheck demo corpus/samples -o out

# LibreOffice (for .doc/.wps and the real-file tests) and CJK fonts, from Debian, when missing and when we may install
system-deps:
	@if ! command -v soffice >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi cjk; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk >/dev/null; \
	  else echo "note: LibreOffice/CJK fonts missing and cannot install them here; the real-file tests will be skipped"; fi; \
	fi

test: $(STAMP) system-deps
	$(BIN)/ruff check src tests tools
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/reportcheck eval corpus/test

shortcuts: $(STAMP)
	$(BIN)/python -m reportcheck.measure.shortcuts corpus

train: $(STAMP)
	$(BIN)/python -m reportcheck.measure.train

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest -q tests/test_fuzz.py

accuracy: $(STAMP)
	$(BIN)/python tools/accuracy_table.py

lint: $(STAMP)
	$(BIN)/ruff check src tests tools

clean:
	rm -rf out .pytest_cache
