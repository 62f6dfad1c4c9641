"""Files, at the bottom of the house: atomic writes (one file, or several all-or-nothing),
a folder swapped in whole, CSV bytes, hashes of bytes and files, and the package's own hash.

Every module that writes goes through here, so that a reader never sees half a file: bytes go
to a temporary file of a unique name in the target's folder, renamed into place (processes
writing the same file at once never mix their bytes). This module imports nothing of the
package but ``paths``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from analysis import paths

_UMASK = os.umask(0o022)
os.umask(_UMASK)

__all__ = ["write_atomic", "write_all", "swap_dir", "csv_bytes", "rows_csv_bytes", "sha256_bytes", "sha256_file",
           "package_hash", "input_files"]

PACKAGE_DIR = Path(__file__).resolve().parent
# every kind of file the package ships (pyproject.toml, package-data) and reads: a change to any of them
# is a change of the package (tests/unit/test_package_hash.py)
_PACKAGE_SUFFIXES = (".py", ".yml", ".yaml", ".txt", ".json", ".j2", ".css", ".js", ".csv")


def _temporary(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes it private; an output is as readable as any file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(path: Path, data: bytes | str) -> str:
    """Write ``data`` (text is written as UTF-8) to ``path`` through a temporary file renamed
    into place; returns the sha256 of the bytes."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = _temporary(Path(path), raw)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return sha256_bytes(raw)


def write_all(files: Mapping[Path, bytes | str]) -> None:
    """Write several files so that none is half-written: every one to a temporary file first,
    then all renamed into place (a failure before the renames leaves every file as it was)."""
    tmps: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            tmps[Path(path)] = _temporary(Path(path), data.encode("utf-8") if isinstance(data, str) else data)
        for path, tmp in tmps.items():
            os.replace(tmp, path)
    finally:
        for tmp in tmps.values():
            tmp.unlink(missing_ok=True)


def swap_dir(out_dir: Path, files: Mapping[str, bytes]) -> Path:
    """Replace the folder ``out_dir`` by one holding exactly ``files`` (name -> bytes): built
    beside it first, then swapped in whole, so that a failure leaves the old folder as it was."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        old = out_dir.with_name(f".{out_dir.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if out_dir.exists():
            os.replace(out_dir, old)
        os.replace(staging, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out_dir


def csv_bytes(frame: Any, sep: str = ",", **options: Any) -> bytes:
    """A data frame as the project writes every CSV: UTF-8, no index, ``\\n`` line ends."""
    buf = io.StringIO()
    frame.to_csv(buf, index=False, sep=sep, lineterminator="\n", **options)
    return buf.getvalue().encode("utf-8")


def rows_csv_bytes(rows: Iterable[Mapping[str, Any]], fields: list[str], header: bool = True,
                   extra: Literal["ignore", "raise"] = "ignore") -> bytes:
    """Rows (dicts) as CSV with the columns ``fields``, like ``csv_bytes``; a key not among
    ``fields`` is ignored, or with ``extra="raise"`` a ``ValueError``."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n", extrasaction=extra)
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def input_files(globs: list[str]) -> list[Path]:
    """The project's files matching ``globs`` (relative to the project root), hidden ones left out."""
    root = paths.project_root()
    found = {p for g in globs for p in root.glob(g) if p.is_file() and not p.name.startswith(".")}
    return sorted(found)


def package_hash() -> str:
    """The analysis package's code and the files it ships (rules, templates): what "the package
    changed" means for the runner's fingerprint, the drafts and the parameter values."""
    h = hashlib.sha256()
    for p in sorted(PACKAGE_DIR.rglob("*")):
        if p.is_file() and p.suffix in _PACKAGE_SUFFIXES and "__pycache__" not in p.parts:
            h.update(p.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()
