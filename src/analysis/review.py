"""From drafts to reviewed data: ``python -m analysis review DOC``.

``start`` writes a review file per layer, ``data/review/<doc>.<layer>.csv``: the
document's drafts with quotes, offsets and ids filled in, in the columns of the curated
table plus what helps a reviewer (the drafter's confidence and its reasons). The user
edits it in a spreadsheet or editor. ``accept`` checks it as strictly as the curated
tables are checked (quote at its offsets, extractor agreement or a reason, every
mention kept or out of scope, every clause coded, every PMC item scored), then replaces
the document's rows in the curated table, marks the layer reviewed in ``curation.csv``,
rebuilds the drafts from the new tables (the coder retrains, the confidence is recalibrated)
and removes the review file. On any error nothing is written.

The review files live outside ``data/curated/`` so that a half-edited one never
changes a report; until accepted, the reports use the drafts.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import pandas as pd

from analysis import (
    corpus,
    curation,
    draftfiles,
    drafts,
    figures,
    funding,
    instruments,
    inuse,
    locking,
    paths,
    pmc,
    schema,
)
from analysis.errors import DataError, UserError
from analysis.files import csv_bytes, rows_csv_bytes, write_all
from analysis.tables import read_rows

__all__ = ["start", "accept", "check_rows", "review_path", "review_fields", "FIGURE_REVIEW_FIELDS"]

FIGURE_REVIEW_FIELDS = ["decision", "reason"] + figures.FIGURE_FIELDS + ["confidence", "sentence"]
_DECISIONS = ("keep", "out_of_scope")
_INSTRUMENT_FIELDS = drafts.INSTRUMENT_COLUMNS  # the review file: a drafted clause code's columns
_HAND_FIELDS = schema.field_names("instruments-hand")
_PMC_FIELDS = schema.field_names("pmc-scores")


def review_dir() -> Path:
    return paths.data_dir() / "review"


def review_path(doc_id: str, layer: str) -> Path:
    return review_dir() / f"{doc_id}.{layer}.csv"


def _document(doc_id: str) -> corpus.Document:
    docs = {d.doc_id: d for d in corpus.load_catalogue()}
    if doc_id not in docs:
        raise UserError(f"unknown document '{doc_id}'; the catalogue has {', '.join(docs)}")
    return docs[doc_id]


def _csv_bytes(rows: list[dict] | pd.DataFrame, fields: list[str]) -> bytes:
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, columns=fields)
    return csv_bytes(frame[fields])


# --- drafting the review files ---------------------------------------------------------------
def _figures_review(doc: corpus.Document) -> pd.DataFrame:
    draft = draftfiles.read("figures", [doc.doc_id])
    if draft.empty:
        return pd.DataFrame(columns=FIGURE_REVIEW_FIELDS)
    draft = draft.assign(decision=["keep" if not r else "out_of_scope" for r in draft["out_of_scope_reason"]],
                         reason=draft["out_of_scope_reason"])
    return draft


def _instruments_review(doc: corpus.Document) -> pd.DataFrame:
    return draftfiles.read("instruments", [doc.doc_id])


def _funding_review(doc: corpus.Document) -> pd.DataFrame:
    if curation.status(doc.doc_id, "figures") != "reviewed":
        raise UserError(f"review the figures of {doc.doc_id} first (`python -m analysis review {doc.doc_id} "
                        "--layer figures`, then --accept): funding rows describe reviewed figures")
    reviewed = inuse.load_figures(curation="reviewed")
    money = reviewed[reviewed["doc_id"] == doc.doc_id]  # draft_funding picks the amounts and rates
    frame = inuse.drafted_funding(money, {doc.doc_id: doc})
    frame["counts_in_total"] = frame["counts_in_total"].map({True: "true", False: "false"})
    return frame


def _pmc_review(doc: corpus.Document) -> pd.DataFrame:
    fw = pmc.load_framework()
    scores = inuse.load_scores(fw, doc_ids=[doc.doc_id])
    # derived items (X8) follow the instrument coding: nothing to review here
    rows = scores[(scores["doc_id"] == doc.doc_id) & ~scores["item"].isin(fw.derived_items)].copy()
    rows["score"] = [("" if pd.isna(v) else str(int(v))) for v in rows["score"]]
    return rows


_BUILDERS = {"figures": (_figures_review, FIGURE_REVIEW_FIELDS), "instruments": (_instruments_review, _INSTRUMENT_FIELDS),
             "funding": (_funding_review, funding.FIELDS), "pmc": (_pmc_review, _PMC_FIELDS)}


def start(doc_id: str, layers: list[str], overwrite: bool = False) -> list[tuple[str, Path, int]]:
    """Write the review files of ``doc_id`` for ``layers``; (layer, path, rows) for each."""
    doc = _document(doc_id)
    out, files = [], {}
    for layer in layers:
        path = review_path(doc_id, layer)
        if path.exists() and not overwrite:
            raise UserError("a review file exists already (edit it and accept it, or pass --overwrite to start "
                            "again from the drafts)", file=paths.relative(path))
        build, fields = _BUILDERS[layer]
        frame = build(doc)
        files[path] = _csv_bytes(frame, fields)
        out.append((layer, path, len(frame)))
    write_all(files)
    return out


# --- accepting them -------------------------------------------------------------------------------
def _read_review(doc_id: str, layer: str, fields: list[str]) -> tuple[list[dict], str]:
    path = review_path(doc_id, layer)
    where = paths.relative(path)
    if not path.is_file():
        raise UserError(f"no review file; start one with `python -m analysis review {doc_id} --layer {layer}`",
                        file=where)
    rows = read_rows(path, fields)
    for n, row in enumerate(rows, 1):
        if row.get("doc_id", doc_id) != doc_id:
            raise DataError(f"a row of another document ('{row.get('doc_id')}')", file=where, row=n, field="doc_id")
    return rows, where


def _replace_doc_rows(path: Path, fields: list[str], doc_id: str, new_rows: list[dict], key=None) -> bytes:
    """The table at ``path`` with the rows of ``doc_id`` replaced by ``new_rows`` (appended)."""
    key = key or (lambda r: r["doc_id"])
    old = read_rows(path, fields) if path.is_file() else []
    kept = [r for r in old if key(r) != doc_id]
    return rows_csv_bytes(kept + new_rows, fields)


# The rules a row must pass, one function per layer (``numbered``: (row number, row) pairs);
# ``accept`` runs them on the whole file, then the rules about the file as a whole; the
# review page runs them on one row at a time. Each raises DataError at the first problem.
def _figure_rows(doc: corpus.Document, numbered: list[tuple[int, dict]], where: str):
    keep: list[tuple[int, dict]] = []
    skip: list[tuple[int, dict]] = []
    for n, row in numbered:
        decision = (row.get("decision") or "").strip()
        if decision not in _DECISIONS:
            raise DataError(f"'{decision}' is not one of {', '.join(_DECISIONS)}", file=where, row=n, field="decision")
        (keep if decision == "keep" else skip).append((n, row))
    for n, row in skip:
        if not row["reason"].strip():
            raise DataError("an out-of-scope mention needs a reason", file=where, row=n, field="reason")
    others = [r for r in read_rows(figures.figures_path(), figures.FIGURE_FIELDS) if r["doc_id"] != doc.doc_id]
    checked = figures.validate_rows(keep, where, extractor=True, seen={r["figure_id"] for r in others})
    return keep, skip, checked


_READ: dict[tuple, object] = {}


def _read_once(what: str, load, *files: Path):
    """``load()`` once per version (mtime and size) of the files it reads: the review page checks
    a row per change, and parsing a framework's YAML costs more than the check."""
    key = (what, *((str(f), f.stat().st_mtime_ns, f.stat().st_size) if f.is_file() else (str(f),) for f in files))
    if key not in _READ:
        for old in [k for k in _READ if k[0] == what]:  # an older version of the same files
            del _READ[old]
        _READ[key] = load()
    return _READ[key]


def _instrument_rows(doc: corpus.Document, numbered: list[tuple[int, dict]], where: str) -> set[str]:
    fw = _read_once("instrument framework", instruments.load_framework, instruments.framework_path())
    clauses = _read_once(f"clauses of {doc.doc_id}", lambda: instruments.clauses([doc]), doc.path,
                         Path(corpus.__file__).with_name("cleaning_rules.yml"))
    return instruments.validate_hand_rows(numbered, fw, clauses, where)


def _funding_rows(doc: corpus.Document, numbered: list[tuple[int, dict]], where: str) -> None:
    reviewed = inuse.load_figures(curation="reviewed")
    funding.validate_rows(numbered, reviewed, where)
    ids = set(reviewed.loc[reviewed["doc_id"] == doc.doc_id, "figure_id"])
    for n, row in numbered:
        if row["figure_id"] not in ids:
            raise DataError(f"'{row['figure_id']}' is not a reviewed figure of {doc.doc_id}", file=where, row=n,
                            field="figure_id")


def _pmc_rows(doc: corpus.Document, numbered: list[tuple[int, dict]], where: str) -> None:
    for n, row in numbered:
        if not row["score"].strip():
            raise DataError(f"item {row['item']} is not scored: read the text and score it 0 or 1, with the "
                            "reason in justification", file=where, row=n, field="score")
        if row["justification"].strip().startswith("not scored:"):  # the drafter's note, not a reason
            raise DataError(f"item {row['item']}: give the reason for its score in justification (it still says "
                            "why the drafts left it unscored)", file=where, row=n, field="justification")
    fw = _read_once("pmc framework", pmc.load_framework, paths.curated_dir() / "pmc_framework.yml")
    pmc.validate_rows(numbered, fw, {doc.doc_id}, where)


def _accept_figures(doc: corpus.Document) -> dict[Path, bytes]:
    rows, where = _read_review(doc.doc_id, "figures", FIGURE_REVIEW_FIELDS)
    keep, skip, checked = _figure_rows(doc, list(enumerate(rows, 1)), where)
    covered = set(checked["mention_start"]) if len(checked) else set()
    out_of_scope = [{"doc_id": doc.doc_id, "start": str(int(r["quote_start"]) + r["quote"].find(r["mention"])),
                     "text": r["mention"], "reason": r["reason"]} for _, r in skip]
    covered |= {int(r["start"]) for r in out_of_scope}
    missing = [m for m in figures.mentions_of(doc.doc_id) if m.start not in covered]
    if missing:
        m = missing[0]
        raise DataError(f"{len(missing)} extractor mention(s) neither kept nor out of scope, e.g. '{m.text}' at "
                        f"{m.start} ('{m.sentence[:30]}'): add a row for it", file=where)
    return {
        figures.figures_path(): _replace_doc_rows(figures.figures_path(), figures.FIGURE_FIELDS, doc.doc_id,
                                                  [r for _, r in keep]),
        figures.out_of_scope_path(): _replace_doc_rows(figures.out_of_scope_path(), ["doc_id", "start", "text", "reason"],
                                                       doc.doc_id, out_of_scope),
    }


def _accept_instruments(doc: corpus.Document) -> dict[Path, bytes]:
    rows, where = _read_review(doc.doc_id, "instruments", _HAND_FIELDS)
    fw = instruments.load_framework()
    clauses = instruments.clauses([doc])
    seen = _instrument_rows(doc, list(enumerate(rows, 1)), where)
    missing = sorted(set(clauses["clause_id"]) - seen)
    if missing:
        raise DataError(f"{len(missing)} clause(s) of {doc.doc_id} not coded, e.g. {missing[0]}", file=where)
    for row in rows:
        row["framework_version"] = fw.version
    return {instruments.hand_path(): _replace_doc_rows(instruments.hand_path(), _HAND_FIELDS, doc.doc_id, rows)}


def _accept_funding(doc: corpus.Document) -> dict[Path, bytes]:
    rows, where = _read_review(doc.doc_id, "funding", funding.FIELDS)
    _funding_rows(doc, list(enumerate(rows, 1)), where)
    reviewed = inuse.load_figures(curation="reviewed")
    path = paths.curated_dir() / "funding.csv"
    owner = dict(zip(reviewed["figure_id"], reviewed["doc_id"], strict=False))
    return {path: _replace_doc_rows(path, funding.FIELDS, doc.doc_id, rows, key=lambda r: owner.get(r["figure_id"]))}


def _accept_pmc(doc: corpus.Document) -> dict[Path, bytes]:
    rows, where = _read_review(doc.doc_id, "pmc", _PMC_FIELDS)
    fw = pmc.load_framework()
    _pmc_rows(doc, list(enumerate(rows, 1)), where)
    missing = set(fw.items) - set(fw.derived_items) - {r["item"] for r in rows}
    if missing:
        raise DataError(f"items not scored: {', '.join(sorted(missing))}", file=where)
    path = paths.curated_dir() / "pmc_scores.csv"
    return {path: _replace_doc_rows(path, _PMC_FIELDS, doc.doc_id, rows)}


_ROW_RULES = {"figures": _figure_rows, "instruments": _instrument_rows, "funding": _funding_rows, "pmc": _pmc_rows}
_FIELDS = {"figures": FIGURE_REVIEW_FIELDS, "instruments": _HAND_FIELDS, "funding": funding.FIELDS, "pmc": _PMC_FIELDS}


def review_fields(layer: str) -> list[str]:
    """The columns a review file of ``layer`` must have (what ``--accept`` reads)."""
    return _FIELDS[layer]


def check_rows(doc_id: str, layer: str, numbered: list[tuple[int, dict]]) -> None:
    """The rules ``--accept`` applies to each row of a review file, on the given rows only
    (not the rules about the file as a whole: every mention, clause and item present)."""
    _ROW_RULES[layer](_document(doc_id), numbered, paths.relative(review_path(doc_id, layer)))


_ACCEPTORS = {"figures": _accept_figures, "instruments": _accept_instruments, "funding": _accept_funding,
              "pmc": _accept_pmc}


def accept(doc_id: str, layers: list[str], reviewer: str | None = None) -> list[str]:
    """Check the review files of ``layers``, merge them into the curated tables and rebuild the
    drafts from the new tables; nothing is written unless every layer passes and the drafts
    build. Returns the layers accepted."""
    doc = _document(doc_id)
    reviewer = reviewer or os.environ.get("ANALYSIS_REVIEWER") or getpass.getuser()
    # two accepts at once (two terminals, a terminal and the review page) take turns
    with locking.curated_tables():
        files: dict[Path, bytes] = {}
        for layer in layers:
            files.update(_ACCEPTORS[layer](doc))
        # the layers marked reviewed in the same all-or-nothing batch as their rows
        files[curation.curation_path()] = curation.marked_reviewed(
            doc_id, layers, reviewer, note="accepted with `python -m analysis review --accept`")
        _write_and_rebuild(files)
        for layer in layers:
            review_path(doc_id, layer).unlink()
    return layers


def _write_and_rebuild(files: dict[Path, bytes]) -> None:
    """Write the curated ``files`` and rebuild the drafts from them, or neither. The drafts depend
    on the curated tables (the automatic coder learns from the reviewed codings, the figure drafts'
    confidence is calibrated on the reviewed figures), so tables changed without a rebuild would
    leave every later command reading drafts "out of date". The drafter reads the tables from
    disk: they are written first, and put back as they were if the build fails. The caller holds
    the lock on the curated tables."""
    before = {path: path.read_bytes() if path.is_file() else None for path in files}
    write_all(files)
    try:
        inuse.build()
    except BaseException:  # an error or Ctrl-C: the tables as they were, the drafts untouched (swapped in whole)
        write_all({path: data for path, data in before.items() if data is not None})
        for path, data in before.items():
            if data is None:
                path.unlink(missing_ok=True)
        raise
