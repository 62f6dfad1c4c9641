"""Seventh round of the coder, read on set I's errors: lines of a list or table pasted into a text
(``analysis.list_lines``, applied by ``coder_rules.list_rule``), English clauses read by their words
(``analysis.english_clauses``) and a speech's frame and targets (``analysis.clause_roles``). Every sentence
was written for the test (none is a held-out set's); the expected codes are by hand, from the codebook
(v1.1) and its rules R1-R8."""

import numpy as np
import pytest

from analysis import clause_roles, coder_rules, demand_side, english_clauses, list_lines, measure_form, rule_terms
from analysis.instruments import NONE


def _ids(n, doc="d"):
    """One clause per paragraph (a document whose lines are its clauses)."""
    return [f"{doc}:{p}.1.1" for p in range(1, n + 1)]


def _codes(*codes):
    return np.array(list(codes), dtype=object)


# --- lines of a list or table -----------------------------------------------------------------------

def test_a_scale_of_grants_pasted_one_cell_a_line_codes_its_money_cells_as_funding():
    # a lead-in that gives the grant and says its scale follows; the table's header cells and row labels
    # name what the amounts are for (none), each amount is the grant's rule (S_FUN, the codebook's funding);
    # the next sentence (二、…。) ends the list and is left to the other rules (here: as it was, E_REG)
    texts = ["对新认定的孵化器，分别给予运营补助，标准如下：", "等级", "补助金额", "A级", "80万元", "B级", "40万元",
             "二、其他事项按有关规定执行。"]
    primary, secondary = coder_rules.list_rule(_ids(len(texts)), texts,
                                               _codes("S_FUN", "S_FUN", "S_FUN", NONE, NONE, NONE, NONE, "E_REG"),
                                               _codes(*[""] * len(texts)))
    assert list(primary) == ["S_FUN", NONE, NONE, NONE, "S_FUN", NONE, "S_FUN", "E_REG"]


@pytest.mark.parametrize("lead, scale", [
    ("奖补标准如下：", True),                   # names the scale
    ("各级载体奖励标准见下表：", True),
    ("资金拨付明细如下：", False),               # an allocation to named carriers: no scale
    ("现将获奖名单及奖励金额公布如下：", False),
    ("主要做法如下：", False),                   # names no money: no list of money at all
])
def test_only_a_scale_of_grants_opens_a_grant_list(lead, scale):
    texts = [lead, "国家级 100万元", "省级 50万元"]
    kinds = list_lines.grant_list(_ids(3), texts)
    assert list(kinds) == (["", "grant", "grant"] if scale else ["", "", ""])


@pytest.mark.parametrize("text, lead", [
    ("资金拨付明细如下：", True),                   # introduces the list, gives nothing: none
    ("优秀等次单位名单及奖励金额如下：", True),
    ("对认定的载体分别给予奖励，标准如下：", False),  # gives the grant itself: the other rules code it
    ("主要成效如下：", False),                      # no money named: no lead of a money list
])
def test_a_lead_in_to_a_list_of_money_that_gives_nothing_states_no_measure(text, lead):
    assert list_lines.list_lead([text])[0] == lead


@pytest.mark.parametrize("text, row", [
    ("3 某某区创新孵化器 孵化器 省级 12000 56 88.5 良好", True),  # rank, name, kind, level, area, firms, score
    ("某某众创空间\t众创空间\t市级\t2600\t31", True),             # tab-separated
    ("2023 120 86 45", True),                                      # a year's row of counts
    ("对入驻企业给予 3 年 50 % 房租补贴", False),                  # a verb and money words: a sentence
    ("某某孵化器 国家级 奖励 100 万元", False),                    # money: left to the grant list
    ("Together the 12 parks house 3 000 firms", False),            # English words are no cells
    ("孵化器数量 家 60 90 预期性", False),                          # an indicator table's row: a target
])
def test_a_table_s_data_row_is_recognised(text, row):
    assert list_lines.table_row(["d:1.1.1"], [text])[0] == row


def test_a_table_s_rows_and_the_label_above_them_state_no_measure():
    # the label (不达标单位：) names the rows below it; neither states a measure (a record of an assessment)
    texts = ["不达标单位：", "9 某某创客空间 众创空间 市级 900 3 52.0 不合格", "10 某某孵化基地 孵化器 市级 1800 5 48.5 不合格"]
    primary, _ = coder_rules.list_rule(_ids(3), texts, _codes("S_INF", "D_OVE", "E_STR"), _codes("", "", ""))
    assert list(primary) == [NONE, NONE, NONE]


@pytest.mark.parametrize("text, goal", [
    ("1 科技型中小企业 家 800 1500 预期性", True),      # a plan's indicator: baseline 800, target 1500 (R4)
    ("研发投入强度\t%\t1.8\t2.5\t约束性", True),
    ("预期性指标共8项", False),                          # a sentence about the table, not its row
    ("本规划的约束性", False),
])
def test_a_row_of_a_plan_s_indicator_table_is_a_target(text, goal):
    assert list_lines.indicator_row([text])[0] == goal
    primary, _ = coder_rules.list_rule(["d:1.1.1"], [text], _codes(NONE), _codes(""))
    assert (primary[0] == "E_GOA") == goal


# --- English clauses read by their words --------------------------------------------------------------

@pytest.mark.parametrize("text, before, expected", [
    # an instrument named by its words in the form of a measure: its sub-tool, whatever the classifier read
    ("Each newly certified maker space receives a one-off award of up to RMB 1 million.", NONE, "S_FUN"),
    ("Landlords who cut rents for start-ups are refunded 30 per cent of the rent they forgo.", NONE, "S_FUN"),
    ("The city set aside RMB 300 million for start-up support this year, an official said.", NONE, "S_FUN"),
    ("A municipal fund of funds invests in seed-stage funds that must invest locally.", "E_GOA", "E_FIN"),
    ("A one-stop service centre handles business registration within three working days.", NONE, "S_PUB"),
    ("Graduates can use office space free of charge for one year.", NONE, "S_INF"),
    ("Start-up teams receive a tax refund of 50% on local income tax.", NONE, "S_FUN"),  # money words first
    # for overseas people (R2): D_OVE
    ("Founders from abroad receive a housing allowance of RMB 3,000 a month.", NONE, "D_OVE"),
    # a view reported, a scene, an opinion, a perfect tense, a count: no measure
    ("Founders complain that the subsidies can take months to arrive.", "S_FUN", NONE),
    ("A local investor noted that grants are slow.", "S_FUN", NONE),
    ("Not every founder is happy.", "E_TAX", NONE),
    ("Private capital has followed.", "E_FIN", NONE),
    ("The park offers 80,000 square metres of space and houses 600 firms.", "S_FUN", NONE),
    ("SUZHOU — Ten years ago the site was a textile mill.", "E_REG", NONE),
    # the text's own rules and a recognition's conditions
    ("These measures take effect on 1 May 2026.", "S_FUN", "E_REG"),
    ("To be recognised, a maker space must have at least 500 square metres.", "E_GOA", "E_STR"),
    # a target stays a target
    ("The district aims to host 50 incubators by 2028.", NONE, "E_GOA"),
    # an instrument named without a measure's form keeps the classifier's code
    ("Applications for the grants close on 15 March.", "S_FUN", "S_FUN"),
])
def test_english_clauses_are_read_by_their_words(text, before, expected):
    ids = ["d:1.1.1", "d:2.1.1"]  # the first clause of a document is its title: the tested one is second
    out = english_clauses.english_rule(["A headline", text], _codes(NONE, before), ids)
    assert out[1] == expected


def test_an_english_document_for_overseas_people_codes_its_measures_d_ove():
    # the title names foreign founders (R2 at the document's scope): rent halved and an apartment offered
    # are measures for them (D_OVE); a budget for the measures stays funding (S_FUN)
    texts = ["Measures to Support Foreign Founders in Example City", "From the second year, the rent is halved.",
             "Apartments are offered at 50% of the market rent.", "The city arranges RMB 20 million a year for these measures."]
    out = english_clauses.english_rule(texts, _codes(NONE, NONE, NONE, NONE), _ids(4))
    assert list(out) == [NONE, "D_OVE", "D_OVE", "S_FUN"]


@pytest.mark.parametrize("text, section", [
    ("Article 1 Scope", True), ("Article 6 Targets", True), ("Article 7 Funding and effect", True),
    ("Article 2 Start-up grants", False),   # names a measure: R1 gives it its body's code
])
def test_an_english_article_heading_heads_its_body_unless_it_names_a_section(text, section):
    texts = [text, "Each founder receives a one-off grant of RMB 100,000.", "Article 9 Other matters"]
    bodies = measure_form.heading_bodies(_ids(3), texts)
    assert bodies[0] == [1]
    assert measure_form.names_section(text) == section


# --- a speech: its frame, its spoken sections, its targets and grants in spoken numbers -------------------

@pytest.mark.parametrize("text, frame", [
    ("今天这个会，主要是回顾上半年工作，部署下半年任务。", True),   # what the meeting is for
    ("这次会议的目的就是统一思想。", True),
    ("下面我讲两个方面的意见。", True),                             # a lead-in counting what follows
    ("我讲四方面意见：", True),
    ("这些成效来之不易。", True),                                   # praise of the results
    ("同志们，让我们撸起袖子加油干，全年任务一定能够完成！", True),  # the closing call
    ("让我们携手并进，共创双创新局面！", True),
    ("同志们，今年县里要新建孵化器两家。", False),                   # addressed, but a measure: no closing call
    ("今天起，县里对新认定的孵化器奖励十万元。", False),             # 今天 is no meeting
])
def test_a_speech_s_frame_states_no_measure(text, frame):
    assert clause_roles.no_measure(["d:5.1.1"], [text])[0] == frame


def test_a_spoken_section_of_problems_states_no_measure_until_the_next_section():
    # 再说问题 opens a section of problems: its shortfalls are none, whatever their words; 最后讲 opens the next
    texts = ["先讲成绩。", "去年新增孵化器两家。", "再说问题。", "服务机构也偏少，专业导师才二十来个。", "资金使用效率不高。",
             "最后讲今年的工作。", "今年要新建众创空间三家。"]
    out = clause_roles.no_measure(_ids(len(texts)), texts)
    assert list(out[2:6]) == [True, True, True, False]  # the opener names the section: none too
    assert not out[6]


@pytest.mark.parametrize("opener", ["最后说今年的任务。", "下面讲讲明年的打算。", "三、下一步工作计划"])
def test_levels_under_a_section_of_this_year_s_tasks_are_targets(opener):
    # under a section of the year's tasks, a level to reach with no act of its own is a target (R4), also in
    # spoken numbers: 零的突破 (a first), 两万平方米以上, 发展到五十人; a grant with its act is no target
    texts = [opener, "争取省级孵化器零的突破；", "新增孵化面积两万平方米以上；", "创业导师要发展到五十人；",
             "对新认定的孵化器给予二十万元奖励。"]
    out = clause_roles.target(_ids(len(texts)), texts)
    assert list(out) == [False, True, True, True, False]


def test_levels_after_a_section_of_results_are_no_targets():
    # 先说成绩 opens a section of results, no plan: 达到 there is a level reached, reported
    texts = ["先说成绩。", "全县孵化器达到十二家。"]
    assert not clause_roles.target(_ids(2), texts).any()


@pytest.mark.parametrize("text, grant", [
    ("对新认定的省级众创空间，县里再奖三十万；", True),   # an award said with its amount (S_FUN)
    ("营收过一千万的，奖十万。", True),
    ("对留下来的团队，每家补五万。", True),
    ("今年县财政双创资金要增加到五千万；", True),        # a budget raised to a level
    ("去年全县企业获奖二十万元。", False),               # 获奖: a prize won, reported
    ("奖牌榜上我们排第三。", False),                     # no amount
])
def test_a_grant_said_in_spoken_numbers(text, grant):
    assert clause_roles.grant([text])[0] == grant


@pytest.mark.parametrize("text", ["各街道一把手要亲自抓；", "县里要抓好孵化器的招商。", "区政府每月通报一次进展；"])
def test_a_speech_s_duty_has_the_form_of_a_measure(text):
    assert measure_form.states_measure([text])[0]


def test_seizing_an_opportunity_is_no_act():
    # 抓住…机遇 (to seize an opportunity) opens a goal's sentence, not an act
    assert not measure_form.opens_with_act(["抓住新一轮科技革命带来的机遇，积极融入区域创新体系。"])[0]


# --- the terms a rules document sets -------------------------------------------------------------------

@pytest.mark.parametrize("text, term", [
    ("第六条 入驻团队首年免收场地费；", True),                 # rent-free use of space (S_INF)
    ("第二年起租金减半；", True),
    ("第三年按每平方米每月20元收取；", True),
    ("此后按25元收取；", True),
    ("每个团队使用面积一般为30至80平方米。", True),
    ("入园期限最长不超过两年。", True),
    ("在孵企业孵化期限一般不超过3年。", False),               # an incubation period: the carrier's rule, not space
    ("去年已为入驻企业免收租金120万元。", False),              # reported
    ("园区总面积8,000平方米。", False),                        # a size, no term of use
])
def test_a_term_of_using_space(text, term):
    assert rule_terms.space_terms([text])[0] == term


@pytest.mark.parametrize("text, staffed", [
    ("第八条 园区聘请校外创业导师40名，每个团队至少配备1名导师；", True),   # mentors assigned (S_TAL)
    ("每个村至少对接2名科技特派员；", True),
    ("导师每指导1个团队每年计20学时工作量。", True),
    ("去年累计聘请创业导师60名。", False),                                  # reported
    ("创业导师制度不够健全。", False),                                      # names mentors, assigns none
])
def test_mentors_assigned(text, staffed):
    assert rule_terms.staffing([text])[0] == staffed


def test_the_cases_of_a_loss_are_r3_status_measures():
    # the lead-in (…的，应当退出：) and each case ending on 的 are E_STR; the next article ends the list
    texts = ["第十条 入驻团队有下列情形之一的，应当退出：连续3个月未开展经营的；", "将场地转借他人的；", "（三）违反园区管理规定的。",
             "第十一条 园区每年对入驻团队开展一次评估。"]
    assert list(rule_terms.exit_cases(_ids(4), texts)) == [True, True, True, False]
    # a lead-in that names no loss (有下列情形之一的，可以申请延期：) opens no list
    assert not rule_terms.exit_cases(_ids(2), ["有下列情形之一的，可以申请延期：", "获得省级奖项的；"]).any()


@pytest.mark.parametrize("text, condition", [
    ("申请省级星创天地的，服务面积应不少于2000平方米；", True),    # a floor for applying for a status (R3)
    ("申请认定市级孵化器的，在孵企业须达到20家；", True),
    ("申请创业补贴的，可向所在街道提出。", False),                 # no floor: a step of a grant
])
def test_the_conditions_for_applying_for_a_status(text, condition):
    assert rule_terms.entry_conditions([text])[0] == condition


def test_the_terms_rule_codes_only_what_the_earlier_rules_left():
    # a space term the classifier coded S_FUN keeps its code; one left none becomes S_INF; an exit case over
    # S_INF becomes E_STR; a demand-side code is never overridden
    texts = ["第三年租金减半，由园区给予补贴；", "首年免收场地费；", "有下列情形之一的，取消入驻资格：", "擅自转租场地的；",
             "申请市级众创空间的，面积应不少于500平方米，优先采购其服务；"]
    out = coder_rules.terms_rule(_ids(5), texts, _codes("S_FUN", NONE, NONE, "S_INF", "D_PRO"))
    assert list(out) == ["S_FUN", "S_INF", "E_STR", "E_STR", "D_PRO"]


# --- more of the frame, and a target's sentence over lines ended by ； ----------------------------------

@pytest.mark.parametrize("text, frame", [
    ("（《某市科技创新发展规划（2024—2028年）》节选）", True),   # an excerpt's source note
    ("(摘自《某省统计年鉴2024》)", True),
    ("孵化器于2018年被认定为国家级科技企业孵化器，2021年通过复核。", True),   # a carrier's history
    ("园区2020年获批省级众创空间认定。", True),
    ("被认定为国家级孵化器的，给予100万元奖励。", False),           # a recognition as a grant's condition
    ("对2025年被认定为省级众创空间的，给予30万元奖励。", False),
])
def test_a_source_note_and_a_history_of_recognitions_state_no_measure(text, frame):
    assert clause_roles.no_measure(["d:5.1.1"], [text])[0] == frame


def test_a_shortfall_named_as_a_rule_s_condition_is_no_audit_finding():
    # 挪用…的 and 骗取…的 are the condition of a sanction (a rule), not an audit's finding (挪用专项资金, 虚报…)
    texts = ["截留、挪用资金的，收回资金并取消申报资格。", "检查发现个别单位挪用专项资金。",
             "第九条 对弄虚作假骗取补助资金的，追回已拨付资金，3年内取消其申报资格。", "检查发现2家载体虚报在孵企业数量。"]
    assert list(clause_roles.no_measure(_ids(4), texts)) == [False, True, False, True]


def test_a_target_s_sentence_continues_over_lines_ended_by_a_semicolon():
    # 到2028年 on the first line; the next lines, after ；, are clauses of its sentence: 累计达到 there is a
    # planned total (R4), not a report; a sentence that opens 截至2024年底 is a date reached, no target year
    texts = ["到2028年，全市众创空间达到60家以上；", "其中国家级10家；", "入驻团队累计达到800个。",
             "截至2024年底，全市共有孵化器40家；", "在孵企业超过2000家。"]
    assert list(clause_roles.target(_ids(5), texts)) == [True, False, True, False, False]


# --- a public notice's steps, and a loan's instruments ------------------------------------------------

@pytest.mark.parametrize("text, step", [
    ("公示期为2026年3月2日至3月6日，共5个工作日。", True),           # a recognition's step (R3: E_STR)
    ("对公示名单有异议的，请于公示期内向区科技局书面反映。", True),
    ("公示无异议的，由区财政将资金拨付至载体账户；", False),         # the grant's step: left to the grant
    ("公示栏设在服务大厅。", False),
])
def test_a_public_notice_s_period_and_objections_are_a_recognition_s_steps(text, step):
    assert clause_roles.procedure([text])[0] == step


@pytest.mark.parametrize("text, before, expected", [
    ("可申请创业担保贷款最高30万元，财政全额贴息。", "S_FUN", "E_FIN"),     # a loan and its interest subsidy
    ("对合作银行发放的信用贷款，按本金的2%给予贴息。", "S_FUN", "E_FIN"),
    ("设立2000万元风险补偿资金池。", "S_FUN", "E_FIN"),
    ("对新认定的孵化器给予50万元奖励。", "S_FUN", "S_FUN"),               # a grant stays a grant
    ("受理创业担保贷款申请215笔。", NONE, NONE),                          # a report the rules left none stays none
])
def test_a_loan_s_instruments_are_financial_support_not_a_grant(text, before, expected):
    assert coder_rules.finance_rule([text], _codes(before))[0] == expected


# --- a demand-side instrument the rules left none; a level the text says will be reached --------------

@pytest.mark.parametrize("text, expected", [
    ("在新城建一个智慧交通示范应用场景，让本地企业的产品先用起来。", "D_DEM"),   # an application scene opened
    ("对首购本地创新产品的单位给予奖励。", "D_PRO"),                             # first purchase
    ("去年已开放应用场景20个。", NONE),                                          # reported
    ("《首台套产品示范应用管理办法》同时废止。", NONE),                           # a cited title
])
def test_a_demand_side_instrument_named_in_a_clause_the_rules_left_none(text, expected):
    ids = ["d:1.1.1", "d:2.1.1"]
    assert demand_side.instrument_rule(ids, ["标题", text], _codes(NONE, NONE))[1] == expected


@pytest.mark.parametrize("text, goal", [
    ("同时，区级创业导师队伍将扩充到300人。", True),        # a level to reach, said with 将 (R4)
    ("服务机构要发展到20家以上。", True),
    ("专项资金将增加到5000万元。", False),                   # money raised to a level: a budget
    ("将对获奖项目给予最高50万元资助。", False),             # an act, no level
])
def test_a_level_the_text_says_will_be_reached_is_a_target(text, goal):
    assert clause_roles.target(["d:1.1.1"], [text])[0] == goal


# --- a press conference's and a reply letter's frame; an evaluation's results ------------------------

@pytest.mark.parametrize("text, frame", [
    ("今天我们邀请到区科技局局长，请他介绍有关情况，并回答大家的提问。", True),   # the host's introduction
    ("李明：谢谢您的提问。", True),                                                # a speaker's courtesy
    ("李明：各位媒体朋友，大家好。", True),
    ("李明：这个问题问得很好。", True),
    ("本局于2026年3月2日收到您通过信箱提交的政府信息公开申请，", True),           # receipt of a request
    ("如对本答复不服，可以在60日内申请行政复议。", True),                           # the right of appeal
    ("经审查，现答复如下：", True),
    ("某某区科学技术局（印章）", True),                                            # a signature with its seal
    ("项目综合得分91分，评价等级为“优秀”。", True),                                # an evaluation's results
    ("2.举办培训：目标值50期，实际值46期，完成率92%，未完成。", True),
    ("李明：谢谢。我们今年将对新认定的孵化器给予50万元奖励。", False),            # courtesy, then a measure
    ("对绩效评价等级为优秀的载体，给予20万元奖励。", False),                       # a grant by the grade
])
def test_a_press_conference_s_and_a_reply_letter_s_frame_and_an_evaluation_s_results(text, frame):
    assert clause_roles.no_measure(["d:5.1.1"], [text])[0] == frame


def test_a_budget_raised_step_by_step_to_a_level_is_a_grant():
    assert clause_roles.grant(["市财政年度专项资金逐步增加到2亿元；"])[0]


def test_rows_under_a_target_table_s_header_are_targets():
    # a header naming the target year (2028年目标) heads rows of a name and figures: each row is a target (R4),
    # the header none; a sentence ends the table
    texts = ["指标 2023年基数 2028年目标", "众创空间（家） 40 65", "其中：国家级（家） 6 10", "研发投入强度（%） 2.1 2.8",
             "上述目标纳入年度考核。"]
    header, rows = list_lines.target_table(_ids(5), texts)
    assert list(header) == [True, False, False, False, False]
    assert list(rows) == [False, True, True, True, False]
    primary, _ = coder_rules.list_rule(_ids(5), texts, _codes("E_GOA", NONE, NONE, "S_TEC", "E_STR"), _codes(*[""] * 5))
    assert list(primary) == [NONE, "E_GOA", "E_GOA", "E_GOA", "E_STR"]


@pytest.mark.parametrize("header", ["年份 孵化器 众创空间", "指标 2020年 2024年"])  # names no target: a record's table
def test_a_table_without_a_target_in_its_header_has_no_target_rows(header):
    _, rows = list_lines.target_table(_ids(2), [header, "孵化器（家） 68 90"])
    assert not rows.any()
