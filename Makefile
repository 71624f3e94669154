# aidlib: `make report` runs the analysis, `make test` checks it. `make help` lists targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
REPORT_DIR ?= reports

.DEFAULT_GOAL := help
.PHONY: help setup report test notebooks lint docs bench mutation clean

help: ## list the targets and the settings they use
	@echo "usage: make [TARGET] [REPORT_DIR=dir] [PYTHON=python3.x]"
	@echo
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}' \
		| sed -e 's|$$(REPORT_DIR)|$(REPORT_DIR)|g' -e 's|$$(VENV)|$(VENV)|g'
	@echo
	@echo "settings (now; override on the command line, e.g. make report REPORT_DIR=/tmp/r):"
	@echo "  REPORT_DIR=$(REPORT_DIR)"
	@echo "  PYTHON=$(PYTHON)"

$(STAMP): pyproject.toml constraints.txt
	@echo "[setup] creating $(VENV)/ with $(PYTHON) ($$($(PYTHON) --version 2>&1))"
	@$(PYTHON) -m venv $(VENV)
	@echo "[setup] upgrading pip in $(VENV)/"
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "[setup] installing aidlib (editable) and its pinned dependencies from constraints.txt;"
	@echo "[setup] the first time this downloads pandas, matplotlib, JupyterLab and more: about 2 minutes"
	@$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $(STAMP)
	@echo "[setup] done: $(VENV)/ is ready"

setup: $(STAMP) ## create .venv and install aidlib with everything it needs (pinned)

report: $(STAMP) ## check data/, execute every notebook, write the HTML report into $(REPORT_DIR)/
	@echo "[report] checking data/, then executing every notebook into $(REPORT_DIR)/ (about 30 s)"
	@$(BIN)/aidlib report --out $(REPORT_DIR)

test: $(STAMP) ## run unit tests, doctests and strict nbval on every notebook (both cores, one file per worker)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile --nbval --nbval-current-env tests src/aidlib notebooks/*.ipynb

notebooks: $(STAMP) ## re-execute every notebook in place (after a library change), paired .py kept in sync
	$(BIN)/jupytext --sync notebooks/*.ipynb
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False notebooks/*.ipynb

lint: $(STAMP) ## check style (ruff), the stages' import contracts (import-linter) and dead code (vulture)
	$(BIN)/ruff check src tests benchmarks tools docs/gen_reference.py
	$(BIN)/lint-imports
	$(BIN)/vulture src/aidlib tools/vulture_whitelist.py --min-confidence 80

docs: $(STAMP) ## build the docs site into site/ (offline, warnings as errors)
	DISABLE_MKDOCS_2_WARNING=true NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

bench: $(STAMP) ## run the benchmark scripts and print their figures
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f; done

mutation: $(STAMP) ## sampled mutation testing of the core modules (not part of test; ~20 min)
	$(BIN)/python tools/mutation.py

clean: ## remove $(VENV)/, the report $(REPORT_DIR)/ and its log
	rm -rf $(VENV) $(REPORT_DIR) $(REPORT_DIR).log site
