"""The unit of analysis: a measure, not a line.

Policy texts often state a measure twice: a short lead sentence (增强创新型企业引领带动作用。)
and the body that follows it in the same paragraph. Counting clauses counts that measure
twice. The codebook (``unit`` in ``instruments_framework.yml``) defines a heading as the
first sentence of a paragraph that has more sentences, when that sentence is a single
clause of at most ``heading_max_chars`` characters. A heading is *merged* with its body when
its primary code is one of the body's codes (primary or secondary): it then adds no measure
of its own. A heading coded ``none`` states no measure anyway; a heading whose code appears
nowhere in its body states a measure of its own and still counts.

Counts, shares, the chi-square test and the PMC items read ``measure`` (a clause coded with
a sub-tool and not merged).
"""

from __future__ import annotations

import pandas as pd

from analysis.i18n import columns
from analysis.segments import parse_id

__all__ = ["link_headings", "merge_summary", "DEFAULT_HEADING_MAX_CHARS"]

NONE = "none"
DEFAULT_HEADING_MAX_CHARS = 30


def _position(clause_id: str) -> tuple[str, int, int, int]:
    doc, para, sentence, clause = parse_id(clause_id)
    assert sentence is not None and clause is not None, f"not a clause id: {clause_id}"
    return doc, para, sentence, clause


def link_headings(coding: pd.DataFrame, framework) -> pd.DataFrame:
    """``coding`` with three columns added: ``heading`` (the clause is a heading by the
    codebook's definition), ``merged_into`` (the body clause a merged heading's measure is
    counted with, else empty) and ``measure`` (counts as a measure: a sub-tool code, not merged)."""
    max_chars = int((getattr(framework, "unit", None) or {}).get("heading_max_chars", DEFAULT_HEADING_MAX_CHARS))
    frame = coding.copy()
    ids = frame["clause_id"].tolist()
    texts = frame["text"].astype(str).tolist()
    primary = frame["primary"].tolist()
    secondary = frame["secondary"].fillna("").tolist() if "secondary" in frame else [""] * len(frame)
    paragraphs: dict[tuple[str, int], list[int]] = {}  # plain lists: a pandas groupby per paragraph is 10x slower
    sentence = []
    for i, cid in enumerate(ids):
        doc, para, sent, _ = _position(cid)
        paragraphs.setdefault((doc, para), []).append(i)
        sentence.append(sent)
    heading = [False] * len(ids)
    merged_into = [""] * len(ids)
    for members in paragraphs.values():
        lead = [i for i in members if sentence[i] == 1]
        body = [i for i in members if sentence[i] > 1]
        if len(lead) != 1 or not body or len(texts[lead[0]]) > max_chars:
            continue  # the lead sentence has several clauses or is long, or there is no body
        i = lead[0]
        heading[i] = True
        if primary[i] == NONE:
            continue
        j = next((j for j in body if primary[i] in (primary[j], secondary[j])), None)
        if j is not None:
            merged_into[i] = ids[j]
    frame["heading"] = heading
    frame["merged_into"] = merged_into
    frame["measure"] = (frame["primary"] != NONE).to_numpy() & (frame["merged_into"] == "").to_numpy()
    return frame


def merge_summary(coding: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Per document: clauses, clauses coded with a sub-tool, headings, headings merged with
    their body, and the measures counted."""
    g = coding.groupby("doc_id", sort=False)
    return columns(pd.DataFrame({
        "clauses": g.size(),
        "coded clauses": g["primary"].apply(lambda s: int((s != NONE).sum())),
        "headings": g["heading"].sum().astype(int),
        "headings merged": g["merged_into"].apply(lambda s: int((s != "").sum())),
        "measures": g["measure"].sum().astype(int),
    }), lang)
