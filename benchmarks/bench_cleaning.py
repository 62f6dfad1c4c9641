"""Cleaning throughput and memory on a synthetic corpus made by repeating the five documents.

    .venv/bin/python benchmarks/bench_cleaning.py [--mb 50] [--small-mb 10]

Each size is measured in a fresh process on one core: documents are read and
cleaned one at a time (as `corpus clean` does), so peak memory should stay the
same whatever the corpus size. Targets (issue 2): >= 5 MB/s, memory flat.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import compare_sizes  # noqa: E402


def measure(folder: str) -> dict:
    from analysis.cleaning import clean_text

    files = sorted(Path(folder).glob("*.txt"))
    clean_text("预热")  # load OpenCC and the rules before timing
    start, total, kept = time.perf_counter(), 0, 0
    for path in files:
        data = path.read_bytes()
        total += len(data)
        kept += len(clean_text(data.decode("utf-8")).text)
    seconds = time.perf_counter() - start
    return {"files": len(files), "bytes": total, "seconds": seconds, "mb_per_s": total / 1e6 / seconds,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "clean_chars": kept}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--small-mb", type=float, default=10)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    compare_sizes(__file__, (args.small_mb, args.mb), "clean_chars")

if __name__ == "__main__":
    main()
