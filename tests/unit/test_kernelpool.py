"""Warm kernels (issue 22): a kernel started before its notebook, handed over with its run's
settings, shut down when unused, replaced when it died. The kernels here are stand-ins that
answer as each test says (a real kernel's hand-over is checked by the integration tests and by
the suite's outputs staying byte-identical)."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.kernelpool import KernelPool, common_imports, import_code, spare_plan


class FakeKernel:
    """A kernel manager whose kernel starts at once and stays alive until the test says."""
    made: list[FakeKernel] = []

    def __init__(self, ipc_dir: str, pidfile: Path | None):
        self.ipc_dir, self.pidfile = ipc_dir, pidfile
        self.connection_file = f"{ipc_dir}/kernel.json"
        self.provisioner = type("Provisioner", (), {"pid": 4242 + len(FakeKernel.made)})()
        self.alive = False
        self.started_with: dict = {}
        self.shutdowns: list[bool] = []  # each shutdown's ``now``
        self.analysis_clients: list = []
        FakeKernel.made.append(self)

    async def start_kernel(self, **kw):
        self.alive, self.started_with = True, kw
        if self.pidfile:
            Path(self.pidfile).write_text(str(self.provisioner.pid))

    async def is_alive(self):
        return self.alive

    async def shutdown_kernel(self, now=False):
        self.shutdowns.append(now)
        self.alive = False

    async def cleanup_resources(self, restart=False):
        pass


class FakeClient:
    """A blocking client; answers each request with the status the test set (none: no answer)."""
    made: list[FakeClient] = []
    statuses: list[str] = []  # the answers to the 1st, 2nd, ... request

    def __init__(self, connection_file: str):
        self.sent: list[tuple[str, dict]] = []
        self.replies: queue.Queue = queue.Queue()
        self.stopped = False
        FakeClient.made.append(self)

    def load_connection_file(self):
        pass

    def start_channels(self, **kw):
        self.channels = kw

    def execute(self, code, **kw):
        msg_id = f"request-{len(self.sent)}"
        if len(self.sent) < len(FakeClient.statuses):
            self.replies.put({"parent_header": {"msg_id": msg_id}, "content": {"status": FakeClient.statuses[len(self.sent)]}})
        self.sent.append((code, kw))
        return msg_id

    def get_shell_msg(self, timeout):
        return self.replies.get(timeout=timeout)

    def stop_channels(self):
        self.stopped = True


@pytest.fixture
def pool(tmp_path):
    FakeKernel.made, FakeClient.made, FakeClient.statuses = [], [], ["ok", "ok"]
    return KernelPool(FakeKernel, tmp_path / "spare.pid", ready_timeout=2.0, client_class=FakeClient)


IMPORTS = [["analysis", "plotting"], ["pandas", ""]]
ENV = {"ANALYSIS_TABLES_DIR": "/stage/tables", "ANALYSIS_RUN_NAME": "region_profile-jiaxing"}


def test_a_waiting_kernel_is_handed_over_with_its_runs_settings_after_its_imports(pool, tmp_path):
    pool.prepare("/nb", {"HOME": "/root"}, IMPORTS)
    [km], [client] = FakeKernel.made, FakeClient.made
    assert km.started_with == {"extra_arguments": ["--HistoryManager.hist_file=:memory:"], "cwd": "/nb",
                               "env": {"HOME": "/root"}}
    assert (tmp_path / "spare.pid").read_text() == "4242"  # killed with the worker should it be killed
    assert pool.take("/nb", ENV, tmp_path / "job.pid") is km
    # two silent requests: the imports when started, the run's settings when handed over
    assert [code for code, _ in client.sent] == [
        "[__import__('analysis', fromlist=['plotting']), __import__('pandas')]",
        "__import__('os').environ.update({'ANALYSIS_TABLES_DIR': '/stage/tables', "
        "'ANALYSIS_RUN_NAME': 'region_profile-jiaxing'})"]
    assert all(kw["silent"] and not kw["store_history"] and not kw["stop_on_error"] for _, kw in client.sent)
    assert client.stopped and km.shutdowns == []
    assert (tmp_path / "job.pid").read_text() == "4242"  # now the run's kernel, killed with its run
    assert not (tmp_path / "spare.pid").exists()
    assert pool.spare is None  # handed out once: the next notebook gets another


def test_nothing_waiting_means_a_cold_start(pool):
    assert pool.take("/nb", ENV) is None


def test_only_one_kernel_waits_at_a_time(pool):
    pool.prepare("/nb", {}, IMPORTS)
    pool.prepare("/nb", {}, IMPORTS)
    assert len(FakeKernel.made) == 1


def test_a_kernel_that_died_while_waiting_is_not_handed_out(pool, tmp_path):
    FakeClient.statuses = []  # a dead kernel answers nothing
    pool.prepare("/nb", {}, IMPORTS)
    [km] = FakeKernel.made
    km.alive = False
    assert pool.take("/nb", ENV, tmp_path / "job.pid") is None  # papermill starts a kernel for the notebook
    assert not (tmp_path / "job.pid").exists() and pool.spare is None


def test_a_kernel_whose_imports_failed_is_shut_down_not_handed_out(pool):
    FakeClient.statuses = ["error", "ok"]  # the notebook, on a cold kernel, shows the import error itself
    pool.prepare("/nb", {}, IMPORTS)
    assert pool.take("/nb", ENV) is None
    assert FakeKernel.made[0].shutdowns == [True]


def test_a_kernel_that_does_not_answer_in_time_is_shut_down(tmp_path):
    FakeKernel.made, FakeClient.made, FakeClient.statuses = [], [], ["ok"]  # the settings never answered
    pool = KernelPool(FakeKernel, None, ready_timeout=0.5, client_class=FakeClient)
    pool.prepare("/nb", {}, IMPORTS)
    assert pool.take("/nb", ENV) is None
    assert FakeKernel.made[0].shutdowns == [True]


def test_a_kernel_started_in_another_folder_is_not_handed_out(pool):
    pool.prepare("/nb", {}, IMPORTS)
    assert pool.take("/elsewhere", ENV) is None  # its relative paths would resolve elsewhere
    assert FakeKernel.made[0].shutdowns == [True]


def test_an_unused_kernel_is_shut_down_when_the_worker_ends(pool, tmp_path):
    pool.prepare("/nb", {}, IMPORTS)
    pool.close()
    assert FakeKernel.made[0].shutdowns == [True] and FakeClient.made[0].stopped
    assert not (tmp_path / "spare.pid").exists()
    pool.close()  # nothing waiting: nothing to do


def test_a_kernel_handed_out_is_shut_down_after_its_notebook_with_nbclients_clients(pool):
    pool.prepare("/nb", {}, IMPORTS)
    km = pool.take("/nb", ENV)
    nbclient_client = FakeClient("x")
    km.analysis_clients.append(nbclient_client)
    pool.release(km)
    assert km.shutdowns == [False]  # gracefully, as nbclient shuts down a kernel it started
    assert nbclient_client.stopped


# --- what a waiting kernel imports -----------------------------------------------------------------
def _notebook(path: Path, *sources: str) -> Path:
    cells = [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": 'lang = "en"', "outputs": []}]
    cells += [{"cell_type": "code", "metadata": {}, "source": s, "outputs": []} for s in sources]
    path.write_text(json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# A"}, *cells]}))
    return path


def test_a_notebooks_leading_imports_stop_at_its_first_other_statement(tmp_path):
    nb = _notebook(tmp_path / "a.ipynb",
                   "from IPython.display import Markdown, display\nfrom analysis import plotting, report as r\n"
                   "import pandas as pd, numpy\n\nplotting.setup(lang)\nimport scipy",  # scipy comes after code
                   "import statsmodels")  # a later cell
    assert common_imports([nb]) == [("IPython.display", "Markdown"), ("IPython.display", "display"),
                                    ("analysis", "plotting"), ("analysis", "report"), ("pandas", ""), ("numpy", "")]


def test_notebooks_share_the_imports_all_of_them_make_in_the_first_ones_order(tmp_path):
    a = _notebook(tmp_path / "a.ipynb", "from analysis import corpus, plotting, report\nx = 1")
    b = _notebook(tmp_path / "b.ipynb", "from IPython.display import display\nfrom analysis import report, plotting")
    assert common_imports([a, b]) == [("analysis", "plotting"), ("analysis", "report")]
    assert common_imports([a, b, _notebook(tmp_path / "c.ipynb")]) == []  # a notebook without code


def test_a_first_cell_with_a_magic_imports_nothing_ahead(tmp_path):
    nb = _notebook(tmp_path / "m.ipynb", "%matplotlib inline\nimport pandas")
    assert common_imports([nb]) == []


def test_the_spare_plan_names_the_folder_and_the_common_imports(tmp_path):
    (tmp_path / "other").mkdir()
    a = _notebook(tmp_path / "a.ipynb", "from analysis import report")
    b = _notebook(tmp_path / "b.ipynb", "from analysis import report, plotting")
    assert spare_plan([a, b]) == {"cwd": str(tmp_path), "imports": [["analysis", "report"]]}
    assert spare_plan([]) is None  # no notebook to come: no kernel started for nothing
    assert spare_plan([a, _notebook(tmp_path / "other/c.ipynb")]) is None


def test_the_import_statement_binds_no_name_and_ignores_a_name_that_is_not_a_module():
    code = import_code([("json", ""), ("email", "mime"), ("os", "path"), ("json", "dumps")])
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102  what the kernel runs, silently
    assert set(namespace) == {"__builtins__"}
    assert "email.mime" in sys.modules


def test_a_worker_kills_its_waiting_kernel_with_it(tmp_path):
    from analysis.runner import Worker

    def sleeper():
        return subprocess.Popen(["sleep", "60"], start_new_session=True)

    worker_proc, kernel = sleeper(), sleeper()
    (tmp_path / "kernel.pid").write_text(str(kernel.pid))
    with open(tmp_path / "log", "wb") as log:
        Worker(worker_proc, None, -1, log, tmp_path / "kernel.pid").kill()  # type: ignore[arg-type]
    assert worker_proc.wait(timeout=5) == -9 and kernel.wait(timeout=5) == -9


def test_the_worker_hands_its_waiting_kernel_to_papermill_and_shuts_it_down_even_on_failure(tmp_path, monkeypatch):
    import papermill

    from analysis import kernels

    seen: dict = {}

    def execute_notebook(*args, **kwargs):
        seen.update(kwargs)
        raise RuntimeError("the notebook failed")

    class Pool:
        calls: list = []

        def take(self, cwd, env, pidfile):
            self.calls.append(("take", cwd, pidfile))
            return "warm kernel"

        def prepare(self, cwd, env, imports):
            self.calls.append(("prepare", cwd, "ANALYSIS_RUN_NAME" in env, imports))

        def release(self, km):
            self.calls.append(("release", km))

    monkeypatch.setattr(papermill, "execute_notebook", execute_notebook)
    monkeypatch.setattr(os, "environ", dict(os.environ))  # the worker sets its run's settings in it
    job = {"notebook": "n.ipynb", "output": str(tmp_path / "out.ipynb"), "parameters": {}, "cwd": "/nb", "timeout": 5,
           "result": str(tmp_path / "result.json"), "env": {"ANALYSIS_RUN_NAME": "n", "ANALYSIS_KERNEL_PIDFILE": "/s/k.pid"},
           "spare": {"cwd": "/nb", "imports": [["analysis", "report"]]}}
    (tmp_path / "job.json").write_text(json.dumps(job))
    kernels.worker(str(tmp_path / "job.json"), Pool())  # type: ignore[arg-type]
    assert seen["km"] == "warm kernel"
    # the next notebook's kernel is started without this run's settings (it is told its own)
    assert Pool.calls == [("take", "/nb", "/s/k.pid"), ("prepare", "/nb", False, [["analysis", "report"]]),
                          ("release", "warm kernel")]
    assert json.loads((tmp_path / "result.json").read_text())["status"] == "failed"
