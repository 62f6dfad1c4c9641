"""How right the figure drafts are, and how true their confidence is, measured on text the
confidence's map never saw (``python -m analysis drafts quality``), reported separately:

- **reviewed**: the curated figures of the documents whose figures a person has reviewed, one
  document left out at a time: its drafts are judged with a calibration fitted without it
  (``calibration_sets.fitted``: the other reviewed documents and the tuning sets);
- **sentences** (for tuning): ``tests/fixtures/figure_sentences.csv``, sentences the developers
  wrote in the shapes the drafter gets wrong (not quotes, no fact), each with the figure it
  states; judged with the production calibration;
- **labelled sets** (``tests/fixtures/heldout/``, ``analysis.heldout``: documents labelled in full
  by other people before the drafter was run on them): a tuning set (``paths.TUNING_SETS``) left
  out of the calibration it is judged with (leave one set out), and all of them pooled; a blind
  set judged with the production calibration (which never reads it).

For each: of the stated figures, how many the drafts find and get right (indicator, scope,
kind, all three; a figure not drafted in scope is wrong), and of the drafts of confidence
≥ 0.8 how many are right (a draft where the labels have no figure is wrong), with the Brier
score; the same for the calibration of before (the isotonic map of the reviewed documents'
scores, ``calibration.fit_on``: "five only"); and the reliability of the confidence
(``calibration.reliability``), drawn as one chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import (
    calibration,
    calibration_sets,
    cleaning,
    corpus,
    curation,
    draftfiles,
    drafts,
    figures,
    heldout,
    paths,
)
from analysis.errors import DataError
from analysis.tables import read_rows

__all__ = ["Measured", "Reviewed", "reviewed", "reviewed_loo", "sentence_set", "held_out_sets", "held_out",
           "drafted_set", "pooled", "measure_all", "chart", "sentences_path", "HIGH"]

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

    def calibration(self) -> dict:
        """The confident band and the Brier score, with the calibration of before ("five only") beside."""
        d = self.drafts
        out = {"set": self.name, "drafts": len(d)}
        for label, column in (("", "confidence"), (" (five only)", "confidence_before")):
            if column in d:
                high = d[d[column] >= HIGH]
                out.update({f"drafts >= {HIGH}{label}": len(high), f"right{label}": int(high["right"].sum()),
                            f"share right{label}": _mean(high["right"]),
                            f"Brier{label}": calibration.brier(d[column], d["right"])})
        return out

    def reliability(self) -> list[dict]:
        return calibration.reliability(self.drafts["confidence"], self.drafts["right"])


def _mean(series: pd.Series) -> float:
    return float(series.mean()) if len(series) else float("nan")


def _with_starts(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(mention_start=[figures.draft_mention_start(i) for i in frame["figure_id"]])


Fit = calibration.EvidenceModel | calibration.Calibration


def _calibrated(judged: pd.DataFrame, fitted: Fit, before: Fit | None = None) -> pd.DataFrame:
    out = judged.assign(confidence=calibration.confidence(fitted, judged["score"], judged["evidence"]))
    if before is not None:
        out["confidence_before"] = calibration.confidence(before, judged["score"], judged["evidence"])
    return out


@dataclass
class Reviewed:
    """The reviewed documents' drafts and curated figures, and the drafter, as a measurement reads them."""

    doc_ids: list[str]
    figures_of: dict[str, pd.DataFrame]
    curated: pd.DataFrame  # stated figures only
    judged: pd.DataFrame  # ``drafts.reviewed_judged``
    draft: calibration_sets.Drafter

    def fitted(self, leave_out: str | None = None) -> Fit:
        """The production calibration, fitted without ``leave_out`` (a document or a set)."""
        return calibration_sets.fitted(self.judged, self.draft, leave_out)

    def five_only(self, leave_out: str | None = None) -> calibration.Calibration:
        """The calibration of before: the isotonic map of the reviewed documents' scores."""
        return calibration.fit_on(self.judged[self.judged["doc_id"] != leave_out])


def reviewed() -> Reviewed:
    """The reviewed documents' stored drafts (built first: ``inuse.build``) against their curated figures."""
    done = curation.reviewed_documents("figures")
    doc_ids = [d.doc_id for d in corpus.load_catalogue() if d.doc_id in done]
    curated = figures.validate(extractor=False, quotes=False)
    curated = curated[~curated["implied"]]
    figures_of = {d: draftfiles.read("figures", [d]) for d in doc_ids}
    tagger = _tagger()
    return Reviewed(doc_ids, figures_of, curated, drafts.reviewed_judged(figures_of, curated),
                    lambda doc, cleaned: drafts.draft_figures(doc, cleaned, tagger))


def reviewed_loo(data: Reviewed | None = None) -> tuple[Measured, pd.DataFrame]:
    """The reviewed documents, each judged with a calibration fitted without it; and the
    per-document table."""
    data = data or reviewed()
    stated, judged, per_doc = [], [], []
    for doc_id in data.doc_ids:
        s, j = calibration.judge(_with_starts(data.figures_of[doc_id]), data.curated[data.curated["doc_id"] == doc_id])
        j = _calibrated(j, data.fitted(doc_id), data.five_only(doc_id))
        stated.append(s)
        judged.append(j)
        one = Measured(doc_id, s, j, 1).summary()
        per_doc.append({"document": doc_id, **{k: v for k, v in one.items() if k not in ("set", "documents")}})
    measured = Measured("reviewed, leave one document out", pd.concat(stated, ignore_index=True),
                        pd.concat(judged, ignore_index=True), len(data.doc_ids))
    return measured, pd.DataFrame(per_doc)


def _tagger() -> drafts.Tagger:
    return drafts.Tagger.from_codebooks(figures.load_indicators(), drafts.load_scopes())


def _document(doc_id: str, year: int, genre: str = "policy_text", level: str = "prefecture_city",
              region_zh: str = "测试市") -> corpus.Document:
    return corpus.Document(doc_id, "heldout", region_zh, "Held-out", level, "", genre, doc_id, str(year), "",
                           "simplified", f"{doc_id}.txt", "0" * 64, "utf-8", "")


def sentence_set(fitted: Fit | None = None, path: Path | None = None, before: Fit | None = None) -> Measured:
    """The developers' sentences (``figure_sentences.csv``: sentence, mention, indicator, scope,
    kind, year; an empty indicator: the mention is out of scope)."""
    path = Path(path or sentences_path())
    rows = read_rows(path, ["id", "sentence", "mention", "indicator", "scope", "kind", "doc_year"], "figure sentences")
    fitted = fitted if fitted is not None else reviewed().fitted()
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
    return Measured("sentences written by the developers", stated, _calibrated(judged, fitted, before), len(doc_of))


def held_out_sets() -> list[str]:
    return heldout.set_names()


def held_out(name: str, data: Reviewed | None = None) -> Measured:
    """One labelled set (``analysis.heldout``): its documents drafted as a new document is, judged against its
    labels, with the calibration fitted without it (a tuning set left out; a blind set is never read by it) and
    the reviewed documents' of before."""
    data = data or reviewed()
    stated, judged, documents = calibration_sets.draft_set(name, data.draft)
    kind = "tuning" if name in paths.TUNING_SETS else "blind"
    return Measured(f"{kind}: {name}", stated, _calibrated(judged, data.fitted(name), data.five_only()), documents)


def drafted_set(name: str, tagger: drafts.Tagger | None = None) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(the drafts of a labelled set's documents, drafted as a new document is, with their mentions' starts;
    its figure labels, out of scope ones included; its documents): what ``figure_model_evaluation`` learns from."""
    s = heldout.load(name)
    tagger = tagger or _tagger()
    frames = [_with_starts(drafts.draft_figures(calibration_sets.document(row), s.cleaned[row["doc_id"]], tagger))
              for row in s.catalogue.to_dict("records")]
    return pd.concat(frames, ignore_index=True), s.figures, len(s.catalogue)


def pooled(name: str, sets: list[Measured]) -> Measured:
    """Several measured sets as one (each judged as it was: a tuning set with the map fitted without it)."""
    return Measured(name, pd.concat([m.stated for m in sets], ignore_index=True),
                    pd.concat([m.drafts for m in sets], ignore_index=True), sum(m.documents for m in sets))


def measure_all() -> tuple[list[Measured], pd.DataFrame]:
    """Every set (reviewed LOO, sentences, each labelled set, the tuning sets pooled) and the per-document
    LOO table."""
    data = reviewed()
    loo, per_doc = reviewed_loo(data)
    sets = [loo]
    if sentences_path().is_file():
        sets.append(sentence_set(data.fitted(), before=data.five_only()))
    labelled = [held_out(name, data) for name in held_out_sets()]
    tuning = [m for m in labelled if m.name.startswith("tuning: ")]
    sets += labelled + ([pooled("tuning sets, each left out", tuning)] if tuning else [])
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
