"""The data a region's reports read: its slice of every data file (issue 22).

A region profile reads its region's documents and their rows in every layer (the catalogue,
the raw texts, the curated figures, clause codes, funding, PMC scores, review status, the
reference data of the region, the drafts of its documents), the codebooks, and rows that
belong to no region of the corpus (the national CPI, the national benchmarks). Its fingerprint
(``analysis.fingerprint``) covers those slices, not whole files, so that adding a document for
a new region, or changing a row of one region, re-runs that region's profiles and the
cross-region analyses, and leaves every other region's profiles alone.

Which region a row belongs to is read from its key column: ``doc_id`` (the catalogue maps it to
a region), ``clause_id`` (``<doc_id>:<n>``), ``figure_id`` (the curated figures map it to a
document, else ``<doc_id>-<n>``), ``region``, or ``subject`` (``<table>:<region>``). A row whose
key names no document or region of the corpus, and a file with no such column (a codebook, a
YAML file, a README), is shared: in every slice. Sharing is the safe side: it re-runs more,
never less.

Rows are parsed with the standard library's ``csv`` (not pandas): the runner computes every
run's fingerprint before deciding what to run, and a no-change run must stay under a second.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from analysis import paths, segments
from analysis.files import input_files, sha256_file

__all__ = ["Slices", "SHARED"]

SHARED = ""  # the slice of rows and files that belong to no region: every region's reports read it

_KEYS = ("doc_id", "clause_id", "figure_id", "region", "subject")  # in order of preference


class Slices:
    """Every data file's hash per region slice, computed once (a file is read at most once)."""

    def __init__(self) -> None:
        self._catalogue = self._read_catalogue()
        self._doc_region = {r.get("doc_id", ""): r.get("region", "") for r in self._catalogue}
        self._regions = set(self._doc_region.values())
        self._doc_files = {r.get("file", ""): r.get("doc_id", "") for r in self._catalogue if r.get("file")}
        self._figure_doc: dict[str, str] | None = None
        self._per_file: dict[Path, dict[str, str]] = {}  # file -> {region or SHARED: hash}
        self._indexes: dict[tuple[str, ...], tuple[dict[str, str], dict[str, dict[str, str]]]] = {}

    @staticmethod
    def _read_catalogue() -> list[dict[str, str]]:
        path = paths.catalogue_path()
        if not path.is_file():
            return []
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    def documents(self, region: str) -> list[str]:
        return [d for d, r in self._doc_region.items() if r == region]

    def _figure_docs(self) -> dict[str, str]:
        if self._figure_doc is None:
            path = paths.curated_dir() / "figures.csv"
            self._figure_doc = {}
            if path.is_file():
                with open(path, encoding="utf-8", newline="") as f:
                    self._figure_doc = {r.get("figure_id", ""): r.get("doc_id", "") for r in csv.DictReader(f)}
        return self._figure_doc

    def _region_of(self, key: str, value: str) -> str:
        """The region a row belongs to, from its key column's value; SHARED when none of the corpus'."""
        if key == "doc_id":
            return self._doc_region.get(value, SHARED)
        if key == "clause_id":
            return self._doc_region.get(segments.document_of(value), SHARED)
        if key == "figure_id":
            doc = self._figure_docs().get(value) or value.rsplit("-", 1)[0]
            return self._doc_region.get(doc, SHARED)
        if key == "region":
            return value if value in self._regions else SHARED
        if key == "subject":
            tail = value.rsplit(":", 1)[-1]
            return tail if ":" in value and tail in self._regions else SHARED
        return SHARED

    def file_slices(self, path: Path) -> dict[str, str]:
        """``{region or SHARED: sha256 of the file's rows of it}``: one entry per region the file
        has rows of; a file that is not sliced (not a CSV, or a CSV without a key column) is all
        SHARED, its hash the file's sha256. A document's raw text or drafts belong to its region."""
        if path in self._per_file:
            return self._per_file[path]
        doc = self._doc_of_file(path)
        if doc is not None:
            out = {self._doc_region.get(doc, SHARED): sha256_file(path)}
        elif path.suffix == ".csv":
            out = self._csv_slices(path)
        else:
            out = {SHARED: sha256_file(path)}
        self._per_file[path] = out
        return out

    def _doc_of_file(self, path: Path) -> str | None:
        """The document a file is of: a raw text named in the catalogue, or a document's drafts."""
        if path.parent == paths.raw_policies_dir() and path.name in self._doc_files:
            return self._doc_files[path.name]
        if path.parent == paths.processed_dir() / "drafts" and path.name.endswith(".csv"):
            doc = path.name.split(".", 1)[0]
            return doc if doc in self._doc_region else None
        return None

    def _csv_slices(self, path: Path) -> dict[str, str]:
        data = path.read_bytes()
        try:
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        except (UnicodeDecodeError, csv.Error):
            return {SHARED: sha256_file(path)}
        if not rows:
            return {SHARED: hashlib.sha256(data).hexdigest()}
        header = rows[0]
        key = next((k for k in _KEYS if k in header), None)
        if key is None:
            return {SHARED: hashlib.sha256(data).hexdigest()}
        col = header.index(key)
        hashes: dict[str, Any] = {}  # region -> a running sha256
        for row in rows[1:]:
            region = self._region_of(key, row[col] if col < len(row) else "")
            if region not in hashes:
                hashes[region] = hashlib.sha256(json.dumps(header, ensure_ascii=False).encode())
            hashes[region].update(json.dumps(row, ensure_ascii=False).encode() + b"\n")
        if SHARED not in hashes:  # the header alone: a new column changes every slice
            hashes[SHARED] = hashlib.sha256(json.dumps(header, ensure_ascii=False).encode())
        return {region: h.hexdigest() for region, h in hashes.items()}

    def region_data(self, region: str, globs: list[str]) -> dict[str, str]:
        """A region's slice of the files ``globs`` match, and of its documents' drafts: ``{label:
        sha256}``, labelled ``region <code>: <file>`` for its rows and ``<file>`` for the shared
        part (a file without rows of the region has no label of the region: a row added says so)."""
        shared, by_region = self._index(tuple(globs))
        return {**shared, **by_region.get(region, {})}

    def _index(self, globs: tuple[str, ...]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
        """The shared part and every region's slice of the files ``globs`` match and of the drafts,
        built once per set of globs: a suite of a thousand profiles reads and labels each file once."""
        if globs not in self._indexes:
            drafts = paths.processed_dir() / "drafts"
            found = input_files(list(globs)) + (sorted(p for p in drafts.glob("*.csv") if self._doc_of_file(p))
                                                if drafts.is_dir() else [])
            shared: dict[str, str] = {}
            by_region: dict[str, dict[str, str]] = {}
            for path in found:
                rel = paths.relative(path)
                for region, digest in self.file_slices(path).items():
                    if region == SHARED:
                        shared[rel] = digest
                    else:
                        by_region.setdefault(region, {})[f"region {region}: {rel}"] = digest
            self._indexes[globs] = (shared, by_region)
        return self._indexes[globs]
