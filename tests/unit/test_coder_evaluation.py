"""The coder's leave-one-document-out evaluation is computed once for the same inputs and read back
as the frame computed (``analysis.coder_evaluation``)."""

import numpy as np
import pandas as pd
import pytest

from analysis import autocoder, coder_evaluation, instruments, paths


@pytest.fixture(autouse=True)
def _own_processed(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "processed_dir", lambda: tmp_path)


def _training(text="对孵化器给予补助。"):
    return pd.DataFrame({"clause_id": ["d1:1", "d2:1"], "doc_id": ["d1", "d2"], "text": [text, "支持众创空间。"],
                         "primary": ["S_FUN", "none"], "fold": ["d1", "d2"]})


def _fake(calls):
    def evaluate(training, framework):
        calls.append(len(training))
        # the columns evaluate returns, of each kind: strings (an empty secondary), floats with a missing margin
        held = training.assign(secondary=["", "E_TAX"], margin=[1.25, np.nan], confidence=[0.9, 0.333],
                               type=["supply", "none"], primary_consensus=training["primary"].to_numpy(),
                               type_consensus=["supply", "none"]).reset_index(drop=True)
        return held, {"d1": frozenset({"d2:1"}), "d2": frozenset({"d1:1"})}
    return evaluate


def test_the_same_inputs_are_evaluated_once_and_read_back_equal(monkeypatch):
    calls = []
    monkeypatch.setattr(autocoder, "evaluate", _fake(calls))
    fw = instruments.load_framework()
    held, folds = coder_evaluation.evaluate(_training(), fw)
    again, folds_again = coder_evaluation.evaluate(_training(), fw)
    assert calls == [2]  # computed once (two training rows), then read from data/processed
    pd.testing.assert_frame_equal(again, held)
    assert np.isnan(again.loc[1, "margin"]) and again.loc[0, "secondary"] == ""
    assert folds_again == folds == {"d1": frozenset({"d2:1"}), "d2": frozenset({"d1:1"})}


def test_other_training_rows_or_another_framework_are_evaluated_anew(monkeypatch):
    calls = []
    monkeypatch.setattr(autocoder, "evaluate", _fake(calls))
    fw = instruments.load_framework()
    coder_evaluation.evaluate(_training(), fw)
    coder_evaluation.evaluate(_training("对众创空间给予补助。"), fw)  # a clause's text changed
    fw.version = fw.version + "-test"
    coder_evaluation.evaluate(_training(), fw)  # the framework changed
    assert calls == [2, 2, 2]
