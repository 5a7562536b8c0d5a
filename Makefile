# spinemets: `make demo` and `make test` each set up .venv first (nothing else to install by hand).
# The interpreter .venv is made from (`make demo PYTHON=/path/to/python3` chooses another): the system's own
# python3 when it is 3.11 or newer and can make a venv, else python3 on PATH. Distributions build CPython with
# profile-guided and link-time optimisation; a build without them (pyenv's default, for one) runs the extractor
# about a fifth slower (README, "Speed").
PYTHON ?= $(shell for p in /usr/bin/python3 python3; do \
	$$p -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; exit; }; \
	done; echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/spinemets analyze examples/notes/leiomyosarcoma-c6.txt

test: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(STAMP)  # the import-layer contracts (pyproject's [tool.importlinter]), also the first step of `make test`
	$(BIN)/lint-imports

bench: $(STAMP)  # the extraction benchmark the README's speed figures come from (about 3 minutes)
	$(BIN)/python bench/bench_extract.py --reports 500

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
