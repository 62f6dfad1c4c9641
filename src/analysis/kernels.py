"""The kernel and the worker: a worker process (``python -m analysis.kernels --serve``, or
``python -m analysis.kernels JOB_FILE`` for one job) executes notebooks one after another with
papermill, each on a kernel of its own (this interpreter), and writes a result file per job
that the scheduler reads.

- No kernelspec is needed: the kernel is this interpreter (papermill's NoSuchKernel trap).
- IPC sockets instead of TCP ports: no port races between parallel kernels (papermill
  issue #511), in a folder of the worker's own.
- The kernel's process id goes to a file, so that the scheduler can kill it with its worker.
- The worker normalises and renders its own notebook (``analysis.outputs``): in parallel,
  rather than one by one in the scheduler.
- Kernels start warm (``analysis.kernelpool``): while a worker runs a notebook, the next
  notebook's kernel starts and imports the house's heavy modules; still a kernel per notebook.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
from pathlib import Path

from analysis.kernelpool import KernelPool

__all__ = ["kernel_manager_class", "worker", "serve", "kill_group", "kill_pidfile"]


def kernel_manager_class():
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    class ProjectKernelManager(AsyncKernelManager):
        """The kernel is this interpreter (no kernelspec lookup), over IPC sockets."""

        def __init__(self, ipc_dir: str | None = None, pidfile: str | Path | None = None, **kwargs):
            kwargs["transport"] = "ipc"
            # jupyter_client puts IPC sockets at "kernel-ipc-N" in the working directory
            # unless told otherwise, so parallel kernels in one folder would share them.
            ipc_dir = ipc_dir or os.environ.get("ANALYSIS_KERNEL_IPC_DIR") or tempfile.mkdtemp()
            kwargs["ip"] = os.path.join(ipc_dir, "k")
            super().__init__(**kwargs)
            self.analysis_pidfile = pidfile or os.environ.get("ANALYSIS_KERNEL_PIDFILE")
            self.analysis_clients: list = []  # nbclient's, stopped when a kernel it did not start ends
            self._kernel_spec = KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name="Python 3 (analysis)", language="python", resource_dir="")

        async def _async_post_start_kernel(self, **kw):
            await super()._async_post_start_kernel(**kw)
            pidfile = self.analysis_pidfile
            pid = getattr(self.provisioner, "pid", None)
            if pidfile and pid:
                Path(pidfile).write_text(str(pid))

        def client(self, **kwargs):
            kc = super().client(**kwargs)
            self.analysis_clients.append(kc)
            return kc

    return ProjectKernelManager


def worker(job_file: str, pool: KernelPool | None = None) -> int:
    """Run one notebook with papermill, normalise and render it, write a result file. With a
    ``pool``: on its waiting kernel if it has one fit to hand out, and, if the job says more
    notebooks follow (``spare``), with the next one's kernel started meanwhile."""
    # papermill and nbconvert import nbformat, whose jsonschema imports rfc3987_syntax to check
    # "iri" strings, a grammar compiled at import: a second of every run, for a format no
    # notebook uses (jsonschema treats the module as absent; analysis.schema does the same)
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    from analysis import diagnosis, outputs, site

    job = json.loads(Path(job_file).read_text(encoding="utf-8"))
    job_env = job.get("env", {})
    # a waiting kernel inherits none of a job's settings: it is told them when it is handed out
    between_jobs = {k: v for k, v in os.environ.items() if k not in job_env}
    os.environ.update(job_env)  # what the run's kernel inherits: where its tables go, ...
    km = pool.take(job["cwd"], job_env, job_env.get("ANALYSIS_KERNEL_PIDFILE")) if pool else None
    if pool is not None and job.get("spare"):  # more notebooks to come (``kernelpool.spare_plan``)
        pool.prepare(job["spare"]["cwd"], between_jobs, job["spare"]["imports"])
    import papermill as pm

    result: dict = {"status": "done"}
    try:
        pm.execute_notebook(
            job["notebook"], job["output"], parameters=job["parameters"], kernel_name="python3",
            language="python", progress_bar=False, log_output=False, cwd=job["cwd"],
            kernel_manager_class=kernel_manager_class(), execution_timeout=job["timeout"],
            request_save_on_cell_execute=True, **({"km": km} if km is not None else {}))
    except Exception as err:  # classified by type (analysis.diagnosis); anything else is reported too
        result = diagnosis.classify(err)
    finally:
        if km is not None:
            pool.release(km)  # type: ignore[union-attr]  # nbclient shuts down only a kernel it started
    if result["status"] == "done":
        import nbformat

        try:
            nb = nbformat.read(job["output"], as_version=4)
            outputs.translate(nb, Path(job["notebook"]), str(job["all_parameters"].get("lang", "en")))
            outputs.normalise(nb, job["all_parameters"], set(job["given"]))
            Path(job["normalised"]).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
            Path(job["html"]).write_text(site.render_html(nb, job["stem"], job["name"], job["show_code"],
                                                                            str(job["all_parameters"].get("lang", "en"))),
                                         encoding="utf-8")
        except Exception as err:  # a report that cannot be rendered is a failed run, reported
            result = {"status": "failed", "ename": type(err).__name__, "evalue": f"rendering the report: {err}"}
    Path(job["result"]).write_text(json.dumps(result), encoding="utf-8")
    return 0


def serve() -> int:
    """A worker that runs one job after another: job files' paths come a line each on the pipe
    ``$ANALYSIS_JOB_FD``; after each job it writes "done" to ``$ANALYSIS_DONE_FD``; it ends at the
    end of the job pipe. Each job still runs in a kernel of its own (``worker``)."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # see worker()
    spare_pidfile = os.environ.get("ANALYSIS_SPARE_PIDFILE")
    pool = KernelPool(kernel_manager_class(), Path(spare_pidfile) if spare_pidfile else None)
    first = json.loads(os.environ.get("ANALYSIS_FIRST_KERNEL") or "null")  # its first notebook's spare_plan
    if first:  # that notebook's kernel starts while papermill is imported
        pool.prepare(first["cwd"], dict(os.environ), first["imports"])
    try:
        import papermill  # noqa: F401  imported once for every notebook this worker runs
        from nbconvert import HTMLExporter  # noqa: F401

        done = int(os.environ["ANALYSIS_DONE_FD"])
        with os.fdopen(int(os.environ["ANALYSIS_JOB_FD"]), "r") as jobs:
            for line in jobs:
                if line.strip():
                    worker(line.strip(), pool)
                    os.write(done, b"done\n")
    finally:
        pool.close()  # a kernel started for a notebook that did not come
    return 0


def kill_group(pid: int) -> None:
    """Kill a process and its session (a worker, or a kernel: each has a session of its own)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def kill_pidfile(pidfile: Path) -> None:
    """Kill the kernel whose process id a file holds (``kill_group``), if the file says one."""
    text = pidfile.read_text().strip() if pidfile.is_file() else ""
    if text.isdigit():
        kill_group(int(text))


if __name__ == "__main__" and len(sys.argv) == 2:
    raise SystemExit(serve() if sys.argv[1] == "--serve" else worker(sys.argv[1]))
