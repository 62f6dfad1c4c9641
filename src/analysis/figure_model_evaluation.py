"""The learned reading of figures (``analysis.figure_model``) against the rules alone, measured on text it never saw.

- **leave one set out**: for each labelled tuning set (``paths.TUNING_SETS``, read through ``analysis.heldout``),
  the model is fitted on the other sets and its choices over the rules (``figure_model.choose``, each policy)
  are judged on the set left out, as ``analysis.figure_evaluation`` judges the rules (of the stated figures:
  indicator, scope, kind and all three right; a figure not drafted in scope is wrong); and pooled;
- **the reviewed documents**: the model fitted on every set (none of them is a reviewed document) chooses over
  the stored drafts of each reviewed document, judged against its curated figures.

``python -m analysis drafts quality --model`` prints both, with the time a fit and a document's drafting take.
"""

from __future__ import annotations

import time

import pandas as pd

from analysis import (
    calibration,
    calibration_sets,
    corpus,
    curation,
    draftfiles,
    figure_evaluation,
    figure_model,
    figures,
    heldout,
    paths,
)

__all__ = ["Fold", "folds", "loso_table", "reviewed_table", "FIELDS"]

FIELDS = ("indicator", "scope", "kind", "all three")


class Fold:
    """One set left out: its drafts, its stated labels, and the model's predictions for its numbers."""

    def __init__(self, name: str, drafted: pd.DataFrame, labels: pd.DataFrame, predicted: pd.DataFrame,
                 fit_seconds: float):
        self.name, self.drafted, self.labels, self.predicted, self.fit_seconds = name, drafted, labels, predicted, \
            fit_seconds

    def stated(self, policy: str | None, threshold: float = figure_model.THRESHOLD) -> pd.DataFrame:
        """The stated figures judged (``calibration.judge``): of the rules alone (``policy`` None), or with the model."""
        drafted = self.drafted if policy is None else figure_model.choose(self.drafted, self.predicted, policy, threshold)
        stated = self.labels[self.labels["indicator"] != figure_model.OUT_OF_SCOPE]
        return calibration.judge(drafted, calibration_sets.snap(stated, drafted))[0]


def _summary(stated: pd.DataFrame) -> dict:
    return {"stated": len(stated), "indicator": stated["indicator_right"].mean(), "scope": stated["scope_right"].mean(),
            "kind": stated["kind_right"].mean(), "all three": stated["all_right"].mean()}


def folds(names: tuple[str, ...] | list[str] | None = None, left_out: list[str] | None = None) -> list[Fold]:
    """The folds of leave one set out over ``names`` (the tuning sets there are), each set in ``left_out`` (all)
    measured once."""
    there = set(heldout.set_names())
    names = [n for n in (names or paths.TUNING_SETS) if n in there]
    tagger = figure_evaluation._tagger()
    drafted = {n: figure_evaluation.drafted_set(n, tagger)[:2] for n in names}
    examples = {n: figure_model.examples(d, calibration_sets.snap(labels, d)) for n, (d, labels) in drafted.items()}
    out = []
    for name in left_out or names:
        start = time.process_time()
        model = figure_model.FigureModel().fit(pd.concat([examples[n] for n in names if n != name], ignore_index=True))
        fit_seconds = time.process_time() - start
        out.append(Fold(name, drafted[name][0], drafted[name][1], model.predict(examples[name]), fit_seconds))
    return out


def loso_table(measured: list[Fold], policies=figure_model.POLICIES,
               threshold: float = figure_model.THRESHOLD) -> pd.DataFrame:
    """Per set left out and pooled: the rules alone and each policy (shares right of the stated figures)."""
    rows: list[dict] = []
    pooled: dict[str | None, list[pd.DataFrame]] = {}
    for fold in measured:
        for policy in (None, *policies):
            stated = fold.stated(policy, threshold)
            pooled.setdefault(policy, []).append(stated)
            rows.append({"set": fold.name, "drafter": policy or "rules", **_summary(stated)})
    for policy, parts in pooled.items():
        rows.append({"set": "pooled", "drafter": policy or "rules", **_summary(pd.concat(parts, ignore_index=True))})
    return pd.DataFrame(rows)


def reviewed_table(names: tuple[str, ...] | list[str] | None = None, policies=figure_model.POLICIES,
                   threshold: float = figure_model.THRESHOLD) -> tuple[pd.DataFrame, float]:
    """The reviewed documents (whose stored drafts no set holds), with the model fitted on every set: per document
    and pooled, the rules alone and each policy; and the seconds the model takes to choose over one document."""
    there = set(heldout.set_names())
    names = [n for n in (names or paths.TUNING_SETS) if n in there]
    tagger = figure_evaluation._tagger()
    train = []
    for n in names:
        d, labels, _ = figure_evaluation.drafted_set(n, tagger)
        train.append(figure_model.examples(d, calibration_sets.snap(labels, d)))
    model = figure_model.FigureModel().fit(pd.concat(train, ignore_index=True))
    reviewed = curation.reviewed_documents("figures")
    doc_ids = [d.doc_id for d in corpus.load_catalogue() if d.doc_id in reviewed]
    curated = figures.validate(extractor=False, quotes=False)
    curated = curated[~curated["implied"]]
    rows: list[dict] = []
    pooled: dict[str | None, list[pd.DataFrame]] = {}
    seconds: list[float] = []
    for doc_id in doc_ids:
        drafted = figure_evaluation._with_starts(draftfiles.read("figures", [doc_id]))
        gold = curated[curated["doc_id"] == doc_id]
        start = time.process_time()
        predicted = model.predict(figure_model.examples(drafted))
        seconds.append(time.process_time() - start)
        for policy in (None, *policies):
            chosen = drafted if policy is None else figure_model.choose(drafted, predicted, policy, threshold)
            stated = calibration.judge(chosen, gold)[0]
            pooled.setdefault(policy, []).append(stated)
            rows.append({"document": doc_id, "drafter": policy or "rules", **_summary(stated)})
    for policy, parts in pooled.items():
        rows.append({"document": "pooled", "drafter": policy or "rules", **_summary(pd.concat(parts, ignore_index=True))})
    return pd.DataFrame(rows), sum(seconds) / max(len(seconds), 1)
