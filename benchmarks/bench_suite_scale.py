"""The whole suite at several corpus sizes, and one document added to the largest (issue 22).

    .venv/bin/python benchmarks/bench_suite_scale.py [--documents 5 50 200 1000] [--jobs 2] [--no-add-one]

For each size, a copy of the repository (in a temporary folder; the checkout is not touched)
gets the five reviewed documents repeated under new ids and new regions with `corpus add` up to
that many documents (each copy a draft with a profile of its own), then `corpus clean` and
`run --force` are timed: total time, time per report (the run's time over its reports, and the
median region profile as the runner reports it in the manifest), peak memory of the run and its
kernels. On the largest corpus it then adds one document for a new region and times
`corpus add` + `run` (no --force): the time to bring the reports up to date, and which re-ran.
Prints a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, PeakTreeMemory  # noqa: E402

PY = [sys.executable, "-m", "analysis"]


def _add(copy: Path, tmp: Path, seed: dict, n: int) -> None:
    source = tmp / f"copy{n:04d}_{seed['file']}"
    source.write_bytes((copy / "data/raw/policies" / seed["file"]).read_bytes())
    subprocess.run(PY + ["corpus", "add", str(source), "--id", f"{seed['doc_id']}-copy{n:04d}",
                         "--region", f"{seed['region']}_copy{n:04d}", "--region-zh", seed["region_zh"],
                         "--region-en", f"{seed['region_en']} (copy {n})", "--level", seed["level"],
                         "--genre", seed["genre"], "--title", seed["title"], "--date", seed["date"],
                         "--outlet", seed["outlet"]], cwd=copy, check=True, capture_output=True)


def _run(copy: Path, args: list[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(PY + ["run", "--quiet", *args], cwd=copy, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    with PeakTreeMemory(proc.pid) as mem:
        out, err = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"the suite failed: {err.strip()[-2000:]}")
    return time.perf_counter() - start, mem.peak, out.strip() or err.strip()


def measure(size: int, jobs: int, add_one: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        copy = tmp / "repo"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "reports", "processed",
                                                                  "__pycache__", "*.egg-info", "benchmarks"))
        (copy / "reports").mkdir()
        seeds = list(csv.DictReader((copy / "data/raw/policies/catalogue.csv").open(encoding="utf-8")))
        for n in range(size - len(seeds)):
            _add(copy, tmp, seeds[n % len(seeds)], n)
        start = time.perf_counter()
        subprocess.run(PY + ["corpus", "clean", "--quiet"], cwd=copy, check=True, capture_output=True)
        cleaned = time.perf_counter() - start
        ran, peak, summary = _run(copy, ["--force", "--jobs", str(jobs)])
        runs = json.loads((copy / "reports/manifest.json").read_text(encoding="utf-8"))["runs"]
        profiles = [r["duration_s"] for name, r in runs.items() if name.startswith("region_profile-")]
        row = {"documents": size, "reports": len(runs), "clean_s": cleaned, "run_s": ran, "peak_mb": peak / 1e6,
               "per_report_s": ran / len(runs), "profile_median_s": statistics.median(profiles) if profiles else 0.0,
               "summary": summary}
        if add_one:  # one more document for a new region, then the reports brought up to date
            start = time.perf_counter()
            _add(copy, tmp, seeds[0], 9999)
            added = time.perf_counter() - start
            up, _, summary = _run(copy, ["--jobs", str(jobs)])
            row.update(add_s=added, update_s=up, update_summary=summary)
        return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[5, 50, 200, 1000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-add-one", action="store_true", help="skip adding one document to the largest corpus")
    args = parser.parse_args()
    sizes = sorted(args.documents)
    print("| documents | reports | `corpus clean` | `run --force` | per report | median region profile | peak memory |")
    print("|---|---|---|---|---|---|---|")
    for size in sizes:
        row = measure(size, args.jobs, add_one=size == sizes[-1] and not args.no_add_one)
        print(f"| {row['documents']} | {row['reports']} | {row['clean_s']:.1f} s | {row['run_s']:.1f} s | "
              f"{row['per_report_s']:.2f} s | {row['profile_median_s']:.2f} s | {row['peak_mb']:,.0f} MB |", flush=True)
        if "add_s" in row:
            print(f"\none document added to the {size}-document corpus: `corpus add` {row['add_s']:.1f} s, then `run` "
                  f"{row['update_s']:.1f} s ({row['update_summary']})", flush=True)


if __name__ == "__main__":
    main()
