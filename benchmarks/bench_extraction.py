"""Extraction throughput and memory on the same synthetic corpus as the cleaning benchmark.

    .venv/bin/python benchmarks/bench_extraction.py [--mb 50] [--small-mb 10]

Each document is read, cleaned and searched for quantities one at a time, in a fresh
process on one core. Targets (issue 3): >= 2 MB/s of raw text, memory flat in corpus size.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import run_benchmark, throughput  # noqa: E402


def measure(folder: str) -> dict:
    from analysis.quantities import extract

    return throughput(folder, lambda text, path: len(extract(text, path.stem if path else "")), "预热 5家")  # items: mentions


if __name__ == "__main__":
    run_benchmark(__file__, __doc__.splitlines()[0], measure)
