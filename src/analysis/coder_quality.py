"""How well the automatic instrument coder does on documents it has never seen: the labelled sets
(``analysis.heldout``: documents written and coded blind to the code), each tuning set coded by the
coder trained without it (leave one set out: the production coder trains on the reviewed documents
and the tuning sets, ``analysis.coder_training``), a blind set by the coder trained on all of them;
demand-side measures on their own; what training on the tuning sets gives against the reviewed
documents alone (``leave_one_set_out``); and the learning curve (agreement on the labelled sets
against the number of reviewed documents the coder was trained on).

Agreement is Cohen's kappa at the level of the policy-instrument type (supply, environment,
demand, none), as for leave-one-document-out (``autocoder.evaluate``).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from analysis import agreement, autocoder, heldout, paths

__all__ = ["heldout_clauses", "heldout_agreement", "demand_agreement", "by_set", "learning_curve",
           "leave_one_set_out", "report_lines"]


def heldout_clauses(framework) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(every clause of the held-out documents as the segmenter cuts them, their labels with
    ``type``). Empty frames when the project has no held-out set."""
    frame, gold = heldout.clauses(heldout.set_names())
    gold["type"] = gold["primary"].map(framework.type_of)
    return frame, gold


def _merge(gold: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    return gold[["clause_id", "doc_id", "set", "primary", "type"]].merge(
        coded[["clause_id", "primary", "type", "confidence"]].rename(
            columns={"primary": "primary_auto", "type": "type_auto"}), on="clause_id")


def demand_agreement(merged: pd.DataFrame) -> dict:
    """Demand-side measures on their own: kappa of demand / not demand, recall and precision."""
    gold, auto = merged["type"] == "demand", merged["type_auto"] == "demand"
    return {"clauses": int(gold.sum()), "drafted": int(auto.sum()),
            "recall": float((gold & auto).sum() / gold.sum()) if gold.any() else None,
            "precision": float((gold & auto).sum() / auto.sum()) if auto.any() else None,
            "kappa": agreement.cohen_kappa(gold, auto).value}


def heldout_agreement(framework, training: pd.DataFrame | None = None) -> dict:
    """The production coder on every labelled set (``autocoder.code``: a tuning set's documents by the
    coder trained without their set): pooled and per-set type kappa, agreement, demand-side on its own,
    and the merged rows. ``{}`` without a set."""
    frame, gold = heldout_clauses(framework)
    if frame.empty:
        return {}
    training = training if training is not None else autocoder.training_data(framework)
    merged = _merge(gold, autocoder.code(frame, framework, training))
    per_set = [{"set": name, "clauses": len(g), "type agreement": float((g["type"] == g["type_auto"]).mean()),
                "type kappa": agreement.cohen_kappa(g["type"], g["type_auto"]).value}
               for name, g in merged.groupby("set")]
    sets = training["fold"][training["fold"] != training["doc_id"]] if "fold" in training.columns else pd.Series(dtype=str)
    return {"clauses": len(merged), "trained on": int(training.loc[~training["doc_id"].isin(frame["doc_id"]),
                                                                  "doc_id"].nunique()),
            "tuning sets": sorted(set(sets)),
            "type agreement": float((merged["type"] == merged["type_auto"]).mean()),
            "type kappa": agreement.cohen_kappa(merged["type"], merged["type_auto"]).value,
            "per_set": pd.DataFrame(per_set), "demand": demand_agreement(merged), "rows": merged}


def learning_curve(framework, training: pd.DataFrame | None = None, max_fits: int = 10) -> pd.DataFrame:
    """Held-out type kappa against the number of reviewed documents trained on: for each size,
    the coder trained on every subset of that many documents (at most ``max_fits`` subsets,
    chosen in a fixed order), its mean, lowest and highest kappa."""
    frame, gold = heldout_clauses(framework)
    training = training if training is not None else autocoder.training_data(framework, tuning_sets=())
    docs = sorted(training["doc_id"].unique())
    rows: list[dict] = []
    if frame.empty:
        return pd.DataFrame(rows, columns=["documents", "fits", "mean kappa", "lowest", "highest"])
    for k in range(1, len(docs) + 1):
        kappas: list[float | None] = []
        for subset in itertools.islice(itertools.combinations(docs, k), max_fits):
            rows_k = training[training["doc_id"].isin(subset)]
            if rows_k["primary"].nunique() < 2:
                continue
            model = autocoder.fit(rows_k, framework, calibrate=False)
            merged = _merge(gold, autocoder.predict(model, frame))
            kappas.append(agreement.cohen_kappa(merged["type"], merged["type_auto"]).value)
        found = [k_ for k_ in kappas if k_ is not None]
        if found:
            rows.append({"documents": k, "fits": len(found), "mean kappa": float(np.mean(found)),
                         "lowest": float(min(found)), "highest": float(max(found))})
    return pd.DataFrame(rows, columns=["documents", "fits", "mean kappa", "lowest", "highest"])


_LOSO_COLUMNS = ["set", "clauses", "kappa, reviewed only", "kappa, with the other sets",
                 "demand recall, reviewed only", "demand recall, with the other sets",
                 "demand precision, reviewed only", "demand precision, with the other sets"]


def leave_one_set_out(framework, production: pd.DataFrame | None = None) -> pd.DataFrame:
    """Training on the tuning sets against the reviewed documents alone (ninth round), each measured on
    a set it never saw: for each tuning set (``paths.TUNING_SETS``) present, type kappa and demand-side
    recall and precision of the coder trained on the reviewed documents only and of the one trained on
    them and the other tuning sets (the production coder; ``production``: its merged rows from
    ``heldout_agreement``, else fitted here); then their mean over the sets, and the reviewed documents'
    leave-one-document-out kappa (pooled) of each. Codes only (no calibration)."""
    frame, gold = heldout_clauses(framework)
    reviewed = autocoder.training_data(framework, tuning_sets=())
    rows: list[dict] = []
    names = [n for n in paths.TUNING_SETS if n in set(frame["set"])]
    if not names:
        return pd.DataFrame(rows, columns=_LOSO_COLUMNS)
    current = autocoder.fit(reviewed, framework, calibrate=False)
    full = autocoder.training_data(framework, tuning_sets=tuple(names))
    for name in names:
        held = frame[frame["set"] == name]
        merged = [_merge(gold[gold["set"] == name], _coded(current, held))]
        if production is not None:
            merged.append(production[production["set"] == name])
        else:
            model = autocoder.fit(full[full["fold"] != name], framework, calibrate=False)
            merged.append(_merge(gold[gold["set"] == name], _coded(model, held)))
        rows.append({"set": name, "clauses": len(merged[0]), **_measures(merged)})
    table = pd.DataFrame(rows, columns=_LOSO_COLUMNS)
    mean = {"set": f"mean of the {len(names)} sets", "clauses": int(table["clauses"].sum()),
            **{c: float(table[c].mean()) for c in _LOSO_COLUMNS[2:]}}
    loo = {"set": "reviewed documents, leave one document out", "clauses": len(reviewed),
           "kappa, reviewed only": _leave_one_document_out(reviewed, framework),
           "kappa, with the other sets": _leave_one_document_out(full, framework)}
    return pd.concat([table, pd.DataFrame([mean, loo], columns=_LOSO_COLUMNS)], ignore_index=True)


def _coded(model, frame: pd.DataFrame) -> pd.DataFrame:
    return pd.concat([autocoder.predict(model, r) for _, r in frame.groupby("doc_id", sort=False)])


def _measures(merged: list[pd.DataFrame]) -> dict:
    out = {}
    for label, m in zip(("reviewed only", "with the other sets"), merged, strict=True):
        d = demand_agreement(m)
        out[f"kappa, {label}"] = agreement.cohen_kappa(m["type"], m["type_auto"]).value
        out[f"demand recall, {label}"], out[f"demand precision, {label}"] = d["recall"], d["precision"]
    return out


def _leave_one_document_out(training: pd.DataFrame, framework) -> float | None:
    """Pooled type kappa of the reviewed documents, each coded by the coder trained on the rest of
    ``training`` (``autocoder.evaluate`` without its calibration)."""
    own = training[training["fold"] == training["doc_id"]]
    parts = []
    for doc_id, held in own.groupby("doc_id", sort=False):
        model = autocoder.fit(training[training["fold"] != doc_id], framework, calibrate=False)
        parts.append(pd.DataFrame({"type": held["type"].to_numpy(),
                                   "type_auto": autocoder.predict(model, held)["type"].to_numpy()}))
    pooled = pd.concat(parts)
    return agreement.cohen_kappa(pooled["type"], pooled["type_auto"]).value


def by_set(merged: pd.DataFrame) -> pd.DataFrame:
    """Type agreement and kappa, and demand-side on its own, of each labelled set, then of the
    tuning sets together and of the blind ones together (``paths.TUNING_SETS``: a tuning set was read
    for error kinds, so its figure says how well those kinds were fixed; a blind set's is the honest
    measure on new text)."""
    rows = []
    status = merged["set"].map(lambda s: "tuning" if s in paths.TUNING_SETS else "blind")
    groups = [(name, g) for name, g in merged.groupby("set")]
    groups += [(f"{kind} sets together", merged[status == kind]) for kind in ("tuning", "blind")]
    for name, g in groups:
        if g.empty:
            continue
        d = demand_agreement(g)
        rows.append({"set": name, "status": ("tuning" if name in paths.TUNING_SETS else "blind")
                     if name.startswith("set_") else "", "clauses": len(g),
                     "type agreement": round(float((g["type"] == g["type_auto"]).mean()), 3),
                     "type kappa": _rounded(agreement.cohen_kappa(g["type"], g["type_auto"]).value, 3),
                     "demand clauses": d["clauses"],
                     "demand recall": _rounded(d["recall"], 2), "demand precision": _rounded(d["precision"], 2)})
    return pd.DataFrame(rows)


def report_lines(framework) -> list[str]:
    """What ``drafts quality`` prints of the coder: its agreement on each labelled set (tuning and
    blind sets apart), training on the tuning sets against the reviewed documents alone (leave one
    set out), and the learning curve."""
    h = heldout_agreement(framework)
    if not h:
        return ["instruments, held-out set: none in tests/fixtures/heldout/"]
    sets = h["tuning sets"]
    trained = f"{h['trained on']} reviewed documents" + (f" and {len(sets)} tuning sets, each tuning set coded by "
                                                          "the coder trained without it" if sets else "")
    loso = leave_one_set_out(framework, h["rows"]).round(3)
    curve = learning_curve(framework).round(3)
    return [f"instruments by labelled set (the coder trained on {trained}; a tuning set was read for error kinds, "
            "a blind set never was):",
            by_set(h["rows"]).to_string(index=False),
            "leave one set out (type kappa and demand side on each tuning set, of the coder trained on the reviewed "
            "documents only and on them and the other tuning sets; then the reviewed documents' leave one document "
            "out):",
            loso.to_string(index=False),
            "learning curve (type kappa on every labelled set by number of reviewed documents trained on):",
            curve.to_string(index=False)]


def _rounded(value: float | None, digits: int) -> float | None:
    """A measure rounded for a table; None (no case to measure on) stays None."""
    return None if value is None else round(float(value), digits)
