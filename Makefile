# `make` sets everything up and builds the seeds into output/; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all build setup system test bench docs clean

all: build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

build: setup
	$(BIN)/kg build seeds -o output

# What the tests need from the system: Chromium for the page, rapper for Turtle validation.
system:
	@command -v chromium >/dev/null && command -v rapper >/dev/null && command -v virtuoso-t >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium raptor2-utils virtuoso-opensource >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium raptor2-utils virtuoso-opensource >/dev/null; fi; }

test: setup system
	$(BIN)/python -m pytest -q

# The benchmark corpus (JSON Lines, .gz or not): make bench CORPUS=path/to/articles.jsonl.gz
CORPUS ?= ../shared/corpus/fr-news.jsonl.gz

bench: setup
	$(BIN)/python bench/run.py --corpus $(CORPUS) --sizes 100 1000 4945 --workers 1 2 --skip 4945x1 --repeat 1

# The command outputs shown in README.md and docs/sparql.md, run again on output/ (tests/test_docs.py checks them).
docs: setup
	$(BIN)/python docs/refresh.py

clean:
	rm -rf $(VENV) build *.egg-info
