"""Warm kernels (issue 22): while a worker executes notebook N, the kernel for notebook N+1 is
already started and has imported the house's heavy modules, so that a notebook no longer pays
the kernel's start (about 0.9 s) and its imports (pandas, matplotlib, the analysis package:
1.4–1.8 s) before its first cell.

Each notebook still gets a fresh kernel of its own (no state of one notebook reaches the next):
what a waiting kernel has done before its notebook arrives is the imports, and they are sent as
an execute request with ``silent=True`` (no execution count, no history, no display hook, no
``pre_run_cell`` event; its output, should there be any, is on a message no notebook records).
A notebook's own ``from analysis import plotting`` then finds the modules imported: what the
import did (matplotlib's inline backend, the house style) is the state a cold kernel would be in
after the same statement.

The hand-over (``take``): the notebook's environment (where its tables go, its run's name) is
set in the kernel by a second silent request, and the worker waits for its reply: by then the
imports are done too (a kernel answers one request after another), the kernel is alive, and
nothing the notebook sends can overtake the two. A kernel that died while waiting, whose
imports failed, or that does not answer in time is shut down, not handed out: the notebook gets
a cold kernel (papermill starts one, as before). A kernel started for nothing (the last
notebook) is shut down with the worker (``close``); the scheduler kills it with the worker
through its process id file should the worker be killed.

papermill hands a started kernel manager to nbclient (``execute_notebook(..., km=...)``, the
``km`` of nbclient's ``NotebookClient``); nbclient then neither starts nor shuts it down, so
``release`` does, after the notebook.
"""

from __future__ import annotations

import ast
import functools
import json
import queue
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["KERNEL_ARGUMENTS", "common_imports", "spare_plan", "import_code", "Spare", "KernelPool"]

# what nbclient adds when it starts a kernel itself (its ``ipython_hist_file``): the same here
KERNEL_ARGUMENTS = ["--HistoryManager.hist_file=:memory:"]


# --- what a waiting kernel imports ------------------------------------------------------------
@functools.lru_cache(maxsize=256)
def _leading_imports(notebook: str, mtime_ns: int) -> tuple[tuple[str, str], ...]:
    """The import statements a notebook begins with (in its first code cell after the parameters,
    before any other statement), as (module, name) pairs: ``from analysis import plotting`` is
    ("analysis", "plotting"), ``import pandas as pd`` is ("pandas", "")."""
    cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    code = [c for c in cells if c.get("cell_type") == "code"
            and "parameters" not in c.get("metadata", {}).get("tags", [])
            and "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    if not code:
        return ()
    source = "".join(code[0]["source"]) if isinstance(code[0]["source"], list) else code[0]["source"]
    try:
        body = ast.parse(source).body
    except SyntaxError:  # IPython syntax (a magic): the notebook imports nothing before it
        return ()
    found: list[tuple[str, str]] = []
    for node in body:
        if isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.module, alias.name) for alias in node.names if alias.name != "*"]
        else:
            break  # later imports come after code that might depend on their order
    return tuple(found)


def common_imports(notebooks: list[Path]) -> list[tuple[str, str]]:
    """The leading imports every one of ``notebooks`` makes, in the first one's order: what a
    kernel may import before it knows which of them it will run."""
    if not notebooks:
        return []
    each = [_leading_imports(str(nb), nb.stat().st_mtime_ns) for nb in notebooks]
    return [pair for pair in each[0] if all(pair in other for other in each[1:])]


def spare_plan(upcoming: list[Path]) -> dict | None:
    """What a worker's waiting kernel is prepared for, given the notebooks one of which it may run
    next (the scheduler's next ``--jobs`` runs): their folder and common imports; None when no
    notebook is to come (no kernel is started for nothing), or they are in different folders."""
    if not upcoming or len({nb.parent for nb in upcoming}) != 1:
        return None
    return {"cwd": str(upcoming[0].parent), "imports": [list(pair) for pair in common_imports(upcoming)]}


def import_code(imports: list[tuple[str, str]] | list[list[str]]) -> str:
    """One silent statement that imports ``imports`` and binds no name (``__import__``'s fromlist
    does what ``from m import a`` does for a submodule ``a``, and ignores a name that is not one)."""
    calls = [f"__import__({module!r}, fromlist=[{name!r}])" if name else f"__import__({module!r})"
             for module, name in imports]
    return f"[{', '.join(calls)}]"


def _run_sync(coroutine_function: Callable) -> Callable:
    """jupyter_core's runner: the event loop nbclient uses for the kernel manager too."""
    # imported here for start-up speed: the scheduler imports this module for ``spare_plan`` only
    from jupyter_core.utils import run_sync

    return run_sync(coroutine_function)


@dataclass
class Spare:
    """A kernel waiting for its notebook: its manager, the client that sent its imports, the
    folder it was started in, its IPC sockets' folder, and the import request's id."""
    km: Any
    client: Any
    cwd: str
    ipc_dir: str
    imports_id: str


class KernelPool:
    """One waiting kernel at a time, for one worker.

    ``manager_class(ipc_dir=..., pidfile=...)`` makes a kernel manager (``analysis.kernels``);
    ``pidfile`` is where a waiting kernel's process id goes (the scheduler kills it from there)."""

    def __init__(self, manager_class: Callable[..., Any], pidfile: Path | None, *, ready_timeout: float = 60.0,
                 client_class: Callable[..., Any] | None = None):
        self.manager_class = manager_class
        self.client_class = client_class  # jupyter_client's BlockingKernelClient unless told otherwise
        self.pidfile = pidfile
        self.ready_timeout = ready_timeout
        self.spare: Spare | None = None

    # --- starting a kernel before its notebook ----------------------------------------------
    def prepare(self, cwd: str, env: dict[str, str], imports: list) -> None:
        """Start the next notebook's kernel (in ``cwd``, with the environment ``env``: none of a
        job's settings), and send it ``imports`` (``common_imports``); returns at once (the kernel
        starts and imports in its own process, while this worker runs a notebook)."""
        if self.spare is not None:
            return
        from jupyter_client.blocking import BlockingKernelClient  # start-up speed, as in _run_sync

        client_class = self.client_class or BlockingKernelClient
        ipc_dir = tempfile.mkdtemp(prefix="sc-spare-")  # short: socket paths are limited to ~100 bytes
        km = self.manager_class(ipc_dir=ipc_dir, pidfile=self.pidfile)
        try:
            _run_sync(km.start_kernel)(extra_arguments=list(KERNEL_ARGUMENTS), cwd=cwd, env=env)
        except Exception:  # a kernel that cannot start: the notebook starts one cold, and says why
            shutil.rmtree(ipc_dir, ignore_errors=True)
            return
        client = client_class(connection_file=km.connection_file)
        client.load_connection_file()
        client.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        # queued by zmq until the kernel is listening
        imports_id = client.execute(import_code(imports), silent=True, store_history=False, stop_on_error=False)
        self.spare = Spare(km, client, cwd, ipc_dir, imports_id)

    # --- handing it over -----------------------------------------------------------------------
    def take(self, cwd: str, env: dict[str, str], pidfile: Path | None = None) -> Any:
        """The waiting kernel's manager, with ``env`` set in the kernel, its imports done and its
        process id written to ``pidfile``; None when there is none fit to hand out (none waiting,
        started elsewhere than ``cwd``, dead, its imports failed, or no answer in time): it is then
        shut down, and the notebook gets a kernel started for it."""
        spare, self.spare = self.spare, None
        if spare is None:
            return None
        ready = spare.cwd == cwd and self._ready(spare, env)
        spare.client.stop_channels()
        if not ready:
            self._shut_down(spare.km, spare.ipc_dir, now=True)
            return None
        if pidfile is not None:  # the notebook's kernel now: the scheduler kills it with its run
            Path(pidfile).write_text(str(spare.km.provisioner.pid))
        if self.pidfile is not None:
            self.pidfile.unlink(missing_ok=True)
        spare.km.analysis_ipc_dir = spare.ipc_dir  # removed with the kernel (``release``)
        return spare.km

    def _ready(self, spare: Spare, env: dict[str, str]) -> bool:
        """Set ``env`` in the kernel and wait for the answer (the imports' answer comes first)."""
        env_id = spare.client.execute(f"__import__('os').environ.update({dict(env)!r})", silent=True,
                                      store_history=False, stop_on_error=False)
        answers: dict[str, str] = {}
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            try:
                reply = spare.client.get_shell_msg(timeout=0.2)
            except queue.Empty:
                if not _run_sync(spare.km.is_alive)():
                    return False
                continue
            answers[reply["parent_header"].get("msg_id", "")] = reply["content"].get("status", "")
            if env_id in answers:
                return answers.get(spare.imports_id) == "ok" and answers[env_id] == "ok"
        return False

    # --- shutting down -------------------------------------------------------------------------
    def release(self, km: Any) -> None:
        """Shut down a kernel handed out by ``take``, after its notebook (gracefully, as nbclient
        shuts down a kernel it started), with the clients nbclient made for it."""
        for client in getattr(km, "analysis_clients", []):
            client.stop_channels()
        self._shut_down(km, getattr(km, "analysis_ipc_dir", ""), now=False)

    def close(self) -> None:
        """Shut down the waiting kernel, if any (no notebook came for it)."""
        spare, self.spare = self.spare, None
        if spare is not None:
            spare.client.stop_channels()
            self._shut_down(spare.km, spare.ipc_dir, now=True)
            if self.pidfile is not None:
                self.pidfile.unlink(missing_ok=True)

    @staticmethod
    def _shut_down(km: Any, ipc_dir: str, now: bool) -> None:
        try:
            if _run_sync(km.is_alive)():
                _run_sync(km.shutdown_kernel)(now=now)
            else:
                _run_sync(km.cleanup_resources)()
        except RuntimeError:  # "No kernel is running!": it ended meanwhile
            pass
        if ipc_dir:
            shutil.rmtree(ipc_dir, ignore_errors=True)
