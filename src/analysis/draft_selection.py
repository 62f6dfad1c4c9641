"""Which drafts an analysis uses, and what it leaves for a person to review.

Every analysis takes ``curation``:

- ``reviewed``: the rows a person reviewed, no draft (a paper's tables);
- ``confident`` (the default): the reviewed rows, plus drafts of confidence ≥ 0.8 (a draft's
  confidence is the share of drafts like it found right on the reviewed documents,
  ``analysis.calibration``), so that no low-confidence draft moves a headline, a comparison
  or a verdict;
- ``all``: the reviewed rows and every draft.

The loaders (figures, clause codes) call ``select`` on their drafted rows. What it leaves out
is remembered for the report being built (one kernel, one report): ``to_review`` lists it per
document with the command that reviews it, and ``included`` counts the drafts a headline rests
on (``report.headline`` says how many).
"""

from __future__ import annotations

import pandas as pd

from analysis.i18n import Text, columns, word

__all__ = ["CURATIONS", "DEFAULT", "THRESHOLD", "select", "to_review", "included", "forget", "check"]

CURATIONS = ("reviewed", "confident", "all")
DEFAULT = "confident"
THRESHOLD = 0.8

# layer -> doc_id -> [drafts used, drafts left out]: what this report's loaders saw
_LEDGER: dict[str, dict[str, list[int]]] = {}


def check(curation: str) -> str:
    if curation not in CURATIONS:
        raise ValueError(f"unknown curation '{curation}': use one of {', '.join(CURATIONS)}")
    return curation


def select(layer: str, drafted: pd.DataFrame, curation: str) -> pd.DataFrame:
    """The drafted rows ``curation`` admits (none for ``reviewed``; confidence ≥ 0.8 for
    ``confident``; all for ``all``), the count of each document's used and left-out drafts
    remembered for ``to_review`` and ``included``."""
    check(curation)
    if curation == "reviewed":
        keep = pd.Series(False, index=drafted.index)
    elif curation == "confident":
        keep = pd.to_numeric(drafted["confidence"], errors="coerce").fillna(0) >= THRESHOLD
    else:
        keep = pd.Series(True, index=drafted.index)
    ledger = _LEDGER.setdefault(layer, {})
    for doc_id in set(drafted["doc_id"]):  # a loader called again for a document (a sensitivity run) counts it once
        mine = drafted["doc_id"] == doc_id
        used = int(keep[mine].sum())
        ledger[doc_id] = [used, int(mine.sum()) - used]
    return drafted[keep]


def included(layer: str | None = None, documents: list[str] | None = None) -> int:
    """The drafts the report's loaders used (of one layer, or all; of ``documents``, or of every document)."""
    return sum(c[0] for lay, docs in _LEDGER.items() if layer in (None, lay)
               for doc_id, c in docs.items() if documents is None or doc_id in documents)


def to_review(lang: str = "en", documents: list[str] | None = None) -> pd.DataFrame:
    """Per document and layer: drafts used, drafts left out (below 0.8, or every draft with
    ``reviewed``), and the command that reviews them; empty when nothing was left out. With
    ``documents``, only theirs (a region profile's: its loaders read every region's drafts,
    its report is of its region's)."""
    rows = [{"document": doc_id, "layer": word(layer, lang), "drafts used": used, "drafts left out": out,
             "review with": f"python -m analysis review {doc_id}"}
            for layer, docs in sorted(_LEDGER.items()) for doc_id, (used, out) in sorted(docs.items())
            if out and (documents is None or doc_id in documents)]
    frame = pd.DataFrame(rows, columns=["document", "layer", "drafts used", "drafts left out", "review with"])
    return columns(frame, lang)


def forget() -> None:
    """Start a new report's ledger (a kernel that builds several)."""
    _LEDGER.clear()


def to_review_note(table: pd.DataFrame, lang: str = "en") -> str:
    """One sentence over ``to_review``'s table: what this report left out, or that it left out nothing."""
    if table.empty:
        return Text("This report leaves out no draft: every number it uses is reviewed, or a draft it includes.",
                    "本报告没有略去任何草稿。")(lang)
    n = int(table.iloc[:, 3].sum())
    return Text(f"This report leaves out {n} draft{'s' if n != 1 else ''} (confidence below {THRESHOLD}, or "
                "curation set to reviewed); a review makes them data:",
                f"本报告略去 {n} 条草稿(置信度低于 {THRESHOLD},或参数 curation 为 reviewed);审核后即可采用。")(lang)
