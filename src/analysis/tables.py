"""Reading the project's hand-edited CSV tables: one place that checks the file is there and
has its columns, so a user's mistake is one line naming the file, not a KeyError later."""

from __future__ import annotations

import csv
from pathlib import Path

from analysis import paths
from analysis.errors import DataError

__all__ = ["read_rows"]


def read_rows(path: Path, required: list[str], what: str = "") -> list[dict]:
    """The rows of a UTF-8 CSV file (with or without a byte-order mark, LF or CRLF) as dicts;
    DataError if it is missing, is not UTF-8, or lacks a required column."""
    where = paths.relative(path)
    if not Path(path).is_file():
        raise DataError(f"{what} not found" if what else "not found", file=where)
    # utf-8-sig: a spreadsheet program saves UTF-8 with a byte-order mark (and CRLF line
    # endings, which the csv module reads as it is given newline="")
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        try:
            reader = csv.DictReader(f)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise DataError(f"missing column(s) {', '.join(missing)}", file=where)
            return list(reader)
        except UnicodeDecodeError as err:
            raise DataError(f"not UTF-8 (byte {err.start}); save it as CSV UTF-8", file=where) from None
