"""The PMC index (Ruiz Estrada's Policy Modeling Consistency index).

Each first-level variable Xi is the mean of its binary second-level variables; the
PMC index is the sum of the Xi; the grade comes from the framework's bands for that
number of variables. Second-level scores are hand-coded per document with a short
justification (``data/curated/pmc_scores.csv``). The framework
(``data/curated/pmc_framework.yml``) is data: variables can be added or removed
without code changes, and ``sensitivity`` shows how much the result depends on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import inputs, paths
from analysis.errors import DataError
from analysis.i18n import Record, Text, columns, flatten, record, word
from analysis.tables import read_yaml

__all__ = ["Framework", "load_framework", "instrument_items", "validate_rows", "index", "grade", "sensitivity", "surface_chart"]


@dataclass
class Framework:
    name: str
    version: str
    variables: dict[str, dict]  # X1 -> {name_en, name_zh, items: {X1:1: definition}, items_zh, derived}
    bands: dict[int, list[tuple[float, str]]]

    @property
    def derived_items(self) -> list[str]:
        """Items scored from the instrument coding, never by hand."""
        return [item for v in self.variables.values() if v.get("derived") for item in v["items"]]

    @property
    def items(self) -> list[str]:
        return [item for v in self.variables.values() for item in v["items"]]


def load_framework(path: Path | None = None) -> Framework:
    path = Path(path or paths.curated_dir() / "pmc_framework.yml")
    where = paths.relative(path)
    data = read_yaml(path, inputs.PMC_FRAMEWORK, "PMC framework")
    variables = {}
    for v in data.get("variables", []):
        if not v.get("items"):
            raise DataError(f"variable {v.get('code')} has no second-level items", file=where, field="variables")
        for item in v["items"]:
            if not str(item).startswith(f"{v['code']}:"):
                raise DataError(f"item '{item}' does not belong to {v['code']}", file=where, field="variables")
        if v.get("derived") not in (None, "instrument_types"):
            raise DataError(f"variable {v['code']}: derived must be instrument_types, not '{v['derived']}'",
                            file=where, field="variables")
        items_zh = dict(v.get("items_zh") or {})
        stray = set(items_zh) - set(v["items"])
        if stray:
            raise DataError(f"variable {v['code']}: items_zh names items it does not have ({', '.join(sorted(stray))})",
                            file=where, field="variables")
        variables[v["code"]] = {"name_en": v["name_en"], "name_zh": v["name_zh"], "items": dict(v["items"]),
                                "items_zh": items_zh, "derived": v.get("derived")}
    bands = {int(k): [(float(lo), name) for lo, name in sorted(b, reverse=True)] for k, b in data.get("bands", {}).items()}
    return Framework(data["name"], str(data["version"]), variables, bands)


def grade(score: float, n_variables: int, framework: Framework) -> str:
    bands = framework.bands.get(n_variables)
    if bands is None:
        return f"no bands for {n_variables} variables"
    for low, name in bands:
        if score >= low - 1e-9:
            return name
    return bands[-1][1]


def validate_rows(numbered_rows: list[tuple[int, dict]], framework: Framework, doc_ids: set[str], where: str) -> None:
    """Check score rows (``(row number, row)`` pairs of the file ``where``): the data package's
    schema (a score of 0 or 1, a justification, one row per document and item), then what it
    cannot say: a document of ``doc_ids``, an item of the framework, and no derived item."""
    from analysis import schema

    schema.check_rows("pmc-scores", numbered_rows, where, ("doc_id", "item"), foreign_keys=False)
    items = set(framework.items)
    for n, row in numbered_rows:
        def fail(field, message, n=n, row=row):
            raise DataError(message, file=where, row=f"{n} ({row.get('doc_id')} {row.get('item')})", field=field)

        if row["doc_id"] not in doc_ids:
            fail("doc_id", f"unknown document '{row['doc_id']}'")
        if row["item"] not in items:
            fail("item", f"unknown item '{row['item']}' (not in the PMC framework)")
        if row["item"] in framework.derived_items:
            fail("item", f"{row['item']} is derived from the instrument coding, never scored by hand: remove the row")


def instrument_items(doc_id: str, coding: pd.DataFrame, framework: Framework, instrument_fw) -> pd.DataFrame:
    """The derived items (X8: which instrument types a document uses) from the instrument
    coding: a type is present when a clause has a primary or a secondary code of it, so a
    statement about presence and the PMC item read the same codes. No coded clause of the
    document: no rows (the item stays unscored)."""
    cols = ["doc_id", "item", "score", "justification", "justification_zh"]
    codes = coding[coding["doc_id"] == doc_id]
    if codes.empty:
        return pd.DataFrame(columns=cols)
    primary = codes.loc[codes["primary"] != "none", "primary"].map(instrument_fw.type_of).value_counts()
    secondary = codes["secondary"].fillna("").map(lambda c: instrument_fw.type_of(c) if c else "").value_counts()
    rows = []
    for var in framework.variables.values():
        if var.get("derived") != "instrument_types":
            continue
        for item, definition in var["items"].items():
            t = next((t for t in instrument_fw.types if definition.lower().startswith(t)), None)
            if t is None:
                raise DataError(f"item {item} names no instrument type of {instrument_fw.path}: "
                                f"its definition must begin with one ({', '.join(instrument_fw.types)})")
            n_p, n_s = int(primary.get(t, 0)), int(secondary.get(t, 0))
            name = instrument_fw.label(t, "zh")
            why = (Text(f"derived: {n_p} clause(s) with a {t}-side primary code, {n_s} with a {t}-side secondary code",
                        f"导出:{n_p}个条款的主要编码为{name},{n_s}个条款的次要编码为{name}")
                   if n_p or n_s else Text(f"derived: no {t}-side code, primary or secondary",
                                           f"导出:没有{name}编码(主要或次要)"))
            rows.append(flatten({"doc_id": doc_id, "item": item, "score": int(bool(n_p or n_s)), "justification": why}))
    return pd.DataFrame(rows, columns=cols)


def index(scores: pd.DataFrame, framework: Framework, drop: str | None = None) -> pd.DataFrame:
    """One row per document: X1..Xn, PMC, grade, rank (1 = highest), genre, status. A document
    with an unscored item gets no variable mean for it, no PMC and no grade (never a
    silently low one): ``grade`` says how many items are not scored."""
    variables = [v for v in framework.variables if v != drop]
    used = scores[scores["variable"].isin(variables)]
    x = (used.groupby(["doc_id", "variable"])["score"].apply(lambda s: s.mean() if s.notna().all() else float("nan"))
         .unstack().reindex(columns=variables))
    out = x.copy()
    out["PMC"] = x.sum(axis=1, min_count=len(variables)).where(x.notna().all(axis=1))
    unscored = used.groupby("doc_id")["score"].apply(lambda s: int(s.isna().sum()))
    grades = [Text(g, word(g, "zh")) if pd.notna(s) else
              Text(f"not graded: {unscored[d]} items not scored", f"未评级:{unscored[d]}项未评分")
              for d, s in zip(out.index, out["PMC"], strict=False) for g in [grade(s, len(variables), framework)]]
    out["grade"], out["grade_zh"] = [t.en for t in grades], [t.zh for t in grades]
    out["rank"] = out["PMC"].rank(ascending=False, method="min").astype("Int64")
    if "status" not in scores:
        scores = scores.assign(status="reviewed")
    meta = scores.drop_duplicates("doc_id").set_index("doc_id")[["region", "genre", "status"]]
    out = out.join(meta)
    flags = [Text.join([FLAGS["news_report"]] * (g == "news_report") + [FLAGS["draft"]] * (st == "draft"))
             for g, st in zip(out["genre"], out["status"], strict=False)]
    out["flag"], out["flag_zh"] = [t.en for t in flags], [t.zh for t in flags]
    return out.sort_values("PMC", ascending=False, na_position="last")


FLAGS = {"news_report": Text("news report: scored from what it reports", "新闻报道:按其报道的内容评分"),
         "draft": Text("drafted by code, not reviewed", "由代码草拟,未审核")}


def index_table(idx: pd.DataFrame, framework: Framework, lang: str = "en") -> pd.DataFrame:
    cols = list(framework.variables) + ["PMC", "grade", "rank", "flag"]
    shown = idx[cols].copy()
    for c in list(framework.variables) + ["PMC"]:
        shown[c] = shown[c].map(lambda v: "–" if pd.isna(v) else f"{v:.2f}")
    if lang == "zh":  # the index's Chinese twins
        shown["grade"], shown["flag"] = idx["grade_zh"], idx["flag_zh"]
    return columns(shown, lang)


def sensitivity(idx: pd.DataFrame, framework: Framework, lang: str = "en") -> pd.DataFrame:
    """Score and rank of each graded document when one first-level variable is dropped."""
    idx = idx[idx["PMC"].notna()]
    variables = list(framework.variables)
    base = idx[variables]
    table = pd.DataFrame(index=idx.index)
    table["all"] = [f"{s:.2f} (#{r})" for s, r in zip(idx["PMC"], idx["rank"], strict=False)]
    for v in variables:
        score = base.drop(columns=v).sum(axis=1)
        rank = score.rank(ascending=False, method="min").astype(int)
        moved = ["" if r == r0 else (" ↑" if r < r0 else " ↓") for r, r0 in zip(rank, idx["rank"], strict=False)]
        table[Text(f"without {v}", f"去掉{v}")(lang)] = [f"{s:.2f} (#{r}){m}" for s, r, m in zip(score, rank, moved, strict=False)]
    return columns(table, lang)


def sensitivity_text(idx: pd.DataFrame, framework: Framework, lang: str = "en") -> str:
    idx = idx[idx["PMC"].notna()]
    variables = list(framework.variables)
    changes = []
    for v in variables:
        score = idx[variables].drop(columns=v).sum(axis=1)
        rank = score.rank(ascending=False, method="min").astype(int)
        moved = [d for d in idx.index if rank[d] != idx.loc[d, "rank"]]
        if moved:
            changes.append(Text(f"dropping {v} ({framework.variables[v]['name_en']}) changes the rank of "
                                + ", ".join(f"{d} (#{idx.loc[d, 'rank']} → #{rank[d]})" for d in moved),
                                f"去掉{v}({framework.variables[v]['name_zh']})改变了"
                                + "、".join(f"{d}(#{idx.loc[d, 'rank']} → #{rank[d]})" for d in moved) + "的排名"))
    if not changes:
        return Text("No single variable changes the ranking: it does not hinge on any one variable of the framework.",
                    "去掉任何一个变量都不改变排名:排名不取决于框架中的某一个变量。")(lang)
    return (Text("The ranking depends on the framework: ", "排名取决于框架:") + Text.join(changes, "; ", ";")
            + Text(".", "。"))(lang)


def justifications(scores: pd.DataFrame, framework: Framework, lang: str = "en") -> pd.DataFrame:
    """Every item's score and justification per document. In Chinese, generated justifications
    (derived, drafted) are in Chinese; a person's justification is shown as written, marked as
    English (``analysis.i18n.Record``), as is a definition the framework gives no Chinese for."""
    zh = lang == "zh"
    if zh:
        generated = scores["justification_zh"] if "justification_zh" in scores else pd.Series("", index=scores.index)
        scores = scores.assign(justification=[z if isinstance(z, str) and z else record(e, "en", lang)
                                              for z, e in zip(generated, scores["justification"], strict=False)])
    table = scores.pivot(index="item", columns="doc_id", values="score")
    why = scores.pivot(index="item", columns="doc_id", values="justification")
    score = table.map(lambda v: Text("not scored", "未评分")(lang) if pd.isna(v) else str(int(v)))
    shown = pd.DataFrame({d: [_scored(s, w) for s, w in zip(score[d], why[d], strict=False)] for d in table.columns}, index=table.index)

    def definition(item):
        var = next(v for v in framework.variables.values() if item in v["items"])
        return var["items_zh"].get(item) or record(var["items"][item], "en", lang) if zh else var["items"][item]

    shown.insert(0, "definition", [definition(i) for i in shown.index])
    order = {item: n for n, item in enumerate(framework.items)}
    return columns(shown.sort_index(key=lambda s: s.map(order)), lang)


def _scored(score: str, why):
    """"1 – why", keeping a record's language mark."""
    if isinstance(why, Record):
        return Record(f"{score} – {why.text}", why.lang)
    return f"{score} – {why}"


def surface_chart(idx: pd.DataFrame, framework: Framework, lang: str = "en"):
    """The PMC surface: X1..X9 as a 3 x 3 matrix per graded document (a document with unscored
    items has no surface to draw); None when no document is graded."""
    import matplotlib.pyplot as plt
    import numpy as np

    from analysis.plotting import MAX_PANELS, label

    variables = list(framework.variables)
    side = int(np.ceil(np.sqrt(len(variables))))
    docs = list(idx.index[idx["PMC"].notna()])[:MAX_PANELS]
    if not docs:
        return None
    fig, axes = plt.subplots(1, len(docs), figsize=(2.6 * len(docs), 2.9), squeeze=False)
    for ax, doc in zip(axes.flat, docs, strict=False):
        values = np.full(side * side, np.nan)
        values[:len(variables)] = idx.loc[doc, variables].to_numpy(dtype=float)
        grid = values.reshape(side, side)
        ax.imshow(grid, vmin=0, vmax=1, cmap="YlGnBu")
        for k, v in enumerate(variables):
            r, c = divmod(k, side)
            ax.text(c, r, f"{v}\n{grid[r, c]:.2f}" if not np.isnan(grid[r, c]) else f"{v}\n–", ha="center", va="center", fontsize=7,
                    color="white" if grid[r, c] > 0.6 else "black")
        ax.set_xticks([])
        ax.set_yticks([])
        pmc_value = idx.loc[doc, "PMC"]
        title = f"PMC {pmc_value:.2f} ({idx.loc[doc, 'grade_zh' if lang == 'zh' else 'grade']})" if pd.notna(pmc_value) \
            else label("not graded (draft)", "未评级(草拟)", lang)
        ax.set_title(f"{doc}\n{title}", fontsize=8)
    fig.suptitle(label("PMC surfaces", "PMC曲面", lang))
    fig.tight_layout()
    return fig
