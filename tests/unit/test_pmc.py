"""PMC index arithmetic, grades and sensitivity, checked by hand."""

import pandas as pd
import pytest

from analysis import inuse, pmc
from analysis.errors import DataError


@pytest.fixture(scope="module")
def fw():
    return pmc.load_framework()


def test_framework_has_nine_variables_and_46_items(fw):
    assert list(fw.variables) == [f"X{i}" for i in range(1, 10)]
    assert len(fw.items) == 46  # 5 + 4 + 4 + 5 + 7 + 6 + 5 + 3 + 7


@pytest.mark.parametrize("score, expected", [(9.0, "perfect"), (8.0, "perfect"), (7.99, "excellent"),
                                             (6.0, "excellent"), (5.5, "acceptable"), (3.99, "poor")])
def test_grade_bands_for_nine_variables(fw, score, expected):
    assert pmc.grade(score, 9, fw) == expected


def test_jiaxing_index_by_hand(fw):
    idx = pmc.index(inuse.load_scores(fw), fw)
    j = idx.loc["jiaxing-2017"]
    # X1 = 3/5 = 0.6, X2 = 2/4 = 0.5, X3 = 3/4 = 0.75, X4 = 5/5, X5 = 6/7 = 0.857, X6 = 6/6,
    # X7 = 5/5, X8 = 3/3, X9 = 6/7 = 0.857; PMC = 0.6 + 0.5 + 0.75 + 1 + 0.857 + 1 + 1 + 1 + 0.857 = 7.564
    assert j["X5"] == pytest.approx(6 / 7)
    assert j["PMC"] == pytest.approx(0.6 + 0.5 + 0.75 + 1 + 6 / 7 + 1 + 1 + 1 + 6 / 7)
    assert (j["grade"], j["rank"]) == ("excellent", 1)
    assert idx.loc["urumqi-2019", "flag"].startswith("news report")


def test_sensitivity_drops_one_variable(fw):
    idx = pmc.index(inuse.load_scores(fw), fw)
    sens = pmc.sensitivity(idx, fw)
    # Jiaxing without X7 (1.00): 7.564 - 1 = 6.564, Liaoning without X7 (0.40): 7.157 - 0.4 = 6.757, so Liaoning is first
    assert sens.loc["liaoning-2015", "without X7"] == "6.76 (#1) ↑"
    assert sens.loc["jiaxing-2017", "without X7"] == "6.56 (#2) ↓"
    assert "dropping X7 (policy evaluation) changes the rank of jiaxing-2017 (#1 → #2)" in pmc.sensitivity_text(idx, fw)


def test_index_on_a_tiny_hand_made_framework():
    fw = pmc.Framework("t", "1", {"X1": {"items": {"X1:1": "", "X1:2": ""}}, "X2": {"items": {"X2:1": ""}}},
                       {2: [(1.5, "good"), (0.0, "poor")]})
    scores = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "b", "b"], "item": ["X1:1", "X1:2", "X2:1"] * 2,
                           "score": [1, 0, 1, 1, 1, 0], "variable": ["X1", "X1", "X2"] * 2,
                           "region": ["r"] * 6, "genre": ["policy_text"] * 6})
    idx = pmc.index(scores, fw)
    # a: X1 = 1/2, X2 = 1 -> 1.5 (good); b: X1 = 1, X2 = 0 -> 1.0 (poor)
    assert idx.loc["a", "PMC"] == 1.5 and idx.loc["a", "grade"] == "good"
    assert idx.loc["b", "PMC"] == 1.0 and idx.loc["b", "grade"] == "poor"


def test_a_missing_score_is_refused(project, fw):
    path = project / "data/curated/pmc_scores.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("shaoxing-2017,X9:7,")), encoding="utf-8")
    with pytest.raises(DataError, match="shaoxing-2017 lacks scores for X9:7"):
        inuse.load_scores(fw)


def test_a_score_other_than_0_or_1_is_refused(project, fw):
    path = project / "data/curated/pmc_scores.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("xinjiang-2017,X1:1,1,", "xinjiang-2017,X1:1,2,", 1),
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"row 1 \(xinjiang-2017 X1:1\), field 'score': '2' is not allowed; expected one of 0, 1"):
        inuse.load_scores(fw)
