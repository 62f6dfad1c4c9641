"""Confidence that means what it says: the share of drafts found right, by their evidence.

A drafted figure's evidence (``analysis.counting``: how its counted noun, level, kind and
year were found, and what may have misled the reading, e.g. ``object|own|cue|text|broken``) gives it a *score*, the product of a prior for
each part (``PRIOR``). The score orders drafts from surer to less sure; what a score is worth
is measured: on the documents a person has reviewed, each draft is right or wrong (indicator,
scope and kind as curated; a draft of a mention the curators left out of scope is wrong), and
an isotonic regression of right on score (scikit-learn), with one right and one wrong pseudo-
observation per distinct score so that a handful of drafts cannot promise certainty, maps a
score to the share right (``fit``, ``Calibration``).

That map, fitted on the five reviewed documents (~96 drafts), was the production calibration until
the eleventh round; it is now the fallback where the labelled sets are not there (a copy without
``tests/``). The production map is ``EvidenceModel``: a logistic regression of right on the parts of
the evidence themselves (how, level, kind, year, each caveat: one weight each, learnt rather than a
product of hand-set priors), fitted on the judged drafts of the reviewed documents and of the tuning
sets (``paths.TUNING_SETS``, ``analysis.calibration_sets``), ~2,300 drafts. Measured leave one set out
(each tuning set judged with a model fitted without it, each reviewed document with one fitted without
it: ``analysis.figure_evaluation``), it states more and is closer to the share right than the isotonic
map of the scores on the same data (docs/drafts-and-review.md, "Calibration on more data").
Either way a draft reaches ``HIGH`` only when ``may_be_high``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["PRIOR", "score", "Calibration", "fit", "reliability", "judge", "fit_on", "may_be_high", "confidence",
           "HIGH", "EvidenceModel", "features", "fit_evidence", "brier"]

# a prior for each part of the evidence (the order, not the value, is what the fit keeps)
PRIOR = {
    "how": {"object": 0.95, "subject": 0.9, "subset": 0.9, "umbrella": 0.85, "predicate": 0.7, "nearest": 0.6, "rule_money": 0.6,
            "none": 0.0},
    "level": {"own": 0.98, "distributed": 0.95, "rule_recipient": 0.9, "region": 0.88, "none": 0.85, "phrase": 0.8, "payer": 0.8, "total": 0.85,
              "document": 0.8,
              "inherited": 0.75},
    "kind": {"cue": 0.97, "unit": 0.95, "year": 0.9, "extractor": 0.9, "column": 0.9, "section": 0.8, "default": 0.75},
    "year": {"text": 1.0, "period": 0.95, "document": 0.92},
}


HIGH = 0.8  # a confident draft: the reports' default curation uses drafts from here up
# the parts of the evidence a confident draft needs, all of them: the counted noun read from the clause's structure,
# a level or the whole region written in the text, a kind cue in the clause; one inference is enough to be wrong on
# text of a kind the reviewed documents do not show, so a draft that rests on one stays below HIGH whatever the fit
_HIGH_HOW = ("object", "subject", "subset", "umbrella")
_HIGH_LEVEL = ("own", "distributed", "rule_recipient", "region")
_HIGH_KIND = ("cue",)


def may_be_high(evidence: str) -> bool:
    """Whether a draft with this evidence may reach ``HIGH``: independent cues that agree (above), and no
    caveat (the evidence's fifth part, ``analysis.counting``: a clause cut by a line break or a table cell,
    ``analysis.text_shape``; a kind read from a status word that also states targets, 累计 or 建成)."""
    how, level, kind, _, caveats = (evidence.split("|") + [""] * 5)[:5]
    return how in _HIGH_HOW and level in _HIGH_LEVEL and kind in _HIGH_KIND and not caveats


def confidence(fitted: Calibration | EvidenceModel, scores, evidence) -> np.ndarray:
    """The calibrated confidence of drafts: the fit's share right, held below ``HIGH`` for a draft whose evidence
    lacks one of the cues a confident draft needs (``may_be_high``)."""
    out = fitted.predict(scores, evidence)
    allowed = np.array([may_be_high(str(e)) for e in evidence], dtype=bool)
    return np.where(allowed, out, np.minimum(out, round(HIGH - 0.01, 2)))


def score(evidence: str) -> float:
    """The prior score of an evidence string ``how|level|kind|year`` (0 for no indicator)."""
    parts = evidence.split("|")
    value = 1.0
    for table, part in zip(PRIOR.values(), parts, strict=False):
        value *= table.get(part, 0.5)
    return round(value, 4)


@dataclass
class Calibration:
    """A monotone map from score to the share right (step function at ``x`` → ``y``)."""

    x: list[float]
    y: list[float]
    n: int  # drafts it was fitted on

    def __call__(self, scores) -> np.ndarray:
        s = np.asarray(scores, dtype=float)
        if not self.x:
            return s
        out = np.interp(s, self.x, self.y)
        return np.where(s <= 0, 0.0, np.round(out, 3))

    def predict(self, scores, evidence) -> np.ndarray:
        """The share right of drafts of these scores (their evidence is read only through its score)."""
        return self(scores)


def fit(scores, right, pseudo: float = 1.0) -> Calibration:
    """Isotonic regression of ``right`` (0/1) on ``scores``, with ``pseudo`` right and wrong
    pseudo-observations at each distinct score (a Beta(1, 1) prior for each step)."""
    from sklearn.isotonic import IsotonicRegression  # scikit-learn is slow to import; only a fit needs it

    s = np.asarray(scores, dtype=float)
    r = np.asarray(right, dtype=float)
    keep = s > 0
    s, r = s[keep], r[keep]
    if len(s) == 0:
        return Calibration([], [], 0)
    levels = np.unique(s)
    xs = np.concatenate([s, levels, levels])
    ys = np.concatenate([r, np.ones(len(levels)), np.zeros(len(levels))])
    ws = np.concatenate([np.ones(len(s)), np.full(len(levels), pseudo), np.full(len(levels), pseudo)])
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip")
    iso.fit(xs, ys, sample_weight=ws)
    return Calibration([float(v) for v in levels], [float(v) for v in iso.predict(levels)], int(len(s)))


BINS = ((0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.5, 0.6), (0.0, 0.5))


def reliability(confidence, right) -> list[dict]:
    """Per confidence bin: drafts, their mean stated confidence and the share right."""
    c = np.asarray(confidence, dtype=float)
    r = np.asarray(right, dtype=float)
    rows = []
    for low, high in BINS:
        mask = (c >= low) & (c < high) & (c > 0)
        rows.append({"confidence": f"{low:.1f}-{min(high, 1.0):.1f}", "low": low, "n": int(mask.sum()),
                     "stated": float(c[mask].mean()) if mask.any() else float("nan"),
                     "right": float(r[mask].mean()) if mask.any() else float("nan")})
    return rows


# --- what "right" means for a figure draft ---------------------------------------------------------
STATUS_KINDS = {"baseline": "actual"}  # a baseline is a status figure read against a later target


def judge(drafted: pd.DataFrame, gold: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Drafts against labelled figures of the same documents, matched by document and the
    mention's start in the cleaned text (``mention_start`` in both).

    Returns (stated, drafts): one row per labelled figure (``found``: drafted in scope at its
    mention; ``indicator``, ``scope``, ``kind``, ``all three``: right, a figure not found being
    wrong), and one row per in-scope draft (``right``: a labelled figure at its mention with the
    same indicator, scope and kind; a draft where the labels have no figure is wrong)."""
    key = ["doc_id", "mention_start"]
    d = drafted[drafted["out_of_scope_reason"].fillna("") == ""][key + ["indicator", "scope", "kind", "evidence"] +
                                                                  (["confidence"] if "confidence" in drafted else [])]
    g = gold[key + ["indicator", "scope", "kind"]]
    stated = g.merge(d.drop_duplicates(key), on=key, how="left", suffixes=("", "_draft"))
    stated["found"] = stated["indicator_draft"].notna()
    for col in ("indicator", "scope"):
        stated[col + "_right"] = stated["found"] & (stated[col] == stated[col + "_draft"])
    stated["kind_right"] = stated["found"] & (stated["kind"].replace(STATUS_KINDS) ==
                                              stated["kind_draft"].replace(STATUS_KINDS))
    stated["all_right"] = stated["indicator_right"] & stated["scope_right"] & stated["kind_right"]
    # a draft is right when any labelled figure at its mention (国家、省…分别: two) agrees on all three
    pairs = d.reset_index().merge(g, on=key, how="left", suffixes=("", "_gold"))
    pairs["right"] = ((pairs["indicator"] == pairs["indicator_gold"]) & (pairs["scope"] == pairs["scope_gold"])
                      & (pairs["kind"].replace(STATUS_KINDS) == pairs["kind_gold"].fillna("").replace(STATUS_KINDS)))
    drafts = d.assign(right=pairs.groupby("index")["right"].any().reindex(d.index).fillna(False).astype(bool).to_numpy(),
                      labelled=pairs.groupby("index")["indicator_gold"].apply(lambda x: x.notna().any())
                      .reindex(d.index).to_numpy())
    drafts["score"] = [score(e) for e in drafts["evidence"]]
    return stated, drafts


def fit_on(drafts: pd.DataFrame) -> Calibration:
    """The calibration fitted on judged drafts (``judge``'s second frame)."""
    return fit(drafts["score"], drafts["right"])


# --- the production map: a weight for each part of the evidence ----------------------------------
def features(evidence: str) -> list[str]:
    """The parts of an evidence string as the model reads them: ``how=…``, ``level=…``, ``kind=…``,
    ``year=…`` and one ``caveat=…`` per caveat (``subject|own|cue|text|broken+cell``: six)."""
    how, level, kind, year, caveats = (str(evidence).split("|") + [""] * 5)[:5]
    return [f"how={how}", f"level={level}", f"kind={kind}", f"year={year}"] + \
        [f"caveat={c}" for c in caveats.split("+") if c]


@dataclass
class EvidenceModel:
    """The share right of a draft from its evidence: ``1 / (1 + exp(-(intercept + Σ weights of its parts)))``.
    A part the model never saw weighs nothing (a new caveat keeps a draft below ``HIGH`` anyway)."""

    weights: dict[str, float]
    intercept: float
    n: int  # drafts it was fitted on

    def predict(self, scores, evidence) -> np.ndarray:
        s = np.asarray(scores, dtype=float)
        z = np.array([self.intercept + sum(self.weights.get(f, 0.0) for f in features(e)) for e in evidence],
                     dtype=float)
        return np.where(s <= 0, 0.0, np.round(1.0 / (1.0 + np.exp(-z)), 3)) if len(s) else np.zeros(0)


# L2 penalty of the logistic regression (scikit-learn's C, the inverse of its strength): 0.1 to 3 gave 238 to 258
# confident drafts, 98% right, leave one set out (docs/drafts-and-review.md); 1, the library's default, is kept
PENALTY_C = 1.0


def fit_evidence(drafts: pd.DataFrame) -> EvidenceModel:
    """The logistic regression of ``right`` on the parts of ``evidence`` (``judge``'s second frame; a draft of
    no indicator, score 0, left out), L2-penalised so that a part seen a few times moves little."""
    from sklearn.feature_extraction import DictVectorizer  # scikit-learn is slow to import; only a fit needs it
    from sklearn.linear_model import LogisticRegression

    keep = drafts[np.asarray(drafts["score"], dtype=float) > 0]
    right = keep["right"].astype(int).to_numpy()
    if len(keep) == 0 or right.min() == right.max():
        return EvidenceModel({}, 0.0 if len(keep) == 0 else (4.0 if right.min() else -4.0), int(len(keep)))
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(features(e), 1) for e in keep["evidence"]])
    model = LogisticRegression(C=PENALTY_C, max_iter=2000).fit(x, right)
    weights = {name: float(w) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)}
    return EvidenceModel(weights, float(model.intercept_[0]), int(len(keep)))


def brier(confidence, right) -> float:
    """The mean squared gap between a stated confidence and right (1) or wrong (0): lower is better."""
    c = np.asarray(confidence, dtype=float)
    return float(np.mean((c - np.asarray(right, dtype=float)) ** 2)) if len(c) else float("nan")
