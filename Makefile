# aidlib: `make report` runs the analysis, `make test` checks it. `make help` lists targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
REPORT_DIR ?= reports

.DEFAULT_GOAL := help
.PHONY: help setup report test notebooks lint bench clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP) ## create .venv and install aidlib with everything it needs (pinned)

report: $(STAMP) ## run the main job: write the report into $(REPORT_DIR)/
	$(BIN)/aidlib report --out $(REPORT_DIR)

test: $(STAMP) ## run unit tests, doctests and strict nbval on every notebook
	$(BIN)/python -m pytest -q
	$(BIN)/python -m pytest -q --nbval --nbval-current-env notebooks/*.ipynb

notebooks: $(STAMP) ## re-execute every notebook in place (after a library change), paired .py kept in sync
	$(BIN)/jupytext --sync notebooks/*.ipynb
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False notebooks/*.ipynb

lint: $(STAMP) ## check style with ruff
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP) ## run the benchmark scripts and print their figures
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f; done

clean: ## remove the virtual environment and generated reports
	rm -rf $(VENV) $(REPORT_DIR)
