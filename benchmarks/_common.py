"""Shared helpers of the benchmark scripts (not a test: run them by hand, see README)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw" / "policies").glob("*.txt"))


def synthetic_corpus(folder: Path, total_mb: float, copies_per_doc: int = 20) -> tuple[list[Path], int]:
    """Write documents made by repeating the five real ones (``copies_per_doc`` copies each)
    until ``total_mb`` megabytes; return the files and their total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [p.read_bytes() for p in SEEDS]
    files, total, n = [], 0, 0
    while total < total_mb * 1e6:
        data = (seeds[n % len(seeds)] + b"\n") * copies_per_doc
        path = folder / f"synthetic_{n:05d}.txt"
        path.write_bytes(data)
        files.append(path)
        total += len(data)
        n += 1
    return files, total


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(d.name))
            rss[int(d.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


class PeakTreeMemory:
    """Samples the memory of a process tree every ``interval`` seconds; ``.peak`` in bytes."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_bytes(self.pid))
            time.sleep(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def compare_sizes(script: str, sizes: tuple[float, ...], extra: str = "") -> list[dict]:
    """Run ``script --measure FOLDER`` on one core (taskset) for a synthetic corpus of each size,
    in a fresh process each, and print throughput and peak memory side by side."""
    import json
    import subprocess
    import sys
    import tempfile

    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            synthetic_corpus(Path(tmp), size)
            out = subprocess.run(["taskset", "-c", "0", sys.executable, script, "--measure", tmp],
                                 capture_output=True, text=True, check=True).stdout
            rows.append(json.loads(out))
    print(f"{'corpus':>10} {'files':>6} {extra:>9} {'seconds':>8} {'MB/s':>6} {'peak RSS':>9}")
    for r in rows:
        print(f"{r['bytes'] / 1e6:>8.1f}MB {r['files']:>6} {r.get(extra, ''):>9} {r['seconds']:>8.2f} "
              f"{r['mb_per_s']:>6.2f} {r['peak_rss_mb']:>7.0f}MB")
    growth = rows[-1]["peak_rss_mb"] - rows[0]["peak_rss_mb"]
    print(f"peak memory grows by {growth:.0f} MB from {rows[0]['bytes'] / 1e6:.0f} MB to {rows[-1]['bytes'] / 1e6:.0f} MB of text")
    return rows


def throughput(folder: str, process, warm_up: str) -> dict:
    """Time ``process(text, path)`` over every file of ``folder``, one document at a time;
    ``process`` returns a count reported as ``items``."""
    import resource
    import time

    files = sorted(Path(folder).glob("*.txt"))
    process(warm_up, None)  # load dictionaries and rules before timing
    start, total, items = time.perf_counter(), 0, 0
    for path in files:
        data = path.read_bytes()
        total += len(data)
        items += process(data.decode("utf-8"), path)
    seconds = time.perf_counter() - start
    return {"files": len(files), "bytes": total, "seconds": seconds, "mb_per_s": total / 1e6 / seconds,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "items": items}


def run_benchmark(script: str, description: str, measure) -> None:
    """Command line of a throughput benchmark: ``--measure FOLDER`` (internal) measures one corpus;
    otherwise compare a small and a large synthetic corpus."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--small-mb", type=float, default=10)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    compare_sizes(script, (args.small_mb, args.mb), "items")
