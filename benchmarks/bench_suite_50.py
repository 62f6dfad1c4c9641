"""The whole suite on a corpus of 50 documents, as `make reports` renders it.

    .venv/bin/python benchmarks/bench_suite_50.py [--documents 50] [--jobs 2]

A copy of the repository (in a temporary folder; the checkout is not touched) gets 45 more
documents: the five reviewed ones repeated under new ids and new regions with `corpus add`
(so each is a draft with a profile of its own). Then `corpus clean` and `run --force` are
timed. Target (issue 10): the 50-document suite renders in under 4 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, PeakTreeMemory  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "repo"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "reports", "processed",
                                                                  "__pycache__", "*.egg-info", "benchmarks"))
        (copy / "reports").mkdir()
        seeds = list(csv.DictReader((copy / "data/raw/policies/catalogue.csv").open(encoding="utf-8")))
        py = [sys.executable, "-m", "analysis"]
        start = time.perf_counter()
        for n in range(args.documents - len(seeds)):
            seed = seeds[n % len(seeds)]
            source = Path(tmp) / f"copy{n:03d}_{seed['file']}"
            source.write_bytes((copy / "data/raw/policies" / seed["file"]).read_bytes())
            subprocess.run(py + ["corpus", "add", str(source), "--id", f"{seed['doc_id']}-copy{n:03d}",
                                 "--region", f"{seed['region']}_copy{n:03d}", "--region-zh", seed["region_zh"],
                                 "--region-en", f"{seed['region_en']} (copy {n})", "--level", seed["level"],
                                 "--genre", seed["genre"], "--title", seed["title"], "--date", seed["date"],
                                 "--outlet", seed["outlet"]], cwd=copy, check=True, capture_output=True)
        added = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(py + ["corpus", "clean", "--quiet"], cwd=copy, check=True, capture_output=True)
        cleaned = time.perf_counter() - start
        start = time.perf_counter()
        proc = subprocess.Popen(py + ["run", "--force", "--quiet", "--jobs", str(args.jobs)], cwd=copy,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with PeakTreeMemory(proc.pid) as mem:
            out, err = proc.communicate()
        run = time.perf_counter() - start
        print(out.strip() or err.strip())
        reports = len(list((copy / "reports/html").glob("*.html")))
        print(f"{args.documents} documents: corpus add {added:.1f} s, corpus clean (with drafts) {cleaned:.1f} s, "
              f"run --force --jobs {args.jobs}: {run:.1f} s for {reports} reports "
              f"(clean + run {cleaned + run:.1f} s; target < 240 s), peak memory {mem.peak / 1e6:.0f} MB")
        if proc.returncode:
            raise SystemExit(f"the suite failed: {err.strip()[-2000:]}")


if __name__ == "__main__":
    main()
