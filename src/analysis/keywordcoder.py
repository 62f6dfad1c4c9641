"""The keyword coder: each clause coded from the codebook's keywords alone (in-sample, no
training), one input of the automatic coder (``analysis.autocoder``) and its fallback before
any document is reviewed.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.instruments import NONE, Framework

__all__ = ["code", "NO_MEASURE", "SHORTEST_MEASURE", "STATUS"]

SHORTEST_MEASURE = 6  # characters: a shorter clause (特此通知。, 任务之一) states no measure

# A report of status (截至, 累计); the automatic coder lets a planned total (累计…不少于) through.
STATUS = re.compile(r"截至|截止|累计")

# Clauses that state no measure whatever their words: headings, responsibility lines, status.
NO_MEASURE = [
    re.compile(r"^[(（〔]?责任单位"),
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^任务之"),
    re.compile(r"^[(（][一二三四五六七八九十]+[)）][^。]{0,8}类。?$"),
    STATUS,
]


def code(frame: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """Keyword coder: each sub-tool scores the summed length of its keywords found in the clause
    (longer keywords are more specific); the best is primary, the runner-up secondary; no
    keyword, or a heading, responsibility line or status report, gives ``none``."""
    out = []
    for row in frame.itertuples():
        text = row.text
        scores = {}
        excluded = len(text) < SHORTEST_MEASURE or any(p.search(text) for p in NO_MEASURE)
        if not excluded:
            for code in framework.order:
                score = sum(len(k) for k in framework.subtools[code]["keywords"] if k in text)
                if score:
                    scores[code] = score
        ranked = sorted(scores, key=lambda c: (-scores[c], framework.order.index(c)))
        primary = ranked[0] if ranked else NONE
        secondary = ranked[1] if len(ranked) > 1 else ""
        # confidence: a heading or status pattern is near certain; no keyword at all is a
        # weak "none"; otherwise the top sub-tool's share of the keyword score, discounted
        # when the evidence is a single short keyword
        if excluded:
            confidence = 0.9
        elif not ranked:
            confidence = 0.6
        else:
            top = scores[primary]
            confidence = round(top / sum(scores.values()) * (0.9 if top >= 4 else 0.7), 2)
        out.append({"clause_id": row.clause_id, "primary": primary, "secondary": secondary,
                    "confidence": confidence})
    coded = frame.drop(columns=[c for c in ("primary", "secondary", "type", "confidence") if c in frame.columns]).merge(
        pd.DataFrame(out), on="clause_id")
    coded["type"] = coded["primary"].map(framework.type_of)
    return coded
