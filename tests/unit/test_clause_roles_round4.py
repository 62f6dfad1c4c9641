"""Fourth round of issue 26: what makes a clause a measure, read from its form
(``analysis.measure_form``, ``analysis.coder_rules``, and the verbs of ``analysis.clause_roles``).
Every sentence was written for the test; the expected codes are by hand, from the codebook (v1.1)
and its rules (R1: a heading takes the code of the measure it heads; a heading of a section or of
mixed measures is none)."""

import numpy as np

from analysis import clause_roles, coder_rules, measure_form


def _ids(paragraphs):
    """Clause ids of one document, one paragraph per entry (one sentence, n clauses)."""
    return [f"d:{p}.1.{c}" for p, n in enumerate(paragraphs, start=1) for c in range(1, n + 1)]


def test_a_numbered_heading_on_a_line_of_its_own_heads_the_paragraphs_below_it():
    ids = _ids([1, 1, 1, 2, 1, 1, 1])
    texts = ["二、支持措施",  # a section's heading: no subsection heading
             "（一）加大租金减免。",  # a subsection heading alone on its line: its body is clauses 2-4
             "对入驻的初创企业免收两年租金。",
             "对新建载体给予一次性补助；", "最高50万元。",  # a paragraph of two clauses, both body
             "（二）优化融资服务。",  # the next heading ends the first body; its body is clause 6
             "设立天使投资引导基金。",
             "三、保障措施"]  # a section's heading ends the second body
    bodies = measure_form.heading_bodies(ids, texts)
    assert bodies == [[], [2, 3, 4], [], [], [], [6], [], []]


def test_an_item_with_a_comma_heads_nothing_a_lead_sentence_heads_its_paragraph():
    ids = ["d:1.1.1", "d:2.1.1", "d:2.2.1", "d:3.1.1"]
    texts = ["（一）在本区注册的独立法人，运营满一年；",  # an item of a list (a comma): no heading
             "（二）强化人才支撑。",  # the numbered lead sentence of its paragraph: heads clause 2
             "每年培训创业导师100名。",
             "组织创业训练营。"]  # another paragraph: not its body
    assert measure_form.heading_bodies(ids, texts) == [[], [2], [], []]


def test_a_heading_that_names_a_section_is_no_measure():
    assert measure_form.names_section("（一）指导思想。")
    assert measure_form.names_section("（四）存在的问题。")
    assert measure_form.names_section("第二节 发展目标")
    assert not measure_form.names_section("（三）降低创业成本。")  # an act: a measure's name
    assert not measure_form.names_section("（二）政策兑现及时有力。")  # an outcome: its body decides


def test_the_heading_rule_takes_the_code_its_body_shares():
    ids = _ids([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
    texts = ["（一）落实奖补政策。",  # classifier none; body S_FUN, S_FUN: S_FUN
             "对新认定的国家级孵化器奖励100万元。", "兑现运营补贴800万元。",
             "（二）基本原则。",  # names a section: stays none although its body is E_GOA
             "坚持市场主导。",
             "（三）推进开放合作。",  # body D_OVE, S_INF: mixed (one of two each), stays none
             "在新加坡设立离岸孵化器。", "改造闲置厂房为创业基地。",
             "（四）孵化载体量质齐升。",  # body of figures reported (none, none): stays none
             "全市众创空间45家。", "在孵企业1200家。",
             "（五）完善金融服务。",  # the classifier coded it E_FIN: kept, whatever its body says
             "对入驻企业给予贷款贴息。"]
    primary = np.array(["none", "S_FUN", "S_FUN", "none", "E_GOA", "none", "D_OVE", "S_INF",
                        "none", "none", "none", "E_FIN", "S_FUN"], dtype=object)
    secondary = np.array([""] * len(texts), dtype=object)
    out, _ = coder_rules.heading_rule(ids, texts, primary, secondary)
    assert out.tolist() == ["S_FUN", "S_FUN", "S_FUN", "none", "E_GOA", "none", "D_OVE", "S_INF",
                            "none", "none", "none", "E_FIN", "S_FUN"]


def test_a_code_of_every_body_measure_also_is_shared():
    # body: S_INF (S_FUN secondary) and S_FUN: S_INF is one of two primaries, S_FUN a code of both
    ids = _ids([1, 1, 1])
    texts = ["（三）降低场地成本。", "对入驻企业给予租金补贴。", "对新建载体给予建设补助。"]
    primary = np.array(["none", "S_INF", "S_FUN"], dtype=object)
    secondary = np.array(["", "S_FUN", ""], dtype=object)
    out, _ = coder_rules.heading_rule(ids, texts, primary, secondary)
    assert out[0] == "S_FUN"


def test_acts_stated_with_a_figure_are_no_figure_reported():
    texts = ["向在孵企业发放创新券800万元。",  # 发放: a government's act with its amount
             "市级新设规模5亿元的天使投资基金。",  # 新设
             "各县区要在两个月内制定实施细则3项。",  # 制定
             "经专家评审，评定优秀孵化器6家。",  # 评定
             "组建由30名导师组成的辅导团。",  # 组建
             "全市众创空间达到45家，在孵企业1200家。"]  # a figure with no act: reported
    assert clause_roles.reported_figure(texts).tolist() == [False, False, False, False, False, True]


def test_a_completed_year_reported_unless_the_clause_opens_with_an_act():
    texts = ["全年举办创业沙龙等活动320场，参与人数8000人次。",  # a year's tally: reported
             "举办首届创客大赛，全年组织路演活动45场。",  # opens with 举办: the act is stated
             "全年新增省级众创空间5家。"]  # opens with 全年: reported
    assert clause_roles.reported_figure(texts).tolist() == [True, False, True]


def test_a_numbered_lead_sentence_heads_the_rest_of_its_paragraph_a_news_lead_does_not():
    ids = ["d:1.1.1", "d:1.2.1", "d:1.2.2", "d:2.1.1", "d:2.2.1"]
    texts = ["（三）强化用地保障。",  # numbered lead sentence: its body is the rest of the paragraph
             "优先安排孵化器建设用地；", "累计供地不少于300亩。",
             "好消息！",  # a news paragraph's short lead: no heading
             "本市新认定孵化器5家。"]
    assert measure_form.heading_bodies(ids, texts) == [[1, 2], [], [], [], []]


def test_a_section_numbered_heading_that_is_a_sentence_names_a_measure():
    assert measure_form.measure_section("三、降低在孵企业成本。")  # a sentence: a measure's heading
    assert not measure_form.measure_section("二、支持措施")  # a section's title: no final mark
    assert not measure_form.measure_section("一、强化顶层设计，加强政策引导")  # a group, no mark


def test_a_section_numbered_measure_heading_takes_its_body_code_a_section_title_does_not():
    ids = ["d:1.1.1", "d:1.2.1", "d:2.1.1", "d:2.2.1"]
    texts = ["四、加大财政投入。",  # R1: its body is S_FUN, so S_FUN (the 一、 pattern is for titles)
             "市财政每年安排专项资金3000万元。",
             "五、组织保障",  # no final mark: a section's title (and no lead of a body here)
             "成立领导小组。"]
    primary = np.array(["none", "S_FUN", "none", "E_STR"], dtype=object)
    out, _ = coder_rules.heading_rule(ids, texts, primary, np.array([""] * 4, dtype=object))
    assert out.tolist() == ["S_FUN", "S_FUN", "none", "E_STR"]


def test_the_form_of_a_measure():
    texts = ["各街道要认真组织申报，严禁虚报材料；",  # a duty (要…组织) and a prohibition: True
             "孵化器应于每季度末报送运行数据。",  # a carrier's duty (应于…报送): True
             "区科技局会同区财政局完成资金审核；",  # a government subject and its act: True
             "建立由区长任召集人的联席会议制度。",  # a plan's task opening with its verb: True
             "各镇（街道）人民政府，区政府各部门：",  # a salutation (a colon at its end): False
             "加快构建创新创业生态体系",  # a short line without a mark: a heading, False
             "全区众创空间运营情况良好。"]  # a status with no act: False
    assert measure_form.states_measure(texts).tolist() == [True, True, True, True, False, False, False]


def test_the_measure_rule_gives_the_best_code_but_none_where_the_classifier_reads_none():
    ids = [f"d:{p}.1.1" for p in range(2, 6)]
    texts = ["各街道要认真组织申报，严禁虚报材料；",  # classifier none, a measure's form: its next code
             "全区众创空间运营情况良好。",  # classifier none, no measure's form: none
             "区科技局会同区财政局完成资金审核；",  # classifier E_STR already: left as it is
             "问：各街道要如何组织申报？"]  # a measure's form but a question: none
    classes = np.array(["E_STR", "S_FUN", "none"], dtype=object)
    scores = np.array([[-0.4, -0.6, -0.2],  # none first, E_STR next: E_STR
                       [-0.5, -0.7, 0.3],
                       [0.5, -0.7, -0.3],
                       [-0.9, -0.4, 0.1]])  # S_FUN next, but a question stays none
    primary = np.array(["none", "none", "E_STR", "none"], dtype=object)
    out = coder_rules.measure_rule(ids, texts, scores, classes, primary)
    assert out.tolist() == ["E_STR", "none", "E_STR", "none"]


def test_a_prohibition_of_false_claims_is_no_audit_finding():
    ids = ["d:2.1.1", "d:3.1.1"]
    texts = ["严禁虚报孵化面积骗取补贴。",  # a rule's prohibition: no finding (False)
             "个别单位虚报孵化面积。"]  # an audit's finding: a problem stated (True)
    assert clause_roles.no_measure(ids, texts).tolist() == [False, True]


def test_a_shortfall_a_view_or_a_years_summary_states_no_measure():
    texts = ["个别孵化器服务能力偏弱。",  # a part of the carriers found short: True
             "专业化运营团队缺乏；",  # ends on a shortcoming: True
             "部分乡镇尚无县级以上星创天地。",  # 尚无…: True
             "有关专家认为，新政将明显降低创业成本。",  # a view reported: True
             "去年以来，各项工作取得积极进展。",  # a year's summary: True
             "着力解决孵化载体资金不足问题。",  # an act against the shortcoming (解决): False
             "对运营能力不足的载体开展专项辅导。",  # a government's act (开展): False
             "全区新认定众创空间5家。"]  # no shortfall: False
    assert measure_form.states_no_measure(texts).tolist() == [True, True, True, True, True, False, False, False]


def test_the_measure_rule_makes_a_shortfall_none_whatever_the_classifier_reads():
    ids = ["d:2.1.1"]
    texts = ["个别孵化器服务能力偏弱。"]
    classes = np.array(["S_PUB", "none"], dtype=object)
    scores = np.array([[0.6, -0.5]])  # the classifier reads a public service (S_PUB)
    out = coder_rules.measure_rule(ids, texts, scores, classes, np.array(["S_PUB"], dtype=object))
    assert out.tolist() == ["none"]


def test_assessing_public_money_is_a_strategic_measure_paying_it_is_funding():
    texts = ["区科技局对孵化专项资金开展绩效自评。",  # an assessment of money, none given: E_STR (R3)
             "将服务收入纳入评价指标，评价结果与补贴挂钩。",  # an assessment's indicators: E_STR
             "对绩效评价优秀的孵化器给予30万元奖励。",  # a grant after an assessment: S_FUN stays
             "与市场监管部门共享创新券兑付数据。",  # 市场监管 names a department: S_FUN stays
             "对绩效自评开展专项培训。"]  # classifier E_STR... here S_TAL: only S_FUN is read
    primary = np.array(["S_FUN", "S_FUN", "S_FUN", "S_FUN", "S_TAL"], dtype=object)
    out = coder_rules.assessment_rule(texts, primary)
    assert out.tolist() == ["E_STR", "E_STR", "S_FUN", "S_FUN", "S_TAL"]


def test_a_clause_that_opens_with_an_act_and_names_no_goal():
    texts = ["依托特色农业，新建星创天地5家以上。",  # opens with 依托 (an act), no goal word: True
             "（二）建设一批众创空间。",  # a numbered heading opening with 建设: True
             "到2025年新建星创天地5家以上。",  # a date to reach: a target, False
             "完善全市孵化载体发展规划。",  # a plan is goal planning (规划): False
             "坚持市场主导。",  # a principle: False
             "全市众创空间达到50家。"]  # no act: False
    assert measure_form.opens_with_act(texts).tolist() == [True, True, False, False, False, False]


def test_a_goal_code_on_an_act_without_a_target_gives_the_acts_code():
    ids = ["d:2.1.1", "d:3.1.1", "d:4.1.1"]
    texts = ["依托特色农业，新建星创天地5家以上。",  # E_GOA by the classifier, no target: next code S_INF
             "到2025年，全市星创天地达到30家。",  # a target (R4): stays E_GOA
             "开设电商实训班4个。"]  # next best is D_DEM, a demand code: skipped for S_TAL
    classes = np.array(["E_GOA", "S_INF", "S_TAL", "D_DEM", "none"], dtype=object)
    scores = np.array([[0.4, 0.1, -0.5, -0.6, -0.2],
                       [0.9, 0.2, -0.5, -0.6, -0.4],
                       [0.3, -0.6, -0.2, 0.1, -0.4]])
    primary = np.array(["E_GOA", "E_GOA", "E_GOA"], dtype=object)
    out = coder_rules.goal_rule(ids, texts, scores, classes, primary)
    assert out.tolist() == ["S_INF", "E_GOA", "S_TAL"]


def test_a_demonstration_plot_measured_in_mu_or_firms_buyers_are_no_demand_measure():
    texts = ["对建设示范种植基地30亩以上的，按每亩200元给予补贴。",  # 示范 of land in 亩: S_FUN's next code
             "帮助在孵企业对接采购商20余家。",  # firms' buyers, not procurement: next code
             "开展首台套产品示范应用试点。",  # 试点 and 首台 are left: the demand code stays
             "政府采购优先购买在孵企业产品。"]  # no excused word at all: stays
    classes = np.array(["D_DEM", "D_PRO", "S_FUN", "S_PUB", "none"], dtype=object)
    scores = np.array([[0.5, -0.9, 0.2, -0.3, -0.5],
                       [-0.8, 0.4, -0.1, 0.1, -0.5],
                       [0.8, -0.9, -0.2, -0.3, -0.5],
                       [-0.8, 0.9, -0.2, -0.3, -0.5]])
    primary = np.array(["D_DEM", "D_PRO", "D_DEM", "D_PRO"], dtype=object)
    out = coder_rules.excused_demand_rule(texts, scores, classes, primary)
    assert out.tolist() == ["S_FUN", "S_PUB", "D_DEM", "D_PRO"]
