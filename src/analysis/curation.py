"""What a person has reviewed: one status per document and layer.

``data/curated/curation.csv`` has a row per (document, layer) with ``status``
``reviewed`` or ``draft``, who reviewed it and when. A document or layer with no row
is a draft: everything code drafted for it (``analysis.drafts``) is used, marked as
drafted, until ``python -m analysis review DOC --accept`` marks the layer reviewed.

Layers: ``figures`` (figures.csv and out_of_scope.csv), ``instruments``
(instruments_hand.csv), ``funding`` (funding.csv) and ``pmc`` (pmc_scores.csv).
"""

from __future__ import annotations

from datetime import date as _date
from pathlib import Path

from analysis import paths, schema
from analysis.errors import DataError
from analysis.files import rows_csv_bytes, write_atomic
from analysis.i18n import Text
from analysis.tables import read_rows

__all__ = ["LAYERS", "STATUSES", "curation_path", "load_status", "status", "reviewed_documents", "summary",
           "mark_reviewed", "marked_reviewed"]

LAYERS = ("figures", "instruments", "funding", "pmc")
STATUSES = ("draft", "reviewed")
FIELDS = schema.field_names("curation")


def curation_path() -> Path:
    return paths.curated_dir() / "curation.csv"


def load_status(path: Path | None = None, doc_ids: list[str] | None = None) -> dict[tuple[str, str], dict]:
    """(doc_id, layer) -> row, checked; documents of the catalogue without a row are drafts."""
    path = Path(path or curation_path())
    where = paths.relative(path)
    if not path.is_file():
        return {}
    rows = list(enumerate(read_rows(path, FIELDS[:3]), 1))
    # layers, statuses, dates, documents of the catalogue, one row per document and layer:
    # the data package's schema (checked once per content of the file)
    schema.check_file("curation", path, rows, ("doc_id", "layer"))
    known = set(doc_ids) if doc_ids is not None else None
    out: dict[tuple[str, str], dict] = {}
    for n, row in rows:
        if known is not None and row["doc_id"] not in known:
            raise DataError(f"unknown document '{row['doc_id']}' (not among {', '.join(sorted(known))})", file=where,
                            row=f"{n} ({row.get('doc_id')} {row.get('layer')})", field="doc_id")
        out[(row["doc_id"], row["layer"])] = row
    return out


def status(doc_id: str, layer: str, table: dict | None = None) -> str:
    table = load_status() if table is None else table
    row = table.get((doc_id, layer))
    return row["status"] if row else "draft"


def reviewed_documents(layer: str, table: dict | None = None) -> set[str]:
    """The documents whose ``layer`` a person has reviewed."""
    table = load_status() if table is None else table
    return {doc for (doc, lay), row in table.items() if lay == layer and row["status"] == "reviewed"}


def summary(doc_ids: list[str] | None = None, table: dict | None = None, lang: str = "en") -> str:
    """"5 of 10 documents reviewed": a document counts when every layer is reviewed."""
    from analysis import corpus

    doc_ids = list(doc_ids) if doc_ids is not None else [d.doc_id for d in corpus.load_catalogue()]
    table = load_status(doc_ids=None) if table is None else table
    done = [d for d in doc_ids if all(status(d, layer, table) == "reviewed" for layer in LAYERS)]
    return Text(f"{len(done)} of {len(doc_ids)} document{'s' if len(doc_ids) != 1 else ''} reviewed",
                f"{len(doc_ids)} 篇文献中 {len(done)} 篇已人工审核")(lang)


def marked_reviewed(doc_id: str, layers: list[str], reviewer: str, when: str | None = None, note: str = "",
                    path: Path | None = None) -> bytes:
    """The curation table with (doc_id, layer) reviewed for each of ``layers`` (other rows kept as
    they are), as bytes: the caller writes it with what it accepts (``files.write_all``)."""
    path = Path(path or curation_path())
    rows = read_rows(path, FIELDS[:3]) if path.is_file() else []
    rows = [r for r in rows if not (r["doc_id"] == doc_id and r["layer"] in layers)]
    rows += [{"doc_id": doc_id, "layer": layer, "status": "reviewed", "reviewer": reviewer,
              "date": when or _date.today().isoformat(), "note": note} for layer in layers]
    return rows_csv_bytes(rows, FIELDS)


def mark_reviewed(doc_id: str, layer: str, reviewer: str, when: str | None = None, note: str = "",
                  path: Path | None = None) -> None:
    """Set (doc_id, layer) to reviewed, written atomically (other rows kept as they are)."""
    path = Path(path or curation_path())
    write_atomic(path, marked_reviewed(doc_id, [layer], reviewer, when, note, path))
