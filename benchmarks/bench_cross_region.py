"""The cross-region analyses alone (01_corpus, 02_strategies) at several corpus sizes (issue 22).

    .venv/bin/python benchmarks/bench_cross_region.py [--documents 5 50 200] [--notebooks 01_corpus.ipynb …]
        [--jobs 1] [--copies DIR] [--src DIR]

For each size, a copy of the repository is grown as `bench_suite_scale.py` grows it (the five
reviewed documents repeated under new ids and new regions with `corpus add`) and cleaned
(`corpus clean`, drafts included); with `--copies DIR` the copies are kept there (`DIR/repo<size>`)
and reused by the next call, since growing 200 documents takes about ten minutes. Then the given
notebooks' runs (a notebook file: every run of it, 02_strategies has three and 01_corpus two; a
run name: that run alone) are rendered with
`run <notebooks> --force`, one at a time by default, and each run's time is read as the runner
reports it (`duration_s` in the manifest: the kernel's start, the notebook, its rendering).
`--src DIR` puts DIR first on the kernels' PYTHONPATH: the same copies timed with another
version of the package (say `git archive <commit> src notebooks | tar -x -C /tmp/old`, then `--src /tmp/old/src`);
the notebooks run are those beside DIR when it has them (a version's notebooks call its own package), else the
checkout's, copied into the copy before each run (a reused copy would otherwise keep the notebooks it was grown with).
`--warm` keeps what earlier runs of the copy left in `data/processed` (each document's term counts, the
chi-square permutation counts, the coder's held-out evaluation: kept by content hash across runs); without it
they are removed first, so that the run computes them as a first run does.
Prints a Markdown table: per size, each run's time, their total, and the CPU seconds of the whole run (the
runner and every kernel it waited for: comparable under load, where wall times are not).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT  # noqa: E402
from bench_suite_scale import PY, _add  # noqa: E402


def _documents(copy: Path) -> int:
    with (copy / "data/raw/policies/catalogue.csv").open(encoding="utf-8") as f:
        return sum(1 for _ in csv.DictReader(f))


def grown(size: int, folder: Path, env: dict[str, str]) -> Path:
    """A copy of the repository with ``size`` documents in ``folder`` (reused when it has them), cleaned."""
    copy = folder / f"repo{size}"
    if not (copy.is_dir() and _documents(copy) == size):
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "reports", "processed",
                                                                  "__pycache__", "*.egg-info", "benchmarks"))
        (copy / "reports").mkdir()
        seeds = list(csv.DictReader((copy / "data/raw/policies/catalogue.csv").open(encoding="utf-8")))
        with tempfile.TemporaryDirectory() as tmp:
            for n in range(size - len(seeds)):
                _add(copy, Path(tmp), seeds[n % len(seeds)], n)
    subprocess.run(PY + ["corpus", "clean", "--quiet"], cwd=copy, check=True, capture_output=True, env=env)
    return copy


CACHES = (".term-counts.json", ".chi-square-permutations.json", ".coder-evaluation.json")


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_times(copy: Path, notebooks: list[str], jobs: int, env: dict[str, str]) -> dict[str, float]:
    """Each run's ``duration_s`` after ``run <notebooks> --force``, and the run's CPU seconds (``"CPU"``)."""
    before = _cpu()
    proc = subprocess.run(PY + ["run", *notebooks, "--force", "--jobs", str(jobs), "--quiet"], cwd=copy,
                          capture_output=True, text=True, env=env)
    if proc.returncode:
        raise SystemExit(f"the run failed: {proc.stderr.strip()[-2000:]}")
    runs = json.loads((copy / "reports/manifest.json").read_text(encoding="utf-8"))["runs"]
    stems = [nb.removesuffix(".ipynb") for nb in notebooks]
    times = {name: float(r["duration_s"]) for name, r in sorted(runs.items())
             if any(name == stem or name.startswith(stem + "-") for stem in stems)}
    return times | {"CPU": _cpu() - before}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[5, 50, 200])
    parser.add_argument("--notebooks", nargs="+", default=["01_corpus.ipynb", "02_strategies.ipynb"],
                        help="run names (02_strategies-zh) or notebooks (02_strategies.ipynb: all its runs)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--copies", type=Path, help="keep the grown copies here and reuse them")
    parser.add_argument("--src", type=Path, help="a package source folder put first on the kernels' PYTHONPATH")
    parser.add_argument("--warm", action="store_true", help="keep the caches earlier runs left in data/processed")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = os.pathsep.join([str(args.src.resolve()), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.copies or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print("| documents | run | time |")
        print("|---|---|---|")
        for size in sorted(args.documents):
            copy = grown(size, folder, env)
            notebooks = args.src.parent / "notebooks" if args.src and (args.src.parent / "notebooks").is_dir() \
                else ROOT / "notebooks"
            shutil.rmtree(copy / "notebooks")
            shutil.copytree(notebooks, copy / "notebooks")
            for name in CACHES if not args.warm else ():
                (copy / "data/processed" / name).unlink(missing_ok=True)
            times = run_times(copy, args.notebooks, args.jobs, env)
            cpu = times.pop("CPU")
            for name, seconds in times.items():
                print(f"| {size} | {name} | {seconds:.1f} s |", flush=True)
            print(f"| {size} | **total** | **{sum(times.values()):.1f} s** |", flush=True)
            print(f"| {size} | CPU of the run (runner and kernels) | {cpu:.1f} s |", flush=True)


if __name__ == "__main__":
    main()
