"""The region profile: what the suite knows about one region, section by section."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Document

__all__ = ["documents_headline", "documents_table"]

_GENRE = {"policy_text": ("policy text", "政策文本"), "news_report": ("news report", "新闻报道")}


def documents_headline(inventory: pd.DataFrame, lang: str = "en") -> str:
    first = inventory.iloc[0]
    name = first["region_zh"] if lang == "zh" else first["region_en"]
    kinds = "; ".join(f"{_GENRE[g][1 if lang == 'zh' else 0]} {d}" for g, d in zip(inventory["genre"], inventory["date"]))
    n = len(inventory)
    if lang == "zh":
        return f"{name}:{n} 篇文献({kinds})"
    return f"{name}: {n} document{'s' if n != 1 else ''} ({kinds})"


def documents_table(docs: list[Document], inventory: pd.DataFrame) -> pd.DataFrame:
    meta = pd.DataFrame([{"doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "notes": d.notes} for d in docs])
    cols = ["doc_id", "genre", "date", "level", "script", "clean_chars", "paragraphs", "clauses"]
    return meta.merge(inventory[cols], on="doc_id")[["doc_id", "title", "genre", "date", "outlet", "level", "script",
                                                     "clean_chars", "paragraphs", "clauses", "notes"]]


_KIND_ORDER = {"baseline": 0, "actual": 1, "target": 2, "funding": 3, "rule": 4}


def figures_table(figures: pd.DataFrame, region: str, lang: str = "en") -> pd.DataFrame:
    """The region's curated figures with the quote each comes from (the provenance table)."""
    rows = figures[figures["region"] == region].copy()
    rows["order"] = rows["kind"].map(_KIND_ORDER)
    rows = rows.sort_values(["order", "indicator", "scope", "year", "figure_id"])
    label = "label_zh" if lang == "zh" else "label_en"
    rows["value"] = [f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}" for v in rows["value"]]
    cols = ["figure_id", "kind", label, "scope", "year", "value", "unit", "qualifier", "quote", "note"]
    out = rows[cols].rename(columns={label: "indicator"})
    out["implied"] = rows["implied"].map({True: "implied", False: ""})
    return out.set_index("figure_id")


def figures_headline(figures: pd.DataFrame, region: str) -> str:
    rows = figures[figures["region"] == region]
    counts = rows["kind"].value_counts()
    parts = [f"{counts[k]} {k}" for k in _KIND_ORDER if k in counts]
    return f"{len(rows)} curated figures ({', '.join(parts)})"
