# Quick start: `make demo` then `make test`. Both create .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv bench clean samples lint golden

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,export,plot,ui,ui-test,ocr,dask]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m gongwen.demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check gongwen tests bench scripts
	$(BIN)/mypy gongwen

bench: $(STAMP)
	$(BIN)/python bench/read_bench.py
	$(BIN)/python bench/extract_bench.py

golden: $(STAMP)  # record a deliberate change of extraction output
	GONGWEN_REGEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

samples: $(STAMP)
	$(BIN)/python scripts/make_samples.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
