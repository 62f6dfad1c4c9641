"""The automatic coder's codebook rules and its evaluation on documents it never saw."""

import numpy as np
import pandas as pd

from analysis import autocoder, coder_quality, instruments


def _fw():
    return instruments.load_framework()


def test_a_measure_naming_a_demand_side_keyword_takes_that_sub_tool():
    # 政府采购 is a keyword of D_PRO in the codebook; the classifier's S_FUN becomes the secondary
    primary, secondary = autocoder._demand_cues(["加大政府采购创新产品力度。"], np.array(["S_FUN"], dtype=object),
                                                np.array([""], dtype=object), _fw())
    assert (primary[0], secondary[0]) == ("D_PRO", "S_FUN")


def test_a_clause_read_as_no_measure_keeps_none_whatever_its_keywords():
    primary, secondary = autocoder._demand_cues(["去年政府采购额增长。"], np.array(["none"], dtype=object),
                                                np.array([""], dtype=object), _fw())
    assert (primary[0], secondary[0]) == ("none", "")


def test_demonstration_in_the_sense_of_a_leading_role_is_not_a_pilot():
    # codebook rule R8: 示范引领作用 is a leading role, not D_DEM
    primary, _ = autocoder._demand_cues(["发挥龙头企业示范引领作用。"], np.array(["E_STR"], dtype=object),
                                        np.array([""], dtype=object), _fw())
    assert primary[0] == "E_STR"


def test_demand_agreement_by_hand():
    # gold demand on clauses 1, 2; drafted demand on 2, 3 -> recall 1/2, precision 1/2
    # 2 x 2 table over 4 clauses: both demand 1, gold only 1, auto only 1, neither 1
    # p_o = 2/4 = 0.5; p_e = (2/4)(2/4) + (2/4)(2/4) = 0.5; kappa = (0.5 - 0.5) / (1 - 0.5) = 0
    merged = pd.DataFrame({"type": ["demand", "demand", "supply", "none"],
                           "type_auto": ["supply", "demand", "demand", "none"]})
    d = coder_quality.demand_agreement(merged)
    assert (d["clauses"], d["drafted"], d["recall"], d["precision"]) == (2, 2, 0.5, 0.5)
    assert d["kappa"] == 0.0


def test_the_learning_curve_trains_on_subsets_of_the_reviewed_documents(monkeypatch):
    # two documents -> sizes 1 and 2; size 1 has two subsets, size 2 one
    fw = _fw()
    held = pd.DataFrame({"clause_id": ["h:1.1.1", "h:2.1.1"], "doc_id": "h", "text": ["加大政府采购力度。", "为什么"],
                         "set": "s"})
    gold = held.assign(primary=["D_PRO", "none"], secondary="", type=["demand", "none"])
    monkeypatch.setattr(coder_quality, "heldout_clauses", lambda framework: (held, gold))
    training = pd.DataFrame({
        "clause_id": ["a:1.1.1", "a:2.1.1", "b:1.1.1", "b:2.1.1"], "doc_id": ["a", "a", "b", "b"],
        "text": ["加大财政补贴。", "今天天气好。", "设立专项资金。", "会议召开了。"],
        "primary": ["S_FUN", "none", "S_FUN", "none"]})
    curve = coder_quality.learning_curve(fw, training)
    assert curve["documents"].tolist() == [1, 2]
    assert curve["fits"].tolist() == [2, 1]


def test_by_set_reports_each_set_and_the_tuning_and_blind_sets_apart():
    # set_a is a tuning set (paths.TUNING_SETS), set_zz is not: blind.
    # set_a: 2 clauses, both right -> agreement 1.0; types supply, none both ways -> kappa 1.0
    # set_zz: 4 clauses, type (gold, auto): (demand, demand), (demand, supply), (supply, supply), (none, none)
    #   agreement 3/4 = 0.75; p_e = sum over types of gold share x auto share:
    #   demand 2/4 x 1/4 + supply 1/4 x 2/4 + none 1/4 x 1/4 = 2/16 + 2/16 + 1/16 = 5/16
    #   kappa = (12/16 - 5/16) / (1 - 5/16) = 7/11 = 0.636; demand recall 1/2, precision 1/1
    merged = pd.DataFrame({"set": ["set_a", "set_a", "set_zz", "set_zz", "set_zz", "set_zz"],
                           "type": ["supply", "none", "demand", "demand", "supply", "none"],
                           "type_auto": ["supply", "none", "demand", "supply", "supply", "none"]})
    table = coder_quality.by_set(merged).set_index("set")
    assert table.loc["set_a", "status"] == "tuning" and table.loc["set_zz", "status"] == "blind"
    assert table.loc["set_zz", "type agreement"] == 0.75
    assert table.loc["set_zz", "type kappa"] == round(7 / 11, 3)
    assert (table.loc["set_zz", "demand recall"], table.loc["set_zz", "demand precision"]) == (0.5, 1.0)
    # the blind sets together are set_zz alone; the tuning sets together are set_a alone
    assert table.loc["blind sets together", "clauses"] == 4 and table.loc["tuning sets together", "clauses"] == 2
    assert table.loc["tuning sets together", "type kappa"] == 1.0
