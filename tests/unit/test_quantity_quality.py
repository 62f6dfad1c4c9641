"""Measuring the extractor on a labelled set (analysis.quantity_quality), on a set written for
this test in a temporary folder: two documents, six labelled rows."""

from __future__ import annotations

import pytest

from analysis import quantity_quality
from analysis.cli import main
from analysis.errors import DataError

LABELS = """doc_id,qid,text,occurrence,is_quantity,value,high,unit,qualifier
a,1,30家,1,true,30,,count,exact
a,2,30家,2,true,30,,count,at_least
a,3,２０２０年,1,false,,,,
a,4,5年,1,true,5,,years,approx
b,1,十余家,1,true,10,,count,more_than
b,2,1.8个百分点,1,true,1.8,,pp,exact
"""
# a: the second 30家 is followed by 以上 (at least); 5年 is labelled approx, the extractor says exact;
# b: 两项 is a quantity nobody labelled, so the extractor's mention of it is a wrong one
DOCS = {"a": "众創(chuàng)空间30家，到２０２０年达到30家以上，计划5年投入。", "b": "新增十余家企业，提高1.8个百分点，两项措施。"}


@pytest.fixture
def labelled(tmp_path):
    (tmp_path / "set1" / "documents").mkdir(parents=True)
    (tmp_path / "set1" / "quantities.csv").write_text(LABELS, encoding="utf-8")
    for doc_id, text in DOCS.items():
        (tmp_path / "set1" / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_labels_are_found_at_their_occurrence_in_the_raw_bytes(labelled):
    labels, _ = quantity_quality.load_labels(labelled / "set1")
    second = labels[1]
    raw = DOCS["a"].encode("utf-8")
    assert raw[second.start:second.end].decode("utf-8") == "30家"
    assert second.start == raw.index("30家".encode(), raw.index("30家".encode()) + 1)


def test_recall_precision_and_agreement_counted_by_hand(labelled):
    r = quantity_quality.evaluate(labelled)["all"]
    # 5 labelled quantities, all found; 6 mentions (the 5 and 两项); qualifier right on 4 of 5
    # (5年: exact vs approx); unit right on 5 of 5
    assert (r.quantities, r.found, r.mentions) == (5, 5, 6)
    rates = r.rates()
    assert rates["recall"] == 1.0 and rates["precision"] == pytest.approx(5 / 6)
    assert rates["qualifier"] == pytest.approx(4 / 5) and rates["unit"] == 1.0 and rates["value"] == 1.0
    assert r.wrong == ["set1/b '两项' (2.0 count): no label"]


def test_a_text_that_does_not_occur_is_one_line_naming_the_row(labelled, capsys):
    path = labelled / "set1" / "quantities.csv"
    path.write_text(LABELS.replace("a,2,30家,2", "a,2,30家,3"), encoding="utf-8")
    with pytest.raises(DataError, match="row 2, field 'text': '30家' does not occur 3 time"):
        quantity_quality.evaluate(labelled)
    assert main(["quantities", "quality", "--heldout", str(labelled)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_the_command_prints_a_line_per_set_and_the_total(labelled, capsys):
    assert main(["quantities", "quality", "--heldout", str(labelled)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("set1") and out[2].startswith("all")
    assert "0.833" in out[2]  # precision 5/6
