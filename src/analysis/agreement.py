"""How far two codings of the same clauses agree: Cohen's kappa and Krippendorff's alpha with
bootstrap intervals (numbers at full precision, rounded where shown), the confusion of two
codings, their disagreements, and the intercoder statistics by level and subset.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.instruments import NONE, Framework, codebook_examples

__all__ = ["Statistic", "cohen_kappa", "krippendorff_alpha", "confusion", "disagreements", "intercoder"]


@dataclass
class Statistic:
    value: float | None
    low: float | None = None
    high: float | None = None
    reason: str = ""  # why it is not defined

    def __str__(self) -> str:
        if self.value is None:
            return f"not defined ({self.reason})"
        ci = f" [{self.low:.2f}, {self.high:.2f}]" if self.low is not None else ""
        return f"{self.value:.3f}{ci}"


def cohen_kappa(a, b) -> Statistic:
    """Cohen's kappa for two codings of the same units (nominal)."""
    a, b = list(a), list(b)
    if len(a) != len(b):
        raise ValueError("the two codings have different lengths")
    n = len(a)
    if n < 2:
        return Statistic(None, reason=f"{n} unit(s): too few")
    cats = sorted(set(a) | set(b))
    po = sum(x == y for x, y in zip(a, b, strict=False)) / n
    pe = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    if math.isclose(pe, 1.0):
        return Statistic(None, reason="both codings put every unit in the same single category")
    return Statistic((po - pe) / (1 - pe))


def krippendorff_alpha(a, b) -> Statistic:
    """Krippendorff's alpha, nominal, two coders, no missing values (coincidence matrix)."""
    a, b = list(a), list(b)
    n_units = len(a)
    if n_units < 2:
        return Statistic(None, reason=f"{n_units} unit(s): too few")
    values = a + b
    n = len(values)  # pairable values
    cats = sorted(set(values))
    counts = {c: values.count(c) for c in cats}
    # observed disagreement: each unit with two different values contributes 2 ordered pairs / (m - 1) = 2
    d_o = sum(2 for x, y in zip(a, b, strict=False) if x != y) / n
    d_e = (n * n - sum(v * v for v in counts.values())) / (n * (n - 1))
    if d_e == 0:
        return Statistic(None, reason="every value is the same category: no variation to agree on")
    return Statistic(1 - d_o / d_e)


def _bootstrap(a, b, fn, n_boot: int, seed: int) -> tuple[float | None, float | None]:
    """95% percentile interval of ``fn`` (Cohen's kappa or Krippendorff's alpha) over ``n_boot``
    resamples of the units. Computed for all resamples at once from category counts (the same
    draws and values as resampling one at a time, 50x faster); resamples where the statistic is
    not defined are left out, and fewer than half defined gives no interval."""
    rng = np.random.default_rng(seed)
    n = len(a)
    cats = {c: i for i, c in enumerate(sorted(set(a) | set(b), key=str))}
    k = len(cats)
    ai = np.array([cats[x] for x in a])
    bi = np.array([cats[x] for x in b])
    idx = rng.integers(0, n, (n_boot, n))
    ra, rb = ai[idx], bi[idx]
    rows = np.arange(n_boot)[:, None] * k
    count_a = np.bincount((rows + ra).ravel(), minlength=n_boot * k).reshape(n_boot, k)
    count_b = np.bincount((rows + rb).ravel(), minlength=n_boot * k).reshape(n_boot, k)
    disagree = (ra != rb).sum(axis=1)
    if fn is cohen_kappa:
        po = 1 - disagree / n
        pe = (count_a * count_b).sum(axis=1) / (n * n)
        ok = ~np.isclose(pe, 1.0)
        stats = (po[ok] - pe[ok]) / (1 - pe[ok])
    elif fn is krippendorff_alpha:
        nv = 2 * n
        d_o = 2 * disagree / nv
        d_e = (nv * nv - ((count_a + count_b) ** 2).sum(axis=1)) / (nv * (nv - 1))
        ok = d_e != 0
        stats = 1 - d_o[ok] / d_e[ok]
    else:
        raise ValueError("the bootstrap knows Cohen's kappa and Krippendorff's alpha")
    if len(stats) < n_boot * 0.5:
        return None, None
    return float(np.percentile(stats, 2.5)), float(np.percentile(stats, 97.5))


def confusion(hand: pd.DataFrame, auto: pd.DataFrame, level: str = "type",
              names: tuple[str, str] = ("hand", "auto")) -> pd.DataFrame:
    col = "primary" if level == "subtool" else "type"
    first, second = (f" ({n})" for n in names)
    merged = hand[["clause_id", col]].merge(auto[["clause_id", col]], on="clause_id", suffixes=(first, second))
    return pd.crosstab(merged[f"{col}{first}"], merged[f"{col}{second}"])


def disagreements(hand: pd.DataFrame, auto: pd.DataFrame, framework: Framework, level: str = "type",
                  lang: str = "en") -> pd.DataFrame:
    col = "primary" if level == "subtool" else "type"
    m = hand[["clause_id", "text", col]].merge(auto[["clause_id", col]], on="clause_id", suffixes=("_hand", "_auto"))
    m = m[m[f"{col}_hand"] != m[f"{col}_auto"]]
    return pd.DataFrame({"clause": m["clause_id"], "hand": m[f"{col}_hand"].map(lambda c: framework.label(c, lang)),
                         "auto": m[f"{col}_auto"].map(lambda c: framework.label(c, lang)), "text": m["text"]})


def _stat_numbers(a: list, b: list, n_boot: int, seed: int) -> dict:
    k, al = cohen_kappa(a, b), krippendorff_alpha(a, b)
    k_ci = _bootstrap(a, b, cohen_kappa, n_boot, seed) if k.value is not None else (None, None)
    al_ci = _bootstrap(a, b, krippendorff_alpha, n_boot, seed) if al.value is not None else (None, None)
    return {"clauses": len(a), "agreement": sum(x == y for x, y in zip(a, b, strict=False)) / len(a) if a else None,
            "kappa": k.value, "kappa_low": k_ci[0], "kappa_high": k_ci[1],
            "alpha": al.value, "alpha_low": al_ci[0], "alpha_high": al_ci[1],
            "not_defined": k.reason or al.reason}


def intercoder(first: pd.DataFrame, second: pd.DataFrame, framework: Framework, n_boot: int = 1000,
               seed: int = 20261121) -> pd.DataFrame:
    """Agreement of two codings of the same clauses, as numbers (estimate and 95% bootstrap
    interval): at type and sub-tool level and for measure versus none; over all clauses,
    without the codebook's example clauses, per document and per type (that type against the
    rest)."""
    m = first[["clause_id", "doc_id", "primary", "type"]].merge(
        second[["clause_id", "primary", "type"]], on="clause_id", suffixes=("_1", "_2"))
    examples = codebook_examples(framework)
    levels = {"type": ("type_1", "type_2"), "sub-tool": ("primary_1", "primary_2")}
    rows = []

    def add(level, subset, frame, a, b):
        rows.append({"level": level, "subset": subset, **_stat_numbers(list(a), list(b), n_boot, seed)})

    for level, (c1, c2) in levels.items():
        add(level, "all clauses", m, m[c1], m[c2])
        rest = m[~m["clause_id"].isin(examples)]
        add(level, "without the codebook's examples", rest, rest[c1], rest[c2])
    measure = (m["primary_1"] != NONE, m["primary_2"] != NONE)
    add("measure vs none", "all clauses", m, *measure)
    for doc_id, g in m.groupby("doc_id", sort=False):
        add("type", f"document {doc_id}", g, g["type_1"], g["type_2"])
    for t in framework.types:
        add("type", f"{t} vs the rest", m, m["type_1"] == t, m["type_2"] == t)
    return pd.DataFrame(rows)
