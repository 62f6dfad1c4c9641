"""The suite runner against the loop a user would write, in one run on this machine.

    .venv/bin/python benchmarks/bench_runner.py

(a) for each run of the suite: `papermill NB OUT -p ...` then `jupyter nbconvert --to html OUT`,
    one after another;
(b) `python -m analysis run --force` (parallel workers, default --jobs);
(c) `python -m analysis run` again with nothing changed.
Targets (issue 4): (b) <= half of (a); (c) < 1 s; peak memory of (b) < 1.5 GB.
Issue 13: building the site (source viewer, navigation, search, link check: the manifest's
``site.duration_s``) adds at most 10 % to (b), and nothing to (c) (the site is not rebuilt).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, PeakTreeMemory  # noqa: E402

BIN = Path(sys.executable).parent


def timed(cmd: list[str], **kw) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    with PeakTreeMemory(proc.pid) as mem:
        code = proc.wait()
    if code:
        raise SystemExit(f"failed ({code}): {' '.join(cmd)}")
    return time.perf_counter() - start, mem.peak


def main() -> None:
    from analysis import suite

    runs = suite.plan()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        naive_start = time.perf_counter()
        naive_peak = 0
        for run in runs:
            out = tmp / "naive" / f"{run.name}.ipynb"
            out.parent.mkdir(exist_ok=True)
            args = [str(BIN / "papermill"), str(run.notebook), str(out), "--cwd", str(run.notebook.parent)]
            for k, v in run.parameters.items():
                args += ["-p", k, str(v)]
            _, peak = timed(args)
            _, peak2 = timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(out)])
            naive_peak = max(naive_peak, peak, peak2)
        naive = time.perf_counter() - naive_start
        reports = tmp / "reports"
        forced, forced_peak = timed([sys.executable, "-m", "analysis", "run", "--force", "--quiet",
                                     "--reports-dir", str(reports)])
        import json

        site_s = json.loads((reports / "manifest.json").read_text())["site"]["duration_s"]
        stamp = (reports / "assets" / "site-map.js").stat().st_mtime_ns
        nochange, _ = timed([sys.executable, "-m", "analysis", "run", "--quiet", "--reports-dir", str(reports)])
        rebuilt = (reports / "assets" / "site-map.js").stat().st_mtime_ns != stamp
        sizes = sorted(p.stat().st_size for p in [*reports.glob("html/*.html"), *reports.glob("documents/*.html")])
    print(f"{len(runs)} runs of the suite")
    print(f"(a) papermill + nbconvert, one by one : {naive:6.1f} s  (peak {naive_peak / 2**20:.0f} MB)")
    print(f"(b) python -m analysis run --force     : {forced:6.1f} s  (peak {forced_peak / 2**20:.0f} MB)  "
          f"= {forced / naive:.2f} x (a)")
    print(f"    of which building the site       : {site_s:6.2f} s  = {site_s / (forced - site_s):.1%} added to the runs")
    print(f"(c) python -m analysis run, no change  : {nochange:6.2f} s  (site rebuilt: {'yes' if rebuilt else 'no'})")
    print(f"largest page: {sizes[-1] / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
