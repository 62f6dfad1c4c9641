"""How good the drafts are: the drafts of the reviewed documents against what a person curated
(``python -m analysis drafts quality``, and the README's figures)."""

from __future__ import annotations

import pandas as pd

from analysis import agreement, corpus, curation, draftfiles, figures, instruments, inuse

__all__ = ["quality"]


def _bins(confidence: pd.Series, right: pd.Series) -> list[dict]:
    out = []
    for low, high, name in ((0.8, 1.01, "high (>= 0.8)"), (0.6, 0.8, "medium (0.6-0.8)"), (0.0, 0.6, "low (< 0.6)")):
        mask = (confidence >= low) & (confidence < high)
        out.append({"confidence": name, "n": int(mask.sum()),
                    "agree": float(right[mask].mean()) if mask.any() else float("nan")})
    return out


def quality(doc_ids: list[str] | None = None) -> dict:
    """The drafts of the reviewed documents against what a person curated, one held-out document
    at a time. The drafters read only the codebooks (aliases, cue words, keywords) and learn
    nothing from the curated tables, so each document is held out by construction; the per-
    document rows show how much the result varies from one document to the next.

    Figures: of the curated stated figures, how many the drafts miss (no drafted figure at the
    mention, or drafted out of scope), and of the others how often indicator, scope and kind
    (baseline counted as actual's kin: both are status figures) agree. Instruments: type-level
    agreement and Cohen's kappa of the drafted codes with the consensus of the two human codings
    (each reviewed document's drafts come from a model that never saw it). Both with agreement
    by the drafts' own confidence (calibration)."""
    reviewed = curation.reviewed_documents("figures") & curation.reviewed_documents("instruments")
    doc_ids = [d for d in (doc_ids or [d.doc_id for d in corpus.load_catalogue()]) if d in reviewed]
    curated = figures.validate(extractor=False)
    fw = instruments.load_framework()
    hand = instruments.load_consensus(fw)
    per_doc, fig_rows, code_rows = [], [], []
    for doc_id in doc_ids:
        draft = inuse.drafted_figures([doc_id], in_scope=False)
        by_start = {figures.draft_mention_start(r.figure_id): r for r in draft.itertuples()}
        gold = curated[(curated["doc_id"] == doc_id) & ~curated["implied"]]
        missed, rows = 0, []
        for g in gold.itertuples():
            d = by_start.get(g.mention_start)
            if d is None or d.out_of_scope_reason:
                missed += 1
                continue
            rows.append({"doc_id": doc_id, "indicator": d.indicator == g.indicator, "scope": d.scope == g.scope,
                         "kind": d.kind == g.kind, "confidence": d.confidence})
        frame = pd.DataFrame(rows, columns=["doc_id", "indicator", "scope", "kind", "confidence"])
        frame["all three"] = frame["indicator"] & frame["scope"] & frame["kind"]
        fig_rows.append(frame)
        drafted_codes = draftfiles.read("instruments", [doc_id])
        merged = hand[hand["doc_id"] == doc_id][["clause_id", "type"]].merge(
            drafted_codes[["clause_id", "primary", "confidence"]], on="clause_id")
        merged["type_auto"] = merged["primary"].map(fw.type_of)
        merged["agree"] = merged["type"] == merged["type_auto"]
        merged["confidence"] = merged["confidence"].astype(float)
        code_rows.append(merged.assign(doc_id=doc_id))
        kappa = agreement.cohen_kappa(merged["type"], merged["type_auto"])
        per_doc.append({"document": doc_id, "curated figures": len(gold), "missed": missed,
                        "indicator": frame["indicator"].mean(), "scope": frame["scope"].mean(),
                        "kind": frame["kind"].mean(), "all three": frame["all three"].mean(),
                        "clauses": len(merged), "type agreement": merged["agree"].mean(),
                        "type kappa": kappa.value})
    figs = pd.concat(fig_rows, ignore_index=True) if fig_rows else pd.DataFrame()
    codes = pd.concat(code_rows, ignore_index=True) if code_rows else pd.DataFrame()
    pooled_kappa = agreement.cohen_kappa(codes["type"], codes["type_auto"]) if len(codes) else None
    return {
        "per_document": pd.DataFrame(per_doc),
        "figures": {"curated": sum(r["curated figures"] for r in per_doc), "missed": sum(r["missed"] for r in per_doc),
                    **{k: float(figs[k].mean()) for k in ("indicator", "scope", "kind", "all three")},
                    "calibration": _bins(figs["confidence"], figs["all three"])} if len(figs) else {},
        "instruments": {"clauses": len(codes), "type agreement": float(codes["agree"].mean()),
                        "type kappa": pooled_kappa.value if pooled_kappa else None,
                        "calibration": _bins(codes["confidence"], codes["agree"])} if len(codes) else {},
    }
