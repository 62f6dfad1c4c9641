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
    from analysis import links

    out = meta.merge(inventory[cols], on="doc_id")[["doc_id", "title", "genre", "date", "outlet", "level", "script",
                                                    "clean_chars", "paragraphs", "clauses", "notes"]]
    out["doc_id"] = [links.Link(d, href=links.document_href(d), title="the document, its clauses and figures marked",
                                kind="document") for d in out["doc_id"]]
    return out


_KIND_ORDER = {"baseline": 0, "actual": 1, "target": 2, "funding": 3, "rule": 4}


def figures_table(figures: pd.DataFrame, region: str, lang: str = "en") -> pd.DataFrame:
    """The region's curated figures with the quote each comes from (the provenance table)."""
    rows = figures[figures["region"] == region].copy()
    if "status" not in rows:
        rows = rows.assign(status="reviewed", confidence=float("nan"))
    rows["order"] = rows["kind"].map(_KIND_ORDER)
    rows = rows.sort_values(["order", "indicator", "scope", "year", "figure_id"])
    label = "label_zh" if lang == "zh" else "label_en"
    from analysis import links

    rows["value"] = [links.figure(f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}", f)
                     for v, f in zip(rows["value"], rows["figure_id"])]
    # where the figure is about (a city, a zone) when narrower than the region, and what it counts
    # besides a plain stock (a first batch, a cumulative total, carriers under construction)
    for col in ("locality", "flags"):
        rows[col] = rows[col].fillna("") if col in rows else ""
    rows["place"] = rows["locality"]
    cols = ["figure_id", "status", "kind", label, "scope", "place", "flags", "year", "value", "unit", "qualifier",
            "quote", "note"]
    out = rows[cols].rename(columns={label: "indicator"})
    out["implied"] = rows["implied"].map({True: "implied", False: ""})
    out["confidence"] = [("" if pd.isna(c) else f"{c:.2f}") for c in rows["confidence"]]
    return out.set_index("figure_id")


def figures_headline(figures: pd.DataFrame, region: str) -> str:
    rows = figures[figures["region"] == region]
    if rows.empty:
        return "The region's documents state no figure that concerns an indicator."
    counts = rows["kind"].value_counts()
    parts = [f"{counts[k]} {k}" for k in _KIND_ORDER if k in counts]
    drafted = int((rows["status"] == "draft").sum()) if "status" in rows else 0
    status = f"; {drafted} drafted by code, not reviewed" if drafted else ", all reviewed"
    return f"{len(rows)} figures ({', '.join(parts)}){status}"


def status_text(docs: list[Document], lang: str = "en") -> str:
    """What a person has reviewed of each of the region's documents, layer by layer."""
    from analysis import curation

    table = curation.load_status()
    lines = []
    for d in docs:
        states = [f"{layer} {curation.status(d.doc_id, layer, table)}" for layer in curation.LAYERS]
        drafts = [layer for layer in curation.LAYERS if curation.status(d.doc_id, layer, table) == "draft"]
        hint = (f" (to review: `python -m analysis review {d.doc_id}`)" if drafts else "")
        lines.append(f"- {d.doc_id}: " + ", ".join(states) + hint)
    return "\n".join(lines)
