"""The runner on small fixture notebooks: passes, raises, sleeps past its timeout, kernel dies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from analysis import runner, suite
from analysis.cli import main

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _kernels(folder: Path) -> set[int]:
    """pids of running ipykernel processes started for runs writing under ``folder`` (a kernel
    inherits its worker's ANALYSIS_SPARE_PIDFILE, in the staging folder: a kernel started before
    its notebook, ``analysis.kernelpool``, is told its run's ANALYSIS_TABLES_DIR only when handed
    out, which /proc's initial environment does not show); other kernels on the machine are not
    this test's business."""
    out = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                environ = (d / "environ").read_bytes()
                if b"ipykernel_launcher" in (d / "cmdline").read_bytes() and any(
                        f"{key}={folder}/".encode() in environ for key in ("ANALYSIS_TABLES_DIR", "ANALYSIS_SPARE_PIDFILE")):
                    out.add(int(d.name))
            except OSError:
                pass
    return out


@pytest.fixture
def fixture_suite(tmp_path):
    """A copy of the fixture suite, so a test may edit its notebooks."""
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    return tmp_path / "fixtures" / "suite.yml"


def _run(suite_file, reports, *names, **options):
    runs = suite.plan(suite_file, list(names), options.pop("overrides", None))
    return runner.run_suite(runs, runner.Options(reports_dir=reports, quiet=True, **options))


def test_a_passing_notebook_gives_html_notebook_tables_manifest_and_index(fixture_suite, tmp_path):
    reports = tmp_path / "reports"
    [result] = _run(fixture_suite, reports, "passes-zh")
    assert result.status == "done", result.message
    page = (reports / "html/passes-zh.html").read_text(encoding="utf-8")
    assert "n squared is 9" in page  # 3 * 3, the headline
    assert "report.headline(" not in page  # code hidden by default
    # the parameters table, in the report's language
    assert "本次运行的参数" in page and "<code>'zh'</code></td><td>给定" in page
    assert (reports / "tables/passes-zh/fixture_zh_2018.csv").read_text() == "n,year\n3,2018\n"
    manifest = json.loads((reports / "manifest.json").read_text())
    entry = manifest["runs"]["passes-zh"]
    assert entry["status"] == "done" and entry["given"] == {"lang": "zh"}
    assert entry["parameters"] == {"lang": "zh", "year": 2018, "n": 3, "region": "xinjiang"}
    # the table as CSV and LaTeX, the chart as SVG, PDF and PNG: all in the manifest (and so in verify)
    assert set(entry["outputs"]) == {"notebooks/passes-zh.ipynb", "html/passes-zh.html",
                                     "tables/passes-zh/fixture_zh_2018.csv", "tables/passes-zh/fixture_zh_2018.tex",
                                     *(f"figures/passes-zh/fixture_line.{f}" for f in ("svg", "pdf", "png"))}
    assert "\\toprule" in (reports / "tables/passes-zh/fixture_zh_2018.tex").read_text(encoding="utf-8")
    # the chart in the page: its alt text says what it shows, its files are linked under it
    assert 'alt="图:A line。横轴:x。纵轴:y。标记:n squared。"' in page
    assert 'href="../figures/passes-zh/fixture_line.pdf">PDF</a>' in page
    assert manifest["packages"]["papermill"] and manifest["python"]
    assert "n squared is 9" in (reports / "index.html").read_text(encoding="utf-8")


def test_show_code_keeps_the_code(fixture_suite, tmp_path):
    _run(fixture_suite, tmp_path / "r", "passes-zh")
    assert '<div class="highlight' not in (tmp_path / "r/html/passes-zh.html").read_text(encoding="utf-8")
    _run(fixture_suite, tmp_path / "r", "passes-zh", show_code=True)  # another rendering: not skipped
    page = (tmp_path / "r/html/passes-zh.html").read_text(encoding="utf-8")
    assert page.count('<div class="highlight') == 4  # parameters, injected parameters, the two code cells


def test_two_runs_are_byte_identical_and_an_unchanged_run_is_skipped(fixture_suite, tmp_path):
    reports = tmp_path / "reports"
    _run(fixture_suite, reports, "passes")
    first = {p: p.read_bytes() for p in (reports / "html").iterdir()} | {p: p.read_bytes() for p in (reports / "notebooks").iterdir()}
    [again] = _run(fixture_suite, reports, "passes")
    assert again.status == "skipped"
    [forced] = _run(fixture_suite, reports, "passes", force=True)
    assert forced.status == "done"
    assert {p: p.read_bytes() for p in first} == first
    # a changed parameter is another report; a changed notebook re-runs
    nb = fixture_suite.parent / "notebooks/passes.ipynb"
    nb.write_text(nb.read_text().replace("n squared is", "n times n is"))
    [changed] = _run(fixture_suite, reports, "passes")
    assert changed.status == "done" and changed.headline == "n times n is 9"


def test_a_raising_notebook_names_the_cell_keeps_the_partial_and_the_last_good_report(fixture_suite, tmp_path):
    reports = tmp_path / "reports"
    nb = fixture_suite.parent / "notebooks/raises.ipynb"
    good = nb.read_text().replace("divisor = 0", "divisor = 5")
    nb.write_text(good)
    [ok] = _run(fixture_suite, reports, "raises")
    assert ok.status == "done"
    last_good = (reports / "html/raises.html").read_bytes()
    nb.write_text(good.replace("divisor = 5", "divisor = 0"))
    [failed] = _run(fixture_suite, reports, "raises")
    assert failed.status == "failed"
    # cells of the committed notebook: 1 markdown, 2 parameters, 3 "x = 1", 4 the division
    assert failed.message == "raises: cell 4 `ratio = 10 / divisor`: ZeroDivisionError: division by zero"
    assert (reports / "html/raises.html").read_bytes() == last_good
    partial = json.loads((reports / "failed/raises.ipynb").read_text())
    assert any(o.get("ename") == "ZeroDivisionError" for c in partial["cells"] for o in c.get("outputs", []))
    assert not list(reports.glob("**/.*.tmp"))


def test_cli_exit_status_1_and_other_notebooks_still_run(fixture_suite, tmp_path, capsys):
    code = main(["run", "--suite", str(fixture_suite), "--reports-dir", str(tmp_path / "r"), "--quiet",
                 "raises", "passes-zh"])
    assert code == 1
    captured = capsys.readouterr()
    assert "FAILED raises: cell 4 `ratio = 10 / divisor`: ZeroDivisionError" in captured.err
    assert "1 done, 0 skipped, 1 failed" in captured.out
    assert (tmp_path / "r/html/passes-zh.html").is_file()


def test_fail_fast_stops_the_rest(fixture_suite, tmp_path):
    results = _run(fixture_suite, tmp_path / "r", "raises", "passes-zh", jobs=1, fail_fast=True)
    assert [r.status for r in results] == ["failed", "failed"]
    assert results[1].message == "passes-zh: not run (--fail-fast)"


def test_a_hanging_notebook_is_stopped_at_its_timeout_without_orphan_kernels(fixture_suite, tmp_path):
    import threading
    import time

    results = []
    worker = threading.Thread(target=lambda: results.extend(_run(fixture_suite, tmp_path / "r", "sleeps")))
    worker.start()
    seen_running = set()
    while worker.is_alive() and not seen_running:
        seen_running = _kernels(tmp_path / "r")  # the detector does see the run's kernel
        time.sleep(0.1)
    worker.join()
    assert seen_running, "the kernel of the sleeping notebook was never seen running"
    [result] = results
    assert result.status == "failed"
    assert result.message == "sleeps: cell 3 `import time`: timed out after 3 s"
    assert result.duration < 40
    assert _kernels(tmp_path / "r") == set()
    assert not any(Path(f"/proc/{pid}").exists() for pid in seen_running)


def test_a_dying_kernel_is_reported(fixture_suite, tmp_path):
    [result] = _run(fixture_suite, tmp_path / "r", "kernel_dies")
    assert result.status == "failed"
    assert result.message.startswith("kernel_dies: cell 3 `import os`: kernel died")
    assert _kernels(tmp_path / "r") == set()


def test_parallel_runs_do_not_clash(fixture_suite, tmp_path):
    results = _run(fixture_suite, tmp_path / "r", "passes", "passes-zh", jobs=2)
    assert [r.status for r in results] == ["done", "done"]


def test_verify_finds_no_difference_then_finds_a_changed_hash(fixture_suite, tmp_path):
    reports = tmp_path / "r"
    _run(fixture_suite, reports, "passes")
    runs = suite.plan(fixture_suite, ["passes"])
    assert runner.verify(runs, reports, jobs=1) == ([], [])
    manifest = json.loads((reports / "manifest.json").read_text())
    manifest["runs"]["passes"]["outputs"]["html/passes.html"] = "0" * 64
    (reports / "manifest.json").write_text(json.dumps(manifest))
    differences, _ = runner.verify(runs, reports, jobs=1)
    assert differences == ["passes: html/passes.html differs"]


def test_another_library_version_or_interpreter_re_runs_and_explain_says_why(fixture_suite, tmp_path, monkeypatch):
    reports = tmp_path / "reports"
    [first] = _run(fixture_suite, reports, "passes")
    assert first.status == "done"
    [again] = _run(fixture_suite, reports, "passes")
    assert again.status == "skipped"
    runs = suite.plan(fixture_suite, ["passes"])
    options = runner.Options(reports_dir=reports, quiet=True)
    assert runner.explain_runs(runs, options) == [("passes", "up to date: it would be skipped")]
    # a .venv rebuilt on another Python resolves other versions from the universal lock
    real = runner.environment()
    faked = {"interpreter": "cpython 3.10.14", "packages": {**real["packages"], "pandas": "2.3.3"}}
    monkeypatch.setattr(runner, "environment", lambda: faked)
    [(name, why)] = runner.explain_runs(runs, options)
    assert why == (f"would re-run: interpreter {real['interpreter']} -> cpython 3.10.14; "
                   f"pandas {real['packages']['pandas']} -> 2.3.3")
    [rerun] = _run(fixture_suite, reports, "passes")
    assert rerun.status == "done"
    manifest = json.loads((reports / "manifest.json").read_text())
    assert manifest["runs"]["passes"]["inputs"]["packages"]["pandas"] == "2.3.3"


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ('{"something": "else"}', "not a manifest written by `python -m analysis run`"),
])
def test_a_corrupt_or_foreign_manifest_is_one_line_and_exit_2(fixture_suite, tmp_path, capsys, content, message):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "manifest.json").write_text(content, encoding="utf-8")
    assert main(["run", "passes", "--suite", str(fixture_suite), "--reports-dir", str(reports), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {reports / 'manifest.json'}: ") and message in err
    assert (reports / "manifest.json").read_text(encoding="utf-8") == content  # left as it was
    assert not (reports / "html").exists()


def test_a_second_run_in_the_same_reports_folder_waits_for_the_first(fixture_suite, tmp_path):
    import fcntl
    import os
    import subprocess
    import sys
    import time

    reports = tmp_path / "reports"
    reports.mkdir()
    waiting = f"another `python -m analysis run` is writing {reports}; waiting for it to finish"
    log = tmp_path / "second.err"
    with open(reports / ".run.lock", "w") as held, open(log, "w") as err_file:  # a first run holding the folder
        fcntl.flock(held, fcntl.LOCK_EX)
        second = subprocess.Popen([sys.executable, "-m", "analysis", "run", "passes", "--suite", str(fixture_suite),
                                   "--reports-dir", str(reports), "--quiet"], stdout=subprocess.PIPE,
                                  stderr=err_file, text=True, env={**os.environ})
        # until the second run says it waits (its imports take seconds on a loaded machine), then a while more
        deadline = time.monotonic() + 120
        while waiting not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)
        assert second.poll() is None  # still waiting
        assert not (reports / "manifest.json").exists()
    out, _ = second.communicate(timeout=300)
    err = log.read_text(encoding="utf-8")
    assert second.returncode == 0, err
    assert waiting in err
    assert json.loads((reports / "manifest.json").read_text())["runs"]["passes"]["status"] == "done"


def test_ctrl_c_stops_the_kernels_leaves_nothing_half_written_and_exits_130(fixture_suite, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    reports = tmp_path / "reports"
    # "sleeps" sleeps past its own 3 s timeout; Ctrl-C comes first
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "run", "sleeps", "--suite", str(fixture_suite),
                             "--reports-dir", str(reports), "--quiet", "--timeout", "60"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONFAULTHANDLER": "1"},
                            # Ctrl-C as in a terminal: a test run started in the background of a
                            # non-interactive shell (`make test &`, a CI wrapper) inherits SIGINT ignored,
                            # and a Python started with it ignored never raises KeyboardInterrupt
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not _kernels(reports / ".staging") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _kernels(reports / ".staging"), "the kernel never started"
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:  # say where it hangs: faulthandler prints every thread's stack on SIGABRT
        proc.send_signal(signal.SIGABRT)
        out, err = proc.communicate(timeout=30)
        pytest.fail(f"still running 60 s after Ctrl-C; its threads:\n{err}")
    assert proc.returncode == 130
    assert "Traceback" not in err and err.strip() == ("interrupted: running notebooks and their kernels stopped; "
                                                     "finished reports kept")
    time.sleep(0.5)
    assert _kernels(reports / ".staging") == set()  # no orphan kernel
    assert not (reports / ".staging").exists()  # no temporary file
    assert not (reports / "html" / "sleeps.html").exists()  # no half-written report
    assert not list(reports.rglob("*.tmp"))


def test_a_changed_documentation_page_rebuilds_the_site_without_re_running_a_report(fixture_suite, tmp_path,
                                                                                     monkeypatch):
    from analysis import docs_site

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Docs\n\nFirst words.\n", encoding="utf-8")
    monkeypatch.setattr(docs_site, "docs_dir", lambda: docs)
    reports = tmp_path / "reports"
    _run(fixture_suite, reports, "passes-zh")
    assert "First words." in (reports / "docs/index.html").read_text(encoding="utf-8")
    (docs / "index.md").write_text("# Docs\n\nEdited words.\n", encoding="utf-8")
    [again] = _run(fixture_suite, reports, "passes-zh")
    assert again.status == "skipped"
    assert "Edited words." in (reports / "docs/index.html").read_text(encoding="utf-8")


def test_ctrl_c_while_a_job_is_being_handed_over_still_stops_its_worker(fixture_suite, tmp_path, monkeypatch):
    # Ctrl-C may land inside the scheduler's ``_start``: the worker has its job (and may be starting
    # its kernel) but the job is not yet recorded as running. The worker must be stopped all the same.
    import time

    started = []

    def start_then_interrupted(*args, **kwargs):
        job = real_start(*args, **kwargs)
        started.append(job.worker)
        raise KeyboardInterrupt

    real_start = runner._start
    monkeypatch.setattr(runner, "_start", start_then_interrupted)
    reports = tmp_path / "reports"
    with pytest.raises(KeyboardInterrupt):
        _run(fixture_suite, reports, "sleeps")
    [worker] = started
    assert worker.proc.poll() is not None  # stopped, not left running its notebook
    time.sleep(0.5)
    assert _kernels(reports / ".staging") == set()
    assert not (reports / ".staging").exists()


def test_ctrl_c_delivered_to_a_watcher_thread_still_stops_the_run_at_once(fixture_suite, tmp_path):
    # the kernel may deliver SIGINT to any thread of the process; sent here to the thread watching the
    # run (blocked in select), the run must still stop now, not when the notebook's 60 s timeout ends it
    import signal
    import threading
    import time

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even if inherited ignored
    reports = tmp_path / "reports"
    sent = []

    def interrupt_the_watcher():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            watchers = [t for t in threading.enumerate() if t.name == "watch sleeps"]
            if watchers and _kernels(reports / ".staging"):
                sent.append(time.monotonic())
                signal.pthread_kill(watchers[0].ident, signal.SIGINT)
                return
            time.sleep(0.1)

    helper = threading.Thread(target=interrupt_the_watcher, daemon=True)
    helper.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            runner.run_suite(suite.plan(fixture_suite, ["sleeps"], timeout=60),
                             runner.Options(reports_dir=reports, quiet=True))
        stopped = time.monotonic()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert sent, "the run's watcher or kernel never started"
    assert stopped - sent[0] < 20  # at once (0.2 s slices), far from the run's 60 s timeout plus 15 s of grace
    time.sleep(0.5)
    assert _kernels(reports / ".staging") == set()
    assert not (reports / ".staging").exists()
