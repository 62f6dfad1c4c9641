"""Cleaning throughput and memory on a synthetic corpus made by repeating the five documents.

    .venv/bin/python benchmarks/bench_cleaning.py [--mb 50] [--small-mb 10]

Each size is measured in a fresh process on one core: documents are read and
cleaned one at a time (as `corpus clean` does), so peak memory should stay the
same whatever the corpus size. Targets (issue 2): >= 5 MB/s, memory flat.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import run_benchmark, throughput  # noqa: E402


def measure(folder: str) -> dict:
    from analysis.cleaning import clean_text

    return throughput(folder, lambda text, path: len(clean_text(text).text), "预热")  # items: clean characters


if __name__ == "__main__":
    run_benchmark(__file__, __doc__.splitlines()[0], measure)
