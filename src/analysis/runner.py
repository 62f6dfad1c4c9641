"""The suite runner's scheduler: papermill executes, nbconvert renders; the runner adds what
users of the two keep asking for. Its parts, each a module of its own:

- ``analysis.suite``: the plan (parameters checked before any kernel starts);
- ``analysis.fingerprint``: what decides a re-run, and ``--explain``;
- ``analysis.kernels``: the kernel and the worker process that runs one notebook;
- ``analysis.kernelpool``: the next notebook's kernel, started (and its imports made) meanwhile;
- ``analysis.outputs``: normalised, rendered, atomically written outputs;
- ``analysis.diagnosis``: why a run failed, from exception types, and which cell;
- ``analysis.manifest``: ``reports/manifest.json`` and ``verify``;
- ``analysis.site``: the index page, from a template;
- this module: the scheduler. ``--jobs`` workers at a time; each worker is watched by a
  thread that waits for it (and kills it with its kernel past its timeout) and posts a
  ``Finished`` event; the scheduler sleeps until an event arrives, never polls.

A notebook that raises, hangs or whose kernel dies is reported with the failing cell; the
partial notebook goes to ``reports/failed/``; the last good report is kept, because outputs
are written to temporary files and renamed into place only on success. A run whose inputs
have not changed is skipped. Heavy imports (papermill, nbconvert) happen only in the
workers, so a no-change run takes under a second.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from analysis import diagnosis, docs_site, paths, site
from analysis import manifest as manifests
from analysis.errors import UserError
from analysis.files import package_hash, sha256_file, write_atomic
from analysis.fingerprint import digest, environment, explain, fingerprint, fingerprint_parts, lock_hash
from analysis.kernelpool import spare_plan
from analysis.kernels import kill_group, kill_pidfile
from analysis.outputs import first_heading, headline
from analysis.slices import Slices
from analysis.suite import Run

__all__ = ["Options", "Result", "run_suite", "explain_runs", "summary_line", "verify", "prepare_drafts", "fingerprint", "environment"]

_GRACE_SECONDS = 15  # for kernel start-up and the worker's own clean-up after a cell timeout


@dataclass
class Options:
    reports_dir: Path = field(default_factory=paths.reports_dir)
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    force: bool = False
    show_code: bool = False
    fail_fast: bool = False
    quiet: bool = False


@dataclass
class Result:
    run: Run
    status: str  # done, skipped, failed
    duration: float = 0.0
    message: str = ""
    headline: str = ""
    outputs: dict[str, str] = field(default_factory=dict)  # relative path -> sha256
    fingerprint: str = ""
    inputs: dict = field(default_factory=dict)  # the fingerprint's parts, kept for --explain
    title: str = ""  # the notebook's first heading, for the site's navigation


@dataclass
class Worker:
    """A worker process (``python -m analysis.kernels --serve``) that runs one notebook after
    another: its interpreter, papermill and nbconvert start once rather than once a notebook
    (a second of every run), while every notebook still gets a kernel of its own. It reads job
    files' paths from a pipe, a line each, and writes a line to another after each job."""
    proc: subprocess.Popen
    jobs: IO  # where the scheduler writes job files' paths
    done: int  # the file descriptor the worker writes "done" to after each job
    log: IO
    spare_pidfile: Path  # the kernel waiting for its next notebook (``analysis.kernelpool``)

    def kill(self) -> None:
        kill_group(self.proc.pid)
        kill_pidfile(self.spare_pidfile)  # the kernel waiting for its next notebook has a session of its own

    def close(self, wait: float = 10.0) -> None:
        """Tell it there is no more work (end of its job pipe), and wait for it to end."""
        for step in (lambda: self.jobs.close(), lambda: self.proc.wait(timeout=wait)):
            try:
                step()
            except (OSError, subprocess.TimeoutExpired):
                self.kill()
                self.proc.wait()
        os.close(self.done)
        self.log.close()


@dataclass
class Job:
    """A run being executed: its worker, where it writes, and since when."""
    run: Run
    fingerprint: str
    stage: Path  # the run's staging folder: job file, executed notebook, tables, result
    spec: dict  # what the worker is told (the job file)
    worker: Worker
    ipc_dir: str
    started: float

    def kill_kernel(self) -> None:
        """The run's kernel (it has a session of its own), should it have outlived its notebook."""
        kill_pidfile(self.stage / "kernel.pid")

    def kill(self) -> None:
        """The worker and the kernel."""
        self.worker.kill()
        self.kill_kernel()


@dataclass
class Finished:
    """The event a watcher posts when its job has ended (or was killed at its timeout)."""
    job: Job
    timed_out: bool
    worker_alive: bool = True  # the worker said "done" and can take the next job


# --- progress -----------------------------------------------------------------------------
class _Progress:
    """One line per notebook as its state changes (waiting, running, done, skipped, failed),
    under a tqdm bar on a terminal; plain lines in a log; nothing but failures with --quiet."""

    def __init__(self, runs: list[Run], quiet: bool):
        self.quiet = quiet
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=len(runs), unit="nb", desc="notebooks", leave=True)
        for run in runs:
            self.state(run.name, "waiting")

    def _print(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)

    def state(self, name: str, state: str, detail: str = "") -> None:
        if self.quiet and state != "failed":
            return
        self._print(f"  {state:<8} {name}" + (f"  {detail}" if detail else ""))
        if self.bar is not None and state in ("done", "skipped", "failed"):
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --- starting, watching and collecting a worker ---------------------------------------------------
def _spawn(staging_root: Path, n: int, first: Run) -> Worker:
    """A worker process, with its two pipes (passed as file descriptors: a kernel inherits
    neither, and its output cannot mix with the worker's answers); its ``first`` notebook's kernel
    starts as the worker does. A waiting kernel's process id goes to ``spare-N/kernel.pid``."""
    jobs_r, jobs_w = os.pipe()
    done_r, done_w = os.pipe()
    log = open(staging_root / f"worker-{n}.log", "wb")
    (staging_root / f"spare-{n}").mkdir(exist_ok=True)
    env = {**os.environ, "SHUANGCHUANG_ROOT": str(paths.project_root()), "PYTHONHASHSEED": "0",
           "PYDEVD_DISABLE_FILE_VALIDATION": "1", "ANALYSIS_JOB_FD": str(jobs_r), "ANALYSIS_DONE_FD": str(done_w),
           "ANALYSIS_SPARE_PIDFILE": str(staging_root / f"spare-{n}" / "kernel.pid"),
           "ANALYSIS_FIRST_KERNEL": json.dumps(spare_plan([first.notebook]))}
    proc = subprocess.Popen([sys.executable, "-m", "analysis.kernels", "--serve"], stdout=log, stderr=subprocess.STDOUT,
                            env=env, start_new_session=True, pass_fds=(jobs_r, done_w))
    os.close(jobs_r)
    os.close(done_w)
    return Worker(proc, os.fdopen(jobs_w, "w"), done_r, log, staging_root / f"spare-{n}" / "kernel.pid")


def _start(run: Run, fp: str, options: Options, staging_root: Path, events: queue.Queue, worker: Worker,
           upcoming: list[Run]) -> Job:
    stage = Path(tempfile.mkdtemp(prefix=f"{run.name}-", dir=staging_root))
    (stage / "tables").mkdir()
    (stage / "figures").mkdir()
    ipc_dir = tempfile.mkdtemp(prefix="sc-kernel-")  # short: socket paths are limited to ~100 bytes
    spec = {"notebook": str(run.notebook), "output": str(stage / "executed.ipynb"),
            "parameters": run.parameters, "cwd": str(run.notebook.parent), "timeout": run.timeout,
            "result": str(stage / "result.json"), "tables": str(stage / "tables"),
            "normalised": str(stage / "normalised.ipynb"), "html": str(stage / "report.html"),
            "name": run.name, "stem": run.notebook.stem, "show_code": options.show_code,
            "all_parameters": run.all_parameters(), "given": sorted(run.parameters),
            # the worker's next notebook is one of ``upcoming``: its kernel starts meanwhile (at most jobs - 1 unused)
            "spare": spare_plan([r.notebook for r in upcoming]),
            # what the run's kernel is told (the worker sets it before starting the kernel)
            "env": {"ANALYSIS_TABLES_DIR": str(stage / "tables"), "ANALYSIS_FIGURES_DIR": str(stage / "figures"),
                    "ANALYSIS_RUN_NAME": run.name,
                    "ANALYSIS_KERNEL_IPC_DIR": ipc_dir, "ANALYSIS_KERNEL_PIDFILE": str(stage / "kernel.pid")}}
    (stage / "job.json").write_text(json.dumps(spec), encoding="utf-8")
    job = Job(run, fp, stage, spec, worker, ipc_dir, time.monotonic())
    worker.jobs.write(str(stage / "job.json") + "\n")
    worker.jobs.flush()
    threading.Thread(target=_watch, args=(job, events), daemon=True, name=f"watch {run.name}").start()
    return job


def _next_event(events: queue.Queue) -> Finished:
    """The next worker's end. Waits in short slices, not in one blocking ``get``: Ctrl-C (SIGINT) may be
    delivered to a watcher thread, and then a main thread blocked on the queue's lock would not see it
    until a run ended (a clean-clone run hung 60 s so); after each slice the interpreter runs the
    pending handler and KeyboardInterrupt is raised here."""
    while True:
        try:
            return events.get(timeout=0.2)
        except queue.Empty:
            continue


def _watch(job: Job, events: queue.Queue) -> None:
    """Wait for the worker's "done"; past the run's timeout (plus a grace period) kill the worker
    with its kernel. An end of the pipe instead means the worker died."""
    import select

    try:
        ready, _, _ = select.select([job.worker.done], [], [], job.run.timeout + _GRACE_SECONDS)
        if not ready:
            job.kill()
            job.worker.proc.wait()
            events.put(Finished(job, timed_out=True, worker_alive=False))
            return
        answer = os.read(job.worker.done, 64)
    except (OSError, ValueError):  # the pipe was closed under it: the run is being stopped (Ctrl-C)
        return
    events.put(Finished(job, timed_out=False, worker_alive=answer.startswith(b"done")))


def _collect(event: Finished, options: Options) -> Result:
    """Read what the worker left, and either put its outputs in place or report the failure."""
    import nbformat

    job, reports = event.job, Path(options.reports_dir)
    job.kill_kernel()  # should it have outlived its notebook
    result_file = Path(job.spec["result"])
    result = json.loads(result_file.read_text()) if result_file.is_file() else {}
    timed_out = event.timed_out or result.get("kind") == "timeout"
    run, duration = job.run, time.monotonic() - job.started
    rendered = Path(job.spec["normalised"]), Path(job.spec["html"])
    if not timed_out and result.get("status") == "done" and all(p.is_file() for p in rendered):
        normalised = rendered[0].read_bytes()
        nb = nbformat.reads(normalised.decode("utf-8"), as_version=4)
        outputs = {
            f"notebooks/{run.name}.ipynb": write_atomic(reports / "notebooks" / f"{run.name}.ipynb", normalised),
            f"html/{run.name}.html": write_atomic(reports / "html" / f"{run.name}.html", rendered[1].read_bytes()),
        }
        # each run's tables in a folder of its own: two runs of one notebook write tables of the
        # same name, and must not overwrite each other (nor make each other look out of date)
        # (tables as CSV and LaTeX, figures as SVG, PDF and PNG)
        for kind, staged in (("tables", Path(job.spec["tables"])), ("figures", job.stage / "figures")):
            outputs.update(_move_outputs(staged, reports / kind / run.name, f"{kind}/{run.name}"))
        (reports / "failed" / f"{run.name}.ipynb").unlink(missing_ok=True)
        return Result(run, "done", duration, headline=headline(nb), outputs=outputs,
                      fingerprint=job.fingerprint, title=first_heading(nb))
    # failed: name the cell, keep the partial notebook, leave the last good report alone
    out_path = Path(job.spec["output"])
    nb = nbformat.read(out_path, as_version=4) if out_path.is_file() else None
    original_ids = [c.get("id") for c in json.loads(run.notebook.read_text(encoding="utf-8"))["cells"]]
    message = diagnosis.message(run.name, nb, original_ids, result, timed_out, run.timeout)
    if nb is not None:
        write_atomic(reports / "failed" / f"{run.name}.ipynb", (nbformat.writes(nb) + "\n").encode("utf-8"))
    return Result(run, "failed", duration, message=message, fingerprint=job.fingerprint)


def _move_outputs(staged: Path, target: Path, prefix: str) -> dict[str, str]:
    """Put a run's staged files in place in ``target`` (removing what the run no longer writes);
    their sha256 by path under ``reports/``."""
    produced = sorted(p for p in staged.iterdir() if p.is_file() and not p.name.startswith(".")) \
        if staged.is_dir() else []
    written = {f"{prefix}/{p.name}": write_atomic(target / p.name, p.read_bytes()) for p in produced}
    for stale in target.iterdir() if target.is_dir() else []:
        if stale.is_file() and not stale.name.startswith(".") and stale.name not in {p.name for p in produced}:
            stale.unlink()
    return written


def _cleanup(job: Job) -> None:
    shutil.rmtree(job.stage, ignore_errors=True)
    shutil.rmtree(job.ipc_dir, ignore_errors=True)


# --- the scheduler ------------------------------------------------------------------------
def _up_to_date(entry: dict | None, fp: str, reports: Path) -> bool:
    if not entry or entry.get("status") != "done" or entry.get("fingerprint") != fp:
        return False
    for rel, want in entry.get("outputs", {}).items():
        path = reports / rel
        if not path.is_file() or sha256_file(path) != want:
            return False
    return bool(entry.get("outputs"))


def run_suite(runs: list[Run], options: Options) -> list[Result]:
    """Run (or skip) each run into ``options.reports_dir``. One suite run at a time per reports
    folder: a second one started meanwhile waits for the first (and says so), so the two never
    interleave their writes to the reports or the manifest."""
    import fcntl

    reports = Path(options.reports_dir)
    reports.mkdir(parents=True, exist_ok=True)
    with open(reports / ".run.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"another `python -m analysis run` is writing {reports}; waiting for it to finish", file=sys.stderr,
                  flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        return _run_suite_locked(runs, options, reports)


def prepare_drafts(progress: bool = False) -> None:
    """Build the drafts the notebooks read when their inputs changed: building is this step's,
    never a side effect of reading them (``analysis.draftfiles``)."""
    if not paths.catalogue_path().is_file():
        return  # no corpus (a suite of other notebooks): nothing to draft
    # imported here for start-up speed: a run with nothing to re-run needs neither pandas nor the drafters
    from analysis import draftfiles

    with draftfiles.locked():
        current = draftfiles.is_current()
    if not current:
        from analysis import inuse  # start-up speed, as above: scikit-learn only when there is drafting to do

        inuse.build(progress)


def _run_suite_locked(runs: list[Run], options: Options, reports: Path) -> list[Result]:
    prepare_drafts(progress=not options.quiet)
    manifest = manifests.load(reports)
    package, lock, env = package_hash(), lock_hash(), environment()
    slices = Slices()  # every data file read once, whatever the number of region profiles
    progress = _Progress(runs, options.quiet)
    results: dict[str, Result] = {}
    todo: list[tuple[Run, str]] = []
    parts_of: dict[str, dict] = {}
    for run in runs:
        parts_of[run.name] = fingerprint_parts(run, options.show_code, package, lock, env, slices)
        fp = digest(parts_of[run.name])
        if not options.force and _up_to_date(manifest.get("runs", {}).get(run.name), fp, reports):
            results[run.name] = Result(run, "skipped", fingerprint=fp)
            progress.state(run.name, "skipped", "up to date")
        else:
            todo.append((run, fp))

    staging_root = reports / ".staging"
    events: queue.Queue[Finished] = queue.Queue()
    running: dict[str, Job] = {}
    idle: list[Worker] = []
    workers: list[Worker] = []  # every worker started, whatever the state of its job (Ctrl-C kills them all)
    spawned = 0
    stop = False
    try:
        if todo:
            staging_root.mkdir(exist_ok=True)
        while todo or running:
            while todo and len(running) < max(1, options.jobs) and not stop:
                run, fp = todo.pop(0)
                if not idle:
                    spawned += 1
                    idle.append(_spawn(staging_root, spawned, run))
                    workers.append(idle[-1])
                running[run.name] = _start(run, fp, options, staging_root, events, idle.pop(),
                                        [r for r, _ in todo[:max(1, options.jobs)]])
                progress.state(run.name, "running")
            if todo and stop:
                for run, _ in todo:
                    results[run.name] = Result(run, "failed", message=f"{run.name}: not run (--fail-fast)")
                    progress.state(run.name, "failed", "not run (--fail-fast)")
                todo = []
            if not running:
                break
            event = _next_event(events)  # sleeps until a worker ends
            job = event.job
            result = _collect(event, options)
            result.inputs = parts_of[job.run.name]
            results[job.run.name] = result
            del running[job.run.name]
            _cleanup(job)
            if event.worker_alive:
                idle.append(job.worker)
            else:  # killed at its timeout, or died: the next run gets a new one
                job.worker.kill()
                job.worker.close(wait=1)
            progress.state(job.run.name, result.status,
                           f"{result.duration:.1f} s" if result.status == "done" else result.message)
            if result.status == "failed" and options.fail_fast:
                stop = True
    except KeyboardInterrupt:
        # Ctrl-C: stop every worker and its kernel, leave no staging file, keep what finished. Every
        # worker, not only those of ``running``: Ctrl-C may land inside ``_start``, after the worker was
        # given its job and before the job was recorded
        for job in running.values():
            job.kill()
        for worker in workers:
            worker.kill()
        for pidfile in staging_root.glob("*/kernel.pid"):  # a kernel has a session of its own (spares' too)
            kill_pidfile(pidfile)
        for worker in workers:
            worker.close(wait=1)
        for job in running.values():
            _cleanup(job)
        idle = []
        finished = [results[r.name] for r in runs if r.name in results]
        site.write_index(reports, manifests.write(reports, manifest, finished, runs, package, lock))
        raise
    finally:
        for worker in idle:
            worker.close()
        progress.close()
        shutil.rmtree(staging_root, ignore_errors=True)
    ordered = [results[r.name] for r in runs]
    if any(r.status != "skipped" for r in ordered) or not manifest or not (reports / "index.html").is_file() \
            or "site" not in manifest or not all((reports / "assets" / a).is_file() for a in site.ASSETS) \
            or manifest["site"].get("docs_sha256") != docs_site.fingerprint():  # the documentation changed
        manifests.write(reports, manifest, ordered, runs, package, lock, site=lambda m: _build_site(reports, m, options))
    # else nothing ran: the manifest still records what made the outputs and the site around them
    # (rewriting it would cost a third of a no-change run, listing every installed package and
    # hashing every data file)
    return ordered


def _build_site(reports: Path, manifest: dict, options: Options) -> dict:
    started = time.monotonic()
    if not options.quiet:
        print("  building the site (source viewer, navigation, search, link check)", file=sys.stderr, flush=True)
    info = site.build(reports, manifest)
    info["duration_s"] = round(time.monotonic() - started, 2)
    if not options.quiet:
        print(f"  site     {info['pages']} pages, {len(info['broken_links'])} broken link(s), "
              f"{info['duration_s']:.1f} s", file=sys.stderr, flush=True)
    return info


def explain_runs(runs: list[Run], options: Options) -> list[tuple[str, str]]:
    """(run name, why it would or would not re-execute) for each run, without running a notebook
    (the drafts are brought up to date first, as a run does: they are part of what a run reads)."""
    reports = Path(options.reports_dir)
    manifest = manifests.load(reports)
    # the drafts first, as a run builds them: a region's slice includes its documents' drafts
    prepare_drafts(progress=not options.quiet)
    package, lock, env = package_hash(), lock_hash(), environment()
    slices = Slices()
    out = []
    for run in runs:
        parts = fingerprint_parts(run, options.show_code, package, lock, env, slices)
        out.append((run.name, explain(run, manifest.get("runs", {}).get(run.name), parts, digest(parts), reports)))
    return out


def summary_line(results: list[Result]) -> str:
    counts = {s: sum(r.status == s for r in results) for s in ("done", "skipped", "failed")}
    return f"{counts['done']} done, {counts['skipped']} skipped, {counts['failed']} failed"


def verify(runs: list, reports_dir: Path, jobs: int, quiet: bool = True) -> tuple[list[str], list[str]]:
    """Re-execute ``runs`` into a temporary folder and compare output hashes with the manifest;
    a broken link of the rebuilt site is a difference too. Returns (differences, notes)."""
    manifest = manifests.load(Path(reports_dir))
    if not manifest.get("runs"):
        raise UserError(f"no manifest in {paths.relative(Path(reports_dir))}; run `python -m analysis run` first")
    recorded = manifest["runs"]
    differences, notes = [], []
    with tempfile.TemporaryDirectory(prefix="analysis-verify-") as tmp:
        results = run_suite(runs, Options(reports_dir=Path(tmp), jobs=jobs, force=True, quiet=quiet))
        for r in results:
            entry = recorded.get(r.run.name)
            if entry is None:
                notes.append(f"{r.run.name}: not in the manifest (never run?)")
                continue
            if r.status != "done":
                differences.append(f"{r.run.name}: failed on re-execution: {r.message}")
                continue
            for rel, digest in sorted(entry.get("outputs", {}).items()):
                if r.outputs.get(rel) != digest:
                    differences.append(f"{r.run.name}: {rel} differs")
            for rel in sorted(set(r.outputs) - set(entry.get("outputs", {}))):
                differences.append(f"{r.run.name}: {rel} is new")
        # a link to the report of a run left out of this verification is not broken
        planned = {f"html/{r.name}.html" for r in runs}
        rebuilt = manifests.load(Path(tmp))
        rebuilt.setdefault("site", {})["broken_links"] = [
            b for b in rebuilt.get("site", {}).get("broken_links", [])
            if not (b.get("target", "").startswith("html/") and b["target"] not in planned)]
        differences += [f"broken link: {line}" for line in manifests.broken_links(rebuilt)]
    if manifest.get("requirements_lock_sha256") != lock_hash():
        notes.append("requirements.lock changed since the manifest was written")
    return differences, notes
