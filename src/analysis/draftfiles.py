"""The drafts on disk: ``data/processed/drafts/``, one CSV per document for its figures and one
for its clause codes, with the fingerprint of what they were built from (funding attributes and
PMC items are drafted where they are used, ``analysis.inuse``, from the figures and codes in use).

Reading never builds: ``read`` returns the stored drafts, or fails with one line saying how to
build them when they are missing or out of date (``python -m analysis corpus clean``, or the
runner, which builds them before the notebooks run: ``analysis.inuse.build``). Building is
``analysis.drafts``; this module only stores and reads, so that anything may read drafts
without importing the drafters.
"""

from __future__ import annotations

import fcntl
import hashlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis import heldout, paths
from analysis.errors import DataError
from analysis.files import package_hash, swap_dir

LAYERS = ("figures", "instruments")  # the layers stored, one file per document each

__all__ = ["LAYERS", "drafts_dir", "fingerprint", "is_current", "locked", "store", "read"]

STAMP = "fingerprint.txt"

# the curated files the drafts depend on: the codebooks, the human codings the automatic coder learns from,
# and the curated figures the figure drafts' confidence is calibrated on
_CURATED_INPUTS = ("indicators.csv", "scopes.csv", "instruments_framework.yml", "pmc_framework.yml",
                   "instruments_hand.csv", "instruments_coder2.csv", "instruments_adjudication.csv", "curation.csv",
                   "figures.csv", "out_of_scope.csv")


def drafts_dir() -> Path:
    return paths.processed_dir() / "drafts"


def fingerprint() -> str:
    """What the drafts depend on: the catalogue (which carries every raw file's sha256), the
    codebooks, the human codings the automatic coder learns from, the labelled sets the coder also learns
    from and the figure drafts' confidence is calibrated on (the tuning sets, by name: ``paths.TUNING_SETS``;
    a set not named, the next blind one, is not read: ``coder_training``, ``calibration_sets``), and the
    package's code."""
    h = hashlib.sha256()
    for f in [paths.catalogue_path()] + [paths.curated_dir() / n for n in _CURATED_INPUTS]:
        h.update(f.name.encode())
        h.update(f.read_bytes() if f.is_file() else b"-")
    h.update(heldout.digest(paths.TUNING_SETS).encode())
    h.update(package_hash().encode())
    return h.hexdigest()


def is_current() -> bool:
    """Whether the stored drafts were built from today's inputs."""
    stamp = drafts_dir() / STAMP
    return stamp.is_file() and stamp.read_text().strip() == fingerprint()


@contextmanager
def locked() -> Iterator[None]:
    """One writer at a time (a `corpus clean` beside a run); a reader waits for it."""
    folder = paths.processed_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".drafts.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def store(files: Mapping[str, bytes], stamp: str) -> Path:
    """Replace the drafts folder by ``files`` (name -> bytes) and the fingerprint ``stamp``,
    swapped in whole (nothing half-written). The caller holds ``locked()``."""
    return swap_dir(drafts_dir(), {**files, STAMP: (stamp + "\n").encode()})


# the files read, by (layer, doc_id), while the folder is the same ("stamp": its fingerprint file's
# text and identity): a report reads a layer's drafts several times (once per coding it compares),
# 200 files each time at 200 documents; the folder is only ever replaced whole (``store``)
_READ: dict = {}


def read(layer: str, doc_ids: list[str]) -> pd.DataFrame:
    """The stored drafts of one layer for ``doc_ids``, every column as text."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer}")
    if not doc_ids:
        return pd.DataFrame()
    folder = drafts_dir()
    with locked():
        if not is_current():
            state = "out of date" if (folder / STAMP).is_file() else "not built"
            raise DataError(f"the drafts are {state}; run `python -m analysis corpus clean` (or `python -m analysis "
                            "run`, which builds them first)", file=paths.relative(folder))
        made = (folder / STAMP).stat()  # the folder is swapped in whole: a new stamp file, even for the same inputs
        stamp = (str(folder), (folder / STAMP).read_text(), made.st_ino, made.st_mtime_ns)
        if _READ.get("stamp") != stamp:  # rebuilt since: forget what was read
            _READ.clear()
            _READ["stamp"] = stamp
        frames = []
        for doc_id in doc_ids:
            if (layer, doc_id) not in _READ:
                path = folder / f"{doc_id}.{layer}.csv"
                if not path.is_file():
                    raise DataError(f"no drafts for '{doc_id}'; run `python -m analysis corpus clean`",
                                    file=paths.relative(path))
                _READ[layer, doc_id] = pd.read_csv(path, dtype=str, keep_default_na=False)
            frames.append(_READ[layer, doc_id])
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)  # a new frame: the caller's changes do not reach the ones kept
