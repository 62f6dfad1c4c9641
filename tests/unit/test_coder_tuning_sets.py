"""Which labelled clauses the automatic coder may train on (fifth and ninth rounds, issue 26): only
tuning sets declared in ``paths.TUNING_SETS`` (every one of them by default since the ninth round),
never the set being measured, never an undeclared set."""

import dataclasses
import warnings
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis import autocoder, coder_quality, coder_training, heldout, instruments, paths


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


def test_the_production_coder_trains_on_the_reviewed_documents_and_every_declared_set(monkeypatch):
    asked = []
    monkeypatch.setattr(heldout, "clauses", lambda names: asked.append(tuple(names)) or _fake_sets(names))
    training = autocoder.training_data(_fw())
    assert asked == [paths.TUNING_SETS]  # the declared sets, by name: never every folder (set_l is not one)
    added = training[training["doc_id"].str.startswith("x-")]
    assert sorted(added["fold"].unique()) == sorted(paths.TUNING_SETS)
    # each reviewed document is its own fold, as leave-one-document-out has always held them out
    own = training[~training["doc_id"].str.startswith("x-")]
    assert len(own) and (own["fold"] == own["doc_id"]).all()


def test_no_tuning_set_asked_gives_the_reviewed_documents_alone(monkeypatch):
    monkeypatch.setattr(heldout, "clauses", _fake_sets)
    training = autocoder.training_data(_fw(), tuning_sets=())
    assert not training["doc_id"].str.startswith("x-").any()
    assert (training["fold"] == training["doc_id"]).all()


def test_without_the_sets_folder_the_coder_trains_on_the_reviewed_documents_and_says_so_once(monkeypatch):
    # a copy of the project without its tests: heldout.clauses finds no set
    monkeypatch.setattr(heldout, "clauses", lambda names: _fake_sets([]))
    monkeypatch.setattr(coder_training, "_SAID", set())
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        first = autocoder.training_data(_fw())
        again = autocoder.training_data(_fw())
    assert len(said) == 1 and "set_a" in str(said[0].message) and "set_k" in str(said[0].message)
    assert (first["fold"] == first["doc_id"]).all() and len(first) == len(again)


def test_a_tuning_set_is_one_fold_and_its_documents_are_coded_without_it(monkeypatch):
    monkeypatch.setattr(heldout, "clauses", _fake_sets)
    training = autocoder.training_data(_fw(), tuning_sets=("set_a", "set_b"))
    added = training[training["doc_id"].str.startswith("x-")]
    assert sorted(added["fold"].unique()) == ["set_a", "set_b"]
    assert len(added) == 4 and set(added["type"]) == {"supply", "none"}
    seen = []
    monkeypatch.setattr(autocoder, "fit", lambda rows, fw, calibrate=True: seen.append(set(rows["fold"]))
                        or SimpleNamespace(calibrator=None))
    monkeypatch.setattr(autocoder, "predict", lambda model, rows: rows.assign(primary="none", type="none"))
    autocoder._MODELS._save(type(autocoder._MODELS._memory)())  # an empty model cache
    autocoder.code(pd.DataFrame([{"clause_id": "x-set_a-1-c001", "doc_id": "x-set_a-1", "text": "对set_a给予补助1。"}]),
                   _fw(), training)
    # the fold's model first (without set_a), then the model of all of it, whose calibrator it takes
    assert seen and "set_a" not in seen[0] and "set_b" in seen[0]


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
    # measured: the declared sets present (set_l is not declared: neither measured here nor trained on),
    # their mean, and the reviewed documents held out one by one
    assert table["set"].tolist() == ["set_a", "set_b", "mean of the 2 sets",
                                     "reviewed documents, leave one document out"]
    current, for_a, for_b = trained[:3]
    assert not current & {"set_a", "set_b", "set_l"}
    assert "set_a" not in for_a and "set_b" in for_a and "set_l" not in for_a
    assert "set_b" not in for_b and "set_a" in for_b and "set_l" not in for_b
    assert not any("set_l" in t for t in trained)
    # then each reviewed document held out (the five, and any document reviewed since: the sixth-document
    # test adds one), without the sets and with both declared sets: n fits each, 3 + 2n in all
    n = (len(trained) - 3) // 2
    assert n >= 5 and len(trained) == 3 + 2 * n
    reviewed_only, with_sets = trained[3:3 + n], trained[3 + n:]
    assert all(not t & {"set_a", "set_b"} for t in reviewed_only)
    assert all({"set_a", "set_b"} <= t for t in with_sets)


def test_a_code_another_codebook_does_not_have_is_not_trained_on(monkeypatch):
    # the curators coded with the project's codebook: under a codebook without S_FUN, the fake sets'
    # S_FUN clauses are left out and their none clauses kept
    monkeypatch.setattr(heldout, "clauses", _fake_sets)
    monkeypatch.setattr(instruments, "load_consensus", lambda fw, clauses=None: pd.DataFrame(
        {"clause_id": ["a:1.1.1"], "doc_id": ["a"], "text": ["设立天使投资基金。"], "primary": ["E_FIN"],
         "secondary": [""], "type": ["environment"]}))
    fw = _fw()
    other = dataclasses.replace(fw, subtools={c: v for c, v in fw.subtools.items() if c != "S_FUN"},
                                order=[c for c in fw.order if c != "S_FUN"])
    training = autocoder.training_data(other, tuning_sets=("set_a", "set_b"))
    added = training[training["doc_id"].str.startswith("x-")]
    assert added["primary"].tolist() == ["none", "none"]


def test_a_sets_document_reviewed_in_the_corpus_learns_from_its_review_only(monkeypatch):
    # x-set_a-1 was added to the corpus and reviewed: its consensus row is kept (its own fold), its
    # curator's row of set_a is left out, so no model that holds it out has seen it
    monkeypatch.setattr(heldout, "clauses", _fake_sets)
    monkeypatch.setattr(instruments, "load_consensus", lambda fw, clauses=None: pd.DataFrame(
        {"clause_id": ["x-set_a-1-c001"], "doc_id": ["x-set_a-1"], "text": ["对set_a给予补助1。"], "primary": ["S_FUN"],
         "secondary": [""], "type": ["supply"]}))
    training = autocoder.training_data(_fw(), tuning_sets=("set_a",))
    assert training["doc_id"].tolist() == ["x-set_a-1", "x-set_a-2"]
    assert training["fold"].tolist() == ["x-set_a-1", "set_a"]
