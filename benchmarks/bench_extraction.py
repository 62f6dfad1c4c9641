"""Extraction throughput and memory on the same synthetic corpus as the cleaning benchmark.

    .venv/bin/python benchmarks/bench_extraction.py [--mb 50] [--small-mb 10]

Each document is read, cleaned and searched for quantities one at a time, in a fresh
process on one core. Targets (issue 3): >= 2 MB/s of raw text, memory flat in corpus size.
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
    from analysis.quantities import extract

    files = sorted(Path(folder).glob("*.txt"))
    extract("预热 5家")
    start, total, mentions = time.perf_counter(), 0, 0
    for path in files:
        data = path.read_bytes()
        total += len(data)
        mentions += len(extract(data.decode("utf-8"), path.stem))
    seconds = time.perf_counter() - start
    return {"files": len(files), "bytes": total, "seconds": seconds, "mb_per_s": total / 1e6 / seconds,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "mentions": mentions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--small-mb", type=float, default=10)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    compare_sizes(__file__, (args.small_mb, args.mb), "mentions")

if __name__ == "__main__":
    main()
