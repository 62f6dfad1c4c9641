"""The figure drafts' confidence fitted on the reviewed documents and the tuning sets: the evidence model
(``calibration.EvidenceModel``), the labelled sets it reads (``analysis.calibration_sets``) and how they
decide a rebuild of the drafts (``heldout.digest`` in ``draftfiles.fingerprint``)."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis import calibration, calibration_sets, draftfiles, heldout, paths


# --- the evidence's parts --------------------------------------------------------------------------
@pytest.mark.parametrize("evidence, parts", [
    # 建成省级众创空间20家 (the measure word's noun, a level on it, a kind cue, a year in the text): four parts
    ("object|own|cue|text|", ["how=object", "level=own", "kind=cue", "year=text"]),
    # 全市众创空间达到⏎120家 (a clause cut by a line break, in a table cell): two caveats, one feature each
    ("subject|region|cue|text|broken+cell",
     ["how=subject", "level=region", "kind=cue", "year=text", "caveat=broken", "caveat=cell"]),
    # an evidence of four parts (written before caveats existed) reads as one with none
    ("nearest|none|default|document", ["how=nearest", "level=none", "kind=default", "year=document"]),
])
def test_features_are_the_evidence_parts_and_each_caveat(evidence, parts):
    assert calibration.features(evidence) == parts


def test_evidence_model_sums_the_weights_of_the_parts():
    model = calibration.EvidenceModel({"how=subject": 1.0, "level=own": 1.0, "caveat=broken": -2.0}, -1.0, 10)
    got = model.predict([0.9, 0.9, 0.9, 0.0], ["subject|own|cue|text|", "subject|own|cue|text|broken",
                                               "nearest|phrase|cue|text|", "none|none|default|text|"])
    # z = -1 + 1 + 1 = 1: 1 / (1 + e^-1) = 0.731; with the caveat z = -1, 0.269; parts it never saw weigh
    # nothing: z = -1, 0.269; a draft of no indicator (score 0) is 0 whatever its parts
    assert got.tolist() == [round(1 / (1 + math.exp(-1)), 3), round(1 / (1 + math.exp(1)), 3),
                            round(1 / (1 + math.exp(1)), 3), 0.0]


def test_evidence_model_is_held_below_high_without_the_cues_a_confident_draft_needs():
    model = calibration.EvidenceModel({}, 3.0, 10)  # 1 / (1 + e^-3) = 0.953 for every draft
    got = calibration.confidence(model, [0.9, 0.9, 0.9], ["subject|own|cue|text|", "subject|none|cue|text|",
                                                          "subject|own|cue|text|broken"])
    # the second has no level written in the text, the third a clause cut by a line break: 0.79
    assert got.tolist() == [0.953, 0.79, 0.79]


def _judged(rows: list[tuple[str, int, int]], doc: str = "d", group: str = "reviewed") -> pd.DataFrame:
    """Judged drafts: (evidence, right, wrong) counts."""
    out = [{"set": group, "doc_id": doc, "evidence": e, "score": calibration.score(e), "right": ok}
           for e, right, wrong in rows for ok in [True] * right + [False] * wrong]
    return pd.DataFrame(out)


def test_fit_evidence_learns_which_parts_go_with_right_drafts():
    # a level on the noun (own): 18 of 20 right; a level guessed from the document: 4 of 20
    judged = _judged([("subject|own|cue|text|", 18, 2), ("subject|document|cue|text|", 4, 16)])
    model = calibration.fit_evidence(judged)
    own, document = model.predict([0.9, 0.9], ["subject|own|cue|text|", "subject|document|cue|text|"])
    assert model.n == 40
    assert document < 0.5 < own
    # L2-penalised: pulled towards the mean (22 of 40), never past the share right of its own drafts
    assert 0.55 < own < 0.9 and 0.2 < document < 0.45


def test_fit_evidence_of_drafts_all_right_states_a_high_share_without_a_fit():
    model = calibration.fit_evidence(_judged([("object|own|cue|text|", 5, 0)]))
    assert model.weights == {} and model.predict([0.9], ["object|own|cue|text|"])[0] == round(1 / (1 + math.exp(-4)), 3)


def test_brier_is_the_mean_squared_gap():
    # (0.9 - 1)^2 = 0.01, (0.8 - 0)^2 = 0.64: mean 0.325
    assert calibration.brier([0.9, 0.8], [True, False]) == pytest.approx(0.325)


# --- the labelled sets as an input of the drafts --------------------------------------------------
def _labelled_set(root, name: str, figures: str = "qid,doc_id,indicator,scope,kind,year\n") -> None:
    folder = root / name
    (folder / "documents").mkdir(parents=True)
    (folder / "catalogue.csv").write_text("doc_id,title\nx-2024,某市通知\n", encoding="utf-8")
    (folder / "documents" / "x-2024.txt").write_text("全市众创空间达到120家。\n", encoding="utf-8")
    (folder / "quantities.csv").write_text("qid,doc_id,text,occurrence\n", encoding="utf-8")
    (folder / "figures.csv").write_text(figures, encoding="utf-8")
    (folder / "clauses.csv").write_text("doc_id,text,occurrence,primary,secondary\n", encoding="utf-8")


@pytest.fixture
def sets_root(tmp_path, monkeypatch):
    root = tmp_path / "heldout"
    root.mkdir()
    monkeypatch.setattr(paths, "heldout_dir", lambda: root)
    monkeypatch.setattr(paths, "TUNING_SETS", ("set_a",))
    _labelled_set(root, "set_a")
    return root


def test_digest_follows_the_labels_of_the_sets_named(sets_root):
    before = heldout.digest(("set_a",))
    (sets_root / "set_a" / "figures.csv").write_text("qid,doc_id,indicator,scope,kind,year\nq1,x-2024,"
                                                      "maker_spaces,all,actual,2024\n", encoding="utf-8")
    assert heldout.digest(("set_a",)) != before


def test_digest_ignores_a_set_not_named_and_says_a_missing_set(sets_root):
    before = heldout.digest(("set_a", "set_z"))  # set_z is not there: "-"
    _labelled_set(sets_root, "set_b")  # a new (blind) set beside it
    assert heldout.digest(("set_a", "set_z")) == before
    _labelled_set(sets_root, "set_z")
    assert heldout.digest(("set_a", "set_z")) != before


def test_drafts_rebuild_when_a_tuning_set_is_edited_or_declared_not_when_a_blind_set_arrives(sets_root, monkeypatch):
    first = draftfiles.fingerprint()
    _labelled_set(sets_root, "set_l")  # the next blind set, not in paths.TUNING_SETS
    assert draftfiles.fingerprint() == first
    monkeypatch.setattr(paths, "TUNING_SETS", ("set_a", "set_l"))  # measured, then declared a tuning set
    assert draftfiles.fingerprint() != first
    monkeypatch.setattr(paths, "TUNING_SETS", ("set_a",))
    (sets_root / "set_a" / "catalogue.csv").write_text("doc_id,title\nx-2024,某市通知(修订)\n", encoding="utf-8")
    assert draftfiles.fingerprint() != first


def test_judged_drafts_are_kept_until_the_labels_change(sets_root, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "processed_dir", lambda: tmp_path / "processed")
    drafted = []

    def draft_set(name, draft):
        drafted.append(name)
        return None, _judged([("object|own|cue|text|", 1, 1)], "x-2024"), 1

    monkeypatch.setattr(calibration_sets, "draft_set", draft_set)
    first = calibration_sets.judged(lambda doc, cleaned: pd.DataFrame())
    again = calibration_sets.judged(lambda doc, cleaned: pd.DataFrame())
    assert drafted == ["set_a"]  # the second read came from the cache
    assert again["set"].tolist() == ["set_a", "set_a"] and again["right"].tolist() == first["right"].tolist()
    (sets_root / "set_a" / "figures.csv").write_text("qid,doc_id,indicator,scope,kind,year\n\n", encoding="utf-8")
    calibration_sets.judged(lambda doc, cleaned: pd.DataFrame())
    assert drafted == ["set_a", "set_a"]  # the labels changed: drafted and judged again


def test_without_the_labelled_sets_the_reviewed_documents_calibrate_and_a_note_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(paths, "heldout_dir", lambda: tmp_path / "no such folder")
    monkeypatch.setattr(calibration_sets, "_NOTED", set())
    reviewed = _judged([("object|own|cue|text|", 3, 1)], "a")
    first = calibration_sets.fitted(reviewed, lambda doc, cleaned: pd.DataFrame())
    calibration_sets.fitted(reviewed, lambda doc, cleaned: pd.DataFrame())
    assert isinstance(first, calibration.Calibration) and first.n == 4  # the isotonic map of the scores
    err = capsys.readouterr().err
    assert err.count("note: no tuning set") == 1  # said once


def test_fitted_leaves_out_a_set_or_a_document(sets_root, monkeypatch):
    tuning = pd.concat([_judged([("subject|own|cue|text|", 0, 10)], "t1", "set_a"),
                        _judged([("subject|own|cue|text|", 10, 0)], "t2", "set_b")], ignore_index=True)
    monkeypatch.setattr(calibration_sets, "judged", lambda draft: tuning)
    reviewed = _judged([("subject|own|cue|text|", 5, 5)], "r")
    draft = lambda doc, cleaned: pd.DataFrame()  # noqa: E731 (never called: the judged drafts are given)
    share = {leave: calibration_sets.fitted(reviewed, draft, leave).predict([0.9], ["subject|own|cue|text|"])[0]
             for leave in (None, "set_a", "set_b", "r")}
    # all 30: 15 right (0.5); without set_a's 10 wrong, 15 of 20 right; without set_b's 10 right, 5 of 20
    assert share[None] == pytest.approx(0.5, abs=0.01)
    assert share["set_a"] > 0.7 and share["set_b"] < 0.3
    assert share["r"] == pytest.approx(0.5, abs=0.01)  # without the reviewed document: 10 of 20
    assert np.isclose(share["set_a"] + share["set_b"], 1.0, atol=0.01)
