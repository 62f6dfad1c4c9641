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
