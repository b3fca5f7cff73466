# warta — the two commands of the README are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_OUT ?= out/demo

.PHONY: demo test bench models lint clean

$(BIN)/warta: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(BIN)/warta

## demo: install warta in .venv and run it on the bundled sample news
demo: $(BIN)/warta
	mkdir -p $(DEMO_OUT)
	$(BIN)/warta extract samples/ --format jsonl > $(DEMO_OUT)/articles.jsonl
	@echo "warta: $$(wc -l < $(DEMO_OUT)/articles.jsonl) articles extracted from samples/ -> $(DEMO_OUT)/articles.jsonl"

## test: install warta with its test extras in .venv and run the whole suite
test: $(BIN)/warta
	$(BIN)/python -m pytest

## bench: throughput and memory, as ratios against baselines measured in the same run
bench: $(BIN)/warta
	$(BIN)/python benchmarks/run.py

lint: $(BIN)/warta
	$(BIN)/python -m ruff check src tests

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info
