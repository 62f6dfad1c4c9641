"""Which labelled clauses the automatic coder may train on (fifth round, issue 26): only tuning
sets declared in ``paths.TUNING_SETS``, never the set being measured, never an undeclared set."""

import pandas as pd
import pytest

from analysis import autocoder, coder_quality, heldout, instruments, paths


def _fw():
    return instruments.load_framework()


def _fake_sets(names):
    # two documents per set, one clause each: x-set_a-1-c001 (S_FUN), x-set_a-2-c001 (none); two, so
    # that holding out only the coded document would still train on its set
    frame = pd.DataFrame([{"clause_id": f"x-{n}-{i}-c001", "doc_id": f"x-{n}-{i}", "text": f"对{n}给予补助{i}。", "set": n}
                          for n in names for i in (1, 2)], columns=["clause_id", "doc_id", "text", "set"])
    gold = frame.assign(primary=["S_FUN", "none"] * len(names), secondary="")[
        ["clause_id", "doc_id", "primary", "secondary", "set"]]
    return frame, gold


def test_an_undeclared_set_is_refused_before_anything_is_read(monkeypatch):
    # set_l is the next blind set: not in paths.TUNING_SETS, so never trained on (nor opened here)
    assert "set_l" not in paths.TUNING_SETS
    monkeypatch.setattr(heldout, "clauses", lambda names: pytest.fail(f"read {names}"))
    with pytest.raises(ValueError, match="set_l"):
        autocoder.training_data(_fw(), tuning_sets=("set_a", "set_l"))


def test_the_production_coder_trains_on_the_reviewed_documents_only(monkeypatch):
    asked = []
    monkeypatch.setattr(heldout, "clauses", lambda names: asked.append(tuple(names)) or _fake_sets(names))
    training = autocoder.training_data(_fw())
    assert not training["doc_id"].str.startswith("x-").any()
    assert asked in ([], [()])
    # each reviewed document is its own fold, as leave-one-document-out has always held them out
    assert (training["fold"] == training["doc_id"]).all()


def test_a_tuning_set_is_one_fold_and_its_documents_are_coded_without_it(monkeypatch):
    monkeypatch.setattr(heldout, "clauses", _fake_sets)
    training = autocoder.training_data(_fw(), tuning_sets=("set_a", "set_b"))
    added = training[training["doc_id"].str.startswith("x-")]
    assert sorted(added["fold"].unique()) == ["set_a", "set_b"]
    assert len(added) == 4 and set(added["type"]) == {"supply", "none"}
    seen = []
    monkeypatch.setattr(autocoder, "fit", lambda rows, fw, calibrate=True: seen.append(set(rows["fold"])) or "model")
    monkeypatch.setattr(autocoder, "predict", lambda model, rows: rows.assign(primary="none", type="none"))
    autocoder._MODELS._save(type(autocoder._MODELS._memory)())  # an empty model cache
    autocoder.code(pd.DataFrame([{"clause_id": "x-set_a-1-c001", "doc_id": "x-set_a-1", "text": "对set_a给予补助1。"}]),
                   _fw(), training)
    assert seen and "set_a" not in seen[-1] and "set_b" in seen[-1]


def test_leave_one_set_out_never_trains_on_the_set_it_measures(monkeypatch):
    frame, gold = _fake_sets(["set_a", "set_b", "set_l"])
    gold["type"] = gold["primary"].map(_fw().type_of)
    monkeypatch.setattr(coder_quality, "heldout_clauses", lambda fw: (frame, gold))
    monkeypatch.setattr(heldout, "clauses", _fake_sets)
    trained = []
    monkeypatch.setattr(autocoder, "fit", lambda rows, fw, calibrate=True: trained.append(set(rows["fold"])) or "m")
    monkeypatch.setattr(autocoder, "predict", lambda model, rows: rows.assign(primary="none", type="none",
                                                                                confidence=None))
    table = coder_quality.leave_one_set_out(_fw())
    # measured: the declared sets present (set_l is not declared: neither measured here nor trained on)
    assert table["set"].tolist() == ["set_a", "set_b"]
    current, for_a, for_b = trained
    assert not current & {"set_a", "set_b", "set_l"}
    assert "set_a" not in for_a and "set_b" in for_a and "set_l" not in for_a
    assert "set_b" not in for_b and "set_a" in for_b and "set_l" not in for_b
