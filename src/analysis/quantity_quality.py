"""How well the extractor reads quantities on the held-out sets (``analysis.heldout``):
recall, precision, and how often the mentions it finds agree on qualifier, unit and value.

Each set labels every number expression of its documents (``quantities.csv``: is it a
quantity, its value as stated, ``high`` for a range, unit, qualifier), located in the cleaned
text by ``heldout.load``. A mention of the extractor matches a label when its span holds the
label's number (the first numeral of the label's span), else when the two spans overlap; a
label matches one mention at most. A mention matching no label that is a quantity is a
wrong one (the label says it is none, or nobody labelled it). A number in web chrome that
the cleaning removes (an empty span) cannot be found: it counts as missed, and is counted.

``python -m analysis quantities quality --heldout`` prints it, set by set.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from analysis import heldout, quantities

__all__ = ["Result", "evaluate", "evaluate_set"]

_NUMERAL = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]")


@dataclass
class Result:
    """What one set (or all of them) gives: counts, and the rows behind each error."""

    labels: int = 0
    quantities: int = 0
    in_chrome: int = 0  # labelled quantities the cleaning removed with the web chrome
    mentions: int = 0
    found: int = 0  # labelled quantities a mention matches (= the mentions that are right)
    same_qualifier: int = 0
    same_unit: int = 0
    same_value: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)

    def add(self, other: Result) -> None:
        for name in ("labels", "quantities", "in_chrome", "mentions", "found", "same_qualifier", "same_unit",
                     "same_value"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.wrong += other.wrong
        self.disagreements += other.disagreements

    def rates(self) -> dict[str, float]:
        def share(a: int, b: int) -> float:
            return a / b if b else float("nan")

        return {"recall": share(self.found, self.quantities), "precision": share(self.found, self.mentions),
                "qualifier": share(self.same_qualifier, self.found), "unit": share(self.same_unit, self.found),
                "value": share(self.same_value, self.found)}


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6)


def _same_value(m: quantities.Mention, label) -> bool:
    """The value as stated (a range's low end) and a range's high end."""
    value = None if pd.isna(label.value) else float(label.value)
    high = None if pd.isna(label.high) else float(label.high)
    mine = m.value if m.value is not None else m.low
    return _close(mine, value) and (high is None or _close(m.high, high))


def _number_at(text: str, start: int, end: int) -> int:
    found = _NUMERAL.search(text, start, end)
    return found.start() if found else start


def _match(mentions: list[quantities.Mention], labels: list, text: str) -> dict[int, int]:
    """mention index -> label index: the mention's span holds the label's number, else overlaps
    the label; a label that is a quantity is preferred, then the nearest."""
    numbers = [_number_at(text, lab.start, lab.end) for lab in labels]
    out: dict[int, int] = {}
    taken: set[int] = set()
    for i, m in enumerate(mentions):
        free = [k for k, lab in enumerate(labels) if k not in taken and lab.end > lab.start]
        pick = [k for k in free if m.start <= numbers[k] < m.end] or \
               [k for k in free if m.start < labels[k].end and labels[k].start < m.end]
        if pick:
            k = min(pick, key=lambda k: (not labels[k].is_quantity, abs(numbers[k] - m.start)))
            out[i] = k
            taken.add(k)
    return out


def evaluate_set(hset: heldout.HeldOutSet) -> Result:
    result = Result()
    for doc in hset.catalogue.itertuples():
        cleaned = hset.cleaned[doc.doc_id]
        labels = list(hset.quantities[hset.quantities["doc_id"] == doc.doc_id].itertuples())
        mentions = quantities.extract_text(cleaned, doc.doc_id)
        matched = _match(mentions, labels, cleaned.text)
        result.labels += len(labels)
        result.quantities += sum(bool(lab.is_quantity) for lab in labels)
        result.in_chrome += sum(bool(lab.is_quantity) and lab.end <= lab.start for lab in labels)
        result.mentions += len(mentions)
        hit = set(matched.values())
        where = f"{hset.name}/{doc.doc_id}"
        for k, lab in enumerate(labels):
            if lab.is_quantity and k not in hit:
                chrome = " (in web chrome, removed by the cleaning)" if lab.end <= lab.start else ""
                result.missed.append(f"{where} {lab.qid} '{lab.text}'{chrome}")
        for i, m in enumerate(mentions):
            at = matched.get(i)
            if at is None or not labels[at].is_quantity:
                why = "labelled no quantity" if at is not None else "no label"
                result.wrong.append(f"{where} '{m.text}' ({m.value} {m.unit}): {why}")
                continue
            lab = labels[at]
            same = (m.qualifier == lab.qualifier, m.unit == lab.unit, _same_value(m, lab))
            result.found += 1
            result.same_qualifier += same[0]
            result.same_unit += same[1]
            result.same_value += same[2]
            if not all(same):
                result.disagreements.append(
                    f"{where} {lab.qid} '{m.text}': {m.value} ({m.low}-{m.high}) {m.unit} {m.qualifier}, labelled "
                    f"{lab.value} ({lab.high}) {lab.unit} {lab.qualifier}")
    return result


def evaluate(names: list[str] | None = None) -> dict[str, Result]:
    """One ``Result`` per held-out set (default: all of them), and ``"all"`` for them together."""
    out = {name: evaluate_set(heldout.load(name)) for name in (names or heldout.set_names())}
    total = Result()
    for r in out.values():
        total.add(r)
    out["all"] = total
    return out
