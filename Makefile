# seedclean: every target bootstraps its own virtual environment on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help venv run test lint bench fuzz validate clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP) ## create .venv and install the project with its dev extras

run: $(STAMP) ## process seeds/ into output/ (exit 1 when a document was quarantined)
	$(PY) -m pipeline run --config pipeline.yaml --input seeds --output output

test: $(STAMP) ## run the test suite (pytest)
	$(PY) -m pytest

lint: $(STAMP) ## ruff over the code and tests
	$(PY) -m ruff check pipeline tests

validate: $(STAMP) ## check output/records.jsonl against the record schema
	$(PY) -m pipeline validate output/records.jsonl

bench: $(STAMP) ## speed and memory benchmark (slow; writes output/bench.json)
	$(PY) -m tests.bench

fuzz: $(STAMP) ## feed 10,000 random and mutated inputs through the whole pipeline
	$(PY) -m tests.fuzz

clean: ## remove generated output (keeps output/.gitkeep) and caches
	find output -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
	rm -rf .pytest_cache
