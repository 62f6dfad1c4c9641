"""Reference data from outside the corpus (``data/external/``): observed outcomes,
national totals, economic context. Every row carries its source; missing is missing."""

from __future__ import annotations

import pandas as pd

from analysis import paths
from analysis.errors import DataError

__all__ = ["load_outcomes", "load_national", "load_context", "as_of_year"]


def _read(name: str, required: list[str]) -> pd.DataFrame:
    path = paths.external_dir() / name
    if not path.is_file():
        raise DataError("not found", file=paths.relative(path))
    frame = pd.read_csv(path, dtype={"as_of": str}, keep_default_na=False, na_values=[""])
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError(f"missing column(s) {', '.join(missing)}", file=paths.relative(path))
    return frame


def as_of_year(as_of: str) -> int:
    """'2021' -> 2021, '2018-05' -> 2018, '2016-12-31' -> 2016."""
    return int(str(as_of)[:4])


def load_outcomes() -> pd.DataFrame:
    frame = _read("outcomes.csv", ["region", "indicator", "scope", "value", "unit", "as_of", "source", "quote"])
    frame["year"] = frame["as_of"].map(as_of_year)
    return frame


def load_national() -> pd.DataFrame:
    frame = _read("national.csv", ["indicator", "scope", "value", "unit", "as_of", "source", "quote"])
    frame["year"] = frame["as_of"].map(as_of_year)
    return frame


def load_context() -> pd.DataFrame:
    return _read("context.csv", ["region", "indicator", "year", "value", "unit", "source"])
