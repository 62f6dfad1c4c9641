"""The review of the rule check's list (``analysis.codebook_rules``):
``data/curated/instruments_rule_review.csv``, one row per listed code with the decision (keep, or
change to other codes) and why. The consensus (``analysis.instruments.load_consensus``) takes
the changes; what is listed without a decision is ``unreviewed``. Kept apart from the check so
that the consensus needs only the reviewed table, not the check's machinery.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from analysis import paths, schema
from analysis.errors import DataError
from analysis.segments import of_documents
from analysis.tables import read_rows

__all__ = ["review_path", "load_review", "apply_review", "unreviewed", "DECISIONS"]

NONE = "none"
DECISIONS = ("keep", "change")
COLUMNS = schema.field_names("instruments-rule-review")


def review_path() -> Path:
    return paths.curated_dir() / "instruments_rule_review.csv"


def load_review(framework, known_clauses: set[str], path: Path | None = None,
                documents: Collection[str] | None = None) -> pd.DataFrame:
    """The review of the rule check's list, checked: the data package's schema (one row per
    clause, rule and listed code; decisions keep or change), then known clauses, rules of the
    codebook, and codes of the framework for a change. ``documents``: only the rows of
    these documents' clauses (a region's report)."""
    path = Path(path or review_path())
    where = paths.relative(path)
    rows = read_rows(path, COLUMNS, "rule review")
    schema.check_rows("instruments-rule-review", list(enumerate(rows, 1)), where, ("clause_id", "rule"),
                      foreign_keys=False)
    numbered = of_documents(list(enumerate(rows, 1)), documents)
    rows = [row for _, row in numbered]
    for n, row in numbered:
        def fail(field, message, n=n, row=row):
            raise DataError(message, file=where, row=f"{n} ({row.get('clause_id') or 'no clause_id'})", field=field)

        if row["clause_id"] not in known_clauses:
            fail("clause_id", f"no clause '{row['clause_id']}' in the coding")
        if row["rule"] not in framework.rules:
            fail("rule", f"no rule '{row['rule']}' in the codebook {framework.path}")
        if row["decision"] == "change":
            for col in ("primary", "secondary"):
                if (row[col] or col == "primary") and row[col] != NONE and row[col] not in framework.subtools:
                    fail(col, f"unknown code '{row[col]}' in framework {framework.name} {framework.version}")
            if row["secondary"] and (row["primary"] == NONE or row["secondary"] == row["primary"]):
                fail("secondary", "a secondary code needs a different primary code")
        elif row["primary"] or row["secondary"]:
            fail("primary", "a kept code needs no new codes: leave primary and secondary empty")
    return pd.DataFrame(rows, columns=COLUMNS)


def apply_review(coding: pd.DataFrame, review: pd.DataFrame, protected: frozenset[str] | set[str] = frozenset()) -> pd.DataFrame:
    """``coding`` with the review's changes: each changed clause takes the reviewed primary and
    secondary codes and ``source`` says so. ``protected``: clauses the adjudication decides (a
    change there belongs in the adjudication table, and is refused here)."""
    out = coding.copy()
    changes = review[review["decision"] == "change"]
    clash = sorted(set(changes["clause_id"]) & set(protected))
    if clash:
        raise DataError(f"{clash[0]} is adjudicated: change its codes in the adjudication table, not in the review",
                        file=paths.relative(review_path()))
    position = {c: i for i, c in enumerate(out["clause_id"])}
    for r in changes.itertuples():
        i = out.index[position[r.clause_id]]
        out.at[i, "primary"], out.at[i, "secondary"] = r.primary, r.secondary
        if "source" in out:
            out.at[i, "source"] = f"rule review ({r.rule})"
    return out


def unreviewed(listed: pd.DataFrame, review: pd.DataFrame) -> pd.DataFrame:
    """The listed contradictions that have no decision in the review."""
    done = set(zip(review["clause_id"], review["rule"], review["listed"], strict=False))
    return listed[[k not in done for k in zip(listed["clause_id"], listed["rule"], listed["listed"], strict=False)]]
