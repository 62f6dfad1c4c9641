"""A learned reading of what a stated figure counts, on top of the rules (issue 26): an experiment.

The rules (``analysis.counting`` and the modules after it) draft each number's indicator, scope and kind.
This model learns the curators' answers from the labelled tuning sets (``paths.TUNING_SETS``), given what
the rules found and the text around the number:

- the rules' own answer (indicator, scope, kind), the parts of their evidence (how the counted noun was
  found, where the level came from, the kind cue, the year, the caveats), the unit and the rules' reason
  for leaving a number out of scope;
- character n-grams (scikit-learn's ``TfidfVectorizer``) of the clause before the number, of its last
  twelve characters (where the counted noun and the level word usually stand), of the words after it
  and of the mention itself (家, 万元, 名, 期).

Three logistic regressions (indicator, with ``out_of_scope`` a class like any other; scope and kind, fitted
on the numbers the labels count) give a probability for each answer. ``choose`` puts the model's answers
over the rules' where it is sure (``THRESHOLD``) by a policy (``POLICIES``): measured leave one set out
(``analysis.figure_evaluation.model_loso``), the model does not win clearly, so the drafter does not use it
(``python -m analysis drafts quality --model`` prints the measurement).

Why it cannot learn much: the rules were written on the errors of sets a to j, so on those sets the rules'
answer is right about nine times in ten and the model learns to copy it; on a set the rules were not written
on (set_k) the rules are right half the time, and what they miss is of kinds the other sets do not show.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["examples", "FigureModel", "choose", "POLICIES", "THRESHOLD", "OUT_OF_SCOPE", "MODEL_REASON"]

OUT_OF_SCOPE = "out_of_scope"  # the curators' label of a number that counts nothing in the codebook
MODEL_REASON = "the model: no indicator"  # the out-of-scope reason of a number the model says counts nothing
THRESHOLD = 0.6  # the model's probability from which its answer is put over the rules'
POLICIES = ("model", "rules_first", "fields", "where_weak")
# the rules' evidence that says a field was not read from the text: no counted noun, no level word, no kind cue
_WEAK = {"how": ("none",), "level": ("none",), "kind": ("default", "extractor")}
_LEFT, _NEAR, _RIGHT = 40, 12, 12  # characters of the clause before the number, of those next to it, after it
_RULE_PARTS = ["rule_indicator", "rule_scope", "rule_kind", "how", "level", "kind_cue", "year_cue", "caveats", "unit",
               "rule_reason"]


def examples(drafted: pd.DataFrame, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per drafted number (``drafts.draft_figures`` with ``mention_start``): what the rules found and
    the text around it; with ``gold`` (labels of the same documents, ``doc_id``, ``mention_start``, ``indicator``,
    ``scope``, ``kind``), the curators' answer (``gold_indicator``; a number no label is at: out of scope)."""
    rows = []
    for r in drafted.itertuples():
        at = int(r.mention_start) - int(r.quote_start)
        quote = str(r.quote)
        left = quote[max(0, at - _LEFT):at] if 0 <= at <= len(quote) else ""
        right = quote[at + len(str(r.mention)):][:_RIGHT] if 0 <= at <= len(quote) else ""
        how, level, kind_cue, year_cue, caveats = (str(r.evidence).split("|") + [""] * 5)[:5]
        reason = str(r.out_of_scope_reason or "")
        rows.append({"doc_id": r.doc_id, "mention_start": int(r.mention_start),
                     "rule_indicator": r.indicator or "-", "rule_scope": r.scope if r.indicator else "-",
                     "rule_kind": r.kind, "how": how, "level": level, "kind_cue": kind_cue, "year_cue": year_cue,
                     "caveats": caveats or "-", "unit": str(r.unit or "-"),
                     "rule_reason": reason.split(" ")[0] if reason else "-",
                     "left": left, "near": left[-_NEAR:], "right": right, "mention": str(r.mention)})
    out = pd.DataFrame(rows, columns=["doc_id", "mention_start"] + _RULE_PARTS + ["left", "near", "right", "mention"])
    if gold is None:
        return out
    labels = gold.drop_duplicates(["doc_id", "mention_start"])[["doc_id", "mention_start", "indicator", "scope", "kind"]]
    labels = labels.rename(columns={"indicator": "gold_indicator", "scope": "gold_scope", "kind": "gold_kind"})
    out = out.merge(labels, on=["doc_id", "mention_start"], how="left")
    out["gold_indicator"] = out["gold_indicator"].fillna(OUT_OF_SCOPE)
    return out.fillna({"gold_scope": "", "gold_kind": ""})


@dataclass
class FigureModel:
    """The three classifiers and the features they read (``fit`` then ``predict``)."""

    c: float = 1.0  # the inverse of the regularisation's strength (scikit-learn's ``C``)
    parts: dict = field(default_factory=dict)

    def _features(self, frame: pd.DataFrame, fit: bool = False):
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.preprocessing import OneHotEncoder

        if fit:
            self.parts = {"rules": OneHotEncoder(handle_unknown="ignore").fit(frame[_RULE_PARTS])}
            for col, grams in (("left", (1, 3)), ("near", (1, 3)), ("right", (1, 2)), ("mention", (1, 2))):
                vectorizer = TfidfVectorizer(analyzer="char", ngram_range=grams, min_df=3, max_features=4000,
                                             sublinear_tf=True)
                try:
                    self.parts[col] = vectorizer.fit(frame[col])
                except ValueError:  # no n-gram in three examples (every number ends its clause): no such block
                    pass
        # the rules' answer weighs twice a block of text; the words after the number and the mention half
        weights = {"rules": 2.0, "left": 1.0, "near": 1.0, "right": 0.5, "mention": 0.5}
        return sparse.hstack([self.parts[p].transform(frame[_RULE_PARTS] if p == "rules" else frame[p]) * w
                              for p, w in weights.items() if p in self.parts]).tocsr()

    def fit(self, train: pd.DataFrame) -> FigureModel:
        """Fitted on ``examples`` with their gold answers."""
        from sklearn.linear_model import LogisticRegression  # scikit-learn is slow to import; only a fit needs it

        x = self._features(train, fit=True)
        counted = (train["gold_indicator"] != OUT_OF_SCOPE).to_numpy()
        self.indicator = LogisticRegression(C=self.c, max_iter=300, tol=1e-3).fit(x, train["gold_indicator"])
        self.scope = LogisticRegression(C=self.c, max_iter=300, tol=1e-3).fit(x[counted], train["gold_scope"][counted])
        self.kind = LogisticRegression(C=self.c, max_iter=300, tol=1e-3).fit(x[counted], train["gold_kind"][counted])
        return self

    def predict(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Each field's most probable answer and its probability (``indicator``, ``p_indicator`` …)."""
        x = self._features(frame)
        out = {}
        for name in ("indicator", "scope", "kind"):
            clf = getattr(self, name)
            p = clf.predict_proba(x)
            out[name], out["p_" + name] = clf.classes_[p.argmax(1)], p.max(1)
        return pd.DataFrame(out, index=frame.index)


def choose(drafted: pd.DataFrame, predicted: pd.DataFrame, policy: str = "rules_first",
           threshold: float = THRESHOLD) -> pd.DataFrame:
    """The drafts with the model's answers put over the rules' where its probability is ``threshold`` or more:

    - ``model``: every field, out of scope included (the model alone where it is sure);
    - ``rules_first``: the indicator only where the rules found none and the model names one; scope and kind
      wherever the model is sure (the rules' indicator is their strongest part);
    - ``fields``: scope and kind only, the rules' indicator kept;
    - ``where_weak``: each field only where the rules' evidence says they did not read it from the text (no
      indicator; level ``none``, the scope ``all`` by default; kind ``default`` or ``extractor``).

    A draft the model changed says so in its evidence (a sixth part, ``model``) and its note."""
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}: one of {', '.join(POLICIES)}")
    out = drafted.copy()
    p = predicted.set_axis(drafted.index)
    sure = {f: np.array(p["p_" + f] >= threshold, dtype=bool) for f in ("indicator", "scope", "kind")}
    rules_none = (out["indicator"].fillna("") == "").to_numpy()
    model_counts = (p["indicator"] != OUT_OF_SCOPE).to_numpy()
    parts = [(str(e).split("|") + [""] * 3)[:3] for e in out["evidence"]]
    if policy == "where_weak":
        # a number the rules left out of scope has no level or kind of theirs to keep
        sure["scope"] &= np.array([none or e[1] in _WEAK["level"] for none, e in zip(rules_none, parts, strict=True)])
        sure["kind"] &= np.array([none or e[2] in _WEAK["kind"] for none, e in zip(rules_none, parts, strict=True)])
    if policy == "model":
        take_indicator = sure["indicator"]
    elif policy in ("rules_first", "where_weak"):
        take_indicator = sure["indicator"] & rules_none & model_counts
    else:
        take_indicator = np.zeros(len(out), dtype=bool)
    new_indicator = np.where(take_indicator, np.where(model_counts, p["indicator"], ""), out["indicator"].fillna(""))
    counted = new_indicator != ""
    new_scope = np.where(sure["scope"] & counted, p["scope"], out["scope"])
    new_kind = np.where(sure["kind"] & counted, p["kind"], out["kind"])
    changed = ((new_indicator != out["indicator"].fillna("").to_numpy()) | (new_scope != out["scope"].to_numpy())
               | (new_kind != out["kind"].to_numpy()))
    reason = out["out_of_scope_reason"].fillna("").to_numpy()
    reason = np.where(take_indicator & ~model_counts, MODEL_REASON, np.where(take_indicator & model_counts, "", reason))
    out["indicator"], out["scope"], out["kind"], out["out_of_scope_reason"] = new_indicator, new_scope, new_kind, reason
    out["evidence"] = [_marked(e) if c else e for e, c in zip(out["evidence"], changed, strict=True)]
    out["note"] = [n + "; the model chose" if c else n for n, c in zip(out["note"].fillna(""), changed, strict=True)]
    return out


def _marked(evidence: str) -> str:
    """The evidence ``how|level|kind|year|caveats`` with a sixth part: ``model``, the model chose a field."""
    return "|".join((str(evidence).split("|") + [""] * 5)[:5] + ["model"])
