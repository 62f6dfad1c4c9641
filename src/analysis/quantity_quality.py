"""How well the extractor reads quantities on labelled documents: recall, precision, and how
often the matched mentions agree on qualifier, unit and value.

A labelled set is a folder with ``quantities.csv`` (doc_id, qid, text, occurrence,
is_quantity, value, high, unit, qualifier) and the documents under ``documents/``
(``<doc_id>.<ext>``). A row's ``text`` is found in the raw document file at its
``occurrence``-th exact occurrence (1 for the first); the number's position there is the
first digit or Chinese numeral of the text. A mention of the extractor matches a row when
its raw span holds that position (else, when the two spans overlap). A set labels every
number of its documents: a mention matching no row with ``is_quantity`` true is a wrong
one (a row saying it is no quantity, or no row at all).

``python -m analysis quantities quality --heldout`` reports the sets under
``tests/fixtures/heldout/``: documents the extractor was never tuned on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis import paths, quantities
from analysis.errors import DataError
from analysis.tables import read_rows

__all__ = ["Label", "load_labels", "evaluate", "heldout_dir", "LABEL_FIELDS"]

LABEL_FIELDS = ["doc_id", "qid", "text", "occurrence", "is_quantity", "value", "high", "unit", "qualifier"]
_NUMERAL = re.compile(r"[0-9０-９零〇一二两兩三四五六七八九十百千万萬亿億]")
_TRUE, _FALSE = {"true", "1", "yes", "y", "t"}, {"false", "0", "no", "n", "f"}


def heldout_dir() -> Path:
    return paths.project_root() / "tests" / "fixtures" / "heldout"


@dataclass
class Label:
    set: str
    doc_id: str
    qid: str
    text: str
    is_quantity: bool
    value: float | None
    high: float | None
    unit: str
    qualifier: str
    start: int  # byte offsets of the text in the raw file
    end: int
    number: int  # byte offset of its first numeral


def _number(text: str, file: str, n: int, name: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise DataError(f"'{text}' is not a number", file=file, row=n, field=name) from None


def _document(folder: Path, doc_id: str, file: str, n: int) -> Path:
    found = sorted(p for p in (folder / "documents").glob(f"{doc_id}.*") if p.is_file())
    if not found:
        raise DataError(f"no document {doc_id}.* in {folder / 'documents'}", file=file, row=n, field="doc_id")
    return found[0]


def load_labels(folder: Path) -> tuple[list[Label], dict[str, str]]:
    """The rows of one set, located in their documents, and the documents' raw texts by doc_id."""
    path = folder / "quantities.csv"
    file = paths.relative(path)
    labels, texts = [], {}
    for n, row in enumerate(read_rows(path, LABEL_FIELDS), 1):
        doc_id = row["doc_id"].strip()
        if doc_id not in texts:
            texts[doc_id] = _document(folder, doc_id, file, n).read_bytes().decode("utf-8")
        raw = texts[doc_id]
        flag = row["is_quantity"].strip().lower()
        if flag not in _TRUE | _FALSE:
            raise DataError(f"'{row['is_quantity']}' is neither true nor false", file=file, row=n, field="is_quantity")
        try:
            occurrence = int(row["occurrence"] or 1)
        except ValueError:
            raise DataError(f"'{row['occurrence']}' is not a whole number", file=file, row=n,
                            field="occurrence") from None
        at = -1
        for _ in range(max(occurrence, 1)):
            at = raw.find(row["text"], at + 1)
            if at < 0:
                raise DataError(f"'{row['text']}' does not occur {occurrence} time(s) in {doc_id}", file=file,
                                row=n, field="text")
        numeral = _NUMERAL.search(row["text"])
        offset = numeral.start() if numeral else 0
        to_bytes = lambda i: len(raw[:i].encode("utf-8"))  # noqa: E731
        labels.append(Label(folder.name, doc_id, row["qid"], row["text"], flag in _TRUE,
                            _number(row["value"], file, n, "value"), _number(row["high"], file, n, "high"),
                            row["unit"].strip(), row["qualifier"].strip(), to_bytes(at),
                            to_bytes(at + len(row["text"])), to_bytes(at + offset)))
    return labels, texts


@dataclass
class Result:
    """What one set (or all of them) gives: counts, and the rows behind each error."""

    labels: int = 0
    quantities: int = 0
    mentions: int = 0
    found: int = 0  # labelled quantities a mention matches
    right: int = 0  # mentions that match a labelled quantity
    same_qualifier: int = 0
    same_unit: int = 0
    same_value: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)

    def add(self, other: "Result") -> None:
        for name in ("labels", "quantities", "mentions", "found", "right", "same_qualifier", "same_unit",
                     "same_value"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.wrong += other.wrong
        self.disagreements += other.disagreements

    def rates(self) -> dict[str, float]:
        def share(a: int, b: int) -> float:
            return a / b if b else float("nan")

        return {"recall": share(self.found, self.quantities), "precision": share(self.right, self.mentions),
                "qualifier": share(self.same_qualifier, self.found), "unit": share(self.same_unit, self.found),
                "value": share(self.same_value, self.found)}


def _same_value(m: quantities.Mention, label: Label) -> bool:
    mine = m.value if m.value is not None else m.low
    if label.value is None or mine is None:
        return label.value is None and mine is None
    if not math.isclose(mine, label.value, rel_tol=1e-6):
        return False
    return label.high is None or m.high is not None and math.isclose(m.high, label.high, rel_tol=1e-6)


def _match(mentions: list[quantities.Mention], labels: list[Label]) -> dict[int, Label]:
    """mention index -> the label it matches: its span holds the label's number, else overlaps it."""
    out: dict[int, Label] = {}
    taken: set[int] = set()
    for i, m in enumerate(mentions):
        holding = [k for k, lab in enumerate(labels) if k not in taken and m.raw_start <= lab.number < m.raw_end]
        overlapping = [k for k, lab in enumerate(labels)
                       if k not in taken and m.raw_start < lab.end and lab.start < m.raw_end]
        pick = holding or overlapping
        if pick:
            k = min(pick, key=lambda k: (not labels[k].is_quantity, abs(labels[k].number - m.raw_start)))
            out[i] = labels[k]
            taken.add(k)
    return out


def evaluate_set(folder: Path) -> Result:
    labels, texts = load_labels(folder)
    result = Result(labels=len(labels), quantities=sum(lab.is_quantity for lab in labels))
    for doc_id, raw in texts.items():
        mine = [lab for lab in labels if lab.doc_id == doc_id]
        mentions = quantities.extract(raw, doc_id)
        matched = _match(mentions, mine)
        result.mentions += len(mentions)
        hit = {id(lab) for lab in matched.values()}
        for lab in mine:
            if lab.is_quantity and id(lab) not in hit:
                result.missed.append(f"{folder.name}/{doc_id} {lab.qid} '{lab.text}'")
        for i, m in enumerate(mentions):
            lab = matched.get(i)
            if lab is None or not lab.is_quantity:
                why = "labelled no quantity" if lab is not None else "no label"
                result.wrong.append(f"{folder.name}/{doc_id} '{m.text}' ({m.value} {m.unit}): {why}")
                continue
            result.found += 1
            result.right += 1
            same = (m.qualifier == lab.qualifier, m.unit == lab.unit, _same_value(m, lab))
            result.same_qualifier += same[0]
            result.same_unit += same[1]
            result.same_value += same[2]
            if not all(same):
                result.disagreements.append(
                    f"{folder.name}/{doc_id} {lab.qid} '{m.text}': {m.value} {m.low}-{m.high} {m.unit} {m.qualifier}, "
                    f"labelled {lab.value} {lab.high} {lab.unit} {lab.qualifier}")
    return result


def evaluate(root: Path | None = None) -> dict[str, Result]:
    """One ``Result`` per labelled set under ``root`` (default ``tests/fixtures/heldout``), and
    ``"all"`` for them together."""
    root = Path(root or heldout_dir())
    sets = sorted(p.parent for p in root.glob("**/quantities.csv"))
    if not sets:
        raise DataError("no labelled set (a folder with quantities.csv)", file=paths.relative(root))
    out = {str(p.relative_to(root)) if p != root else p.name: evaluate_set(p) for p in sets}
    total = Result()
    for r in out.values():
        total.add(r)
    out["all"] = total
    return out
