"""The automatic coder's knowledge that does not depend on any document: the genre's wording of
each sub-tool (``analysis.policy_cues``), the codebook as a prior, and the codebook's rules."""

import numpy as np
import pandas as pd
import pytest

from analysis import autocoder, instruments, policy_cues


@pytest.fixture(scope="module")
def fw():
    return instruments.load_framework()


def _cues():
    return [(code, p) for code, patterns in policy_cues.CUES.items() for p in patterns]


def test_cue_features_of_a_subsidy_rule_by_hand(fw):
    # 对新认定的孵化器给予一次性奖励50万元。 matches four cues: S_FUN 给予…奖励, 万元, 一次性 and
    # E_STR 认定; per type: supply 3, environment 1, demand 0 -> log(1+3), log(1+1), log(1+0)
    found = policy_cues.cue_features(["对新认定的孵化器给予一次性奖励50万元。"], fw)[0]
    cues = _cues()
    assert len(found) == len(cues) + 3
    matched = [cues[j] for j in np.flatnonzero(found[:len(cues)])]
    assert [code for code, _ in matched] == ["S_FUN", "S_FUN", "S_FUN", "E_STR"]
    assert found[len(cues):] == pytest.approx([np.log(4), np.log(2), 0.0])


def test_a_clause_without_a_cue_has_no_cue_feature(fw):
    assert policy_cues.cue_features(["今天天气很好。"], fw).sum() == 0


def test_the_codebook_gives_every_sub_tool_training_rows(fw):
    rows = policy_cues.codebook_rows(fw)
    assert set(rows["primary"]) == set(fw.order)  # also D_TRA, which no reviewed document uses
    # D_PRO: definition, include, 政府采购 (name), keywords 政府采购, 采购, 购买服务 -> 6 rows
    pro = rows[rows["primary"] == "D_PRO"]
    assert pro["text"].tolist()[2:] == ["政府采购", "政府采购", "采购", "购买服务"]
    assert pro["clause_id"].tolist() == [f"codebook-D_PRO:{n}.1.1" for n in range(1, 7)]
    assert (rows["doc_id"] == policy_cues.CODEBOOK_DOC).all()


def test_a_sub_tool_no_training_document_uses_can_be_drafted_from_the_codebook(fw):
    # trained on subsidies and no-measure lines only; tax relief and venture finance come from
    # the codebook's words (税收, 减税, 降费 for E_TAX; 创业投资, 天使投资, 信贷 for E_FIN)
    training = pd.DataFrame({
        "clause_id": [f"{d}:{i}.1.1" for d in "ab" for i in range(1, 4)], "doc_id": [d for d in "ab" for _ in range(3)],
        "text": ["对新认定的众创空间给予一次性补助。", "（责任单位:市科技局）", "今天召开会议。",
                 "设立专项资金支持孵化器建设。", "任务之一", "会议召开了。"],
        "primary": ["S_FUN", "none", "none", "S_FUN", "none", "none"]})
    model = autocoder.fit(training, fw, calibrate=False)
    assert model.trained_on == frozenset(training["clause_id"])  # the codebook's rows are no clause
    new = pd.DataFrame({"clause_id": ["n:1.1.1", "n:2.1.1"], "doc_id": "n",
                        "text": ["落实减税降费政策,扩大税收优惠。", "发展天使投资和创业投资基金,扩大科技信贷。"]})
    assert autocoder.predict(model, new)["primary"].tolist() == ["E_TAX", "E_FIN"]


def _rules(fw, text, primary, ranking):
    """The codebook's rules on one clause whose decision values rank ``ranking`` first to last."""
    classes = np.array(ranking, dtype=object)
    scores = np.array([[float(len(ranking) - k) for k in range(len(ranking))]])
    return autocoder._codebook_rules([text], scores, classes, np.array([primary], dtype=object), fw)[0]


def test_rule_r2_a_measure_for_returnees_is_not_talent_but_the_next_code(fw):
    # R2: cue 留学 contradicts primary S_TAL; the best code it allows is D_OVE (ranked second)
    assert _rules(fw, "支持留学人员回国创业。", "S_TAL", ["S_TAL", "D_OVE", "none"]) == "D_OVE"


def test_a_rule_that_contradicts_a_code_gives_the_next_measure_not_none(fw):
    # R7: 专业化 contradicts S_INF; none is ranked second, E_STR third: a rule says what a
    # measure is not, never that it is no measure, so E_STR
    assert _rules(fw, "支持建设专业化众创空间。", "S_INF", ["S_INF", "none", "E_STR"]) == "E_STR"


def test_rule_r4_a_target_is_goal_planning(fw):
    # R4: cue 力争 (at the start) expects E_GOA whatever the classifier ranked first
    assert _rules(fw, "力争建成众创空间50家。", "S_INF", ["S_INF", "E_GOA", "none"]) == "E_GOA"


def test_the_rules_never_turn_no_measure_into_a_measure(fw):
    assert _rules(fw, "力争建成众创空间50家。", "none", ["none", "E_GOA"]) == "none"


def test_rule_r8_leading_role_is_not_a_pilot_unless_a_pilot_is_named(fw):
    # R8: 示范引领 contradicts D_DEM -> next allowed E_STR; with 试点 (an unless word) it stays
    assert _rules(fw, "发挥孵化器示范引领作用。", "D_DEM", ["D_DEM", "E_STR", "none"]) == "E_STR"
    assert _rules(fw, "开展试点,发挥示范引领作用。", "D_DEM", ["D_DEM", "E_STR", "none"]) == "D_DEM"


def test_the_margin_is_that_of_the_final_code():
    # scores S_TAL 3, D_OVE 2, none 0: S_TAL 3 - 2 = 1; D_OVE (a rule's override) 2 - 3 = -1;
    # E_GOA, a code the classifier does not know, 0
    scores = np.array([[3.0, 2.0, 0.0]] * 3)
    classes = np.array(["S_TAL", "D_OVE", "none"], dtype=object)
    margin = autocoder._final_margin(scores, classes, np.array(["S_TAL", "D_OVE", "E_GOA"], dtype=object))
    assert margin.tolist() == [1.0, -1.0, 0.0]


def test_a_clause_too_short_for_a_measure_is_none_whatever_the_codebook_prior(fw):
    # 特此通知。 has 5 characters (< SHORTEST_MEASURE, 6): none, as the keyword coder codes it,
    # though the codebook's prior rows are short and all measures
    training = pd.DataFrame({
        "clause_id": ["a:1.1.1", "a:2.1.1", "b:1.1.1", "b:2.1.1"], "doc_id": ["a", "a", "b", "b"],
        "text": ["对新认定的众创空间给予一次性补助。", "今天召开会议。", "设立专项资金支持孵化器建设。", "会议召开了。"],
        "primary": ["S_FUN", "none", "S_FUN", "none"]})
    model = autocoder.fit(training, fw, calibrate=False)
    new = pd.DataFrame({"clause_id": ["n:1.1.1"], "doc_id": "n", "text": ["特此通知。"]})
    assert autocoder.predict(model, new)["primary"].tolist() == ["none"]
