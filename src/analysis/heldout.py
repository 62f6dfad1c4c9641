"""The held-out test set of the drafters (``tests/fixtures/heldout/``): documents written and
labelled in full by curators who had not seen the code, and never tuned on.

``load(name)`` reads one set: its documents cleaned exactly as the corpus' documents are
(``cleaning.clean_text``), and every label located in the cleaned text, so that a drafter's
output (offsets in the cleaned text, clause ids of ``segments.segment``) can be compared with
it. A label's ``text`` is written as in the raw file and found by its ``occurrence``-th exact
occurrence there (matches inside a longer expression count, as the labelling brief says);
its cleaned span is the cleaned characters that come from those raw characters.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import cleaning, paths, segments
from analysis.errors import DataError

__all__ = ["HeldOutSet", "sets_dir", "set_names", "load", "clauses", "digest"]


@dataclass
class HeldOutSet:
    name: str
    catalogue: pd.DataFrame
    cleaned: dict[str, cleaning.Cleaned]
    quantities: pd.DataFrame  # the labels, with start/end in the cleaned text
    figures: pd.DataFrame  # one row per quantity: its quantity label joined with its figure label
    clauses: pd.DataFrame  # the labels, with start/end and the clause_id of the segmented clause


def sets_dir() -> Path:
    return paths.heldout_dir()


def set_names() -> list[str]:
    return sorted(p.name for p in sets_dir().iterdir() if (p / "catalogue.csv").is_file()) if sets_dir().is_dir() else []


def digest(names: list[str] | tuple[str, ...]) -> str:
    """A hash of every file of these sets (their documents and labels), "-" for a set that is not there:
    what a product built from these sets depends on (the drafts, trained on ``paths.TUNING_SETS``). Only
    the sets named are read, so a blind set's labels never change it."""
    h = hashlib.sha256()
    for name in names:
        root = sets_dir() / name
        h.update(name.encode() + b"\0")
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        if not files:
            h.update(b"-")
        for p in files:
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def _read(path: Path) -> pd.DataFrame:
    with path.open(encoding="utf-8", newline="") as f:
        return pd.DataFrame(list(csv.DictReader(f)))


_CLAUSE_START = set("\n。！？；;!? \u3000")
_CLAUSE_END = set("。！？；;!?”’」』)）")


def _locate(raw: str, text: str, occurrence: int, where: str, clause: bool = False) -> tuple[int, int]:
    """Where the ``occurrence``-th ``text`` starts and ends in ``raw``. A clause label counts only
    occurrences that start and end a clause (a title line may also occur inside a longer line)."""
    starts, every = [], []  # the matches that count, and every exact match
    pos = raw.find(text)
    while pos != -1:
        end = pos + len(text)
        starts_clause = pos == 0 or raw[pos - 1] in _CLAUSE_START
        ends_clause = end == len(raw) or raw[end] in "\r\n" or text[-1] in _CLAUSE_END
        every.append(pos)
        if not clause or (starts_clause and ends_clause):
            starts.append(pos)
        pos = raw.find(text, pos + 1)
    if len(starts) < occurrence and clause:
        # A curator may count a clause's occurrences as a quantity's are counted (every exact match)
        if len(every) >= occurrence:
            return every[occurrence - 1], every[occurrence - 1] + len(text)
        # or write a clause broken across lines (text pasted from a PDF) as a reader joins it: line
        # breaks and whole lines of page furniture (page numbers, running heads) between its characters
        joined = list(re.finditer(_JOIN_GAP.join(re.escape(ch) for ch in text), raw))
        if len(joined) >= occurrence:
            return joined[occurrence - 1].span()
    if len(starts) < occurrence:
        raise DataError(f"{where}: {text!r} does not occur {occurrence} time(s) in the document")
    return starts[occurrence - 1], starts[occurrence - 1] + len(text)


# What may stand between two characters of a clause written as a reader joins it: a line break
# with up to four whole lines (of at most 80 characters) of page furniture
_JOIN_GAP = r"(?:[ \t\u3000]*\r?\n(?:[^\n]{0,80}\n){0,4}[ \t\u3000]*)?"


def _clean_span(cleaned: cleaning.Cleaned, raw_start: int, raw_end: int) -> tuple[int, int]:
    return (int(np.searchsorted(cleaned.source, raw_start, side="left")),
            int(np.searchsorted(cleaned.source, raw_end, side="left")))


def _spans(frame: pd.DataFrame, cleaned: dict, where: str, clause: bool = False) -> pd.DataFrame:
    starts, ends = [], []
    for i, r in enumerate(frame.itertuples(), 2):
        c = cleaned[r.doc_id]
        raw_start, raw_end = _locate(c.raw, r.text, int(r.occurrence or 1), f"{where}, row {i}", clause)
        s, e = _clean_span(c, raw_start, raw_end)
        starts.append(s)
        ends.append(e)
    return frame.assign(start=starts, end=ends)


def _clause_ids(clauses: pd.DataFrame, cleaned: dict) -> list[str]:
    """The segmented clause each labelled clause overlaps most (empty when none does)."""
    by_doc = {d: [s for s in segments.segment(d, c.text) if s.level == "clause"] for d, c in cleaned.items()}
    out = []
    for r in clauses.itertuples():
        best, overlap = "", 0
        for s in by_doc[r.doc_id]:
            o = min(s.end, r.end) - max(s.start, r.start)
            if o > overlap:
                best, overlap = s.id, o
        out.append(best)
    return out


def load(name: str) -> HeldOutSet:
    """One held-out set, by its folder name (``set_a``, ``set_b``)."""
    root = sets_dir() / name
    catalogue = _read(root / "catalogue.csv")
    cleaned = {d: cleaning.clean_text((root / "documents" / f"{d}.txt").read_text(encoding="utf-8"))
               for d in catalogue["doc_id"]}
    quantities = _spans(_read(root / "quantities.csv"), cleaned, paths.relative(root / "quantities.csv"))
    quantities["is_quantity"] = quantities["is_quantity"].str.lower() == "true"
    for col in ("value", "high"):
        quantities[col] = pd.to_numeric(quantities[col], errors="coerce")
    figures = _read(root / "figures.csv").merge(
        quantities[["qid", "text", "start", "end", "value", "high", "unit", "qualifier"]], on="qid", how="left")
    figures["year"] = pd.to_numeric(figures["year"], errors="coerce")
    clauses = _spans(_read(root / "clauses.csv"), cleaned, paths.relative(root / "clauses.csv"), clause=True)
    clauses["clause_id"] = _clause_ids(clauses, cleaned)
    return HeldOutSet(name, catalogue, cleaned, quantities, figures, clauses)


def clauses(names: list[str] | tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every clause of these sets' documents as the segmenter cuts them: ``clause_id``, ``doc_id``,
    ``text``, ``set``; their curators' labels: ``clause_id``, ``doc_id``, ``primary``, ``secondary``,
    ``set``). Sets that are not there are skipped."""
    rows: list[dict] = []
    labels: list[pd.DataFrame] = []
    for name in names:
        if not (sets_dir() / name / "catalogue.csv").is_file():
            continue
        s = load(name)
        labels.append(s.clauses.assign(set=name))
        for doc_id, cleaned in s.cleaned.items():
            rows.extend({"clause_id": seg.id, "doc_id": doc_id, "text": seg.text, "set": name}
                        for seg in segments.segment(doc_id, cleaned.text) if seg.level == "clause")
    frame = pd.DataFrame(rows, columns=["clause_id", "doc_id", "text", "set"])
    gold = pd.concat(labels, ignore_index=True) if labels else pd.DataFrame(
        columns=["clause_id", "doc_id", "primary", "secondary", "set"])
    return frame, gold
