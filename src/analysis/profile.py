"""The region profile: what the suite knows about one region, section by section."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Document
from analysis.i18n import GENRES, KINDS, LAYERS, Text, columns, record, term, word

__all__ = ["documents_headline", "documents_table", "figures_table", "figures_headline", "status_text", "nothing"]

# what a section says when the region has nothing for it
NOTHING = {
    "targets": Text("The region's documents state no targets (status figures only).", "该地区的文献没有陈述目标(只有现状数字)。"),
    "funding": Text("The region's documents name no funding amounts or subsidy rules.", "该地区的文献没有提到资金金额或补助规则。"),
    "clauses": Text("No clause of the region's documents in this selection.", "所选范围内没有该地区文献的条款。"),
}


def nothing(section: str, lang: str = "en") -> str:
    return NOTHING[section](lang)


def documents_headline(inventory: pd.DataFrame, lang: str = "en") -> str:
    first = inventory.iloc[0]
    kinds = "; ".join(f"{GENRES[g](lang)} {d}" for g, d in zip(inventory["genre"], inventory["date"], strict=False))
    n = len(inventory)
    return Text(f"{first['region_en']}: {n} document{'s' if n != 1 else ''} ({kinds})",
                f"{first['region_zh']}:{n} 篇文献({kinds})")(lang)


def documents_table(docs: list[Document], inventory: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    meta = pd.DataFrame([{"doc_id": d.doc_id, "title": d.title, "outlet": d.outlet, "notes": d.notes} for d in docs])
    cols = ["doc_id", "genre", "date", "level", "script", "clean_chars", "paragraphs", "clauses"]
    from analysis import links

    out = meta.merge(inventory[cols], on="doc_id")[["doc_id", "title", "genre", "date", "outlet", "level", "script",
                                                    "clean_chars", "paragraphs", "clauses", "notes"]]
    out["doc_id"] = [links.Link(d, href=links.document_href(d), kind="document",
                                title=Text("the document, its clauses and figures marked", "原文,标出其条款与数字")(lang))
                     for d in out["doc_id"]]
    if lang == "zh":  # the catalogue's notes are a person's words in English
        out["genre"] = out["genre"].map(lambda g: term(GENRES, g, lang))
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
    out["implied"] = rows["implied"].map({True: word("implied", lang), False: ""})
    out["confidence"] = [("" if pd.isna(c) else f"{c:.2f}") for c in rows["confidence"]]
    if lang == "zh":
        out["status"] = out["status"].map(lambda v: word(v, lang))
        out["kind"] = out["kind"].map(lambda k: term(KINDS, k, lang))
        out["flags"] = out["flags"].map(lambda f: "、".join(word(x, lang) for x in str(f).split(";") if x))
        # a curator's note, or the drafter's (the review file's, in English): shown as written
        out["note"] = out["note"].map(lambda v: record(v, "en", lang))
    return columns(out.set_index("figure_id"), lang)


def figures_headline(figures: pd.DataFrame, region: str, lang: str = "en") -> str:
    rows = figures[figures["region"] == region]
    if rows.empty:
        return Text("The region's documents state no figure that concerns an indicator.",
                    "该地区的文献没有陈述与指标相关的数字。")(lang)
    counts = rows["kind"].value_counts()
    drafted = int((rows["status"] == "draft").sum()) if "status" in rows else 0
    kinds = Text.join([Text(f"{counts[k]} {k}", f"{term(KINDS, k, 'zh')}{counts[k]}个") for k in _KIND_ORDER if k in counts],
                      ", ", "、")
    status = Text(f"; {drafted} drafted by code, not reviewed", f";{drafted}个由代码草拟,未审核") if drafted else \
        Text(", all reviewed", ",均已审核")
    return Text(f"{len(rows)} figures ({kinds.en}){status.en}", f"{len(rows)}个数字({kinds.zh})" + status.zh)(lang)


def status_text(docs: list[Document], lang: str = "en") -> str:
    """What a person has reviewed of each of the region's documents, layer by layer."""
    from analysis import curation

    table = curation.load_status()
    lines = []
    for d in docs:
        state = {layer: curation.status(d.doc_id, layer, table) for layer in curation.LAYERS}
        drafts = [layer for layer in curation.LAYERS if state[layer] == "draft"]
        command = f"`python -m analysis review {d.doc_id}`"
        states = Text.join([Text(f"{layer} {state[layer]}", f"{term(LAYERS, layer, 'zh')}{word(state[layer], 'zh')}")
                            for layer in curation.LAYERS], ", ", "、")
        lines.append(Text(f"- {d.doc_id}: {states.en}" + (f" (to review: {command})" if drafts else ""),
                          f"- {d.doc_id}:{states.zh}" + (f"(审核命令:{command})" if drafts else ""))(lang))
    return "\n".join(lines)
