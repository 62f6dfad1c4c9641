"""The rows the analyses use, for every layer: the curated rows of the documents a person
reviewed, the drafts for the others.

One rule, one owner: "reviewed rows where a layer is reviewed (``analysis.curation``), drafts
otherwise". Every analysis asks here; each result has ``status`` (``reviewed`` or ``draft``)
and ``curation="reviewed"`` leaves the drafts out.

- ``load_figures``: ``data/curated/figures.csv`` and the drafted figures (read from
  ``data/processed/drafts/``);
- ``load_coding``: the clause codes of a human coding and the automatic coder's drafts;
- ``load_funding``: ``funding.csv`` and funding attributes drafted from cue words, for the money
  figures given (computed here from the figures in use, not read back);
- ``load_scores``: the hand scores and PMC items drafted from the figures and codes in use
  (computed here, not read back).

This module is the only caller of the draft builder (``analysis.drafts``) besides the command
line, and only in ``build``: reading drafts never builds them (``analysis.draftfiles``).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from analysis import corpus, draft_selection, draftfiles, drafts, fundingdrafts, measures, paths
from analysis import curation as cur
from analysis.errors import DataError
from analysis.figures import FIGURE_FIELDS, draft_mention_start, load_indicators, validate, with_place
from analysis.funding import FIELDS as FUNDING_FIELDS
from analysis.funding import validate_rows as validate_funding_rows
from analysis.instruments import (
    Framework,
    clauses,
    framework_path,
    load_consensus,
    load_framework,
    load_hand_coding,
    load_second_coding,
)
from analysis.pmc import Framework as PMCFramework
from analysis.pmc import instrument_items
from analysis.pmc import validate_rows as validate_pmc_rows
from analysis.tables import read_rows

__all__ = ["build", "load_figures", "drafted_figures", "target_years", "load_coding", "CODINGS", "load_funding",
           "drafted_funding", "load_scores"]


def build(progress: bool = False) -> Path:
    """Build the drafts if their inputs changed (the runner calls this before the notebooks)."""
    return drafts.ensure(progress)


def _catalogue_ids() -> list[str]:
    return [d.doc_id for d in corpus.load_catalogue()]


def _slice(doc_ids: list[str], documents: Collection[str] | None) -> list[str]:
    """``doc_ids`` (in their order) limited to ``documents`` when given."""
    if documents is None:
        return doc_ids
    keep = set(documents)
    return [d for d in doc_ids if d in keep]


# --- figures ------------------------------------------------------------------------------------
def drafted_figures(doc_ids: list[str] | None = None, in_scope: bool = True) -> pd.DataFrame:
    """The drafted figures of the given documents (default: the catalogue), typed like curated rows."""
    frame = draftfiles.read("figures", doc_ids if doc_ids is not None else _catalogue_ids())
    if frame.empty:
        return pd.DataFrame(columns=drafts.DRAFT_FIGURE_COLUMNS + ["mention_start"])
    if in_scope:
        frame = frame[frame["out_of_scope_reason"] == ""]
    frame = frame.copy()
    for col in ("year", "quote_start", "quote_end"):
        frame[col] = frame[col].astype(int)
    frame["value"] = frame["value"].astype(float)
    frame["confidence"] = frame["confidence"].astype(float)
    frame["implied"] = False
    frame["mention_start"] = frame["figure_id"].map(draft_mention_start)
    return frame.reset_index(drop=True)


def _doc_frame() -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": d.doc_id, "region": d.region, "region_en": d.region_en, "region_zh": d.region_zh,
                          "genre": d.genre, "doc_date": d.date} for d in corpus.load_catalogue()])


def load_figures(path: Path | None = None, curation: str = draft_selection.DEFAULT, check_quotes: bool = False,
                 documents: Collection[str] | None = None) -> pd.DataFrame:
    """The figures every analysis uses, with their indicator labels and document metadata:
    the curated rows of the documents whose figures a person has reviewed, and the drafts
    of the others (``status`` says which; ``curation``, ``analysis.draft_selection``:
    ``confident`` uses the drafts of confidence >= 0.8, ``all`` every draft, ``reviewed`` none).
    Curated rows are checked without re-running the extractor (``figures.validate`` and the
    tests do that) and, unless ``check_quotes``, without the quote-at-offsets check (a
    re-cleaned corpus breaks the reports' links to the sentences, not their numbers).
    ``documents``: only these documents' rows (a region's report reads its own slice, whose
    cost does not grow with the corpus: issue 22); None, every document's."""
    table = cur.load_status()
    docs = _slice(_catalogue_ids(), documents)
    reviewed = cur.reviewed_documents("figures", table)
    frame = validate(path, extractor=False, quotes=check_quotes)
    frame = frame[frame["doc_id"].isin(reviewed) & frame["doc_id"].isin(docs)].assign(
        status="reviewed", confidence=float("nan"))
    if curation != "reviewed":
        draft = drafted_figures([d for d in docs if d not in reviewed]).assign(status="draft")
        draft = draft_selection.select("figures", draft, curation)
        draft = draft.drop(columns=["out_of_scope_reason", "sentence", "evidence"], errors="ignore")
        frame = pd.concat([frame, draft], ignore_index=True) if len(draft) else frame
    indicators = pd.DataFrame(load_indicators().values()).rename(columns={"code": "indicator", "unit": "indicator_unit"})
    out = frame.merge(indicators[["indicator", "label_en", "label_zh"]], on="indicator").merge(_doc_frame(), on="doc_id")
    for col in ("locality", "locality_level", "flags"):
        out[col] = out[col].fillna("").astype(str) if col in out else ""
    return with_place(out)


def target_years() -> list[int]:
    """The years the corpus' targets are for (reviewed figures, and the drafts of the documents
    not reviewed that the default curation uses: confidence >= 0.8): what the targets report's
    ``target_year`` offers, so that no run is swept for a year only low-confidence drafts name.
    Read without the full validation, so that checking parameters stays fast."""
    reviewed = cur.reviewed_documents("figures")
    years = {int(r["year"]) for r in read_rows(paths.curated_dir() / "figures.csv", FIGURE_FIELDS)
             if r["kind"] == "target" and r["doc_id"] in reviewed and r["year"].strip().isdigit()}
    rest = [d for d in _catalogue_ids() if d not in reviewed]
    if rest:
        draft = draftfiles.read("figures", rest)
        if len(draft):
            confident = pd.to_numeric(draft["confidence"], errors="coerce").fillna(0) >= draft_selection.THRESHOLD
            draft = draft[(draft["kind"] == "target") & (draft["out_of_scope_reason"] == "") & confident]
            years |= {int(y) for y in draft["year"]}
    return sorted(years)


# --- clause codes -------------------------------------------------------------------------------
CODINGS = ("consensus", "coder1", "coder2", "auto")


def load_coding(framework: Framework, coding: str = "consensus", curation: str = draft_selection.DEFAULT,
           all_clauses: pd.DataFrame | None = None, documents: Collection[str] | None = None) -> pd.DataFrame:
    """The clause codes an analysis uses, with ``status``, ``confidence`` and the unit of
    analysis (``heading``, ``merged_into``, ``measure``: ``analysis.measures``).

    ``consensus`` (the default): the two human codings where they agree, the adjudicated code
    where they do not (``instruments.load_consensus``); ``coder1``: the first coding
    (``instruments_hand.csv``); ``coder2``: the blind second coding. For each, clauses no
    person coded (a document not reviewed, or not second-coded) are drafted by the automatic
    coder, ``status="draft"`` (with ``curation="confident"`` those of confidence >= 0.8), or left
    out with ``curation="reviewed"``. ``auto``: the
    automatic coder on every clause, each document coded by a model that never saw it
    (``analysis.autocoder``). ``documents``: only these documents' clauses (a region's
    report reads its own slice: issue 22); None, every document's."""
    if coding not in CODINGS:
        raise DataError(f"unknown coding '{coding}': use one of {', '.join(CODINGS)}")
    if all_clauses is None:
        docs = corpus.load_catalogue()
        if documents is not None:
            keep = set(documents)
            docs = [d for d in docs if d.doc_id in keep]
        all_clauses = clauses(docs)
    if coding == "auto":
        coded = _auto(all_clauses, framework)
    else:
        human = {"coder1": lambda: load_hand_coding(framework, all_clauses=all_clauses, documents=documents),
                 "coder2": lambda: load_second_coding(framework, all_clauses, reviewed_only=True, documents=documents),
                 "consensus": lambda: load_consensus(framework, all_clauses, documents=documents)}[coding]()
        human = human.assign(status="reviewed", confidence=float("nan"))
        rest = all_clauses[~all_clauses["clause_id"].isin(human["clause_id"])]
        coded = human
        if curation != "reviewed" and len(rest):
            drafted = draft_selection.select("instruments", _auto(rest, framework), curation)
            coded = pd.concat([human, drafted], ignore_index=True)
    order = {c: i for i, c in enumerate(all_clauses["clause_id"])}
    coded = coded.sort_values("clause_id", key=lambda s: s.map(order)).reset_index(drop=True)
    coded["secondary"] = coded["secondary"].fillna("")
    return measures.link_headings(coded, framework)


def _auto(frame: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """The automatic coder's codes for these clauses: read from the drafts (built once per
    corpus and codebook) for the project's codebook, coded afresh for another one."""
    if paths.relative(framework_path()) == framework.path:
        drafted = draftfiles.read("instruments", sorted(set(frame["doc_id"])))
        coded = frame.merge(drafted[["clause_id", "primary", "secondary", "confidence"]], on="clause_id")
        if len(coded) == len(frame):
            coded["secondary"] = coded["secondary"].fillna("")
            coded["confidence"] = pd.to_numeric(coded["confidence"], errors="coerce")
            coded["type"] = coded["primary"].map(framework.type_of)
            return coded.assign(status="draft")
    from analysis import autocoder  # only for another codebook: the reports read the stored drafts

    training = autocoder.training_data(framework)
    return autocoder.code(frame, framework, training).assign(status="draft")


# --- funding ------------------------------------------------------------------------------------
def drafted_funding(money: pd.DataFrame, docs: dict[str, corpus.Document]) -> pd.DataFrame:
    """Funding attributes drafted from cue words for the money figures of ``money``."""
    return fundingdrafts.draft_funding(money, docs)


def load_funding(figures: pd.DataFrame, documents: Collection[str] | None = None) -> pd.DataFrame:
    """The funding attributes of the money figures in ``figures``, with ``status``: funding.csv
    (every reference checked) for the documents whose funding a person reviewed, and
    attributes drafted from cue words (``analysis.fundingdrafts``) for the others.
    ``documents``: ``figures`` is only these documents' (``load_figures(documents=…)``), and so
    are the funding rows read and checked."""
    path = paths.curated_dir() / "funding.csv"
    numbered = list(enumerate(read_rows(path, FUNDING_FIELDS), 1))
    if documents is not None:  # a row describes a curated figure: its document is the figure's
        doc_of = {r["figure_id"]: r["doc_id"] for r in read_rows(paths.curated_dir() / "figures.csv", FIGURE_FIELDS)}
        keep = set(documents)
        # a row of an unknown figure is kept, and refused by the check below as it always is
        numbered = [(n, r) for n, r in numbered if r["figure_id"] not in doc_of or doc_of[r["figure_id"]] in keep]
    rows = [r for _, r in numbered]
    validate_funding_rows(numbered, figures, paths.relative(path))
    frame = pd.DataFrame(rows, columns=FUNDING_FIELDS)
    frame["period_years"] = pd.to_numeric(frame["period_years"]).astype("Int64")
    frame["counts_in_total"] = frame["counts_in_total"].eq("true")
    cols = ["figure_id", "doc_id", "region", "region_en", "region_zh", "indicator", "label_en", "label_zh", "scope",
            "kind", "year", "value", "unit", "qualifier", "quote"]
    cols += [c for c in ("locality", "flags") if c in figures]
    frame = frame.merge(figures[cols], on="figure_id", suffixes=("", "_figure"))
    reviewed = cur.reviewed_documents("funding")
    frame = frame[frame["doc_id"].isin(reviewed)].assign(status="reviewed")
    money = figures[~figures["doc_id"].isin(reviewed) & fundingdrafts.is_money(figures)]
    if len(money):
        docs = {d.doc_id: d for d in corpus.load_catalogue()}
        draft = fundingdrafts.draft_funding(money, docs).merge(figures[cols], on="figure_id").assign(status="draft")
        frame = pd.concat([frame, draft], ignore_index=True)
    return frame


# --- PMC ----------------------------------------------------------------------------------------
def _by_document(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """``frame``'s rows per ``doc_id``, each in the frame's order."""
    return {str(d): rows for d, rows in frame.groupby("doc_id", sort=False)}


def load_scores(framework: PMCFramework, path: Path | None = None, curation: str = draft_selection.DEFAULT,
               figures: pd.DataFrame | None = None, coding: pd.DataFrame | None = None,
               doc_ids: list[str] | None = None) -> pd.DataFrame:
    """Scores per document and item, with ``status``: the hand scores (checked: every item
    scored 0 or 1 with a justification) of the documents whose PMC layer is reviewed, and
    for the others the drafts (``analysis.drafts.draft_pmc``, from the figures and clause
    codes in use), whose undecided items have no score. ``curation="reviewed"`` leaves the
    drafts out; ``doc_ids``: only those documents' scores (a region profile reads its own: issue 22;
    every score is of one document, so a document's scores do not depend on the others')."""
    path = Path(path or paths.curated_dir() / "pmc_scores.csv")
    where = paths.relative(path)
    rows = read_rows(path, drafts.PMC_COLUMNS)  # the data package's pmc-scores columns
    docs = {d.doc_id: d for d in corpus.load_catalogue()}
    items = set(framework.items)
    validate_pmc_rows(list(enumerate(rows, 1)), framework, set(docs), where)
    reviewed = cur.reviewed_documents("pmc")
    frame = pd.DataFrame(rows, columns=["doc_id", "item", "score", "justification"])
    frame = frame[frame["doc_id"].isin(reviewed)]
    for doc_id in sorted(reviewed & set(docs)):
        missing = items - set(framework.derived_items) - set(frame.loc[frame["doc_id"] == doc_id, "item"])
        if missing:
            raise DataError(f"{doc_id} lacks scores for {', '.join(sorted(missing))}", file=where)
    if doc_ids is not None:
        frame = frame[frame["doc_id"].isin(doc_ids)]
    frame = frame.assign(score=frame["score"].astype(float), status="reviewed")
    rest = [d for d in docs if d not in reviewed and (doc_ids is None or d in doc_ids)]
    ins_fw = load_framework()
    if framework.derived_items:
        coding = coding if coding is not None else load_coding(ins_fw, curation=curation, documents=doc_ids)
        derived = [instrument_items(d, coding, framework, ins_fw) for d in sorted(reviewed & set(docs))
                   if doc_ids is None or d in doc_ids]
        frame = pd.concat([frame] + [d.assign(status="reviewed") for d in derived if len(d)], ignore_index=True)
        if "justification_zh" not in frame:  # no derived row among these documents: the same columns all the same
            frame["justification_zh"] = float("nan")
    if curation != "reviewed" and rest:
        figures = figures if figures is not None else load_figures(curation=curation, documents=doc_ids)
        coding = coding if coding is not None else load_coding(ins_fw, curation=curation, documents=doc_ids)
        # each document's rows taken once (a filter of the whole frames per document was quadratic)
        figs_of, codes_of = _by_document(figures), _by_document(coding)
        drafted = [drafts.draft_pmc(docs[d], figs_of.get(d, figures.iloc[0:0]), codes_of.get(d, coding.iloc[0:0]),
                                    framework, ins_fw) for d in rest]
        frame = pd.concat([frame] + [d.assign(status="draft") for d in drafted], ignore_index=True)
    frame["score"] = frame["score"].astype(float)
    frame["variable"] = frame["item"].str.split(":").str[0]
    frame["genre"] = frame["doc_id"].map(lambda d: docs[d].genre)
    frame["region"] = frame["doc_id"].map(lambda d: docs[d].region)
    return frame
