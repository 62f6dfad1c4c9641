"""The automatic instrument coder: the codebook's keywords and rules combined with a
supervised model trained on the consensus coding, measured on documents it has not seen.

Features (scikit-learn): character 1-2-grams of the clause (Chinese has no word breaks, and
character n-grams need no segmenter), the same n-grams of its whole paragraph with a
lower weight (a heading takes the code of the measure below it, codebook rule R1), the
keyword coder's score for each sub-tool (``analysis.keywordcoder``), the
codebook's no-measure patterns (responsibility lines, section headings, status reports),
the clause's form (length, digits, marks of the past, an enumeration mark, measure verbs), and
the genre's wording of each sub-tool and type (``analysis.policy_cues``).
Model: a linear support-vector classifier (one against the rest, C 0.5) over the sub-tools and
``none``, trained on the coded clauses (the reviewed documents' consensus and, at half weight, the
tuning sets' codes: ``analysis.coder_training``) and, with a low weight, on the codebook's own words
(a prior for every sub-tool, also one no reviewed document uses); the type follows from the
sub-tool. Then the codebook's rules R2-R8 by their ``check`` (``_codebook_rules``), and R1: a
heading (as ``analysis.measures`` defines it) takes the code most of its body's clauses get. Secondary
code: the runner-up sub-tool when the classifier also puts the clause on its side
(decision value above 0). Confidence: the chance that the code agrees with a human
consensus, from an isotonic regression of agreement on the margin of the final code (its
decision value minus the best other one: negative where a rule overrode the classifier),
fitted on the training's own held-out codes (its folds dealt into at most five groups,
``coder_training.calibration_folds``; scikit-learn's CalibratedClassifierCV cannot hold out by
document, and a class with a single clause breaks its folds); a fold's model in ``code`` takes the
calibrator of the model of all the training. Its calibration on unseen documents is reported by
``calibration``.

Chosen by leave-one-document-out on the five reviewed documents (docs/methods-strategies.md,
"The automatic coder"): character 1-2-grams did as well as 1-3-grams and jieba words and need
no segmenter; the SVC did as well as or better than logistic regression (type-level kappa 0.68 vs
0.64 on the features before issue 26) at a twentieth of the time; the cue features, the codebook
rows and rules R2-R8 together 0.677 -> 0.714; the clause's role in its document
(``analysis.clause_roles``: its frame, problems, outcomes and figures reported are none, targets
E_GOA, grants S_FUN, a recognition's steps E_STR; ``_role_rules``) 0.714 -> 0.763, and on the
held-out ``set_a`` + ``set_b``, read for error kinds and so tuning sets now, 0.502 -> 0.767; a third
round of clause roles (questions, a text's scope, audit findings, a recognition's listed conditions
and sanctions E_STR, money paid out S_FUN, a label line's measure below it: ``_label_rule``), read on all four
held-out sets (tuning sets now), 0.664 -> 0.792 on the four, the five unchanged; a fourth round, what
makes a clause a measure read from its form (``analysis.measure_form``, applied by
``analysis.coder_rules``: R1 after the rules, a duty or a government's act, shortfalls and views none,
assessing money E_STR, an act coded E_GOA without a target, land's 示范), read on all five held-out sets
(tuning sets now), 0.758 -> 0.815 on the five, leave one document out 0.763 -> 0.776; an eighth, public
purchase by its forms and a document's frame (``analysis.procurement``, ``analysis.frame_lines``), read on
set J, 0.487 -> 0.760 there (demand-side recall 0.09 -> 1.00), 0.741 -> 0.770 on all ten sets, 0.783 -> 0.787 LOO;
a ninth, training on the eleven tuning sets (``analysis.coder_training``), leave one set out 0.748 -> 0.772 (mean of
the eleven; ``set_k``, on which no rule was written, 0.501 -> 0.584), leave one document out 0.787 -> 0.811.

``code`` codes each document with a model that never saw it: a document of the training set
is coded by the model trained without its fold (a reviewed document: the other documents; a
tuning set's document: the other sets), any other document by the model trained on all of them. So ``coding="auto"`` on the reviewed documents
shows what a user gets on a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis import (
    clause_roles,
    coder_rules,
    coder_training,
    demand_side,
    keywordcoder,
    measures,
    policy_cues,
    procurement,
)
from analysis.cache import HashCache, key
from analysis.english_clauses import english_rule
from analysis.i18n import Text, columns
from analysis.instruments import NONE, Framework
from analysis.segments import paragraph_of

__all__ = ["Model", "fit", "predict", "code", "evaluate", "calibration", "training_data"]

CONTEXT_WEIGHT = 0.3
_GOAL = "E_GOA"  # the codebook's goal planning (R4)
_GRANT = "S_FUN"  # the codebook's funding (grants of public money)
_RECOGNITION = "E_STR"  # the codebook's strategic measures (R3: recognition and its steps)
SEED = 20261126
SVC_C = 0.5  # ninth round: 1.0 -> 0.5 with the tuning sets (leave one set out, docs/methods-strategies.md)


@dataclass
class Model:
    vectorizer: tuple  # (CountVectorizer, TfidfTransformer)
    classifier: Any  # a fitted LinearSVC
    classes: list[str]
    trained_on: frozenset  # clause ids of the training rows (the held-out test checks this)
    framework: Framework
    calibrator: Any = None  # margin -> chance of agreeing with the consensus


def _paragraph_matrix(frame: pd.DataFrame) -> tuple[sp.csr_matrix, np.ndarray]:
    """A (paragraphs x clauses) 0/1 matrix that sums clause rows into their paragraph, and each
    clause's paragraph row. The paragraph's n-gram counts are the sum of its clauses' counts,
    so the text is analysed once (a clause-by-clause context would be quadratic)."""
    keys = [paragraph_of(c) for c in frame["clause_id"]]
    position: dict[str, int] = {}
    which = np.array([position.setdefault(k, len(position)) for k in keys], dtype=int)
    matrix = sp.csr_matrix((np.ones(len(keys)), (which, np.arange(len(keys)))), shape=(len(position), len(keys)))
    return matrix, which


def _presence(texts: list[str], words: list[str]) -> np.ndarray:
    """(clauses x words) booleans: does the clause contain the word. One search of each word
    through all the texts joined, not one per clause and word (10x faster on a long document)."""
    joined = "\x00".join(texts)
    starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    found = np.zeros((len(texts), len(words)), dtype=bool)
    ends = np.append(starts[1:], len(joined) + 1)
    for j, word in enumerate(words):
        pos = joined.find(word)
        while pos != -1:
            i = int(np.searchsorted(starts, pos, side="right")) - 1
            found[i, j] = True
            pos = joined.find(word, int(ends[i]))  # presence only: go on from the next clause
    return found


def _keyword_features(frame: pd.DataFrame, framework) -> np.ndarray:
    texts = frame["text"].astype(str).tolist()
    feats = np.zeros((len(frame), len(framework.order) + 1))
    for j, code in enumerate(framework.order):
        keywords = framework.subtools[code]["keywords"]
        if keywords:
            feats[:, j] = _presence(texts, keywords) @ np.array([len(k) for k in keywords], dtype=float)
    feats[:, -1] = [float(len(t) < 6 or any(p.search(t) for p in keywordcoder.NO_MEASURE)) for t in texts]
    return np.log1p(feats)


# Verbs that state a measure in Chinese policy texts, and marks of a report of the past
# (status figures, outcomes): general features of the genre, not of any document.
_MEASURE_VERBS = ("支持", "鼓励", "推进", "加强", "建立", "完善", "推动", "加快", "引导", "实施", "开展", "设立", "提供",
                  "给予", "落实", "探索", "培育", "健全", "构建", "建设", "打造", "发挥", "搭建", "优化", "深化", "提升",
                  "创建", "争创", "制定", "出台", "力争", "要")
_PAST = re.compile(r"截至|截止|累计|已|了")
_DIGIT = re.compile(r"\d")
_ENUMERATED = re.compile(r"^[(（〔]?[一二三四五六七八九十\d]+[)）、.．]")


def _form_features(frame: pd.DataFrame) -> np.ndarray:
    texts = frame["text"].astype(str).tolist()
    verbs = _presence(texts, list(_MEASURE_VERBS)).sum(axis=1) / 3
    rows = [[len(t) / 50, float(bool(_DIGIT.search(t))), float(bool(_PAST.search(t))),
             float(bool(_ENUMERATED.match(t))), v, float(t.endswith("。")), float("责任单位" in t)]
            for t, v in zip(texts, verbs, strict=False)]
    return np.array(rows, dtype=float).reshape(len(texts), 7)


def _features(vectorizer, frame: pd.DataFrame, framework, fit: bool = False):
    counter, tfidf = vectorizer
    texts = frame["text"].astype(str).tolist()
    counts = counter.fit_transform(texts) if fit else counter.transform(texts)
    if fit:
        tfidf.fit(counts)
    summing, which = _paragraph_matrix(frame)
    context = tfidf.transform(summing @ counts)[which]
    return sp.hstack([tfidf.transform(counts), CONTEXT_WEIGHT * context,
                      sp.csr_matrix(_keyword_features(frame, framework)), sp.csr_matrix(_form_features(frame)),
                      sp.csr_matrix(policy_cues.cue_features(texts, framework))]).tocsr()


def _fit_classifier(training: pd.DataFrame, framework):
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
    from sklearn.svm import LinearSVC

    vectorizer = (CountVectorizer(analyzer="char", ngram_range=(1, 2), min_df=2),
                  TfidfTransformer(sublinear_tf=True))
    # the codebook's own words as a prior of low weight (analysis.policy_cues); a tuning set's clause
    # weighs less than a reviewed one (coder_training.TUNING_WEIGHT)
    kept = [c for c in ("clause_id", "doc_id", "text", "primary", "fold") if c in training.columns]
    rows = pd.concat([training[kept], policy_cues.codebook_rows(framework)], ignore_index=True)
    X = _features(vectorizer, rows, framework, fit=True)
    classifier = LinearSVC(C=SVC_C, random_state=SEED)
    classifier.fit(X, rows["primary"], sample_weight=coder_training.weights(rows, policy_cues.CODEBOOK_DOC,
                                                                            policy_cues.CODEBOOK_WEIGHT))
    return Model(vectorizer, classifier, list(classifier.classes_), frozenset(training["clause_id"]), framework)


def fit(training: pd.DataFrame, framework, calibrate: bool = True) -> Model:
    """Train on coded clauses (``clause_id``, ``doc_id``, ``text``, ``primary``; ``fold``, if
    given, ``_folds``); with two or more folds, calibrate the confidence on their
    leave-one-fold-out codes (at most ``coder_training.CALIBRATION_FOLDS`` folds)."""
    model = _fit_classifier(training, framework)
    folds = coder_training.calibration_folds(training)
    if calibrate and folds.nunique() >= 2:
        from sklearn.isotonic import IsotonicRegression

        margins, agree = [], []
        for fold in folds.unique():
            inner = _fit_classifier(training[folds != fold], framework)
            held = training[folds == fold]
            pred = predict(inner, held)
            margins.extend(pred["margin"])
            agree.extend(pred["primary"].to_numpy() == held["primary"].to_numpy())
        model.calibrator = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(margins, agree)
    return model


def predict(model: Model, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with ``primary``, ``secondary``, ``type``, ``margin`` (of the final code,
    ``_final_margin``) and ``confidence`` (calibrated; empty without a calibrator)."""
    fw = model.framework
    out = frame.drop(columns=[c for c in ("primary", "secondary", "type", "confidence", "margin")
                              if c in frame.columns]).copy()
    if frame.empty:
        return out.assign(primary=[], secondary=[], type=[], margin=[], confidence=[])
    scores = model.classifier.decision_function(_features(model.vectorizer, frame, fw))
    if scores.ndim == 1:  # two classes: one column, positive for the second
        scores = np.column_stack([-scores, scores])
    order = np.argsort(-scores, axis=1)
    rows = np.arange(len(frame))
    classes = np.array(model.classes)
    primary = classes[order[:, 0]].astype(object)
    primary = _codebook_rules(frame["text"].astype(str).tolist(), scores, classes, primary, fw)
    runner_up, runner_score = classes[order[:, 1]], scores[rows, order[:, 1]]
    secondary = np.array([s if (p != NONE and s not in (NONE, p) and v > 0) else ""
                          for p, s, v in zip(primary, runner_up, runner_score, strict=False)], dtype=object)
    # codebook rule R1: a heading takes the code of the measure(s) below it
    linked = measures.link_headings(frame.assign(primary=primary, secondary=secondary), fw)
    para = frame["clause_id"].map(paragraph_of).to_numpy()
    for i in np.flatnonzero(linked["heading"].to_numpy()).tolist():
        body = [primary[j] for j in np.flatnonzero(para == para[i]) if j != i and primary[j] != NONE]
        if body:
            primary[i] = max(set(body), key=lambda c: (body.count(c), -body.index(c)))
            secondary[i] = ""
    texts = frame["text"].astype(str).tolist()
    heading = linked["heading"].to_numpy()
    planned = clause_roles.planned(texts)
    for i, text in enumerate(texts):
        # the codebook's no-measure patterns (responsibility lines, section and category headings,
        # status reports), a clause too short to state a measure (特此通知。; as the keyword coder:
        # the codebook's keywords, short rows of its prior, must not make one a measure) and R1's
        # heading that names a target area (创业主体更加丰富) are none
        if len(text) < keywordcoder.SHORTEST_MEASURE \
                or any(p.search(text) for p in keywordcoder.NO_MEASURE if p is not keywordcoder.STATUS) \
                or (keywordcoder.STATUS.search(text) and not planned[i]) \
                or (heading[i] and _OUTCOME.search(text)):
            primary[i], secondary[i] = NONE, ""
    primary, secondary = _role_rules(frame["clause_id"].tolist(), texts, primary, secondary, fw)
    primary, secondary = demand_side.keyword_rule(texts, primary, secondary, fw)
    formed = primary == NONE  # a measure by its form only (measure_rule) may name a demand-side instrument
    primary = coder_rules.measure_rule(frame["clause_id"].tolist(), texts, scores, classes, primary)
    formed &= primary != NONE
    primary = coder_rules.assessment_rule(texts, primary)
    primary = coder_rules.goal_rule(frame["clause_id"].tolist(), texts, scores, classes, primary)
    primary = coder_rules.excused_demand_rule(texts, scores, classes, primary)
    primary, secondary = demand_side.structure_rule(frame["clause_id"].tolist(), texts, primary, secondary, scores,
                                                    classes)
    primary = english_rule(texts, primary, frame["clause_id"].tolist())  # a clause written in English
    primary = coder_rules.terms_rule(frame["clause_id"].tolist(), texts, primary)
    primary = demand_side.instrument_rule(frame["clause_id"].tolist(), texts, primary, formed)
    primary = procurement.service_rule(texts, primary)  # a service contracted out, or an assessment commissioned
    primary = demand_side.trade_rule(texts, primary)  # selling abroad is D_TRA, not D_OVE
    primary = coder_rules.continuation_rule(frame["clause_id"].tolist(), texts, primary)
    primary = coder_rules.finance_rule(texts, primary)  # also a continued grant's code (…，财政全额贴息)
    primary, secondary = _label_rule(frame["clause_id"].tolist(), texts, primary, secondary)
    primary, secondary = coder_rules.heading_rule(frame["clause_id"].tolist(), texts, primary, secondary, scores,
                                                  classes)
    primary, secondary = coder_rules.list_rule(frame["clause_id"].tolist(), texts, primary, secondary)
    primary = procurement.notice_rule(frame["clause_id"].tolist(), texts, primary, NONE)  # over every earlier code
    out["primary"] = primary
    out["secondary"] = secondary
    margin = _final_margin(scores, classes, primary)
    out["margin"] = np.round(margin, 4)
    out["confidence"] = (np.round(model.calibrator.predict(margin), 3) if model.calibrator is not None
                         else np.nan)
    out["type"] = out["primary"].map(fw.type_of)
    return out


def _role_rules(ids: list[str], texts: list[str], primary: np.ndarray, secondary: np.ndarray,
                fw) -> tuple[np.ndarray, np.ndarray]:
    """The clause's role in its document (``analysis.clause_roles``): its frame, problems, outcome
    phrases and status changes state no measure; a target's structure is E_GOA (R4) over any
    supply or environment code and over none; a grant's structure (对…给予) is S_FUN where the
    classifier reads none (a grant to a talent team stays S_TAL). Leave-one-document-out type
    kappa 0.714 -> 0.751 with the demand words below (docs/methods-strategies.md)."""
    primary, secondary = primary.copy(), secondary.copy()
    targets = clause_roles.target(ids, texts)
    asked = clause_roles.question(texts)
    framing = clause_roles.no_measure(ids, texts) | (clause_roles.reported_figure(texts) & ~targets) | asked
    reported = np.array([bool(keywordcoder.STATUS.search(t)) for t in texts], dtype=bool) & ~clause_roles.planned(texts)
    grant = clause_roles.grant(texts) & ~framing & ~reported  # 累计给予…: a report of grants made
    goal = targets & ~framing & ~grant  # a grant's cap is no target
    primary[framing], secondary[framing] = NONE, ""
    if _GOAL in fw.subtools:
        side = np.array([fw.type_of(c) for c in primary], dtype=object)
        primary[goal & (side != "demand")] = _GOAL
    # a heading pattern or a clause too short for a measure stays none (五、申报条件)
    headed = np.array([len(t) < keywordcoder.SHORTEST_MEASURE or any(
        p.search(t) for p in keywordcoder.NO_MEASURE if p is not keywordcoder.STATUS) for t in texts], dtype=bool)
    if _GRANT in fw.subtools:
        primary[grant & ~headed & (primary == NONE)] = _GRANT
        # money paid out, also as a figure or status reported (实际拨付1.08亿元); not a problem or the frame
        paid = clause_roles.disbursed(texts) & ~clause_roles.no_measure(ids, texts) & ~asked & ~headed
        primary[paid & (primary == NONE)] = _GRANT
    if _RECOGNITION in fw.subtools:
        # over any code: a demand-side keyword in the clause gives its code back below
        primary[clause_roles.procedure(texts) & ~framing & ~grant & ~headed] = _RECOGNITION
        # what follows its assessment (取消…资格, 限期整改), also reported; not a problem or the frame
        primary[clause_roles.sanction(texts) & ~clause_roles.no_measure(ids, texts) & ~asked & ~headed] = _RECOGNITION
        # the conditions of a recognition, listed under their heading or lead-in (R3)
        primary[clause_roles.conditions(ids, texts) & ~asked] = _RECOGNITION  # its headings are never marked
    return primary, secondary


def _label_rule(ids: list[str], texts: list[str], primary: np.ndarray, secondary: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """R1 for a label line of its own (✅房租补贴, ``clause_roles.label_heading``): the final code of
    the measure below it (so after the demand rule); the codebook's heading patterns (三、支持政策),
    the frame and a question stay none."""
    primary, secondary = primary.copy(), secondary.copy()
    below = clause_roles.label_heading(ids, texts)
    kept = np.array([any(p.search(t) for p in keywordcoder.NO_MEASURE) for t in texts], dtype=bool) \
        | clause_roles.no_measure(ids, texts) | clause_roles.question(texts)
    for i in np.flatnonzero((below >= 0) & ~kept).tolist():
        if primary[below[i]] != NONE:
            primary[i], secondary[i] = primary[below[i]], ""
    return primary, secondary


def _final_margin(scores: np.ndarray, classes: np.ndarray, primary: np.ndarray) -> np.ndarray:
    """Each clause's decision value for the code it ends with minus the best of the other codes:
    negative where a rule overrode the classifier, 0 for a code the classifier does not know."""
    index = {c: j for j, c in enumerate(classes)}
    out = np.zeros(len(primary))
    for i, code in enumerate(primary):
        j = index.get(code)
        if j is not None:
            out[i] = scores[i, j] - np.max(np.delete(scores[i], j))
    return out


def _codebook_rules(texts: list[str], scores: np.ndarray, classes: np.ndarray, primary: np.ndarray,
                    fw) -> np.ndarray:
    """The codebook's rules R2-R8 applied by their ``check`` (as ``analysis.codebook_rules`` lists
    a human coding's contradictions): a cue of a rule that ``expects`` a code (R4: principles
    and targets are E_GOA) gives that code; a cue of a rule that ``contradicts`` the classifier's
    code (R2: a measure for overseas people is not S_TAL) gives the best-scoring code the rule
    allows other than none (a rule says what a measure is not, never that it is none); ``unless``
    words make the rule not apply. A clause the classifier reads as no measure stays none (a
    target reported as met in a news report is no measure; and leave-one-document-out,
    measure-vs-none kappa 0.739 -> 0.747 with it). ``scores`` are the decision values, one
    column per class of ``classes``."""
    primary = primary.copy()
    for rule in fw.rules.values():
        for check in rule.get("check") or []:
            cues = [re.compile(c) for c in check.get("cues") or []]
            if not cues:
                continue
            unless = [re.compile(c) for c in check.get("unless") or []]
            against = check.get("contradicts") or {}
            banned = set(against.get("primary") or []) | set(against.get("any") or [])
            for i, text in enumerate(texts):
                if primary[i] == NONE or not any(c.search(text) for c in cues) or any(u.search(text) for u in unless):
                    continue
                if check.get("expects"):
                    primary[i] = check["expects"]
                elif primary[i] in banned:
                    # a rule says what a measure is not, never that it is none
                    allowed = [j for j in np.argsort(-scores[i]) if classes[j] not in banned and classes[j] != NONE]
                    primary[i] = classes[allowed[0]] if allowed else NONE
    return primary


# Codebook rule R1: a heading naming an outcome (创业主体更加丰富) names a target area, not a measure.
_OUTCOME = re.compile(r"更加|日益|不断(?:完善|优化|提升)|显著")

# the demand-side sub-tools decided by their words (``demand_side.keyword_rule``; its earlier tests name it here)
_demand_cues = demand_side.keyword_rule


def _folds(training: pd.DataFrame) -> pd.Series:
    return coder_training.folds(training)


def training_data(framework, all_clauses: pd.DataFrame | None = None,
                  tuning_sets: tuple[str, ...] | None = None) -> pd.DataFrame:
    """What the coder learns from (``coder_training.training_data``): the reviewed documents' consensus
    and the tuning sets' codes (``tuning_sets=()``: the reviewed documents alone)."""
    return coder_training.training_data(framework, all_clauses, tuning_sets)


_MODELS = HashCache(32)  # one model per training set (a leave-one-out fold of each reviewed document)


def _model(training: pd.DataFrame, framework, leave_out: str | None) -> Model:
    """The model trained on ``training`` without the fold ``leave_out`` (None: on all of it). A fold's
    model takes the confidence's calibrator of the model of all the training (fitted on its folds'
    held-out codes): calibrating each fold's model afresh was five more fits of it per fold."""
    rows = training[_folds(training) != leave_out] if leave_out else training
    hashed = [c for c in ("clause_id", "text", "primary", "fold") if c in rows.columns]
    k = key(pd.util.hash_pandas_object(rows[hashed], index=False).to_numpy().tobytes(),
            framework.path, framework.version)
    model = _MODELS.get(k)
    if model is None:
        model = fit(rows, framework, calibrate=leave_out is None)
        if leave_out is not None:
            model.calibrator = _model(training, framework, None).calibrator
        _MODELS.put(k, model)
    return model


def code(frame: pd.DataFrame, framework: Framework, training: pd.DataFrame) -> pd.DataFrame:
    """Code clauses, each document by a model that did not see it nor the rest of its fold (a
    tuning set's document: its whole set), trained on ``training`` (``training_data``). Without a
    training set (no reviewed document yet) the keyword coder codes everything."""
    if training.empty or training["primary"].nunique() < 2:
        return keywordcoder.code(frame, framework)
    parts = []
    fold_of = dict(zip(training["doc_id"], _folds(training), strict=False))
    models: dict[str | None, Model] = {}  # one look-up (a hash of the training rows) per fold, not per document
    for doc_id, rows in frame.groupby("doc_id", sort=False):
        held_out = fold_of.get(doc_id)
        if held_out not in models:
            models[held_out] = _model(training, framework, held_out)
        parts.append(predict(models[held_out], rows))
    return pd.concat(parts).loc[frame.index] if parts else frame.assign(primary=[], secondary=[], type=[],
                                                                            confidence=[])


def evaluate(training: pd.DataFrame, framework) -> tuple[pd.DataFrame, dict]:
    """Leave-one-document-out: each reviewed document coded by a model trained on the rest of
    ``training`` only (the other reviewed documents and the tuning sets).
    Returns the held-out predictions (with ``primary_consensus``, ``type_consensus``) and the
    clause ids each fold trained on (``{held-out doc: frozenset}``)."""
    folds, parts = {}, []
    own = _folds(training) == training["doc_id"]  # a reviewed document (a tuning set's are held out by set)
    for doc_id in training.loc[own, "doc_id"].unique():
        model = fit(training[_folds(training) != doc_id], framework)
        folds[doc_id] = model.trained_on
        held = training[training["doc_id"] == doc_id]
        pred = predict(model, held)
        pred["primary_consensus"] = held["primary"].values
        pred["type_consensus"] = held["type"].values
        parts.append(pred)
    return pd.concat(parts, ignore_index=True), folds


def calibration(held_out: pd.DataFrame, bins=(0.0, 0.5, 0.8, 1.0001)) -> pd.DataFrame:
    """How often codes of each confidence band agree with the consensus, held out."""
    band = pd.cut(held_out["confidence"], bins=list(bins), right=False,
                  labels=[f"{lo:.1f}–{min(hi, 1):.1f}" for lo, hi in zip(bins[:-1], bins[1:], strict=False)])
    agree_sub = held_out["primary"] == held_out["primary_consensus"]
    agree_type = held_out["type"] == held_out["type_consensus"]
    g = pd.DataFrame({"band": band, "sub": agree_sub, "type": agree_type, "conf": held_out["confidence"]}).groupby(
        "band", observed=False)
    return pd.DataFrame({"clauses": g.size(), "mean confidence": g["conf"].mean(),
                         "sub-tool agrees": g["sub"].mean(), "type agrees": g["type"].mean()})


def errors(held_out: pd.DataFrame, framework, lang: str = "en", top: int = 8) -> pd.DataFrame:
    """What the coder gets wrong, held out: the most frequent (consensus -> automatic) sub-tool
    confusions, with counts and an example clause."""
    wrong = held_out[held_out["primary"] != held_out["primary_consensus"]]
    if wrong.empty:
        return pd.DataFrame(columns=["consensus", "automatic", "clauses", "example"])
    g = wrong.groupby(["primary_consensus", "primary"], sort=False)
    out = pd.DataFrame({"clauses": g.size(), "example": g["clause_id"].first()}).reset_index()
    out = out.sort_values(["clauses", "primary_consensus"], ascending=[False, True]).head(top).reset_index(drop=True)
    texts = held_out.set_index("clause_id")["text"]
    return columns(pd.DataFrame({"consensus": out["primary_consensus"].map(lambda c: framework.label(c, lang)),
                         "automatic": out["primary"].map(lambda c: framework.label(c, lang)),
                         "clauses": out["clauses"].to_numpy(),
                         "example": [f"{c}: {texts[c][:60]}" for c in out["example"]]}), lang)


def keyword_text(kappa, lang: str = "en") -> str:
    """The keyword coder's agreement with the consensus, in-sample, as a sentence."""
    if kappa.value is None:
        return Text(f"Keyword coder alone (in-sample): type-level κ not defined ({kappa.reason}).",
                    f"仅用关键词编码(样本内):类型层级κ无定义({kappa.reason})。")(lang)
    return Text(f"Keyword coder alone (in-sample, no held-out data needed): type-level κ {kappa.value:.2f}.",
                f"仅用关键词编码(样本内,无需留出数据):类型层级κ为{kappa.value:.2f}。")(lang)
