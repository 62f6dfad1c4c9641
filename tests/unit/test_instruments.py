"""Policy-instrument coding and its statistics."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from tests.conftest import FIVE_DOCUMENTS

from analysis import agreement, comparison, instrument_tables, keywordcoder
from analysis import instruments as ins
from analysis.errors import DataError
from analysis.segments import document_of

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example A: two observers,
# binary data, ten units, no missing values.
A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]


def test_kappa_worked_example():
    # agreement po = 6/10 = 0.6; A: 8 zeros 2 ones, B: 6 zeros 4 ones;
    # pe = 0.8*0.6 + 0.2*0.4 = 0.56; kappa = (0.6 - 0.56) / (1 - 0.56) = 0.0909
    assert agreement.cohen_kappa(A, B).value == pytest.approx(0.04 / 0.44)


def test_alpha_worked_example():
    # 20 values: 14 zeros, 6 ones; 4 disagreeing units give Do = 8/20 = 0.4;
    # De = (20^2 - 14^2 - 6^2) / (20*19) = 168/380 = 0.44211; alpha = 1 - 0.4/0.44211 = 0.0952
    # (the value Krippendorff gives for this example: 0.095)
    assert agreement.krippendorff_alpha(A, B).value == pytest.approx(1 - 0.4 / (168 / 380))
    assert round(agreement.krippendorff_alpha(A, B).value, 3) == 0.095


def test_against_independent_implementations_on_the_real_codings():
    import krippendorff
    from statsmodels.stats.inter_rater import cohens_kappa

    fw = ins.load_framework()
    cl = ins.clauses()
    hand, auto = ins.load_hand_coding(fw, all_clauses=cl), keywordcoder.code(cl, fw)
    m = hand[["clause_id", "primary"]].merge(auto[["clause_id", "primary"]], on="clause_id")
    a, b = list(m["primary_x"]), list(m["primary_y"])
    table = pd.crosstab(pd.Categorical(a, categories=sorted(set(a) | set(b))),
                        pd.Categorical(b, categories=sorted(set(a) | set(b))), dropna=False).to_numpy()
    assert agreement.cohen_kappa(a, b).value == pytest.approx(cohens_kappa(table).kappa)
    codes = {c: n for n, c in enumerate(sorted(set(a) | set(b)))}
    data = np.array([[codes[x] for x in a], [codes[x] for x in b]], dtype=float)
    assert agreement.krippendorff_alpha(a, b).value == pytest.approx(
        krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


@pytest.mark.parametrize("a, b, reason", [
    (["x"], ["x"], "1 unit(s): too few"),
    (["x", "x", "x"], ["x", "x", "x"], "same single category"),
])
def test_degenerate_cases_are_not_defined_with_the_reason(a, b, reason):
    k = agreement.cohen_kappa(a, b)
    assert k.value is None and reason in k.reason
    assert agreement.krippendorff_alpha(a, b).value is None
    assert str(k).startswith("not defined (")


def test_bootstrap_interval_contains_the_estimate_is_reproducible_and_resamples_like_one_by_one():
    fw = ins.load_framework()
    cl = ins.clauses()
    hand, auto = ins.load_hand_coding(fw, all_clauses=cl), keywordcoder.code(cl, fw)
    # the five documents' 350 hand-coded clauses, selected by id (a document reviewed later adds its own)
    hand = hand[hand["doc_id"].isin(FIVE_DOCUMENTS)].reset_index(drop=True)
    first = agreement.intercoder(hand, auto, fw, n_boot=200)
    assert first.equals(agreement.intercoder(hand, auto, fw, n_boot=200))
    row = first.iloc[0]
    assert (row.level, row.subset, row.clauses) == ("type", "all clauses", 350)
    assert row.kappa_low <= row.kappa <= row.kappa_high
    # the interval, computed for all resamples at once from category counts, is the one that
    # resampling the clauses one set at a time with the same seed gives
    a, b = list(hand["type"]), list(auto.set_index("clause_id").loc[hand["clause_id"], "type"])
    rng = np.random.default_rng(20261121)
    kappas = []
    for _ in range(200):
        idx = rng.integers(0, 350, 350)
        kappas.append(agreement.cohen_kappa([a[i] for i in idx], [b[i] for i in idx]).value)
    assert row.kappa_low == pytest.approx(np.percentile(kappas, 2.5))
    assert row.kappa_high == pytest.approx(np.percentile(kappas, 97.5))


def test_the_hand_coding_covers_every_clause_once():
    fw = ins.load_framework()
    hand = ins.load_hand_coding(fw)
    # the five reviewed documents' clauses (a document reviewed later adds its own)
    assert len(hand[hand["doc_id"].isin(FIVE_DOCUMENTS)]) == 350 and hand["clause_id"].is_unique
    assert set(hand["primary"]) <= set(fw.subtools) | {ins.NONE}
    # "计划到2020年,培育众创空间60家..." is goal planning; the 责任单位 lines state no measure
    assert hand.set_index("clause_id").loc["xinjiang-2017:4.1.1", "primary"] == "E_GOA"
    assert (hand[hand["text"].str.startswith(("(责任单位", "〔责任单位"))]["primary"] == ins.NONE).all()


def test_bad_hand_coding_rows_are_refused(project):
    path = project / "data/curated/instruments_hand.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",E_GOA,,", ",E_GOAL,,", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"field 'primary': unknown code 'E_GOAL' in framework"):
        ins.load_hand_coding(ins.load_framework())


def test_keyword_coder_on_hand_made_clauses():
    fw = ins.load_framework()
    frame = pd.DataFrame({"clause_id": ["t:1", "t:2", "t:3", "t:4"],
                          "text": ["对符合条件的众创空间给予财政补贴", "落实减税降费相关政策", "(责任单位:市科技局)",
                                   "截至2016年年底,孵化器达16家"]})
    coded = keywordcoder.code(frame, fw).set_index("clause_id")
    assert coded.loc["t:1", "primary"] == "S_FUN"  # 财政补贴 (4) + 补贴 (2) beats 众创空间 (4) of S_INF
    assert coded.loc["t:2", "primary"] == "E_TAX"
    assert coded.loc["t:3", "primary"] == ins.NONE and coded.loc["t:4", "primary"] == ins.NONE


def test_chi_square_on_a_hand_computed_table():
    # 2 x 2: [[10, 20], [20, 10]], row and column sums 30, expected 15 everywhere;
    # chi2 = 4 * (5^2 / 15) = 6.667, df = 1
    table = pd.DataFrame([[10, 20], [20, 10]], index=["a", "b"], columns=["x", "y"])
    res = comparison.chi_square(table)
    assert res["chi2"] == pytest.approx(100 / 15) and res["df"] == 1
    assert (res["method"].en, res["method"].zh) == ("asymptotic chi-square", "渐近卡方分布")


def test_chi_square_is_of_the_observed_table_even_with_a_zero_cell():
    # [[10, 0], [5, 5]]: n = 20, row sums 10 and 10, column sums 15 and 5, so expected
    # [[7.5, 2.5], [7.5, 2.5]]; chi2 = 2.5^2/7.5 + 2.5^2/2.5 + 2.5^2/7.5 + 2.5^2/2.5
    # = 0.8333 + 2.5 + 0.8333 + 2.5 = 6.6667 (a table with 0.5 added to every cell, as
    # statsmodels' Table does, gives 5.14 instead)
    table = pd.DataFrame([[10, 0], [5, 5]], index=["a", "b"], columns=["x", "y"])
    res = comparison.chi_square(table)
    assert res["chi2"] == pytest.approx(20 / 3) and res["df"] == 1
    # adjusted residual of cell (a, x): (10 - 7.5) / sqrt(7.5 * (1 - 10/20) * (1 - 15/20))
    # = 2.5 / sqrt(0.9375) = 2.582
    assert res["residuals"].loc["a", "x"] == pytest.approx(2.5 / 0.9375 ** 0.5)
    assert res["residuals"].loc["a", "y"] == pytest.approx(-2.5 / (2.5 * 0.5 * 0.75) ** 0.5)


def test_small_expected_counts_switch_to_a_simulated_p_value():
    table = pd.DataFrame([[3, 0], [0, 3]], index=["a", "b"], columns=["x", "y"])
    res = comparison.chi_square(table, n_sim=2000)
    # exact one-sided probability of the perfect split with margins 3/3: 1 / C(6,3) = 0.05;
    # the permutation p counts tables as extreme (both perfect splits): 2/20 = 0.1
    assert res["method"].en.startswith("Monte Carlo") and res["method"].zh.startswith("蒙特卡洛p值")
    assert res["p_simulated"] == pytest.approx(0.1, abs=0.03)


def test_an_empty_table_is_not_tested():
    res = comparison.chi_square(pd.DataFrame([[5, 0]], index=["a"], columns=["x", "y"]))
    assert res["defined"] is False and res["reason"].en == "a 1 x 1 table has nothing to test"


def test_emphasis_text_from_numbers():
    fw = ins.load_framework()
    table = pd.DataFrame([[8, 2, 0], [2, 8, 0]], index=["north", "south"], columns=["supply", "environment", "demand"])
    lines = instrument_tables.emphasis_text(table, fw)
    # pooled: supply 10/20 = 50%; north 8/10 = 80% is 30 points above
    assert lines[0] == ("North: supply-side leads with 80% of its 10 measures; above the pooled share: "
                        "supply-side (80% vs 50%); none on demand-side.")
    # the same numbers in a Chinese report (a region not in the catalogue keeps its code)
    assert instrument_tables.emphasis_text(table, fw, "zh")[0] == "north:10项措施中供给型最多,占80%;高于总体占比:供给型(80%,总体50%);没有需求型措施。"


def test_intercoder_agreement_on_hand_made_codings():
    fw = ins.load_framework()
    first = pd.DataFrame({"clause_id": ["c1", "c2", "c3", "c4"], "doc_id": ["d"] * 4,
                          "primary": ["S_FUN", "S_FUN", "none", "E_TAX"]})
    second = pd.DataFrame({"clause_id": ["c1", "c2", "c3", "c4"], "primary": ["S_FUN", "E_TAX", "none", "E_TAX"]})
    for frame in (first, second):
        frame["type"] = frame["primary"].map(fw.type_of)
    stats = agreement.intercoder(first, second, fw, n_boot=50).set_index(["level", "subset"])
    # types: supply, supply, none, environment vs supply, environment, none, environment
    # po = 3/4; pe = (2/4)(1/4) + (1/4)(1/4) + (1/4)(2/4) = 0.3125; kappa = (0.75 - 0.3125) / 0.6875 = 0.636
    row = stats.loc[("type", "all clauses")]
    assert row["agreement"] == 0.75 and row["kappa"] == pytest.approx(0.4375 / 0.6875)
    assert isinstance(row["kappa_low"], float) and isinstance(row["alpha"], float)  # numbers, not text
    # measure vs none: both say measure, measure, none, measure -> po = 1, pe = (3/4)^2 + (1/4)^2 -> kappa 1
    assert stats.loc[("measure vs none", "all clauses"), "kappa"] == pytest.approx(1.0)


def test_the_second_coding_is_the_shared_one_unchanged_and_is_checked(project):
    from pathlib import Path

    shared = Path(__file__).resolve().parents[3] / "shared" / "coding" / "second_coder.csv"
    if shared.is_file():
        assert (project / "data/curated/instruments_coder2.csv").read_bytes() == shared.read_bytes()
    fw = ins.load_framework()
    coder2 = ins.load_second_coding(fw)
    # the five reviewed documents' clauses, second-coded
    assert len(coder2[coder2["clause_id"].map(document_of).isin(FIVE_DOCUMENTS)]) == 350 and coder2["clause_id"].is_unique
    path = project / "data/curated/instruments_coder2.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("xinjiang-2017:1.1.1,none", "xinjiang-2017:1.1.1,X_YZ"),
                    encoding="utf-8")
    with pytest.raises(DataError) as err:
        ins.load_second_coding(fw)
    assert str(err.value) == ("data/curated/instruments_coder2.csv, row 1 (xinjiang-2017:1.1.1), field 'primary': "
                              "unknown code 'X_YZ' in framework " + f"{fw.name} {fw.version}")


def test_a_table_tested_twice_gives_the_same_result_and_a_copy_of_its_residuals():
    # a report tests its coding's table, then the same table again among every coding's: the
    # second call returns the first's result (the permutation test is what costs at 200 documents).
    # [[3, 0], [0, 3]]: every expected count is 1.5 (< 5), so the p-value is simulated
    table = pd.DataFrame([[3, 0], [0, 3]], index=["a", "b"], columns=["x", "y"])
    first = comparison.chi_square(table, n_sim=2000)
    first["residuals"].loc["a", "x"] = 99.0  # a caller's change does not reach the next caller
    again = comparison.chi_square(table.copy(), n_sim=2000)
    # adjusted residual of (a, x): (3 - 1.5) / sqrt(1.5 * 0.5 * 0.5) = 1.5 / 0.6124 = 2.449
    assert again["residuals"].loc["a", "x"] == pytest.approx(1.5 / 0.375 ** 0.5)
    assert again["p_simulated"] == first["p_simulated"] and again["chi2"] == pytest.approx(6.0)
    # another table (its rows swapped: the same counts under other region names) is its own test
    other = comparison.chi_square(pd.DataFrame([[3, 0], [0, 3]], index=["b", "a"], columns=["x", "y"]), n_sim=2000)
    assert list(other["residuals"].index) == ["b", "a"]


def test_the_genre_confound_names_the_regions_of_each_genre_once():
    # three documents: two policy texts (north, south) and a news report (east); the coding has clauses
    # of each, two of north's: the text names each region once, under its genre
    class Doc:
        def __init__(self, doc_id, region, genre):
            self.doc_id, self.region, self.region_zh, self.genre, self.parent_province = doc_id, region, region, genre, ""

    docs = [Doc("n-1", "north", "policy_text"), Doc("s-1", "south", "policy_text"), Doc("e-1", "east", "news_report")]
    coding = pd.DataFrame({"doc_id": ["n-1", "n-1", "s-1", "e-1"]})
    [line] = comparison.confound_text(coding, docs)
    assert line.startswith("Genre confounds region (news reports: east; policy texts: north, south).")
    assert comparison.confound_text(coding[coding["doc_id"] != "e-1"], docs) == []  # one genre: no confound
