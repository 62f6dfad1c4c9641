"""Reference data from outside the corpus (``data/external/``): observed outcomes,
national totals, economic context. Every row carries its source; missing is missing."""

from __future__ import annotations

import pandas as pd

from analysis import paths
from analysis.tables import read_rows

__all__ = ["load_outcomes", "load_national", "load_context", "as_of_year"]


def _read(name: str, required: list[str], resource: str, label: tuple) -> pd.DataFrame:
    """The table, checked against its resource's schema in the data package (sources and
    quotes required, units, scopes and indicators known, one row per key)."""
    from analysis import schema

    path = paths.external_dir() / name
    rows = read_rows(path, required)
    schema.check_file(resource, path, list(enumerate(rows, 1)), label)
    return pd.read_csv(path, dtype={"as_of": str}, keep_default_na=False, na_values=[""], encoding="utf-8-sig")


def as_of_year(as_of: str) -> int:
    """'2021' -> 2021, '2018-05' -> 2018, '2016-12-31' -> 2016."""
    return int(str(as_of)[:4])


def load_outcomes() -> pd.DataFrame:
    frame = _read("outcomes.csv", ["region", "indicator", "scope", "value", "unit", "as_of", "source", "quote"],
                  "outcomes", ("region", "indicator", "as_of"))
    frame["year"] = frame["as_of"].map(as_of_year)
    return frame


def load_national() -> pd.DataFrame:
    frame = _read("national.csv", ["indicator", "scope", "value", "unit", "as_of", "source", "quote"],
                  "national", ("indicator", "as_of"))
    frame["year"] = frame["as_of"].map(as_of_year)
    return frame


def load_context() -> pd.DataFrame:
    return _read("context.csv", ["region", "indicator", "year", "value", "unit", "source"], "context",
                 ("region", "indicator", "year"))
