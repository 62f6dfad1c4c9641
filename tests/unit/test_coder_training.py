"""What the automatic coder learns from and how much each row weighs (ninth round of issue 26,
``analysis.coder_training``), and what makes the drafts re-drafted: a declared tuning set's files,
never a blind set's (``heldout.digest`` in ``draftfiles.fingerprint``)."""

from types import SimpleNamespace

import numpy as np
import pandas as pd

from analysis import autocoder, coder_training, draftfiles, heldout, instruments, paths
from analysis.cache import HashCache


def test_a_tuning_sets_clause_weighs_less_than_a_reviewed_one_and_the_codebook_least():
    rows = pd.DataFrame({"doc_id": ["jiaxing-2017", "k-doc-1", "codebook"],
                         "fold": ["jiaxing-2017", "set_k", np.nan]})
    # reviewed 1; a tuning set's clause TUNING_WEIGHT (0.5); the codebook's row its own weight (0.3)
    assert coder_training.weights(rows, "codebook", 0.3).tolist() == [1.0, 0.5, 0.3]


def test_rows_without_folds_weigh_one():
    rows = pd.DataFrame({"doc_id": ["a-2020", "codebook"]})
    assert coder_training.weights(rows, "codebook", 0.3).tolist() == [1.0, 0.3]


def test_the_calibration_folds_deal_sixteen_folds_into_five_groups():
    folds = ["jiaxing-2017", "set_a", "set_b", "shaoxing-2017", "set_c", "urumqi-2019", "set_d"]
    training = pd.DataFrame({"doc_id": folds, "fold": folds})
    # sorted: jiaxing 0, set_a 1, set_b 2, set_c 3, set_d 4, shaoxing 0, urumqi 1
    assert coder_training.calibration_folds(training).tolist() == [
        "group 0", "group 1", "group 2", "group 0", "group 3", "group 1", "group 4"]


def test_five_reviewed_documents_stay_five_calibration_folds():
    docs = ["a-2020", "b-2020", "c-2020", "d-2020", "e-2020"]
    training = pd.DataFrame({"doc_id": docs, "fold": docs})
    assert coder_training.calibration_folds(training).tolist() == docs


def _sets(root, names):
    for name in names:
        (root / name / "documents").mkdir(parents=True)
        (root / name / "catalogue.csv").write_text("doc_id\nx-1\n", encoding="utf-8")
        (root / name / "clauses.csv").write_text("doc_id,text,primary\nx-1,对众创空间给予补助。,S_FUN\n", encoding="utf-8")
        (root / name / "documents" / "x-1.txt").write_text("对众创空间给予补助。", encoding="utf-8")


def test_editing_a_tuning_sets_labels_redrafts_and_a_blind_sets_does_not(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "heldout_dir", lambda: tmp_path)
    _sets(tmp_path, ["set_a", "set_l"])
    before = draftfiles.fingerprint()
    (tmp_path / "set_l" / "clauses.csv").write_text("doc_id,text,primary\nx-1,对众创空间给予补助。,none\n",
                                                    encoding="utf-8")
    assert draftfiles.fingerprint() == before  # set_l is not in paths.TUNING_SETS: no input of the drafts
    (tmp_path / "set_a" / "clauses.csv").write_text("doc_id,text,primary\nx-1,对众创空间给予补助。,none\n",
                                                    encoding="utf-8")
    assert draftfiles.fingerprint() != before


def test_a_set_declared_later_redrafts(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "heldout_dir", lambda: tmp_path)
    _sets(tmp_path, ["set_a", "set_l"])
    before = heldout.digest(("set_a",))
    assert heldout.digest(("set_a", "set_l")) != before
    assert heldout.digest(("set_a", "set_m")) != before  # a declared set that is missing counts as missing


def test_a_folds_model_takes_the_calibrator_of_the_model_of_all_the_training(monkeypatch):
    calls = []

    def fake_fit(rows, fw, calibrate=True):
        calls.append((frozenset(rows["fold"]), calibrate))
        return SimpleNamespace(calibrator=f"calibrated on {len(rows)} rows" if calibrate else None)

    monkeypatch.setattr(autocoder, "fit", fake_fit)
    monkeypatch.setattr(autocoder, "_MODELS", HashCache(32))
    training = pd.DataFrame({"clause_id": ["a:1.1.1", "b:1.1.1", "k:1.1.1"], "doc_id": ["a", "b", "k"],
                             "text": ["对众创空间给予补助。", "设立天使投资基金。", "今天召开会议。"],
                             "primary": ["S_FUN", "E_FIN", "none"], "fold": ["a", "b", "set_k"]})
    model = autocoder._model(training, instruments.load_framework(), "set_k")
    # the fold's model is fitted without calibration; the model of all three rows is calibrated once
    assert calls == [(frozenset({"a", "b"}), False), (frozenset({"a", "b", "set_k"}), True)]
    assert model.calibrator == "calibrated on 3 rows"
