"""Third round of issue 26: more clause roles (``analysis.clause_roles``) and the coder's rules that
use them (``autocoder._role_rules``). Every sentence was written for the test; the expected codes
are by hand, from the codebook (v1.1) and its rules (R3: a recognition's conditions are E_STR;
R4: targets are E_GOA)."""

import numpy as np
import pytest

from analysis import autocoder, clause_roles, instruments


@pytest.fixture(scope="module")
def fw():
    return instruments.load_framework()


def test_a_question_states_no_measure():
    texts = ["记者：下一步如何支持在孵企业融资？",  # an interview's question, a measure's words: none
             "问：申请运营补贴需要哪些材料?",  # a half-width question mark
             "问：新政何时实施？”",  # a closing quotation mark after it
             "对新认定的孵化器给予50万元奖励。",  # a statement: no question
             "是否给予补贴，由评审结果决定。"]  # 是否 without a question mark: no question
    assert clause_roles.question(texts).tolist() == [True, True, True, False, False]


def test_the_conditions_of_a_recognition_under_their_lead_in_or_heading():
    ids = ["d:1.1.1", "d:2.1.1", "d:3.1.1", "d:3.1.2", "d:4.1.1", "d:5.1.1",
           "d:6.1.1", "d:7.1.1", "d:8.1.1", "d:9.1.1", "d:10.1.1"]
    texts = ["第五条 申请认定的众创空间应当具备以下条件：",  # a lead-in listing conditions: True
             "（一）在本市注册的独立法人；",  # its items: True
             "（二）服务场地面积不少于500平方米，",  # an item ...
             "其中公共服务面积不低于30%；",  # ... and the rest of its paragraph: True
             "第六条 市科技局每年组织一次认定。",  # a paragraph that is no item ends the list: False
             "（一）给予一次性奖励。",  # an item with no list open: False
             "三、备案条件",  # a heading that names conditions: left to the other rules, False
             "（一）运营满1年；",  # its items: True
             "四、支持政策",  # the next heading closes it: False
             "（一）给予房租补贴；",  # an item under it: False
             "有关条件如下："]  # 条件如下 does not end in 条件…: here, no (如下条件 would): False
    expected = [True, True, True, True, False, False, False, True, False, False, False]
    assert clause_roles.conditions(ids, texts).tolist() == expected


def test_a_level_written_on_a_noun_is_no_target_mark():
    # 省级以上 names the noun's scope; a figure with it is reported, not a level to reach
    texts = ["省级以上众创空间86家，其中国家备案23家。",  # reported: True (以上 is the rank's)
             "众创空间86家以上。",  # 以上 after the number: a target mark, not reported: False
             "对市级以上孵化器免收场地租金200平方米。"]  # an act of government (免收): False
    assert clause_roles.reported_figure(texts).tolist() == [True, False, False]


def test_targets_under_a_years_work_plan_and_a_goal_lead_in():
    ids = ["d:1.1.1", "d:2.1.1", "d:3.1.1", "d:4.1.1", "d:5.1.1", "d:6.1.1", "d:7.1.1"]
    texts = ["三、2025年工作计划",  # a year's work plan opens
             "国家级孵化载体达到15家；",  # a level with no act: a target
             "引进创业导师100名以上。",  # a level with an act (引进): the measure's, no target
             "四、保障措施",  # the next section closes it
             "国家级孵化载体达到15家；",  # the same words: no target now
             "全年主要目标是：在孵企业达到900家。",  # 目标是： in the clause: a target
             "第二节 发展目标"]  # a 第…节 heading that names 目标 ...
    assert clause_roles.target(ids, texts).tolist() == [False, True, False, False, False, True, False]
    ids2 = ["e:1.1.1", "e:2.1.1"]  # ... opens a section of targets
    assert clause_roles.target(ids2, ["第二节 发展目标", "星创天地达到20家。"]).tolist() == [False, True]


def test_the_role_rules_code_questions_none_and_conditions_e_str(fw):
    ids = ["n:1.1.1", "n:2.1.1", "n:3.1.1", "n:4.1.1", "n:5.1.1"]
    texts = ["问：对新认定的孵化载体有哪些奖励？",  # S_FUN -> none (a question)
             "申报单位应当具备以下条件：",  # none -> E_STR (the lead-in)
             "（一）配备专职创业导师不少于5名；",  # S_TAL -> E_STR (a condition)
             "（二）年度研发投入不低于100万元。",  # none -> E_STR (a condition, not a figure reported)
             "对入驻的企业给予房租补贴。"]  # S_FUN stays: no item, the list has ended
    primary = np.array(["S_FUN", "none", "S_TAL", "none", "S_FUN"], dtype=object)
    secondary = np.array(["", "", "", "", ""], dtype=object)
    p, _ = autocoder._role_rules(ids, texts, primary, secondary, fw)
    assert p.tolist() == ["none", "E_STR", "E_STR", "E_STR", "S_FUN"]


def test_home_and_abroad_is_no_demand_side_measure(fw):
    texts = ["支持在孵企业在国内外资本市场上市。",  # 国内外: not only abroad (R2): E_FIN stays
             "支持在孵企业吸引外资。"]  # 外资 alone: D_OVE, the old code its secondary
    p, s = autocoder._demand_cues(texts, np.array(["E_FIN", "E_FIN"], dtype=object),
                                  np.array(["", ""], dtype=object), fw)
    assert p.tolist() == ["E_FIN", "D_OVE"]
    assert s.tolist() == ["", "E_FIN"]


@pytest.mark.parametrize("text, expected", [
    ("第一条 适用范围。", True),  # whom the text applies to: its frame
    ("本办法适用于在本区注册的科技企业孵化器。", True),  # 本办法适用于
    ("感谢您对我市双创工作的关心和支持。", True),  # a reply's thanks
    ("第三章 运行管理", True),  # a chapter heading (as the codebook's 一、 headings)
    ("第二节 发展目标", True),  # a heading that names the targets
    ("（一）夯实载体基础。", False),  # an act on a base (夯实): not a heading naming the base
    ("第一节 实施孵化载体提升工程", False),  # a 第…节 heading that names a measure keeps its code
    ("——平台建设。", True),  # a dash-led label of a target area
    ("——坚持市场导向。", False),  # a principle (R4's E_GOA) keeps its code
    ("——实施人才计划。", False),  # an act (实施) keeps its code
    ("（二）部分单位资金使用审核不严。", True),  # an audit's finding
    ("有3家单位虚报场地面积骗取补贴。", True),  # 虚报…骗取
    ("未达到认定条件的，取消其资格。", False),  # 未达到…条件的: a rule, not a finding
])
def test_more_of_the_frame_and_findings_state_no_measure(text, expected):
    assert bool(clause_roles.no_measure(["d:3.1.1"], [text])[0]) is expected


@pytest.mark.parametrize("text, expected", [
    ("我县星创天地数量偏少、服务能力不强。", True),  # two shortcomings, no act: a problem stated
    ("但载体运营水平不高等问题仍然存在。", True),  # 问题仍然存在
    ("针对服务能力不足、人才短缺的问题，支持载体引进专业团队。", False),  # shortcomings and an act (支持)
    ("孵化载体服务能力不足。", False),  # one shortcoming alone: left to the classifier
])
def test_shortcomings_stated_are_problems(text, expected):
    assert bool(clause_roles.no_measure(["d:3.1.1"], [text])[0]) is expected


def test_a_years_activities_reported_are_figures_reported_but_money_granted_is_not():
    texts = ["全年举办创业沙龙等活动120场，参与人数3000人次。",  # a completed year's acts, no money: True
             "年末新认定市级众创空间8家。",  # 年末 (and 认定, an act): True
             "全年兑现各类扶持资金1.2亿元。",  # money granted in the year: left to the rules, False
             "全年引进外资研发机构5家，实际使用外资1.5亿美元。",  # money (美元): False
             "今年以来建成创新平台6个。",  # 今年以来 (a year still going) with an act (建成): False
             "全年举办创业活动50场以上。"]  # 以上 after the number: a level to reach, False
    assert clause_roles.reported_figure(texts).tolist() == [True, True, False, False, False, False]


def test_an_agricultural_demonstration_plot_is_no_pilot_project(fw):
    texts = ["对使用农业科技示范基地用地的创业主体免收场地租金。",  # a place of land: S_INF stays
             "建成标准化示范茶园500亩。",  # a demonstration tea garden: S_INF stays
             "支持建设国家双创示范基地。"]  # a designated demonstration base: D_DEM (R8's pilot word)
    p, _ = autocoder._demand_cues(texts, np.array(["S_INF", "S_INF", "S_INF"], dtype=object),
                                  np.array(["", "", ""], dtype=object), fw)
    assert p.tolist() == ["S_INF", "S_INF", "D_DEM"]


def test_money_paid_out_is_a_grant_and_an_audit_finding_about_it_is_not(fw):
    texts = ["截至2024年底，专项资金实际拨付3200万元。",  # paid out, as a status: S_FUN
             "全年兑现各类奖补资金1.6亿元。",  # 兑现…亿元: S_FUN
             "有2个县未将上级资金拨付到位，涉及资金500万元。",  # an audit's finding: none stays
             "全市累计投入科技资金6亿元。",  # 投入 is no payment out of a fund: none stays
             "兑现政策。"]  # no amount: none stays
    assert clause_roles.disbursed(texts).tolist() == [True, True, False, False, False]
    ids = [f"n:{k}.1.1" for k in range(2, 7)]
    primary = np.array(["none"] * 5, dtype=object)
    p, _ = autocoder._role_rules(ids, texts, primary, np.array([""] * 5, dtype=object), fw)
    assert p.tolist() == ["S_FUN", "S_FUN", "none", "none", "none"]


def test_a_label_line_of_its_own_heads_the_measure_below_it():
    ids = ["d:1.1.1", "d:2.1.1", "d:3.1.1", "d:4.1.1", "d:5.1.1", "d:5.1.2", "d:6.1.1", "d:7.1.1"]
    texts = ["创业新政",  # the title (paragraph 1): no label, -1
             "✅房租补贴",  # a label of its own: heads clause 2
             "对初创企业给予房租补贴。",  # a measure: -1
             "创业补贴：",  # a mark (：): no label, -1
             "人才服务",  # not a paragraph of its own (5.1.2 follows): -1
             "为人才提供一站式服务。",
             "一次性奖励50万元",  # a digit: no label, -1
             "对孵化器给予奖励。"]
    assert clause_roles.label_heading(ids, texts).tolist() == [-1, 2, -1, -1, -1, -1, -1, -1]


def test_the_label_rule_takes_the_final_code_below_and_keeps_heading_patterns_none():
    ids = ["d:2.1.1", "d:3.1.1", "d:4.1.1", "d:5.1.1", "d:6.1.1", "d:7.1.1"]
    texts = ["✅国际化", "鼓励孵化器在海外设立离岸孵化基地。",  # the label takes D_OVE from below
             "三、支持政策", "对孵化器给予奖励。",  # the codebook's 一、 heading pattern stays none
             "申报指南", "每年4月受理申报。"]  # the measure below is none: the label stays none
    primary = np.array(["none", "D_OVE", "none", "S_FUN", "none", "none"], dtype=object)
    p, _ = autocoder._label_rule(ids, texts, primary, np.array([""] * 6, dtype=object))
    assert p.tolist() == ["D_OVE", "D_OVE", "none", "S_FUN", "none", "none"]


@pytest.mark.parametrize("text, expected", [
    ("咨询电话：0551-12345678", True),  # a contact line
    ("申报时间：每年3月至4月", False),  # a step of a recognition, not the frame
])
def test_a_contact_line_is_the_frame_and_an_application_step_a_procedure(text, expected):
    assert bool(clause_roles.no_measure(["d:3.1.1"], [text])[0]) is expected
    assert bool(clause_roles.procedure([text])[0]) is not expected


def test_what_follows_an_assessment_is_a_strategic_measure(fw):
    ids = [f"n:{k}.1.1" for k in range(2, 8)]
    texts = ["连续两年考核不合格的，撤销其资格，并收回已拨付的补助资金。",  # S_FUN -> E_STR (撤销…资格)
             "截至6月底，已取消3家众创空间市级资格。",  # none (a status) -> E_STR: a sanction reported
             "评价不合格的单位应于年底前完成整改。",  # none -> E_STR (完成整改)
             "三、整改情况",  # the codebook's 一、 heading pattern: none stays
             "问：哪些情况会被取消资格？",  # a question: none stays
             "部分单位整改不到位、审核不严。"]  # a problem stated (审核不严), no sanction pattern: none stays
    assert clause_roles.sanction(texts).tolist() == [True, True, True, False, True, False]
    primary = np.array(["S_FUN", "none", "none", "none", "none", "none"], dtype=object)
    p, _ = autocoder._role_rules(ids, texts, primary, np.array([""] * 6, dtype=object), fw)
    assert p.tolist() == ["E_STR", "E_STR", "E_STR", "none", "none", "none"]
