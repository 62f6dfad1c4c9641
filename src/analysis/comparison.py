"""Comparing regions by their instruments: counts of measures by type or sub-tool, the
chi-square test of independence (simulated p), secondary codes, the comparison under each
coding and within genre, and the confound of region with genre.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis import corpus, paths
from analysis.cache import HashCache, key
from analysis.corpus import region_names
from analysis.i18n import Text, word
from analysis.instruments import NONE, Framework

__all__ = ["measures_of", "counts", "chi_square", "secondary_presence", "select", "chi_square_by_coding", "by_genre",
           "confound_text"]


def measures_of(coding: pd.DataFrame) -> pd.DataFrame:
    """The clauses that count as measures (``analysis.measures``: a sub-tool code, not a heading
    merged with its body); a frame without the unit columns counts every coded clause."""
    return coding[coding["measure"]] if "measure" in coding else coding[coding["primary"] != NONE]


def counts(coding: pd.DataFrame, framework: Framework, level: str = "type", by: str = "region") -> pd.DataFrame:
    """Counts of types or sub-tools per region (or document), of measures (primary codes)."""
    col = "type" if level == "type" else "primary"
    measures = measures_of(coding)
    categories = list(framework.types) if level == "type" else framework.order
    table = pd.crosstab(measures[by], measures[col]).reindex(columns=categories, fill_value=0)
    return table


# tests already computed, by their table: a report tests the same table more than once (its
# coding's table, then again among every coding's), and a permutation test costs O(n_sim x
# measures): 8 s a test at 200 documents
_TESTS = HashCache(16)


def chi_square(table: pd.DataFrame, n_sim: int = 20000, seed: int = 20261121) -> dict:
    """Chi-square test of independence on the observed table (scipy's ``chi2_contingency``,
    no continuity correction), adjusted standardised residuals from the same observed table,
    and a Monte Carlo p-value when expected counts are small.

    Not statsmodels' ``Table``: it adds 0.5 to every cell when one is zero, so a region with
    no demand-side clause would be tested on a table it does not have."""
    table = table.loc[table.sum(axis=1) > 0, table.sum(axis=0) > 0]
    k = key(repr((list(table.index), list(table.columns), table.index.names, table.columns.names, str(table.dtypes.tolist()),
                  table.shape, n_sim, seed)), np.ascontiguousarray(table.to_numpy()).tobytes())
    if k not in _TESTS:
        _TESTS.put(k, _chi_square(table, n_sim, seed))
    out = dict(_TESTS.get(k))
    if "residuals" in out:
        out["residuals"] = out["residuals"].copy()
    return out


def _chi_square(table: pd.DataFrame, n_sim: int, seed: int) -> dict:
    from scipy.stats import chi2_contingency

    if table.shape[0] < 2 or table.shape[1] < 2:
        return {"defined": False, "reason": Text(f"a {table.shape[0]} x {table.shape[1]} table has nothing to test",
                                                 f"{table.shape[0]}×{table.shape[1]}的表没有可检验的内容")}
    observed = table.to_numpy()
    res = chi2_contingency(observed, correction=False)
    expected = res.expected_freq
    n = observed.sum()
    row_share = observed.sum(axis=1, keepdims=True) / n
    col_share = observed.sum(axis=0, keepdims=True) / n
    # adjusted standardised residuals (Agresti): (O - E) / sqrt(E (1 - row share) (1 - column share));
    # scipy has none, statsmodels' are of its shifted table
    residuals = (observed - expected) / np.sqrt(expected * (1 - row_share) * (1 - col_share))
    small = float((expected < 5).mean())
    out = {"defined": True, "chi2": float(res.statistic), "df": int(res.dof), "p_asymptotic": float(res.pvalue),
           "share_expected_below_5": small, "min_expected": float(expected.min()),
           "residuals": pd.DataFrame(residuals, index=table.index, columns=table.columns)}
    if small > 0.2 or expected.min() < 1:
        hits = _permutation_hits(observed, expected, float(res.statistic), n_sim, seed)
        out["p_simulated"] = (hits + 1) / (n_sim + 1)
        out["n_sim"] = n_sim
        out["method"] = Text(f"Monte Carlo p-value ({n_sim:,} permutations): {small:.0%} of expected counts are below 5",
                             f"蒙特卡洛p值({n_sim:,}次置换):{small:.0%}的期望频数小于5")
    else:
        out["method"] = Text("asymptotic chi-square", "渐近卡方分布")
    return out


# the permutation counts already drawn, kept across runs (the three 02_strategies runs test the same
# tables, and so does a re-run): key = the observed table, the draws asked for, numpy's version and this
# loop's own code, so that a changed loop or a numpy that draws differently is a new key
def _permutation_hits(observed: np.ndarray, expected: np.ndarray, statistic: float, n_sim: int, seed: int) -> int:
    """How many of ``n_sim`` tables drawn by permuting the column labels of the clauses (both margins kept)
    have a chi-square statistic at least ``statistic``; remembered across runs (``_draw_hits`` draws)."""
    k = key("permutation", _DRAWS, repr((observed.shape, str(observed.dtype), n_sim, seed)),
            np.ascontiguousarray(observed).tobytes())
    store = HashCache(256, paths.processed_dir() / ".chi-square-permutations.json")
    known = store.get(k)
    if isinstance(known, int):
        return known
    hits = _draw_hits(observed, expected, statistic, n_sim, seed)
    store.put(k, hits)
    return hits


def _draw_hits(observed: np.ndarray, expected: np.ndarray, statistic: float, n_sim: int, seed: int) -> int:
    # our own loop: the same for every SciPy the lock resolves, and the same draws for the same seed
    rows = np.repeat(np.arange(observed.shape[0]), observed.sum(axis=1))
    cols = np.concatenate([np.repeat(np.arange(observed.shape[1]), observed[i]) for i in range(observed.shape[0])])
    rng = np.random.default_rng(seed)
    n_cols, hits, batch = observed.shape[1], 0, 2000
    for done in range(0, n_sim, batch):
        # a batch of permutations in one call (Generator.permuted shuffles each row on its
        # own), their tables and statistics computed at once: 15x faster than one by one
        size = min(batch, n_sim - done)
        perms = rng.permuted(np.broadcast_to(cols, (size, len(cols))), axis=1)
        cells = (np.arange(size)[:, None] * observed.size + rows * n_cols + perms).ravel()
        sims = np.bincount(cells, minlength=size * observed.size).reshape(size, *observed.shape)
        hits += int((((sims - expected) ** 2 / expected).sum(axis=(1, 2)) >= statistic - 1e-9).sum())
    return hits


# what the draws depend on besides their arguments: numpy's generator and the loop's own code
_DRAWS = key(np.__version__, _draw_hits.__code__.co_code, repr(_draw_hits.__code__.co_consts))


def secondary_presence(coding: pd.DataFrame, framework: Framework, level: str = "type",
                       by: str = "region") -> pd.DataFrame:
    """How many clauses hold each type (or sub-tool) only as a secondary code, per region (or
    document): what a statement about presence ("has no demand-side measure") must count too."""
    col = "type" if level == "type" else "primary"
    categories = list(framework.types) if level == "type" else framework.order
    sec = coding[coding["secondary"].fillna("") != ""].copy()
    sec["_cat"] = sec["secondary"].map(framework.type_of) if level == "type" else sec["secondary"]
    sec = sec[sec["_cat"] != sec[col]]
    groups = sorted(set(coding[by]), key=list(coding[by]).index)
    return pd.crosstab(sec[by], sec["_cat"]).reindex(index=groups, columns=categories, fill_value=0)


def select(coding: pd.DataFrame, regions="all") -> pd.DataFrame:
    items = [r.strip() for r in str(regions).split(",") if r.strip()]
    return coding if not items or "all" in items else coding[coding["region"].isin(items)].reset_index(drop=True)


def chi_square_by_coding(codings: dict[str, pd.DataFrame], framework: Framework, n_sim: int = 20000,
                         lang: str = "en") -> pd.DataFrame:
    """The region-by-type test under each coding (the conclusion's sensitivity to who coded):
    measures, chi-square, df, p (simulated where expected counts are small), and the cells whose
    adjusted residual exceeds 2 in absolute value."""
    rows = []
    for name, coding in codings.items():
        test = chi_square(counts(coding, framework, "type"), n_sim=n_sim)
        row = {"coding": name, "measures": int(coding["measure"].sum()) if "measure" in coding else None}
        if test["defined"]:
            res = test["residuals"]
            names = region_names(lang)
            cells = [f"{names.get(r, r)} {framework.label(c, lang)} {res.loc[r, c]:+.2f}" for r in res.index
                     for c in res.columns if abs(res.loc[r, c]) > 2]
            row.update(chi2=test["chi2"], df=test["df"], p=test.get("p_simulated", test["p_asymptotic"]),
                       p_asymptotic=test["p_asymptotic"], cells_beyond_2="; ".join(cells) or word("none", lang))
        else:
            row.update(chi2=None, df=None, p=None, p_asymptotic=None, cells_beyond_2=test["reason"](lang))
        rows.append(row)
    return pd.DataFrame(rows)


def by_genre(coding: pd.DataFrame, framework: Framework, n_sim: int = 20000, lang: str = "en") -> pd.DataFrame:
    """The region-by-type test within each genre (news reports describe measures, policy texts
    enact them), where a genre has at least two regions with measures."""
    rows = []
    for genre, g in coding.groupby("genre", sort=True):
        table = counts(g, framework, "type")
        table = table[table.sum(axis=1) > 0]
        names = region_names(lang) if lang == "zh" else {}
        row = {"genre": word(genre, lang),
               "regions": Text(", ", "、")(lang).join(names.get(r, r) for r in table.index),
               "measures": int(table.to_numpy().sum())}
        test: dict[str, Any] = chi_square(table, n_sim=n_sim) if len(table) >= 2 else {
            "defined": False, "reason": Text("one region: nothing to compare", "只有一个地区:无可比较")}
        if test["defined"]:
            row.update(chi2=test["chi2"], df=test["df"], p=test.get("p_simulated", test["p_asymptotic"]),
                       note=test["method"](lang))
        else:
            row.update(chi2=None, df=None, p=None, note=test["reason"](lang))
        rows.append(row)
    return pd.DataFrame(rows)


def confound_text(coding: pd.DataFrame, docs: list | None = None, lang: str = "en") -> list[str]:
    """What a contrast between regions may reflect besides local strategy, from the catalogue:
    different genres, and policy texts of one province (a provincial template)."""
    docs = docs if docs is not None else corpus.load_catalogue()
    coded = set(coding["doc_id"])  # once: a set per document made this quadratic (11 s at 200 documents)
    used = [d for d in docs if d.doc_id in coded]
    lines = []
    genres: dict[str, list[str]] = {}
    for d in used:
        genres.setdefault(d.genre, []).append(d.region)
    names_zh = {d.region: getattr(d, "region_zh", d.region) for d in used}  # a test's stand-in may have none
    if len(genres) > 1:
        parts = Text("; ".join(f"{g.replace('_', ' ')}s: {', '.join(sorted(set(r)))}" for g, r in sorted(genres.items())),
                     ";".join(f"{word(g, 'zh')}:{'、'.join(sorted({names_zh[x] for x in r}))}"
                              for g, r in sorted(genres.items())))
        lines.append(Text(f"Genre confounds region ({parts.en}). News reports describe measures a government took or "
                          "announced; policy texts enact them, with targets, principles and responsibility lines. A "
                          "contrast between regions of different genres may reflect the genre rather than the strategy: "
                          "read the comparison within genre.",
                          f"体裁与地区混杂({parts.zh})。新闻报道描述政府已采取或宣布的措施;政策文本则制定措施,附有目标、原则和"
                          "责任分工。不同体裁地区之间的差异可能反映体裁而非策略:请阅读同一体裁内的比较。")(lang))
    provinces: dict[str, list[str]] = {}
    for d in used:
        if d.genre == "policy_text" and d.parent_province:
            provinces.setdefault(d.parent_province, []).append(d.region)
    for prov, regions in sorted(provinces.items()):
        if len(set(regions)) > 1:
            lines.append(Text(f"{', '.join(sorted(set(regions)))} are policy texts of cities of one province ({prov}): "
                              "where they agree, they may follow the provincial (or national) template rather than "
                              "a local choice.",
                              f"{'、'.join(sorted({names_zh[x] for x in regions}))}是同一省份({prov})的城市政策文本:"
                              "它们一致之处可能沿用省级(或国家级)模板,而非地方选择。")(lang))
    return lines



