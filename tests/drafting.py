"""What the figure drafter's tests share: the drafter built from the project's codebooks, and a
sentence drafted as a document of a test city would be."""

from __future__ import annotations

import pandas as pd

from analysis import cleaning, corpus, drafts, figures


def tagger() -> drafts.Tagger:
    return drafts.Tagger.from_codebooks(figures.load_indicators(), drafts.load_scopes())


def drafted(text: str, tagger: drafts.Tagger, doc_id: str, year: int, region: str = "testland",
            region_zh: str = "测试市", parent: str = "", title: str = "测试") -> pd.DataFrame:
    """The figure drafts of ``text``, a prefecture city's policy text of ``year`` (titled ``title``)."""
    doc = corpus.Document(doc_id, region, region_zh, "Testland", "prefecture_city", parent, "policy_text", title,
                          str(year), "测试", "simplified", "t.txt", "0" * 64, "utf-8", "")
    return drafts.draft_figures(doc, cleaning.clean_text(text), tagger)


def drafted_row(text: str, mention: str, tagger: drafts.Tagger, doc_id: str, year: int, **where: str) -> pd.Series:
    """The draft of ``mention`` (the first, if it occurs more than once)."""
    frame = drafted(text, tagger, doc_id, year, **where)
    return frame[frame["mention"] == mention].iloc[0]
