"""How right the figure drafts are, measured on text they were not tuned on.

Three labelled sets, reported separately (``python -m analysis drafts quality``):

- **reviewed** (for tuning): the curated figures of the documents whose figures a person has
  reviewed, one document left out at a time: its drafts are judged with a calibration fitted
  on the other documents only (``drafts.reviewed_calibration``), so that the confidence it
  reports is one the map never saw;
- **sentences** (for tuning): ``tests/fixtures/figure_sentences.csv``, sentences the developers
  wrote in the shapes the drafter gets wrong (not quotes, no fact), each with the figure it
  states; judged with the calibration of all reviewed documents;
- **held out** (never tuned on): each set of ``tests/fixtures/heldout/`` (``analysis.heldout``:
  documents labelled in full by other people before the drafter was run on them; its README
  says how), judged with the calibration of all reviewed documents.

For each: of the stated figures, how many the drafts find and get right (indicator, scope,
kind, all three; a figure not drafted in scope is wrong), and of the drafts of confidence
≥ 0.8 how many are right (a draft where the labels have no figure is wrong); and the
reliability of the confidence (``calibration.reliability``), drawn as one chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import calibration, cleaning, corpus, curation, draftfiles, drafts, figures, heldout, paths
from analysis.errors import DataError
from analysis.tables import read_rows

__all__ = ["Measured", "reviewed_loo", "sentence_set", "held_out_sets", "held_out", "drafted_set", "measure_all", "chart",
           "sentences_path", "HIGH"]

HIGH = calibration.HIGH  # a confident draft (the reports' default curation uses drafts from here up)


def sentences_path() -> Path:
    return paths.project_root() / "tests" / "fixtures" / "figure_sentences.csv"


@dataclass
class Measured:
    """One labelled set judged: per stated figure and per in-scope draft (``calibration.judge``)."""

    name: str
    stated: pd.DataFrame
    drafts: pd.DataFrame  # with the confidence the drafts would carry (``confidence``)
    documents: int

    def summary(self) -> dict:
        s, d = self.stated, self.drafts
        high = d[d["confidence"] >= HIGH]
        return {"set": self.name, "documents": self.documents, "stated figures": len(s),
                "found": float(s["found"].mean()) if len(s) else float("nan"),
                "indicator": _mean(s["indicator_right"]), "scope": _mean(s["scope_right"]),
                "kind": _mean(s["kind_right"]), "all three": _mean(s["all_right"]),
                "drafts": len(d), f"drafts >= {HIGH}": len(high), f"right >= {HIGH}": _mean(high["right"])}

    def reliability(self) -> list[dict]:
        return calibration.reliability(self.drafts["confidence"], self.drafts["right"])


def _mean(series: pd.Series) -> float:
    return float(series.mean()) if len(series) else float("nan")


def _with_starts(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(mention_start=[figures.draft_mention_start(i) for i in frame["figure_id"]])


def _calibrated(judged: pd.DataFrame, fitted: calibration.Calibration) -> pd.DataFrame:
    return judged.assign(confidence=calibration.confidence(fitted, judged["score"], judged["evidence"]))


def reviewed_loo() -> tuple[Measured, pd.DataFrame]:
    """The reviewed documents, each judged with a calibration fitted on the others; and the
    per-document table."""
    reviewed = curation.reviewed_documents("figures")
    doc_ids = [d.doc_id for d in corpus.load_catalogue() if d.doc_id in reviewed]
    curated = figures.validate(extractor=False, quotes=False)
    curated = curated[~curated["implied"]]
    figures_of = {d: draftfiles.read("figures", [d]) for d in doc_ids}
    stated, judged, per_doc = [], [], []
    for doc_id in doc_ids:
        fitted = drafts.reviewed_calibration(figures_of, curated, leave_out=doc_id)
        s, j = calibration.judge(_with_starts(figures_of[doc_id]), curated[curated["doc_id"] == doc_id])
        j = _calibrated(j, fitted)
        stated.append(s)
        judged.append(j)
        one = Measured(doc_id, s, j, 1).summary()
        per_doc.append({"document": doc_id, **{k: v for k, v in one.items() if k not in ("set", "documents")}})
    measured = Measured("reviewed, leave one document out", pd.concat(stated, ignore_index=True),
                        pd.concat(judged, ignore_index=True), len(doc_ids))
    return measured, pd.DataFrame(per_doc)


def _all_reviewed_calibration() -> calibration.Calibration:
    reviewed = curation.reviewed_documents("figures")
    doc_ids = [d.doc_id for d in corpus.load_catalogue() if d.doc_id in reviewed]
    curated = figures.validate(extractor=False, quotes=False)
    return drafts.reviewed_calibration({d: draftfiles.read("figures", [d]) for d in doc_ids}, curated)


def _tagger() -> drafts.Tagger:
    return drafts.Tagger.from_codebooks(figures.load_indicators(), drafts.load_scopes())


def _document(doc_id: str, year: int, genre: str = "policy_text", level: str = "prefecture_city",
              region_zh: str = "测试市") -> corpus.Document:
    return corpus.Document(doc_id, "heldout", region_zh, "Held-out", level, "", genre, doc_id, str(year), "",
                           "simplified", f"{doc_id}.txt", "0" * 64, "utf-8", "")


def sentence_set(fitted: calibration.Calibration | None = None, path: Path | None = None) -> Measured:
    """The developers' sentences (``figure_sentences.csv``: sentence, mention, indicator, scope,
    kind, year; an empty indicator: the mention is out of scope)."""
    path = Path(path or sentences_path())
    rows = read_rows(path, ["id", "sentence", "mention", "indicator", "scope", "kind", "doc_year"], "figure sentences")
    fitted = fitted if fitted is not None else _all_reviewed_calibration()
    tagger = _tagger()
    frames, gold, doc_of = [], [], {}
    for n, row in enumerate(rows, 2):
        cleaned = cleaning.clean_text(row["sentence"])
        start = cleaned.text.find(row["mention"])
        if start < 0:
            raise DataError(f"'{row['mention']}' is not in the sentence", file=paths.relative(path), row=str(n),
                            field="mention")
        if row["sentence"] not in doc_of:  # a sentence labelled on several rows is one document
            doc = doc_of[row["sentence"]] = _document(f"s{row['id']}", int(row["doc_year"]))
            frames.append(_with_starts(drafts.draft_figures(doc, cleaned, tagger)))
        doc = doc_of[row["sentence"]]
        if row["indicator"]:
            gold.append({"doc_id": doc.doc_id, "mention_start": start, "indicator": row["indicator"],
                         "scope": row["scope"], "kind": row["kind"]})
    gold_frame = pd.DataFrame(gold, columns=["doc_id", "mention_start", "indicator", "scope", "kind"])
    stated, judged = calibration.judge(pd.concat(frames, ignore_index=True), gold_frame)
    return Measured("sentences written by the developers", stated, _calibrated(judged, fitted), len(doc_of))


def held_out_sets() -> list[str]:
    return heldout.set_names()


def _snap(gold: pd.DataFrame, drafted: pd.DataFrame) -> pd.DataFrame:
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


def held_out(name: str, fitted: calibration.Calibration | None = None) -> Measured:
    """One held-out set (``analysis.heldout``): its documents drafted as a new document is, with
    the calibration of the reviewed documents, judged against its labels. Its stated figures are
    the quantities labelled with an indicator (not ``out_of_scope``); a draft where the labels say
    out of scope, or no quantity, is wrong."""
    fitted = fitted if fitted is not None else _all_reviewed_calibration()
    drafted, labels, documents = drafted_set(name)
    stated, judged = calibration.judge(drafted, _snap(labels[labels["indicator"] != "out_of_scope"], drafted))
    return Measured(f"held out: {name}", stated, _calibrated(judged, fitted), documents)


def drafted_set(name: str, tagger: drafts.Tagger | None = None) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(the drafts of a held-out set's documents, drafted as a new document is; its figure labels, out of scope
    ones included; its documents)."""
    s = heldout.load(name)
    tagger = tagger or _tagger()
    frames = []
    for row in s.catalogue.to_dict("records"):
        doc = corpus.Document(**{f: str(row.get(f, "") or "") for f in ("doc_id", "region", "region_zh", "region_en",
                                                                       "level", "parent_province", "genre", "title",
                                                                       "date", "outlet")},
                              script="", file=f"{row['doc_id']}.txt", sha256="0" * 64, original_encoding="utf-8",
                              notes="")
        frames.append(_with_starts(drafts.draft_figures(doc, s.cleaned[doc.doc_id], tagger)))
    drafted = pd.concat(frames, ignore_index=True)
    return drafted, s.figures, len(s.catalogue)


def measure_all() -> tuple[list[Measured], pd.DataFrame]:
    """Every set (reviewed LOO, sentences, each held-out set) and the per-document LOO table."""
    loo, per_doc = reviewed_loo()
    fitted = _all_reviewed_calibration()
    sets = [loo]
    if sentences_path().is_file():
        sets.append(sentence_set(fitted))
    sets += [held_out(name, fitted) for name in held_out_sets()]
    return sets, per_doc


def chart(sets: list[Measured], path: Path, lang: str = "en") -> Path:
    """The reliability chart: for each set, the share right against the stated confidence, by
    bin (point size: drafts in the bin), with the diagonal a calibrated drafter would follow."""
    import matplotlib.pyplot as plt  # plotting is slow to import and only this needs it

    from analysis import plotting

    plotting.setup(lang)
    fig, ax = plt.subplots(figsize=(5.5, 4.6))
    ax.plot([0, 1], [0, 1], color="#949494", linestyle="--", linewidth=1,
            label=plotting.label("calibrated", "校准线", lang))
    for i, m in enumerate(sets):
        bins = [b for b in m.reliability() if b["n"]]
        ax.plot([b["stated"] for b in bins], [b["right"] for b in bins], marker="o",
                color=plotting.COLORBLIND[i % len(plotting.COLORBLIND)], label=f"{m.name} ({len(m.drafts)})")
        for b in bins:
            ax.annotate(str(b["n"]), (b["stated"], b["right"]), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.axvline(HIGH, color="#cccccc", linewidth=0.8)
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(plotting.label("stated confidence (mean of the bin)", "草稿置信度(区间均值)", lang))
    ax.set_ylabel(plotting.label("share right (indicator, scope and kind)", "正确比例(指标、范围与类型)", lang))
    ax.set_title(plotting.label("Figure drafts: reliability of the confidence", "数字草稿:置信度的可靠性", lang))
    ax.legend(fontsize=7, loc="lower right")
    plotting.save(fig, path)  # written whole, then renamed: never half a chart
    plt.close(fig)
    return path
