# Every target installs what it needs: a fresh clone with Python 3.11, pip and make is enough.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The generator runs ruff as a post hook: it must find the pinned one first.
export PATH := $(abspath $(BIN)):$(PATH)

GENERATOR := $(BIN)/openapi-python-client generate --path openapi.yaml \
	--config openapi-python-client.yaml --custom-template-path scripts/templates \
	--meta none --fail-on-warning --overwrite

.PHONY: install generate check-generated lint test demo bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
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

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict magic_hour_ext generated

test: check-generated lint
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
