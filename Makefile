# Every target installs what it needs: a fresh clone with Python 3.11, pip and make is enough.
# Each Python gets environments of its own, named for its version: `make test` uses .venv-3.11
# (with the default python3), `make test PYTHON=python3.13` builds and uses .venv-3.13.
PYTHON ?= python3
# The interpreter: PYTHON itself, or one that pyenv installed without selecting it (its shim for
# python3.13 only runs when 3.13 is a selected version).
PYTHON_EXE := $(shell $(PYTHON) -c 'import sys; print(sys.executable)' 2>/dev/null \
	|| PYENV_VERSION="$$(pyenv versions --bare 2>/dev/null | tr '\n' ':')" pyenv which $(PYTHON) 2>/dev/null)
PY_VERSION := $(shell $(PYTHON_EXE) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
ifeq ($(PY_VERSION),)
$(error PYTHON=$(PYTHON) does not run: give a Python 3.11 or later, e.g. make test PYTHON=python3.13)
endif
VENV := .venv-$(PY_VERSION)
BIN := $(VENV)/bin
# The generator runs ruff as a post hook: it must find the pinned one first.
export PATH := $(abspath $(BIN)):$(PATH)
# Its first post hook, scripts/write_catalog.py, writes generated/catalog.py from the spec it
# generates from (here, or in the temporary folder of check-generated and update-spec).
ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
export MAGIC_HOUR_SPEC := $(abspath openapi.yaml)
export MAGIC_HOUR_SCRIPTS := $(ROOT)/scripts

GENERATOR := $(BIN)/openapi-python-client generate --path openapi.yaml \
	--config openapi-python-client.yaml --custom-template-path scripts/templates \
	--meta none --fail-on-warning --overwrite

.PHONY: install generate check-generated update-spec lint test test-library demo bench bench-quick bench-install clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON_EXE) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

generate: install
	$(GENERATOR) --output-path generated

check-generated: install
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GENERATOR) --output-path "$$tmp/generated" >/dev/null && \
	if diff -ru --exclude=__pycache__ generated "$$tmp/generated"; then \
		echo "generated/ is up to date with openapi.yaml"; \
	else \
		echo >&2; echo "generated/ is stale: run 'make generate' and commit the result." >&2; exit 1; \
	fi

# Rebuild openapi.yaml and generated/ from the upstream spec; see scripts/update_spec.py.
# ALLOW_BREAKING=1 writes even when a change breaks clients; DRY_RUN=1 only prints the report.
update-spec: install
	@test -n "$(UPSTREAM)" || { echo "usage: make update-spec UPSTREAM=<path or URL> [ALLOW_BREAKING=1] [DRY_RUN=1]" >&2; exit 2; }
	@$(BIN)/python scripts/update_spec.py "$(UPSTREAM)" $(if $(ALLOW_BREAKING),--allow-breaking) $(if $(DRY_RUN),--dry-run)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict magic_hour_ext generated
	$(BIN)/mypy --strict scripts/update_spec.py scripts/write_catalog.py scripts/spec_pipeline
	$(BIN)/mypy --strict scripts/bench
	$(BIN)/mypy --strict tests/magic_hour_ext/test_kinds_typing.py

# bench-install: the quick benchmark test needs the official SDK; installing it is make's job, not the test's.
# pytest runs in TEST_WORKERS processes (pytest-xdist; twice the cores by default, as most tests
# wait on sockets, timers and child processes) and measures the branch coverage of magic_hour_ext,
# subprocesses included ([tool.coverage] in pyproject.toml); below 95 % it fails.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) * 2 )))
test: check-generated lint bench-install
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist worksteal --cov --cov-report=term

# The library's tests (and the spec pipeline's unit tests: what pip resolves for them differs by
# Python), without lint, coverage, nor the generator's and bench's runs: what .ci/run adds on the
# newest Python, at the same time as `make test` on the oldest.
test-library: install
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist worksteal -p no:cacheprovider \
		tests/magic_hour_ext tests/generated tests/test_readme.py tests/scripts/spec_pipeline

# The whole path, offline: a photo is uploaded to a local server, whose background remover renders
# it for a few seconds; its two PNGs are downloaded into ./magic-hour-demo/ with live progress.
demo: install
	$(BIN)/magic-hour-ext demo

# Benchmarks against the official SDK and curl, on a local server: scripts/bench/. The SDK
# is installed only in .venv-bench-<Python version>. `make bench` writes docs/benchmarks.md (3 to 5
# minutes); `make bench-quick` measures every row in under a minute. ARGS passes options, e.g.
# --output PATH.
BENCH_VENV := .venv-bench-$(PY_VERSION)
BENCH_PY := $(BENCH_VENV)/bin/python

bench-install: $(BENCH_VENV)/.installed

$(BENCH_VENV)/.installed: pyproject.toml scripts/bench/requirements.txt
	$(PYTHON_EXE) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	$(BENCH_PY) -m pip install --quiet -e . -r scripts/bench/requirements.txt
	touch $@

bench: bench-install
	PYTHONPATH=scripts $(BENCH_PY) -m bench --via 'make bench$(if $(ARGS), ARGS="$(ARGS)")' $(ARGS)

bench-quick: bench-install
	PYTHONPATH=scripts $(BENCH_PY) -m bench --quick --via 'make bench-quick$(if $(ARGS), ARGS="$(ARGS)")' $(ARGS)

clean:
	rm -rf .venv-3.* .venv-bench-3.* .mypy_cache .pytest_cache .ruff_cache .coverage .coverage.*
