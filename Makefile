# Two commands do everything: `make reports` and `make test` (see README.md).
# Both create .venv with the locked dependencies on first use; re-running is
# fast because the install is redone only when requirements.lock or
# pyproject.toml change.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: reports test test-fast lint setup lock lab benchmarks clean clean-reports

reports: $(STAMP)
	$(BIN)/python -m analysis corpus clean --quiet
	$(BIN)/python -m analysis run

# The unit tests in two processes (pytest-xdist; each test makes its own project), then the
# integration tests in two, by group (tests/integration/conftest.py: a group shares its fixtures).
test: $(STAMP) lint
	$(BIN)/python -m pytest -n 2 -m "not integration"
	$(BIN)/python -m pytest -n 2 --dist loadgroup -m integration

# ruff (pyflakes, pycodestyle, isort, bugbear, pyupgrade) and mypy, configured in pyproject.toml
lint: $(STAMP)
	$(BIN)/python -m ruff check src tests benchmarks scripts
	$(BIN)/python -m mypy

test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -m "not integration"

setup: $(STAMP)

# JupyterLab on notebooks/, its kernel on the project's .venv (run as a module: the server's own
# interpreter starts the "python3" kernel, so the notebooks import this checkout's package).
# A notebook run here top to bottom gives the runner's results; its tables and figures go to a
# scratch folder ($TMPDIR/shuangchuang-tables, -figures), never into reports/.
lab: $(STAMP)
	$(BIN)/python -m jupyterlab --notebook-dir=notebooks $(LAB_ARGS)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed; found " + sys.version.split()[0] + " (set PYTHON=/path/to/python3.x)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

# Regenerate the lock file and environment.yml from pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --universal --python-version 3.10 --quiet -o requirements.lock
	$(PYTHON) scripts/write_environment_yml.py

benchmarks: $(STAMP)
	$(BIN)/python benchmarks/bench_cleaning.py

clean-reports:
	rm -rf reports/html reports/notebooks reports/failed reports/tables reports/figures reports/docs reports/index.html reports/manifest.json

clean: clean-reports
	rm -rf $(VENV) data/processed/corpus
