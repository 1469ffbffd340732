# The README's commands. Thin wrappers: the logic lives in the cyberorigen CLI and .ci/.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
REDOC_VERSION ?= 2
POSTGRES_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/postgres
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
#: The example plugin is installed here for the tests, not into the virtualenv `make run`
#: serves from (pytest puts this folder on sys.path: pyproject.toml).
TEST_PLUGINS := var/test-plugins

.PHONY: run install install-dev install-example assets services test test-sqlite test-postgres \
	test-example lint bench

## Run the appliance on this machine: SQLite, no other service needed. Quiet until the
## admin's password, so that it is the last thing printed before the server's address.
run: install assets
	@$(BIN)/cyberorigen init
	@$(BIN)/cyberorigen serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,postgres]'
	$(BIN)/pip install --quiet -e './clients/python[generate]'

## ReDoc's script from the npm package redoc 2.x, into the ignored var/assets/redoc/.
assets:
	bash .ci/fetch-redoc $(REDOC_VERSION) var/assets/redoc

## Start PostgreSQL and Redis if they are not running.
services:
	bash .ci/services

## The example plugin, installed as a plugin author's users would (a non-editable pip install).
## Into $(TEST_PLUGINS), not the virtualenv: the appliance of `make run` does not load it.
install-example: install-dev
	-@$(BIN)/pip uninstall --quiet --quiet --yes cyberorigen-example-plugin
	rm -rf $(TEST_PLUGINS)
	$(BIN)/pip install --quiet --no-deps --target $(TEST_PLUGINS) ./examples/cyberorigen-example-plugin

## The whole test suite, on SQLite and on PostgreSQL, and the example plugin's own tests.
test: install-dev install-example assets services test-sqlite test-postgres test-example

test-sqlite:
	CYBERORIGEN_TEST_DATABASE_URL= CYBERORIGEN_TEST_REDIS_URL=$(REDIS_TEST_URL) $(BIN)/python -m pytest

test-postgres:
	CYBERORIGEN_TEST_DATABASE_URL=$(POSTGRES_TEST_URL) CYBERORIGEN_TEST_REDIS_URL=$(REDIS_TEST_URL) $(BIN)/python -m pytest

test-example:
	cd examples/cyberorigen-example-plugin && PYTHONPATH=$(abspath $(TEST_PLUGINS)) \
		$(abspath $(BIN))/python -m pytest -q -p no:cacheprovider

lint:
	$(BIN)/ruff check core config plugins tests bench examples

bench: install-dev services
	$(BIN)/python bench/api_throughput.py
	$(BIN)/python bench/pipeline_overhead.py
	$(BIN)/python bench/scanners.py
	$(BIN)/python bench/webhooks.py
	$(BIN)/python bench/network_scan.py
	$(BIN)/python bench/reads_at_scale.py
	$(BIN)/python bench/api_throughput.py --rows 10000,100000,1000000 --duration 5 --warmup 2 --connections 4

## Regenerate the Go client's typed layer (clients/go/zz_generated.go) from the OpenAPI document.
.PHONY: clients clients-go
clients: clients-go
clients-go: install-dev
	$(BIN)/python clients/go/generate.py

## Regenerate the Python SDK (clients/python: openapi.json and cyberorigen_client/generated).
.PHONY: clients-python
clients: clients-python
clients-python: install-dev
	$(BIN)/python clients/python/generate.py

## Regenerate the TypeScript SDK (clients/typescript: src/schema.ts, its version, dist/).
.PHONY: clients-typescript
clients: clients-typescript
clients-typescript: install-dev
	PYTHON=$(abspath $(BIN))/python bash clients/typescript/scripts/dump-openapi.sh
	cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error \
		&& npm run --silent generate && npm run --silent build
