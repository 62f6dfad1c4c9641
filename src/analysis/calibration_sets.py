"""The labelled sets the figure drafts' confidence is fitted on, beside the reviewed documents: the
tuning sets' documents drafted and each draft judged right or wrong against their labels.

Only the sets named in ``paths.TUNING_SETS`` are read (never "every set under ``heldout/``": the next
blind set must not calibrate the drafts it is measured on), through ``analysis.heldout``, from
``tests/fixtures/heldout/`` (every clone has them). Their labels are a declared input of the drafts
(``heldout.digest`` in ``draftfiles.fingerprint``). Where the folder is missing (a copy without tests)
``judged`` returns ``None`` and the drafts keep the reviewed documents' calibration.

Drafting the ~110 documents costs about 8 s; their judged drafts are kept in
``data/processed/.tuning-judged.json`` by the key of what they depend on (the package's code, the
codebooks, the sets' labels), so that rebuilding the drafts after a review or a catalogue change
(the package unchanged) pays nothing. The cache is written by ``judged``, which only the building of
the drafts (``drafts.build``) and the measurement (``figure_evaluation``) call.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pandas as pd

from analysis import calibration, cleaning, corpus, figures, heldout, paths
from analysis.cache import HashCache, key
from analysis.files import package_hash, sha256_file

__all__ = ["Drafter", "document", "snap", "draft_set", "present", "judged", "fitted", "JUDGED_COLUMNS"]

Drafter = Callable[[corpus.Document, cleaning.Cleaned], pd.DataFrame]  # a document's figure drafts
JUDGED_COLUMNS = ["set", "doc_id", "evidence", "score", "right"]
_CATALOGUE_FIELDS = ("doc_id", "region", "region_zh", "region_en", "level", "parent_province", "genre", "title",
                     "date", "outlet")
_CODEBOOKS = ("indicators.csv", "scopes.csv")  # what the figure drafter reads besides its code


def document(row: dict) -> corpus.Document:
    """A labelled set's catalogue row as the drafter reads a corpus document."""
    return corpus.Document(**{f: str(row.get(f, "") or "") for f in _CATALOGUE_FIELDS},
                           script="", file=f"{row['doc_id']}.txt", sha256="0" * 64, original_encoding="utf-8",
                           notes="")


def snap(gold: pd.DataFrame, drafted: pd.DataFrame) -> pd.DataFrame:
    """A label's span (hedges excluded: 3500人 of 超过3500人) moved to the start of the extractor
    mention it overlaps (hedges included), so that ``calibration.judge`` can match by start; a
    label no mention overlaps keeps its own start (and counts as not found)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in drafted.itertuples():
        spans.setdefault(r.doc_id, []).append((r.mention_start, r.mention_start + len(r.mention)))
    starts = []
    for r in gold.itertuples():
        hit = [a for a, b in spans.get(r.doc_id, []) if a < r.end and r.start < b]
        starts.append(hit[0] if hit else r.start)
    return gold.assign(mention_start=starts)


def draft_set(name: str, draft: Drafter) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """One labelled set's documents drafted as a new document is and judged against its labels
    (``calibration.judge``): (stated, drafts, documents). Its stated figures are the quantities labelled
    with an indicator (not ``out_of_scope``); a draft where the labels say out of scope, or no quantity,
    is wrong."""
    s = heldout.load(name)
    frames = []
    for row in s.catalogue.to_dict("records"):
        doc = document(row)
        drafted = draft(doc, s.cleaned[doc.doc_id])
        frames.append(drafted.assign(mention_start=[figures.draft_mention_start(i) for i in drafted["figure_id"]]))
    drafted = pd.concat(frames, ignore_index=True)
    labels = s.figures[s.figures["indicator"] != "out_of_scope"]
    stated, judged_drafts = calibration.judge(drafted, snap(labels, drafted))
    return stated, judged_drafts, len(s.catalogue)


def present() -> list[str]:
    """The tuning sets (``paths.TUNING_SETS``) this checkout has."""
    return [n for n in paths.TUNING_SETS if (heldout.sets_dir() / n / "catalogue.csv").is_file()]


def _cache() -> HashCache:
    return HashCache(2, paths.processed_dir() / ".tuning-judged.json")


def _key() -> str:
    codebooks = [sha256_file(p) if p.is_file() else "-" for p in (paths.curated_dir() / n for n in _CODEBOOKS)]
    return key(package_hash(), *codebooks, heldout.digest(paths.TUNING_SETS))


def judged(draft: Drafter) -> pd.DataFrame | None:
    """Every in-scope draft of the tuning sets, judged (``JUDGED_COLUMNS``: its set, document, evidence,
    score and whether it is right), from the cache when the package, the codebooks and the labels are
    those it was built from; ``None`` when this checkout has no tuning set."""
    names = present()
    if not names:
        return None
    k = _key()
    stored = _cache().get(k)
    if stored is not None:
        return pd.DataFrame(stored, columns=JUDGED_COLUMNS)
    frames = [draft_set(name, draft)[1].assign(set=name) for name in names]
    frame = pd.concat(frames, ignore_index=True)[JUDGED_COLUMNS]
    frame["right"] = frame["right"].astype(bool)
    _cache().put(k, frame.to_dict("list"))
    return frame


_NOTED: set[str] = set()  # the notes said in this process (each once)


def fitted(reviewed: pd.DataFrame, draft: Drafter,
           leave_out: str | None = None) -> calibration.EvidenceModel | calibration.Calibration:
    """The figure drafts' calibration: the evidence model (``calibration.fit_evidence``) fitted on the judged
    drafts of the reviewed documents (``reviewed``, ``calibration.judge``'s second frame) and of the tuning
    sets, but ``leave_out`` (a set's name or a document's id: what is measured on it never saw it); where this
    checkout has no tuning set, the isotonic map of the reviewed drafts' scores (``calibration.fit_on``), and
    a note saying so, once."""
    tuning = judged(draft)
    if tuning is None:
        if "no tuning sets" not in _NOTED:
            _NOTED.add("no tuning sets")
            print(f"note: no tuning set in {paths.relative(heldout.sets_dir())}: the figure drafts' confidence is "
                  "calibrated on the reviewed documents only", file=sys.stderr)
        return calibration.fit_on(reviewed[reviewed["doc_id"] != leave_out])
    both = pd.concat([reviewed.assign(set="reviewed")[JUDGED_COLUMNS], tuning], ignore_index=True)
    return calibration.fit_evidence(both[(both["set"] != leave_out) & (both["doc_id"] != leave_out)])
