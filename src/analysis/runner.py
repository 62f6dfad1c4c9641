"""The suite runner: papermill executes, nbconvert renders; this module adds what
users of the two keep asking for.

- Parameters are checked before any kernel starts (``analysis.suite.plan``).
- Each notebook runs in a worker process of its own (``--jobs`` at a time), on
  this interpreter's kernel (no kernelspec needed: papermill's NoSuchKernel trap)
  over IPC sockets instead of TCP ports (no port races between parallel kernels,
  papermill issue #511).
- A notebook that raises, hangs past its timeout or whose kernel dies is reported
  with the failing cell; the partial notebook goes to ``reports/failed/``; the
  last good report is kept, because outputs are written to temporary files and
  renamed into place only on success. The worker's kernel is killed with it.
- Outputs are normalised (no timings, stable cell ids, SVG figures without dates)
  so two clean runs give byte-identical files; ``reports/manifest.json`` records
  versions, data hashes, parameters and output hashes; ``verify`` re-runs and
  compares.
- A run whose inputs (notebook, parameters, package code, data, locked
  dependencies) have not changed is skipped.

Heavy imports (papermill, nbconvert) happen only when something must run, so a
no-change run takes about a second.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from analysis import paths
from analysis.suite import Run

__all__ = ["Options", "Result", "run_suite", "verify", "fingerprint"]

MANIFEST = "manifest.json"
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


# --- hashing -----------------------------------------------------------------------------
def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _input_files(globs: list[str]) -> list[Path]:
    root = paths.project_root()
    files = {p for g in globs for p in root.glob(g) if p.is_file() and not p.name.startswith(".")}
    return sorted(files)


def _package_hash() -> str:
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(pkg.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".yml", ".yaml", ".txt", ".json"):
            h.update(p.relative_to(pkg).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def _lock_hash() -> str:
    lock = paths.project_root() / "requirements.lock"
    return sha256_file(lock) if lock.is_file() else ""


# The libraries a kernel imports to make a report: a different version may make other
# numbers or other bytes (the universal lock resolves pandas 2.3 on Python 3.10 and 3.x on
# 3.11+), so they decide a re-run as the data do (owid/etl puts pandas' version in its checksum).
KERNEL_PACKAGES = ("pandas", "numpy", "scipy", "statsmodels", "matplotlib", "seaborn", "mplfonts", "opencc", "cn2an",
                   "jieba", "pyyaml", "charset-normalizer", "ipykernel", "nbclient", "nbformat", "nbconvert",
                   "papermill")


def environment() -> dict:
    """The interpreter and the versions of the kernel's libraries, as they are installed now."""
    installed = _packages()
    return {"interpreter": f"{sys.implementation.name} {platform.python_version()}",
            "packages": {name: installed.get(name, "not installed") for name in KERNEL_PACKAGES}}


def fingerprint_parts(run: Run, show_code: bool, package: str, lock: str, env: dict) -> dict:
    """Everything that decides whether a run's outputs are out of date."""
    return {
        "notebook": sha256_file(run.notebook), "parameters": run.all_parameters(), "show_code": show_code,
        "package": package, "lock": lock, **env,
        "data": {paths.relative(p): sha256_file(p) for p in _input_files(run.inputs)},
    }


def _digest(parts: dict) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def fingerprint(run: Run, show_code: bool, package: str, lock: str, env: dict | None = None) -> str:
    return _digest(fingerprint_parts(run, show_code, package, lock, env if env is not None else environment()))


def explain(run: Run, entry: dict | None, parts: dict, fp: str, reports: Path) -> str:
    """Why ``run`` would re-execute (or that it would not), from its manifest entry."""
    if not entry:
        return "never run into this reports folder"
    if entry.get("status") != "done":
        return "its last run failed"
    if entry.get("fingerprint") == fp:
        missing = [rel for rel, digest in entry.get("outputs", {}).items()
                   if not (reports / rel).is_file() or sha256_file(reports / rel) != digest]
        return f"an output is missing or changed: {', '.join(missing)}" if missing else "up to date: it would be skipped"
    old = entry.get("inputs")
    if not old:
        return "its manifest entry predates the recorded inputs"
    reasons = [f"{key} changed" for key in ("notebook", "parameters", "show_code", "package", "lock")
               if old.get(key) != parts.get(key)]
    labels = {"package": "the analysis package", "lock": "requirements.lock"}
    reasons = [labels.get(r.split()[0], r.split()[0]) + " changed" for r in reasons]
    if old.get("interpreter") != parts["interpreter"]:
        reasons.append(f"interpreter {old.get('interpreter')} -> {parts['interpreter']}")
    for name, version in parts["packages"].items():
        if old.get("packages", {}).get(name) != version:
            reasons.append(f"{name} {old.get('packages', {}).get(name)} -> {version}")
    before, now = old.get("data", {}), parts["data"]
    reasons += [f"{f} changed" for f in sorted(set(before) & set(now)) if before[f] != now[f]]
    reasons += [f"{f} added" for f in sorted(set(now) - set(before))]
    reasons += [f"{f} removed" for f in sorted(set(before) - set(now))]
    return "would re-run: " + ("; ".join(reasons) if reasons else "its fingerprint changed")


# --- the kernel and the worker ---------------------------------------------------------------
def _kernel_manager_class():
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    class ProjectKernelManager(AsyncKernelManager):
        """The kernel is this interpreter (no kernelspec lookup), over IPC sockets."""

        def __init__(self, **kwargs):
            kwargs["transport"] = "ipc"
            # jupyter_client puts IPC sockets at "kernel-ipc-N" in the working directory
            # unless told otherwise, so parallel kernels in one folder would share them.
            kwargs["ip"] = os.path.join(os.environ.get("ANALYSIS_KERNEL_IPC_DIR") or tempfile.mkdtemp(), "k")
            super().__init__(**kwargs)
            self._kernel_spec = KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name="Python 3 (analysis)", language="python", resource_dir="")

        async def _async_post_start_kernel(self, **kw):
            await super()._async_post_start_kernel(**kw)
            pidfile = os.environ.get("ANALYSIS_KERNEL_PIDFILE")
            pid = getattr(self.provisioner, "pid", None)
            if pidfile and pid:
                Path(pidfile).write_text(str(pid))

    return ProjectKernelManager


def _worker(job_file: str) -> int:
    """Executed in a child process: run one notebook with papermill, write a result file."""
    job = json.loads(Path(job_file).read_text(encoding="utf-8"))
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    def failure(kind: str, err: BaseException, **more) -> dict:
        text = str(err).strip()
        return {"status": "failed", "kind": kind, "ename": type(err).__name__,
                "evalue": text.splitlines()[0] if text else "", **more}

    result: dict = {"status": "done"}
    try:
        pm.execute_notebook(
            job["notebook"], job["output"], parameters=job["parameters"], kernel_name="python3",
            language="python", progress_bar=False, log_output=False, cwd=job["cwd"],
            kernel_manager_class=_kernel_manager_class(), execution_timeout=job["timeout"],
            request_save_on_cell_execute=True)
    # failures classified by their type (nbclient's and papermill's exceptions), not by their text
    except PapermillExecutionError as err:  # a cell raised: papermill says which
        result = {"status": "failed", "kind": "error", "cell_index": err.cell_index, "exec_count": err.exec_count,
                  "source": err.source, "ename": err.ename, "evalue": err.evalue}
    except CellTimeoutError as err:
        result = failure("timeout", err)
    except DeadKernelError as err:
        result = failure("kernel_died", err)
    except Exception as err:  # anything else is reported, not hidden
        result = failure("other", err)
    if result["status"] == "done":
        # normalised and rendered here, in parallel, rather than one by one in the scheduler
        import nbformat

        try:
            nb = nbformat.read(job["output"], as_version=4)
            _normalise(nb, job["all_parameters"], set(job["given"]))
            Path(job["normalised"]).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
            Path(job["html"]).write_text(_render_html(nb, job["stem"], job["name"], job["show_code"]),
                                         encoding="utf-8")
        except Exception as err:  # a report that cannot be rendered is a failed run, reported
            result = {"status": "failed", "ename": type(err).__name__, "evalue": f"rendering the report: {err}"}
    Path(job["result"]).write_text(json.dumps(result), encoding="utf-8")
    return 0


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# --- after execution ---------------------------------------------------------------------
def _first_heading(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def _headline(nb) -> str:
    from analysis.report import HEADLINE_KEY

    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("metadata", {}).get(HEADLINE_KEY)
            if text:
                return str(text)
    return ""


def _parameters_output(all_parameters: dict, given: set[str]) -> dict:
    import nbformat

    rows = "".join(
        f"<tr><td><code>{html.escape(k)}</code></td><td><code>{html.escape(repr(v))}</code></td>"
        f"<td>{'given' if k in given else 'default'}</td></tr>"
        for k, v in all_parameters.items())
    table = (f'<table class="parameters"><caption>Parameters of this run</caption>'
             f"<thead><tr><th>name</th><th>value</th><th></th></tr></thead><tbody>{rows}</tbody></table>")
    plain = "\n".join(f"{k} = {v!r}" for k, v in all_parameters.items())
    return nbformat.v4.new_output("display_data", data={"text/html": table, "text/plain": plain})


def _normalise(nb, all_parameters: dict, given: set[str]) -> None:
    """Remove what differs between two runs of the same inputs; show the parameters used."""
    pm = nb.metadata.get("papermill", {})
    nb.metadata["papermill"] = {"parameters": pm.get("parameters", {}),
                                "default_parameters": pm.get("default_parameters", {})}
    nb.metadata.pop("widgets", None)
    target = None
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags:
            cell.id = "injected-parameters"
            target = cell
        elif "parameters" in tags and target is None:
            target = cell
    if target is not None and target.cell_type == "code":
        target.outputs = [_parameters_output(all_parameters, given)]


def _failed_cell(nb, original_ids: list[str], cell_index: int | None = None) -> tuple[str, str]:
    """(cell number in the committed notebook, first source line) of the cell that failed (papermill's
    ``cell_index`` in the executed notebook, which has the injected parameters cell too) or, for a
    timeout or a dead kernel, the cell that was running."""
    def describe(cell) -> tuple[str, str]:
        number = original_ids.index(cell.id) + 1 if cell.id in original_ids else "?"
        first = next((line for line in cell.source.splitlines() if line.strip()), "")
        return str(number), first.strip()

    if cell_index is not None:
        from papermill.execute import ERROR_MARKER_TAG

        # papermill counts the cells before it adds its two error-marker cells to the notebook
        cells = [c for c in nb.cells if ERROR_MARKER_TAG not in c.get("metadata", {}).get("tags", [])]
        if 0 <= cell_index < len(cells):
            return describe(cells[cell_index])

    started = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("papermill", {})
        has_error = any(o.get("output_type") == "error" for o in cell.get("outputs", []))
        if cell.cell_type == "code" and (meta.get("status") == "running" or has_error):
            return describe(cell)
        if cell.cell_type == "code" and meta.get("start_time"):
            started.append(cell)
    # A kernel that dies mid-cell leaves that cell marked "completed": it is the last one started.
    return describe(started[-1]) if started else ("?", "")


def _render_html(nb, stem: str, name: str, show_code: bool) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=not show_code, exclude_input_prompt=not show_code,
                            exclude_output_prompt=True)
    title = _first_heading(nb) or stem
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": f"{title} ({name})"}})
    return body


def _write_atomic(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return hashlib.sha256(data).hexdigest()


def _finish(run: Run, job: dict, result: dict, timed_out: bool, options: Options, started: float) -> Result:
    import nbformat

    reports = options.reports_dir
    duration = time.monotonic() - started
    out_path = Path(job["output"])
    rendered = Path(job["normalised"]), Path(job["html"])
    original_ids = [c.get("id") for c in json.loads(run.notebook.read_text(encoding="utf-8"))["cells"]]
    if not timed_out and result.get("status") == "done" and all(p.is_file() for p in rendered):
        normalised = rendered[0].read_bytes()
        nb = nbformat.reads(normalised.decode("utf-8"), as_version=4)
        outputs = {
            f"notebooks/{run.name}.ipynb": _write_atomic(reports / "notebooks" / f"{run.name}.ipynb", normalised),
            f"html/{run.name}.html": _write_atomic(reports / "html" / f"{run.name}.html", rendered[1].read_bytes()),
        }
        # each run's tables in a folder of its own: two runs of one notebook write tables of the
        # same name, and must not overwrite each other (nor make each other look out of date)
        tables_dir = reports / "tables" / run.name
        produced = sorted(Path(job["tables"]).glob("*.csv"))
        for table in produced:
            outputs[f"tables/{run.name}/{table.name}"] = _write_atomic(tables_dir / table.name, table.read_bytes())
        for stale in tables_dir.glob("*.csv") if tables_dir.is_dir() else []:
            if stale.name not in {t.name for t in produced}:
                stale.unlink()
        (reports / "failed" / f"{run.name}.ipynb").unlink(missing_ok=True)
        return Result(run, "done", duration, headline=_headline(nb), outputs=outputs)
    # failed: name the cell, keep the partial notebook, leave the last good report alone
    nb = nbformat.read(out_path, as_version=4) if out_path.is_file() else None
    number, first = _failed_cell(nb, original_ids, result.get("cell_index")) if nb is not None else ("?", "")
    evalue = (result.get("evalue") or "").strip().splitlines()
    error = f"{result.get('ename', '')}: {evalue[0] if evalue else ''}".rstrip(": ")
    if timed_out or result.get("kind") == "timeout":
        cause = f"timed out after {run.timeout:g} s"
    elif result.get("kind") == "kernel_died":
        cause = f"kernel died ({error})"
    elif result.get("ename"):
        cause = error
    else:  # killed from outside (out of memory?) before it could write its result
        cause = "the worker stopped without a result (killed?)"
    message = f"{run.name}: cell {number}" + (f" `{first}`" if first else "") + f": {cause}"
    if nb is not None:
        _write_atomic(reports / "failed" / f"{run.name}.ipynb", (nbformat.writes(nb) + "\n").encode("utf-8"))
    return Result(run, "failed", duration, message=message)


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


# --- manifest and index ------------------------------------------------------------------
def _git_state() -> dict:
    root = paths.project_root()
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                                timeout=10).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                                    capture_output=True, text=True, timeout=10).stdout.strip())
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "dirty": None}
    return {"commit": commit or None, "dirty": dirty if commit else None}


def _packages() -> dict[str, str]:
    from importlib import metadata

    return dict(sorted((d.metadata["Name"].lower(), d.version) for d in metadata.distributions()
                       if d.metadata["Name"]))


def _load_manifest(reports: Path) -> dict:
    """The manifest of ``reports``, or {} when there is none yet. A corrupt or foreign one is an
    error naming it: emptying it silently would throw away what decides the skips."""
    from analysis.errors import DataError

    path = reports / MANIFEST
    if not path.is_file():
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise DataError(f"not valid JSON ({err}); delete it to rebuild every report", file=paths.relative(path)) from None
    if not isinstance(manifest, dict) or manifest.get("generated_by") != "python -m analysis run" \
            or not isinstance(manifest.get("runs"), dict):
        raise DataError("not a manifest written by `python -m analysis run`; move it away or choose another "
                        "--reports-dir", file=paths.relative(path))
    return manifest


def _write_manifest(reports: Path, manifest: dict, results: list[Result], runs: list[Run], package: str,
                    lock: str) -> dict:
    entries = dict(manifest.get("runs", {}))
    for r in results:
        if r.status == "skipped":
            continue
        entry = {
            "notebook": paths.relative(r.run.notebook), "parameters": r.run.all_parameters(),
            "given": r.run.parameters, "status": r.status, "duration_s": round(r.duration, 2),
            "fingerprint": r.fingerprint if r.status == "done" else "", "headline": r.headline,
            "outputs": r.outputs, "message": r.message, "inputs": r.inputs if r.status == "done" else {},
        }
        if r.status == "failed" and r.run.name in entries:  # the last good outputs are still in place
            entry["outputs"] = entries[r.run.name].get("outputs", {})
            entry["last_good_headline"] = entries[r.run.name].get("headline", "")
        entries[r.run.name] = entry
    inputs = sorted({g for r in runs for g in r.inputs})
    new = {
        "generated_by": "python -m analysis run",
        "git": _git_state(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": _packages(),
        "analysis_package_sha256": package,
        "requirements_lock_sha256": lock,
        "data": {paths.relative(p): sha256_file(p) for p in _input_files(inputs)},
        "runs": dict(sorted(entries.items())),
    }
    _write_atomic(reports / MANIFEST, (json.dumps(new, indent=2, ensure_ascii=False, default=str) + "\n").encode())
    return new


def _write_index(reports: Path, manifest: dict) -> None:
    rows = []
    for name, e in manifest.get("runs", {}).items():
        params = ", ".join(f"{k}={v!r}" for k, v in e.get("given", {}).items()) or "defaults"
        html_out = f"html/{name}.html"
        exists = (reports / html_out).is_file()
        link = f'<a href="{html_out}">{html.escape(name)}</a>' if exists else html.escape(name)
        nb_link = f' · <a href="notebooks/{name}.ipynb">notebook</a>' if (reports / "notebooks" / f"{name}.ipynb").is_file() else ""
        status = e.get("status", "")
        note = html.escape(e.get("message", "")) if status == "failed" else ""
        headline = html.escape(e.get("headline") or e.get("last_good_headline", ""))
        rows.append(f'<tr class="{status}"><td>{link}{nb_link}</td><td><code>{html.escape(params)}</code></td>'
                    f'<td>{status}</td><td>{e.get("duration_s", 0):.1f} s</td><td>{headline}<br><small>{note}</small></td></tr>')
    git = manifest.get("git", {})
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>双创 policy research suite: reports</title>
<style>body{{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}}
tr.failed td{{background:#fdecea}}code{{font-size:.85em}}</style></head><body>
<h1>双创 policy research suite: reports</h1>
<p>Commit <code>{html.escape(str(git.get('commit')))}</code>{' (with uncommitted changes)' if git.get('dirty') else ''};
Python {html.escape(manifest.get('python', ''))}. Versions, data hashes and output hashes: <a href="manifest.json">manifest.json</a>.
Check them with <code>python -m analysis verify</code>.</p>
<table><thead><tr><th>report</th><th>parameters</th><th>status</th><th>run time</th><th>headline</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    _write_atomic(reports / "index.html", page.encode("utf-8"))


# --- the scheduler ------------------------------------------------------------------------
def _up_to_date(run: Run, entry: dict | None, fp: str, reports: Path) -> bool:
    if not entry or entry.get("status") != "done" or entry.get("fingerprint") != fp:
        return False
    for rel, digest in entry.get("outputs", {}).items():
        path = reports / rel
        if not path.is_file() or sha256_file(path) != digest:
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


def _run_suite_locked(runs: list[Run], options: Options, reports: Path) -> list[Result]:
    manifest = _load_manifest(reports)
    package, lock, env = _package_hash(), _lock_hash(), environment()
    progress = _Progress(runs, options.quiet)
    results: dict[str, Result] = {}
    todo: list[tuple[Run, str]] = []
    parts_of: dict[str, dict] = {}
    for run in runs:
        parts_of[run.name] = fingerprint_parts(run, options.show_code, package, lock, env)
        fp = _digest(parts_of[run.name])
        if not options.force and _up_to_date(run, manifest.get("runs", {}).get(run.name), fp, reports):
            results[run.name] = Result(run, "skipped", fingerprint=fp)
            progress.state(run.name, "skipped", "up to date")
        else:
            todo.append((run, fp))

    staging_root = reports / ".staging"
    staging_root.mkdir(exist_ok=True)
    running: dict[str, tuple] = {}
    stop = False
    try:
        while todo or running:
            while todo and len(running) < max(1, options.jobs) and not stop:
                run, fp = todo.pop(0)
                stage = Path(tempfile.mkdtemp(prefix=f"{run.name}-", dir=staging_root))
                (stage / "tables").mkdir()
                job = {"notebook": str(run.notebook), "output": str(stage / "executed.ipynb"),
                       "parameters": run.parameters, "cwd": str(run.notebook.parent), "timeout": run.timeout,
                       "result": str(stage / "result.json"), "tables": str(stage / "tables"),
                       "normalised": str(stage / "normalised.ipynb"), "html": str(stage / "report.html"),
                       "name": run.name, "stem": run.notebook.stem, "show_code": options.show_code,
                       "all_parameters": run.all_parameters(), "given": sorted(run.parameters)}
                (stage / "job.json").write_text(json.dumps(job), encoding="utf-8")
                ipc_dir = tempfile.mkdtemp(prefix="sc-kernel-")  # short: socket paths are limited to ~100 bytes
                env = {**os.environ, "ANALYSIS_TABLES_DIR": job["tables"], "ANALYSIS_KERNEL_IPC_DIR": ipc_dir, "SHUANGCHUANG_ROOT": str(paths.project_root()),
                       "ANALYSIS_KERNEL_PIDFILE": str(stage / "kernel.pid"), "PYTHONHASHSEED": "0",
                       "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
                log = open(stage / "worker.log", "wb")
                proc = subprocess.Popen([sys.executable, "-m", "analysis.runner", "_worker", str(stage / "job.json")],
                                        stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
                running[run.name] = (run, fp, proc, stage, job, time.monotonic(), log, ipc_dir)
                progress.state(run.name, "running")
            if todo and stop:
                for run, fp in todo:
                    results[run.name] = Result(run, "failed", message=f"{run.name}: not run (--fail-fast)")
                    progress.state(run.name, "failed", "not run (--fail-fast)")
                todo = []
            time.sleep(0.05)
            for name, (run, fp, proc, stage, job, started, log, ipc_dir) in list(running.items()):
                timed_out = time.monotonic() - started > run.timeout + _GRACE_SECONDS
                if proc.poll() is None and not timed_out:
                    continue
                if timed_out and proc.poll() is None:
                    _kill_group(proc.pid)
                    proc.wait()
                log.close()
                kernel_pid = stage / "kernel.pid"
                if kernel_pid.is_file():  # the kernel has a session of its own: kill it too
                    _kill_group(int(kernel_pid.read_text()))
                result_file = Path(job["result"])
                result = json.loads(result_file.read_text()) if result_file.is_file() else {}
                if result.get("kind") == "timeout":
                    timed_out = True
                res = _finish(run, job, result, timed_out, options, started)
                res.fingerprint, res.inputs = fp, parts_of[name]
                results[name] = res
                del running[name]
                shutil.rmtree(stage, ignore_errors=True)
                shutil.rmtree(ipc_dir, ignore_errors=True)
                progress.state(name, res.status, f"{res.duration:.1f} s" if res.status == "done" else res.message)
                if res.status == "failed" and options.fail_fast:
                    stop = True
    except KeyboardInterrupt:
        # Ctrl-C: stop every worker and its kernel, leave no staging file, keep what finished
        for run, fp, proc, stage, job, started, log, ipc_dir in running.values():
            _kill_group(proc.pid)
            if (stage / "kernel.pid").is_file():
                _kill_group(int((stage / "kernel.pid").read_text()))
            proc.wait()
            log.close()
            shutil.rmtree(ipc_dir, ignore_errors=True)
        finished = [results[r.name] for r in runs if r.name in results]
        _write_index(reports, _write_manifest(reports, manifest, finished, runs, package, lock))
        raise
    finally:
        progress.close()
        shutil.rmtree(staging_root, ignore_errors=True)
    ordered = [results[r.name] for r in runs]
    new_manifest = _write_manifest(reports, manifest, ordered, runs, package, lock)
    _write_index(reports, new_manifest)
    return ordered


def explain_runs(runs: list[Run], options: Options) -> list[tuple[str, str]]:
    """(run name, why it would or would not re-execute) for each run, without running anything."""
    reports = Path(options.reports_dir)
    manifest = _load_manifest(reports)
    package, lock, env = _package_hash(), _lock_hash(), environment()
    out = []
    for run in runs:
        parts = fingerprint_parts(run, options.show_code, package, lock, env)
        out.append((run.name, explain(run, manifest.get("runs", {}).get(run.name), parts, _digest(parts), reports)))
    return out


def summary_line(results: list[Result]) -> str:
    counts = {s: sum(r.status == s for r in results) for s in ("done", "skipped", "failed")}
    return f"{counts['done']} done, {counts['skipped']} skipped, {counts['failed']} failed"


def verify(runs: list[Run], reports_dir: Path, jobs: int, quiet: bool = True) -> tuple[list[str], list[str]]:
    """Re-execute ``runs`` into a temporary folder and compare output hashes with the manifest.
    Returns (differences, notes)."""
    manifest = _load_manifest(Path(reports_dir))
    if not manifest.get("runs"):
        from analysis.errors import UserError

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
    if manifest.get("requirements_lock_sha256") != _lock_hash():
        notes.append("requirements.lock changed since the manifest was written")
    return differences, notes


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "_worker":
    raise SystemExit(_worker(sys.argv[2]))
