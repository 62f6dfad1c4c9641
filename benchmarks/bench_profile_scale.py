"""One region profile's time against the size of the corpus (issue 22: within 1.1 x at 100
documents of its time at 5).

    .venv/bin/python benchmarks/bench_profile_scale.py [--documents 5 100] [--rounds 3]

For each size, a copy of the repository (in a temporary folder; the checkout is not touched)
is grown as `bench_suite_scale.py` grows it (the five reviewed documents repeated under new ids
and new regions with `corpus add`) and cleaned (`corpus clean`, drafts included). Then, round
after round, the region profile of each of the five original regions is rendered with
`run region_profile.ipynb -p region R --force --jobs 1` in each copy, the sizes interleaved (so
that a change in the machine's load falls on every size alike), and the profile's time is read
as the runner reports it (`duration_s` in the manifest: the kernel's start, the notebook, its
rendering; not the runner's start or the site). Prints, per size, the median and the range of
the profile's time, and the ratio of medians to the smallest size.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT  # noqa: E402
from bench_suite_scale import PY, _add  # noqa: E402

REGIONS = ("xinjiang", "liaoning", "urumqi", "jiaxing", "shaoxing")  # the five reviewed documents' regions


def grow(size: int, tmp: Path) -> Path:
    copy = tmp / f"repo{size}"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "reports", "processed", "__pycache__",
                                                              "*.egg-info", "benchmarks"))
    (copy / "reports").mkdir()
    seeds = list(csv.DictReader((copy / "data/raw/policies/catalogue.csv").open(encoding="utf-8")))
    for n in range(size - len(seeds)):
        _add(copy, tmp, seeds[n % len(seeds)], n)
    subprocess.run(PY + ["corpus", "clean", "--quiet"], cwd=copy, check=True, capture_output=True)
    return copy


def profile_time(copy: Path, region: str) -> float:
    subprocess.run(PY + ["run", "region_profile.ipynb", "-p", "region", region, "--force", "--jobs", "1", "--quiet"],
                   cwd=copy, check=True, capture_output=True)
    runs = json.loads((copy / "reports/manifest.json").read_text(encoding="utf-8"))["runs"]
    [name] = [n for n in runs if n.startswith("region_profile-") and n.endswith(f"-region-{region}")
              and "-zh-" not in n]
    return float(runs[name]["duration_s"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[5, 100])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sizes = sorted(args.documents)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        copies = {size: grow(size, tmp) for size in sizes}
        times: dict[int, list[float]] = {size: [] for size in sizes}
        for r in range(args.rounds):
            for region in REGIONS:
                for size in sizes:
                    times[size].append(profile_time(copies[size], region))
            print(f"round {r + 1} of {args.rounds} done", file=sys.stderr, flush=True)
    base = statistics.median(times[sizes[0]])
    print("| documents | profiles rendered | median profile | fastest | slowest | ratio to the smallest corpus |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        t = times[size]
        print(f"| {size} | {len(t)} | {statistics.median(t):.2f} s | {min(t):.2f} s | {max(t):.2f} s | "
              f"{statistics.median(t) / base:.2f} × |")


if __name__ == "__main__":
    main()
