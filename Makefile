# Two entry points: `make site` builds the sample site into site/, `make test`
# runs every test. Both create .venv on first use; only python3 and make needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site test serve check bench catalog clean

# The whole models.dev catalog: imported into its own content tree (never content/),
# then built into site-catalog/.
CATALOG_SOURCE  ?= ../shared/data/models-dev/api.json
CATALOG_CONTENT ?= .cache/catalog-content

site: $(VENV)/.installed
	$(BIN)/modelreview build

test: $(VENV)/.dev-installed
	./scripts/install-chromium.sh
	./scripts/install-axe.sh
	$(BIN)/mypy
	$(BIN)/python -m pytest

catalog: $(VENV)/.installed
	rm -rf $(CATALOG_CONTENT)
	$(BIN)/modelreview import models-dev $(CATALOG_SOURCE) --all --into $(CATALOG_CONTENT)
	$(BIN)/modelreview build --content $(CATALOG_CONTENT) --site-dir site-catalog

check: $(VENV)/.installed
	$(BIN)/modelreview check

serve: $(VENV)/.installed
	$(BIN)/modelreview serve

bench: $(VENV)/.installed
	$(BIN)/python bench/check_bench.py
	$(BIN)/python bench/build_bench.py
	$(BIN)/python bench/preview_bench.py

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) site .site-* .pytest_cache site-catalog .site-catalog-* .cache
