"""A notebook adapted by hand (issue 23): `make lab` opens JupyterLab on notebooks/ with the
project's .venv as its kernel; a notebook run there top to bottom gives the runner's results.
Here the notebook runs as JupyterLab runs it: nbclient, the notebook's own "python3" kernel
started by this interpreter, in notebooks/, with none of the runner's environment."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from analysis import paths

pytestmark = pytest.mark.integration


def test_make_lab_starts_jupyterlab_on_the_notebooks_with_the_projects_interpreter():
    out = subprocess.run(["make", "-n", "lab"], cwd=paths.project_root(), capture_output=True, text=True, check=True)
    assert ".venv/bin/python -m jupyterlab --notebook-dir=notebooks" in out.stdout


def test_a_notebook_run_by_hand_gives_the_runners_tables_and_figures(real_reports, tmp_path, monkeypatch):
    reports, _ = real_reports
    for name in ("ANALYSIS_TABLES_DIR", "ANALYSIS_FIGURES_DIR", "ANALYSIS_RUN_NAME", "SHUANGCHUANG_ROOT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the kernel's scratch folders, for this test alone
    notebooks = paths.project_root() / "notebooks"
    nb = nbformat.read(notebooks / "03_targets.ipynb", as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(notebooks)}})
    client.km = client.create_kernel_manager()
    assert client.km.format_kernel_cmd()[0] == sys.executable  # the project's interpreter, not a system one
    client.execute()
    hand = tmp_path / "shuangchuang-tables" / "targets_scorecard-all.csv"
    assert hand.read_bytes() == (reports / "tables/03_targets/targets_scorecard-all.csv").read_bytes()
    for fmt in ("svg", "pdf", "png"):
        assert (tmp_path / "shuangchuang-figures" / f"targets_grid.{fmt}").read_bytes() == \
            (reports / f"figures/03_targets/targets_grid.{fmt}").read_bytes(), fmt
    assert not (reports / "tables" / "shuangchuang-tables").exists()  # nothing written into reports/
