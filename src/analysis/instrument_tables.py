"""The instruments' tables and sentences for the notebooks, in English or Chinese: counts,
emphasis, the chi-square sentence, the coders' disagreements and adjudication, clause tables.
"""

from __future__ import annotations

import pandas as pd

from analysis import links
from analysis.agreement import confusion, disagreements
from analysis.comparison import counts, measures_of, secondary_presence
from analysis.corpus import region_names
from analysis.i18n import Text, columns, record, word
from analysis.instruments import NONE, Framework

__all__ = ["emphasis_text", "for_chart", "confusion_table", "headline", "counts_table", "counts_long",
           "chi_square_text", "disagreements_table", "adjudication_table", "rules_text", "clause_table",
           "intercoder_table"]


def emphasis_text(table: pd.DataFrame, framework: Framework, lang: str = "en",
                  coding: pd.DataFrame | None = None, level: str = "type") -> list[str]:
    """What each region emphasises and omits, from the shares of its measures (generated, not
    hand-written). With ``coding``, "none on X" is said only when X is absent from primary and
    secondary codes alike; X held only as a secondary code is said so."""
    shares = table.div(table.sum(axis=1), axis=0)
    pooled = table.sum() / table.to_numpy().sum()
    secondary = (secondary_presence(coding, framework, level) if coding is not None
                 else pd.DataFrame(0, index=table.index, columns=table.columns))
    names = region_names(lang) if lang == "zh" else {}
    lines = []
    for region, row in shares.iterrows():
        if table.loc[region].sum() == 0:
            continue
        top = row.sort_values(ascending=False)
        lead = top.index[0]
        over = [c for c in row.index if row[c] - pooled[c] >= 0.10]
        zero = [c for c in row.index if table.loc[region, c] == 0]
        held = {c: int(secondary.loc[region, c]) if region in secondary.index and c in secondary else 0 for c in zero}
        name = framework.label
        n = int(table.loc[region].sum())
        absent = [c for c in zero if not held[c]]
        if lang == "zh":
            parts = [f"{n}项措施中{name(lead, lang)}最多,占{top.iloc[0]:.0%}"]
            if over:
                parts.append("高于总体占比:" + "、".join(f"{name(c, lang)}({row[c]:.0%},总体{pooled[c]:.0%})" for c in over))
            if absent:
                parts.append("没有" + "、".join(name(c, lang) for c in absent) + "措施" + ("(主要与次要编码均无)" if coding is not None else ""))
            parts += [f"{name(c, lang)}只作为次要编码出现({held[c]}个条款)" for c in zero if held[c]]
            lines.append(f"{names.get(region, region)}:" + ";".join(parts) + "。")
            continue
        parts = [f"{name(lead, lang)} leads with {top.iloc[0]:.0%} of its {n} measures"]
        if over:
            parts.append("above the pooled share: " + ", ".join(f"{name(c, lang)} ({row[c]:.0%} vs {pooled[c]:.0%})" for c in over))
        if absent:
            parts.append("none on " + ", ".join(name(c, lang) for c in absent)
                         + (" (primary or secondary)" if coding is not None else ""))
        for c in zero:
            if held[c]:
                parts.append(f"{name(c, lang)} only as a secondary code ({held[c]} clause{'s' if held[c] > 1 else ''})")
        lines.append(f"{region.capitalize()}: " + "; ".join(parts) + ".")
    return lines


def for_chart(table: pd.DataFrame, framework: Framework, lang: str = "en") -> pd.DataFrame:
    """A region-by-code table labelled for a chart: codes by their names; in Chinese, regions
    by their Chinese names and the axes named in Chinese."""
    out = table.rename(columns=lambda c: framework.label(c, lang))
    if lang == "zh":
        names = region_names(lang)
        out = out.rename(index=lambda r: names.get(r, r))
        out.index.name, out.columns.name = word(out.index.name or "", lang), word(out.columns.name or "", lang)
    return out


def confusion_table(first: pd.DataFrame, second: pd.DataFrame, framework: Framework, level: str = "type",
                    lang: str = "en") -> pd.DataFrame:
    """Two coders' codes cross-tabulated (rows: first, columns: second), labelled for a chart."""
    names = (word("first coder", lang), word("second coder", lang))
    table = confusion(first, second, level, names)
    if lang == "zh":
        table = table.rename(index=lambda c: framework.label(c, lang), columns=lambda c: framework.label(c, lang))
        kind = word("sub-tool" if level == "subtool" else "type", lang)
        table.index.name, table.columns.name = f"{kind}({names[0]})", f"{kind}({names[1]})"
    return table


def headline(coding: pd.DataFrame, framework: Framework, which: str, lang: str = "en") -> str:
    measures = measures_of(coding)
    shares = measures["type"].value_counts(normalize=True)
    drafted = int((coding["status"] == "draft").sum()) if "status" in coding and which != "auto" else 0
    parts = Text(", ".join(f"{framework.label(t)} {shares.get(t, 0):.0%}" for t in framework.types),
                 "、".join(f"{framework.label(t, 'zh')}{shares.get(t, 0):.0%}" for t in framework.types))
    how = Text(f"{which} coding", word(f"{which} coding", "zh")) + (
        Text(f"; {drafted} clauses drafted by the automatic coder, not reviewed", f";{drafted}个条款由自动编码器草拟,未审核")
        if drafted else "")
    return Text(f"{len(measures)} measures in {len(coding)} clauses ({how.en}): {parts.en}",
                f"{len(coding)}个条款中的{len(measures)}项措施({how.zh}):{parts.zh}")(lang)





def counts_table(table: pd.DataFrame, framework: Framework, lang: str = "en",
                 coding: pd.DataFrame | None = None, by: str = "region") -> pd.DataFrame:
    """Counts with shares; with ``coding``, a ``status`` column says how many of each row's
    measures were coded by code and not reviewed."""
    shares = table.div(table.sum(axis=1).replace(0, 1), axis=0)
    out = pd.DataFrame(index=table.index)
    for code in table.columns:
        out[framework.label(code, lang)] = [f"{n} ({s:.0%})" for n, s in zip(table[code], shares[code], strict=False)]
    out["measures"] = table.sum(axis=1)
    if coding is not None and "status" in coding:
        measures = measures_of(coding)
        drafted = measures[measures["status"] == "draft"].groupby(by).size()
        out["status"] = [(Text(f"draft: {drafted[r]} of {n} coded by code", f"草拟:{n}项中{drafted[r]}项由代码编码")(lang)
                          if r in drafted.index else word("reviewed", lang)) for r, n in zip(out.index, out["measures"], strict=False)]
    if lang == "zh" and by == "region":
        names = region_names(lang)
        out = out.rename(index=lambda r: names.get(r, r))
    return columns(out, lang)


def counts_long(coding: pd.DataFrame, framework: Framework, level: str) -> pd.DataFrame:
    table = counts(coding, framework, level, by="doc_id")
    long = table.stack().rename("measures").reset_index()
    long.columns = ["doc_id", "code", "measures"]
    long["share"] = long["measures"] / long.groupby("doc_id")["measures"].transform("sum")
    long["label"] = long["code"].map(framework.label)
    return long


def chi_square_text(test: dict, lang: str = "en") -> str:
    if not test["defined"]:
        return Text(f"Not defined: {test['reason']}.", f"无定义:{test['reason'](lang)}。")(lang)
    p = test.get("p_simulated", test["p_asymptotic"])
    how = test["method"]
    return Text(f"χ² = {test['chi2']:.2f}, df = {test['df']}, p = {p:.4f} ({how('en')}; asymptotic p = "
                f"{test['p_asymptotic']:.4f}). Smallest expected count {test['min_expected']:.2f}.",
                f"χ² = {test['chi2']:.2f},自由度 = {test['df']},p = {p:.4f}({how('zh')};渐近p = "
                f"{test['p_asymptotic']:.4f})。最小期望频数{test['min_expected']:.2f}。")(lang)


def disagreements_table(first: pd.DataFrame, second: pd.DataFrame, framework: Framework, lang: str = "en") -> pd.DataFrame:
    """The clauses two coders coded differently (sub-tool level), each linked to the viewer."""
    table = disagreements(first, second, framework, "subtool", lang).rename(
        columns={"hand": "first coder", "auto": "second coder"})
    table["clause"] = [links.clause(c, c) for c in table["clause"]]
    return columns(table, lang)


def adjudication_table(adjudication: pd.DataFrame, all_clauses: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Every adjudicated clause with its text, linked to the viewer; the adjudicator's reason
    is a record in the language it was written in (English)."""
    table = adjudication.merge(all_clauses[["clause_id", "text"]], on="clause_id")
    table["clause_id"] = [links.clause(c, c) for c in table["clause_id"]]
    table["reason"] = table["reason"].map(lambda v: record(v, "en", lang))
    return columns(table, lang)


def rules_text(adjudication: pd.DataFrame, framework: Framework, lang: str = "en") -> list[str]:
    """The codebook rules the adjudication used, with how many clauses each settled, and which
    coder's code was kept how often. The rules' text is the codebook's (English), marked so
    (the report's Markdown renderer, ``analysis.safemarkdown``, escapes it and keeps the mark)."""
    lines = []
    for r in framework.rules:
        n = int((adjudication["rule"] == r).sum())
        text = framework.rules[r]["text"]
        lines.append(Text(f"**{r}** ({n} clauses): {text}", f"**{r}**({n}个条款):<span lang=\"en\">{text}</span>")(lang))
    kept = adjudication["kept"].value_counts()
    lines.append(Text("Kept: " + ", ".join(f"{k} {n}" for k, n in kept.items()) + ".",
                      "保留:" + "、".join(f"{word(k, 'zh')}{n}个" for k, n in kept.items()) + "。")(lang))
    return lines





def clause_table(coding: pd.DataFrame, framework: Framework, lang: str = "en") -> pd.DataFrame:
    return columns(pd.DataFrame({
        "clause": [links.clause(c, c) for c in coding["clause_id"]], "document": coding["doc_id"],
        "status": (coding["status"] if "status" in coding else pd.Series("reviewed", index=coding.index))
        .map(lambda v: word(v, lang)),
        "type": coding["type"].map(lambda c: framework.label(c, lang) if c != NONE else "–"),
        "sub-tool": coding["primary"].map(lambda c: framework.label(c, lang)),
        "secondary": coding["secondary"].fillna("").map(lambda c: framework.label(c, lang) if c else ""),
        "counted as": ([(Text("measure", "措施")(lang) if m else
                         (Text(f"merged into {into}", f"并入{into}")(lang) if into else "–"))
                        for m, into in zip(coding["measure"], coding["merged_into"], strict=False)] if "measure" in coding
                       else ""),
        "text": coding["text"]}), lang)


def _subset_words(subset: str, lang: str) -> str:
    """An agreement subset's name in the report's language ("document X", "supply vs the rest")."""
    if lang != "zh":
        return subset
    if subset.startswith("document "):
        return f"文献{subset[len('document '):]}"
    if subset.endswith(" vs the rest"):
        return f"{subset[:-len(' vs the rest')]}与其余类型"
    return word(subset, lang)


def intercoder_table(stats: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The agreement table for reading: estimates with their intervals, two decimals."""
    def fmt(v, lo, hi):
        if v is None or pd.isna(v):
            return word("not defined", lang)
        return f"{v:.2f} [{lo:.2f}, {hi:.2f}]" if lo is not None and not pd.isna(lo) else f"{v:.2f}"

    return columns(pd.DataFrame({
        "level": stats["level"].map(lambda v: word(v, lang)), "subset": stats["subset"].map(lambda v: _subset_words(v, lang)),
        "clauses": stats["clauses"],
        "agreement": [f"{a:.1%}" for a in stats["agreement"]],
        "Cohen's κ [95% CI]": [fmt(*r) for r in stats[["kappa", "kappa_low", "kappa_high"]].itertuples(index=False)],
        "Krippendorff's α [95% CI]": [fmt(*r) for r in stats[["alpha", "alpha_low", "alpha_high"]].itertuples(index=False)],
    }).set_index(["level", "subset"]), lang)
