"""The region profile: what the suite knows about one region, section by section."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Document
from analysis.i18n import Text, columns, record, word

__all__ = ["documents_headline", "documents_table", "figures_table", "figures_headline", "status_text", "nothing"]

KIND_ZH = {"baseline": "基线", "actual": "现状", "target": "目标", "funding": "资金", "rule": "规则"}
LAYER_ZH = {"figures": "数字", "instruments": "政策工具", "funding": "资金", "pmc": "PMC"}
# what a section says when the region has nothing for it
NOTHING = {
    "targets": Text("The region's documents state no targets (status figures only).", "该地区的文献没有陈述目标(只有现状数字)。"),
    "funding": Text("The region's documents name no funding amounts or subsidy rules.", "该地区的文献没有提到资金金额或补助规则。"),
    "clauses": Text("No clause of the region's documents in this selection.", "所选范围内没有该地区文献的条款。"),
}


def nothing(section: str, lang: str = "en") -> str:
    return NOTHING[section](lang)

_GENRE = {"policy_text": ("policy text", "政策文本"), "news_report": ("news report", "新闻报道")}


def documents_headline(inventory: pd.DataFrame, lang: str = "en") -> str:
    first = inventory.iloc[0]
    name = first["region_zh"] if lang == "zh" else first["region_en"]
    kinds = "; ".join(f"{_GENRE[g][1 if lang == 'zh' else 0]} {d}" for g, d in zip(inventory["genre"], inventory["date"], strict=False))
    n = len(inventory)
    if lang == "zh":
        return f"{name}:{n} 篇文献({kinds})"
    return f"{name}: {n} document{'s' if n != 1 else ''} ({kinds})"


def documents_table(docs: list[Document], inventory: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    meta = pd.DataFrame([{"doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "notes": d.notes} for d in docs])
    cols = ["doc_id", "genre", "date", "level", "script", "clean_chars", "paragraphs", "clauses"]
    from analysis import links

    out = meta.merge(inventory[cols], on="doc_id")[["doc_id", "title", "genre", "date", "outlet", "level", "script",
                                                    "clean_chars", "paragraphs", "clauses", "notes"]]
    out["doc_id"] = [links.Link(d, href=links.document_href(d), kind="document",
                                title="原文,标出其条款与数字" if lang == "zh" else "the document, its clauses and figures marked")
                     for d in out["doc_id"]]
    if lang == "zh":  # the catalogue's notes are a person's words in English
        out["genre"] = out["genre"].map(lambda g: _GENRE.get(g, (g, g))[1])
        for col in ("outlet", "notes"):  # the catalogue's notes may be in English
            out[col] = out[col].map(lambda v: record(v, "en", lang))
    return columns(out.set_index("doc_id"), lang)


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
                     for v, f in zip(rows["value"], rows["figure_id"], strict=False)]
    # where the figure is about (a city, a zone) when narrower than the region, and what it counts
    # besides a plain stock (a first batch, a cumulative total, carriers under construction)
    for col in ("locality", "flags"):
        rows[col] = rows[col].fillna("") if col in rows else ""
    rows["place"] = rows["locality"]
    cols = ["figure_id", "status", "kind", label, "scope", "place", "flags", "year", "value", "unit", "qualifier",
            "quote", "note"]
    out = rows[cols].rename(columns={label: "indicator"})
    out["implied"] = rows["implied"].map({True: "隐含" if lang == "zh" else "implied", False: ""})
    out["confidence"] = [("" if pd.isna(c) else f"{c:.2f}") for c in rows["confidence"]]
    if lang == "zh":
        out["status"] = out["status"].map(lambda v: word(v, lang))
        out["kind"] = out["kind"].map(lambda k: KIND_ZH.get(k, k))
        out["flags"] = out["flags"].map(lambda f: "、".join(word(x, lang) for x in str(f).split(";") if x))
        # a curator's note, or the drafter's (the review file's, in English): shown as written
        out["note"] = out["note"].map(lambda v: record(v, "en", lang))
    return columns(out.set_index("figure_id"), lang)


def figures_headline(figures: pd.DataFrame, region: str, lang: str = "en") -> str:
    rows = figures[figures["region"] == region]
    zh = lang == "zh"
    if rows.empty:
        return "该地区的文献没有陈述与指标相关的数字。" if zh else \
            "The region's documents state no figure that concerns an indicator."
    counts = rows["kind"].value_counts()
    drafted = int((rows["status"] == "draft").sum()) if "status" in rows else 0
    if zh:
        parts = "、".join(f"{KIND_ZH.get(k, k)}{counts[k]}个" for k in _KIND_ORDER if k in counts)
        return f"{len(rows)}个数字({parts})" + (f";{drafted}个由代码草拟,未审核" if drafted else ",均已审核")
    kinds = [f"{counts[k]} {k}" for k in _KIND_ORDER if k in counts]
    status = f"; {drafted} drafted by code, not reviewed" if drafted else ", all reviewed"
    return f"{len(rows)} figures ({', '.join(kinds)}){status}"


def status_text(docs: list[Document], lang: str = "en") -> str:
    """What a person has reviewed of each of the region's documents, layer by layer."""
    from analysis import curation

    table = curation.load_status()
    lines = []
    zh = lang == "zh"
    for d in docs:
        state = {layer: curation.status(d.doc_id, layer, table) for layer in curation.LAYERS}
        drafts = [layer for layer in curation.LAYERS if state[layer] == "draft"]
        command = f"`python -m analysis review {d.doc_id}`"
        if zh:
            states = "、".join(f"{LAYER_ZH.get(layer, layer)}{word(state[layer], lang)}" for layer in curation.LAYERS)
            lines.append(f"- {d.doc_id}:{states}" + (f"(审核命令:{command})" if drafts else ""))
            continue
        layer_states = [f"{layer} {state[layer]}" for layer in curation.LAYERS]
        lines.append(f"- {d.doc_id}: " + ", ".join(layer_states) + (f" (to review: {command})" if drafts else ""))
    return "\n".join(lines)
