"""Measuring the extractor on a held-out set (analysis.quantity_quality), on a set written for
this test in a temporary folder: two documents, six labelled number expressions."""

from __future__ import annotations

import pytest

from analysis import heldout, quantity_quality
from analysis.cli import main

QUANTITIES = """doc_id,qid,text,occurrence,is_quantity,value,high,unit,qualifier
a,a1,30家,1,true,30,,count,exact
a,a2,30家,2,true,30,,count,at_least
a,a3,２０２０年,1,false,,,,
a,a4,5年,1,true,5,,years,approx
b,b1,十余家,1,true,10,,count,more_than
b,b2,1.8个百分点,1,true,1.8,,pp,exact
"""
# a: the second 30家 is followed by 以上 (at least); 5年 is labelled approx where the extractor
# says exact; b: 两项 is a count nobody labelled, so the extractor's mention of it is a wrong one
DOCS = {"a": "众創(chuàng)空间30家，到２０２０年达到30家以上，计划5年投入。", "b": "新增十余家企业，提高1.8个百分点，两项措施。"}


@pytest.fixture
def labelled(tmp_path, monkeypatch):
    root = tmp_path / "set_t"
    (root / "documents").mkdir(parents=True)
    (root / "catalogue.csv").write_text("doc_id\na\nb\n", encoding="utf-8")
    (root / "quantities.csv").write_text(QUANTITIES, encoding="utf-8")
    (root / "figures.csv").write_text("qid,year\na1,2020\n", encoding="utf-8")
    (root / "clauses.csv").write_text("doc_id,text,occurrence\nb,新增十余家企业，提高1.8个百分点，两项措施。,1\n",
                                      encoding="utf-8")
    for doc_id, text in DOCS.items():
        (root / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(heldout, "sets_dir", lambda: tmp_path)
    return root


def test_recall_precision_and_agreement_counted_by_hand(labelled):
    r = quantity_quality.evaluate()["all"]
    # 5 labelled quantities, all found; 6 mentions (the 5 and 两项); qualifier right on 4 of 5
    # (5年: exact vs approx); unit and value right on 5 of 5
    assert (r.labels, r.quantities, r.found, r.mentions) == (6, 5, 5, 6)
    rates = r.rates()
    assert rates["recall"] == 1.0 and rates["precision"] == pytest.approx(5 / 6)
    assert rates["qualifier"] == pytest.approx(4 / 5) and rates["unit"] == 1.0 and rates["value"] == 1.0
    assert r.wrong == ["set_t/b '两项' (2.0 count): no label"]
    assert len(r.disagreements) == 1 and "a4 '5年'" in r.disagreements[0]


def test_the_command_prints_a_line_per_set_and_the_total(labelled, capsys):
    assert main(["quantities", "quality", "--heldout"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("set_t") and out[2].startswith("all")
    assert "0.833" in out[2]  # precision 5/6


@pytest.mark.parametrize("argv, message", [
    (["quantities", "quality"], "say which labelled documents"),
    (["quantities", "quality", "--heldout", "set_z"], "no held-out set 'set_z'"),
])
def test_a_wrong_request_is_one_line_and_exit_2(labelled, capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
