"""The review page's model: one document's review files, read, changed one field at a time,
checked with the rules of ``review --accept`` and accepted through it.

A ``Session`` owns no data of its own: every change re-reads the review file under
``data/review/``, sets one field of one row, checks that row with ``review.check_rows`` and
writes the file back atomically, under the lock on the curated tables. A file changed on
disk since the page last read or wrote it (edited by hand in a spreadsheet) is re-read, the
change applied to what is on disk, and the page told to reload: a hand edit is never
overwritten. The accept is ``review.accept``, the code path of ``review DOC --accept``.
The HTTP server around it is ``analysis.reviewserver``; the page is ``templates/review.html.j2``.
"""

from __future__ import annotations

import csv
import io
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import (
    corpus,
    curation,
    drafts,
    figures,
    instruments,
    links,
    locking,
    paths,
    pmc,
    review,
    runner,
    schema,
    sourceview,
    suite,
)
from analysis.errors import UserError
from analysis.files import rows_csv_bytes, sha256_bytes, write_atomic

__all__ = ["Session", "ID_FIELD", "EDITABLE", "ChangeRefused"]

ID_FIELD = {"figures": "figure_id", "instruments": "clause_id", "funding": "figure_id", "pmc": "item"}
# what the page may change, per layer (the rest of a row is the drafter's reading of the text)
EDITABLE = {
    "figures": ("decision", "reason", "indicator", "scope", "kind", "year", "locality", "locality_level", "flags"),
    "instruments": ("primary", "secondary"),
    "funding": ("instrument", "payer_level", "payer", "payer_type", "money", "stock_flow", "recipient", "per",
                "period_years", "counts_in_total", "note"),
    "pmc": ("score", "justification"),
}
MAX_VALUE = 2000  # characters: a reason or a justification, never a document
_NOT_SCORED = "not scored:"


class ChangeRefused(UserError):
    """A request the page cannot apply (unknown row or field, no review file): HTTP 409/400."""


@dataclass
class Option:
    code: str
    label: str
    hint: str = ""


def _float(text: str | None, default: float) -> float:
    try:
        return float(text or "")
    except ValueError:
        return default


@dataclass
class Session:
    """The review of one document on the page: ``layers`` as asked on the command line."""
    doc_id: str
    layers: list[str]
    funding_later: bool = False  # every layer was asked: funding waits for the figures' accept
    lock_wait: float = 10.0  # seconds a change waits for the lock on the curated tables (held by an accept, a run)
    confirmed: set[tuple[str, str]] = field(default_factory=set)  # rows accepted as drafted with the keyboard
    _known: dict[str, str] = field(default_factory=dict)  # layer -> sha256 of the file as last read or written
    _mutex: threading.Lock = field(default_factory=threading.Lock)
    _options: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        docs = {d.doc_id: d for d in corpus.load_catalogue()}
        if self.doc_id not in docs:
            raise UserError(f"unknown document '{self.doc_id}'; the catalogue has {', '.join(docs)}")
        self.doc: corpus.Document = docs[self.doc_id]

    # --- files -------------------------------------------------------------------------
    def start(self) -> list[tuple[str, Path, int]]:
        """Write the review files not yet started (as ``review DOC`` does); resume the others."""
        todo = [layer for layer in self.layers if not review.review_path(self.doc_id, layer).exists()
                and curation.status(self.doc_id, layer) != "reviewed"
                and not (layer == "funding" and self.funding_later
                         and curation.status(self.doc_id, "figures") != "reviewed")]
        return review.start(self.doc_id, todo) if todo else []

    def _read(self, layer: str) -> tuple[list[str], list[dict], bytes]:
        path = review.review_path(self.doc_id, layer)
        if not path.is_file():
            raise ChangeRefused(f"no review file of {layer} (accepted or removed meanwhile): reload the page",
                                file=paths.relative(path))
        data = path.read_bytes()
        reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        rows = list(reader)
        missing = [c for c in review.review_fields(layer) if c not in (reader.fieldnames or [])]
        if missing:
            raise ChangeRefused(f"missing column(s) {', '.join(missing)}", file=paths.relative(path))
        return list(reader.fieldnames or []), rows, data

    def _write(self, layer: str, fields: list[str], rows: list[dict]) -> None:
        path = review.review_path(self.doc_id, layer)
        self._known[layer] = write_atomic(path, rows_csv_bytes(rows, fields, extra="raise"))

    def problem(self, layer: str, n: int, row: dict) -> dict | None:
        """The first rule of ``--accept`` this row breaks, as {field, message}; None when it passes."""
        try:
            review.check_rows(self.doc_id, layer, [(n, row)])
        except UserError as err:
            return {"field": err.field or "", "message": str(err)}
        except (KeyError, ValueError, TypeError) as err:  # a value the rules cannot even read (year 'abc')
            return {"field": "", "message": f"row {n}: cannot read the row ({type(err).__name__}: {err})"}
        return None

    # --- what the page does ---------------------------------------------------------------
    def _check_layer(self, layer: str) -> None:
        if layer not in self.layers:
            raise ChangeRefused(f"'{layer}' is not a layer of this review (serving {', '.join(self.layers)})")

    def change(self, layer: str, row_id: str, field_name: str, value: str) -> dict:
        """Set one field of one row, save the file, and say whether the row now passes."""
        self._check_layer(layer)
        if field_name not in EDITABLE[layer]:
            raise ChangeRefused(f"field '{field_name}' cannot be changed on the page")
        if not isinstance(value, str) or len(value) > MAX_VALUE or "\x00" in value:
            raise ChangeRefused(f"field '{field_name}': a text of at most {MAX_VALUE} characters")
        with self._mutex, locking.curated_tables(wait=self.lock_wait):
            fields, rows, data = self._read(layer)
            reread = layer in self._known and self._known[layer] != sha256_bytes(data)
            n, row = self._find(layer, rows, row_id)
            row[field_name] = value
            self._write(layer, fields, rows)
        self.confirmed.discard((layer, row_id))
        return {"ok": True, "reread": reread, "problem": self.problem(layer, n, row)}

    def confirm(self, layer: str, row_id: str) -> dict:
        """Accept a row as it stands (as drafted, or as changed): checked, nothing written."""
        self._check_layer(layer)
        with self._mutex:
            _, rows, data = self._read(layer)
            reread = layer in self._known and self._known[layer] != sha256_bytes(data)
            n, row = self._find(layer, rows, row_id)
        problem = self.problem(layer, n, row)
        if problem is None:
            self.confirmed.add((layer, row_id))
        return {"ok": problem is None, "reread": reread, "problem": problem}

    def accept(self, reviewer: str | None = None) -> dict:
        """``review DOC --accept`` for every layer with a review file; on success, what is stale."""
        with self._mutex:
            layers = [layer for layer in self.layers if review.review_path(self.doc_id, layer).exists()]
            if not layers:
                return {"ok": False, "message": "nothing to accept: no review file (accepted already?)"}
            try:
                done = review.accept(self.doc_id, layers, reviewer)
            except UserError as err:
                return {"ok": False, "message": str(err)}
            self.confirmed = {c for c in self.confirmed if c[0] not in done}
        stale = stale_reports()
        message = (f"{self.doc_id}: {', '.join(done)} reviewed; curated tables updated, review file(s) removed, "
                   f"{paths.relative(curation.curation_path())} updated.")
        return {"ok": True, "message": message, "layers": done, "stale": stale,
                "retrain": "instruments" in done, "rebuild": "make reports"}

    def start_layer(self, layer: str) -> dict:
        """Start a layer's review file from the page (funding, once the figures are reviewed)."""
        self._check_layer(layer)
        with self._mutex:
            if review.review_path(self.doc_id, layer).exists():
                return {"ok": True}
            try:
                review.start(self.doc_id, [layer])
            except UserError as err:
                return {"ok": False, "message": str(err)}
        return {"ok": True}

    @staticmethod
    def _find(layer: str, rows: list[dict], row_id: str) -> tuple[int, dict]:
        key = ID_FIELD[layer]
        for n, row in enumerate(rows, 1):
            if row.get(key) == row_id:
                return n, row
        raise ChangeRefused(f"no row '{row_id}' in the {layer} review file (edited by hand meanwhile?): reload the page")

    # --- the page's content ---------------------------------------------------------------------
    def context(self) -> dict:
        """What ``review.html.j2`` needs: the text with every draft marked, the rows of each layer
        with their problems, the codebooks' options, what the drafter and the coder say."""
        with self._mutex:
            layers = []
            files: dict[str, list[dict]] = {}
            for layer in self.layers:
                path = review.review_path(self.doc_id, layer)
                state = curation.status(self.doc_id, layer)
                entry: dict = {"name": layer, "status": state, "rows": [], "file": paths.relative(path)}
                if path.is_file():
                    _, rows, data = self._read(layer)
                    self._known[layer] = sha256_bytes(data)
                    files[layer] = rows
                    entry["rows"] = [self._row(layer, n, row) for n, row in enumerate(rows, 1)]
                    entry["status"] = "reviewing"
                elif layer == "funding" and curation.status(self.doc_id, "figures") != "reviewed":
                    entry["status"] = "waiting"
                elif state != "reviewed":
                    entry["status"] = "not started"
                layers.append(entry)
        return {"doc": self.doc, "layers": layers, "options": self.options(), "coder": coder_note(self.doc_id),
                **self._text(files)}

    def _row(self, layer: str, n: int, row: dict) -> dict:
        out = {"id": row[ID_FIELD[layer]], "n": n, "cells": row, "problem": self.problem(layer, n, row),
               "confirmed": (layer, row[ID_FIELD[layer]]) in self.confirmed}
        if layer == "figures":
            start = int(_float(row.get("quote_start"), 0)) + max(0, row.get("quote", "").find(row.get("mention", "")))
            out.update(order=start, confidence=_float(row.get("confidence"), 1.0),
                       reasons=[r for r in (row.get("note", ""), row.get("extractor_reason", "")) if r.strip()],
                       anchor=f"f-{row['figure_id']}")
        elif layer == "instruments":
            out.update(order=int(_float(row.get("start"), 0)), confidence=_float(row.get("confidence"), 1.0),
                       reasons=[row["note"]] if row.get("note", "").strip() else [],
                       anchor=links.clause_anchor(row["clause_id"]))
        elif layer == "pmc":
            drafted = row.get("justification", "")
            scored_by_rule = bool(row.get("score", "").strip()) and not drafted.startswith(_NOT_SCORED)
            out.update(order=n, confidence=1.0 if scored_by_rule else 0.0,
                       reasons=[f"drafted: {drafted}"] if scored_by_rule else [drafted] if drafted else [],
                       anchor="", item=self.options()["pmc_items"].get(row["item"], ""))
        else:
            out.update(order=n, confidence=1.0, reasons=[row["note"]] if row.get("note", "").strip() else [],
                       anchor=f"f-{row['figure_id']}")
        return out

    def options(self) -> dict:
        """The codebooks as the page's lists: code, label, and the definition shown on hover."""
        if not self._options:
            indicators = figures.load_indicators()
            scopes = drafts.load_scopes()
            fw = instruments.load_framework()
            pfw = pmc.load_framework()
            codes = [Option(instruments.NONE, "none: no measure", "not a policy measure (a heading, a target, a "
                                                                  "description)")]
            for code in fw.order or list(fw.subtools):
                sub = fw.subtools[code]
                hint = " ".join(x for x in (
                    f"{sub.get('definition', '')}",
                    f"Includes: {sub['include']}" if sub.get("include") else "",
                    f"Excludes: {sub['exclude']}" if sub.get("exclude") else "",
                    f"Examples: {', '.join(sub['examples'])}" if sub.get("examples") else "") if x)
                codes.append(Option(code, f"{code}: {sub['name_en']} {sub['name_zh']} ({sub['type']})", hint))
            items = {}
            for var in pfw.variables.values():
                items.update({item: f"{text} · {var['items_zh'].get(item, '')}" for item, text in var["items"].items()})
            enums = {f: schema.enum("funding", f) for f in ("instrument", "payer_level", "payer_type", "money",
                                                             "stock_flow", "per")}
            self._options = {
                "indicator": [Option(c, f"{c}: {r['label_en']} {r['label_zh']} ({r['unit']})", r.get("description", ""))
                              for c, r in indicators.items()],
                "scope": [Option(r["code"], f"{r['code']}: {r.get('label_en', '')} {r.get('label_zh', '')}",
                                 r.get("description", "")) for r in scopes],
                "kind": [Option(k, k) for k in schema.enum("figures", "kind")],
                "locality_level": [Option("", "(none)")] + [Option(k, k) for k in schema.enum("figures", "locality_level")],
                "decision": [Option("keep", "keep"), Option("out_of_scope", "out of scope")],
                "primary": codes, "secondary": [Option("", "(none)")] + codes[1:],
                "score": [Option("", "(not scored)"), Option("0", "0"), Option("1", "1")],
                "counts_in_total": [Option("true", "true"), Option("false", "false")],
                **{f: [Option(v, v) for v in values] for f, values in enums.items()},
                "pmc_items": items,
            }
        return self._options

    def _text(self, files: dict[str, list[dict]]) -> dict:
        """The cleaned text as the source viewer shows it, every draft of the page marked."""
        cleaned = corpus.load_clean(self.doc)
        figs = []
        for row in files.get("figures", []):
            try:
                figs.append({**row, "quote_start": int(row["quote_start"]), "quote_end": int(row["quote_end"]),
                             "year": int(row["year"]), "value": float(row["value"]), "status": "draft",
                             "label_en": row["indicator"]})
            except (KeyError, ValueError):
                continue  # a row the rules refuse: its problem is shown on its row
        coding = pd.DataFrame([{**r, "status": "draft"} for r in files.get("instruments", [])])
        if len(coding) and "confidence" in coding:
            coding["confidence"] = pd.to_numeric(coding["confidence"], errors="coerce")
        fw = instruments.load_framework()
        frame = pd.DataFrame(figs, columns=list(figs[0]) if figs else review.FIGURE_REVIEW_FIELDS)
        ctx = sourceview.document_context(self.doc, cleaned, frame, coding, fw, self.doc.path.name)
        return {"paragraphs": ctx["paragraphs"], "broken": ctx["broken"]}


def coder_note(doc_id: str) -> dict:
    """What the automatic coder learned from: the documents whose instruments a person reviewed,
    the latest first, so that the page for the next document says that the coder retrained."""
    table = curation.load_status()
    rows = sorted((r for (d, layer), r in table.items() if layer == "instruments" and r["status"] == "reviewed"
                   and d != doc_id), key=lambda r: (r.get("date", ""), r["doc_id"]), reverse=True)
    return {"documents": [r["doc_id"] for r in rows], "latest": rows[0] if rows else None}


def stale_reports() -> list[dict]:
    """The reports the accept made stale: the runs of the suite that would re-execute, and why
    (none listed where the suite cannot be read: the accept is done all the same)."""
    try:
        runs = suite.plan()
    except UserError:
        return []
    out = []
    for name, why in runner.explain_runs(runs, runner.Options()):
        if not why.startswith("up to date"):
            out.append({"name": name, "why": why})
    return out
