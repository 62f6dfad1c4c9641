"""Sixth round of issue 26: the demand side's instruments (``analysis.demand_side``), a clause that
continues the measure before it (``analysis.continuation``), more of the frame and of a measure's form
(``analysis.clause_roles``, ``analysis.measure_form``, ``analysis.coder_rules``) and English clauses
(``analysis.english_clauses``). Every sentence was written for the test (none is a held-out set's); the
expected codes are by hand, from the codebook (v1.1) and its rules R1-R8."""

import numpy as np
import pytest

from analysis import (
    autocoder,
    clause_roles,
    coder_rules,
    continuation,
    demand_side,
    english_clauses,
    instruments,
    measure_form,
)


@pytest.fixture(scope="module")
def framework():
    return instruments.load_framework()


def _ids(n, doc="d"):
    """One clause per paragraph (a document whose lines are its clauses)."""
    return [f"{doc}:{p}.1.1" for p in range(1, n + 1)]


def _codes(*codes):
    return np.array(list(codes), dtype=object)


# --- the demand side's instruments -----------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    # D_PRO: the ways a government buys an innovative product (首购, 订购, single source), who buys (采购人),
    # the share kept for small firms, the price preference, the catalogue, buying services, consumer vouchers
    ("对列入目录的创新产品，采购单位可实行首购。", "D_PRO"),
    ("对尚待研究开发的创新产品，政府可通过订购方式采购。", "D_PRO"),
    ("采购人可采用单一来源方式采购首台产品。", "D_PRO"),
    ("年度采购预算中预留30%的份额面向小微企业。", "D_PRO"),
    ("对本地科技型中小企业的产品给予8%的价格扣除。", "D_PRO"),
    ("每年发布《创新产品应用推广目录》。", "D_PRO"),
    ("通过政府购买服务方式委托第三方开展评估。", "D_PRO"),
    ("向市民发放数码产品消费券2000万元。", "D_PRO"),
    # D_DEM: first use and application scenes opened to new products (the codebook's first-use of new products)
    ("对首用本地创新产品的医疗机构给予奖励。", "D_DEM"),
    ("每年开放100个城市治理应用场景。", "D_DEM"),
    ("支持软件首版次产品推广。", "D_DEM"),
    # D_OUT and D_TRA: contracting out; export and customs support
    ("鼓励园区承接政府公共服务事项。", "D_OUT"),
    ("为孵化企业提供通关便利。", "D_TRA"),
    ("支持在孵企业发展跨境电商。", "D_TRA"),
])
def test_a_demand_side_instrument_names_its_sub_tool(text, code):
    assert demand_side.instrument(text) == code


@pytest.mark.parametrize("text", [
    "支持企业购买检测、研发设计等服务。",  # a firm buys a service: a voucher's use, no procurement
    "对新认定的孵化器给予50万元奖励。",  # a grant
    "建设创新创业服务平台。",
])
def test_no_demand_side_instrument_in_other_measures(text):
    assert demand_side.instrument(text) == ""


def test_the_demand_rule_reads_the_instruments_beside_the_codebook_keywords(framework):
    # the classifier coded both E_STR; the first names a price deduction (D_PRO), the second a first use (D_DEM)
    texts = ["第五条 价格扣除。", "对首用创新产品的单位予以通报表扬。"]
    p, s = autocoder._demand_cues(texts, _codes("E_STR", "E_STR"), _codes("", ""), framework)
    assert p.tolist() == ["D_PRO", "D_DEM"] and s.tolist() == ["E_STR", "E_STR"]


def _scores(classes, best):
    """Decision values with ``best`` highest after the demand-side and none columns."""
    scores = np.zeros((1, len(classes)))
    scores[0, list(classes).index(best)] = 1.0
    return np.repeat(scores, 1, axis=0)


CLASSES = np.array(["D_DEM", "D_OVE", "D_PRO", "E_GOA", "E_STR", "S_FUN", "S_INF", "none"], dtype=object)


@pytest.mark.parametrize("text, code, expected", [
    # R4: a target is E_GOA whatever it counts (到2027年 and a level to reach)
    ("到2027年，全省示范基地达到80个以上。", "D_DEM", "E_GOA"),
    ("第十条 到2026年，通过首购采购创新产品累计达到3亿元。", "D_PRO", "E_GOA"),
    # funding: money paid to a demonstration base, or its terms, is S_FUN
    ("对新认定的示范基地给予200万元一次性奖补。", "D_DEM", "S_FUN"),
    ("补助资金主要用于示范基地内公共服务平台建设。", "D_DEM", "S_FUN"),
    # R3: its status granted, assessed or revoked is E_STR
    ("年度考核不合格的，撤销示范基地称号。", "D_DEM", "E_STR"),
    ("市科技局每年对试点单位开展评估。", "D_DEM", "E_STR"),
    # a duty of a demonstration base: the act's best code off the demand side (here E_STR by the scores)
    ("各示范基地要每年举办路演活动不少于8场。", "D_DEM", "E_STR"),
    # kept: a demonstration itself (示范应用: 应 is no duty), a procurement's own money, overseas people (R2)
    ("加快推进首台套装备示范应用。", "D_DEM", "D_DEM"),
    ("市财政每年安排3000万元，用于订购尚待研发的创新产品。", "D_PRO", "D_PRO"),
    ("举办海外创业大赛，力争引进海外项目20个。", "D_OVE", "D_OVE"),
])
def test_a_demand_word_yields_to_the_clause_structure(text, code, expected):
    p, s = demand_side.structure_rule(["d:2.1.1"], [text], _codes(code), _codes(""), _scores(CLASSES, "E_STR"),
                                      CLASSES)
    assert p[0] == expected
    assert s[0] == (code if expected != code else "")


# --- a clause that continues the measure before it -------------------------------------------------

def test_a_measure_s_terms_take_its_code():
    texts = ["对在孵企业首笔贷款给予贴息；",  # E_FIN (the classifier)
             "贴息期限最长2年，单户最高20万元。",  # a period and a cap: E_FIN
             "其中对科技型企业再提高10%。",  # 其中 and a rate: E_FIN (chained)
             "对新认定的市级孵化器，给三十万；",  # S_FUN (the classifier)
             "升到省级的，再给五十万；",  # a condition and what it gets, spoken: S_FUN
             "二是办好第五届创业大赛，",  # E_STR; the line ends inside its sentence
             "奖金提高到两百万。"]  # the rest of the sentence: E_STR
    primary = _codes("E_FIN", "none", "none", "S_FUN", "none", "E_STR", "none")
    out = continuation.continuation_rule(_ids(7), texts, primary, np.zeros(7, dtype=bool))
    assert out.tolist() == ["E_FIN", "E_FIN", "E_FIN", "S_FUN", "S_FUN", "E_STR", "E_STR"]


def test_what_is_no_continuation_stays_none():
    texts = ["全区现有孵化器40家，",  # none (a figure reported)
             "其中国家级10家。",  # after none: none
             "对新认定的孵化器给予奖励；",  # S_FUN
             "全年累计兑现补贴800万元，",  # a report after a measure: none (累计)
             "惠及企业120家。",  # the report's rest: none
             "对入驻企业减免房租；",  # S_INF
             "最高不超过5万元。",  # framed by the caller (e.g. a heading's pattern): none
             "另一文件的开头最高5万元。"]  # another document: none
    ids = _ids(7) + ["e:1.1.1"]
    primary = _codes("none", "none", "S_FUN", "none", "none", "S_INF", "none", "none")
    framed = np.array([False] * 6 + [True, False])
    out = continuation.continuation_rule(ids, texts, primary, framed)
    assert out.tolist() == ["none", "none", "S_FUN", "none", "none", "S_INF", "none", "none"]


def test_the_coder_does_not_continue_a_problem_or_a_heading_pattern():
    texts = ["对入驻企业给予房租补贴；", "三、保障措施", "部分载体运营能力不足。"]
    out = coder_rules.continuation_rule(_ids(3), texts, _codes("S_FUN", "none", "none"))
    assert out.tolist() == ["S_FUN", "none", "none"]  # 一、 headings and a shortfall stay none


# --- more of the frame ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, frame", [
    ("主持人：感谢局长做客我们的节目。", True),  # an interview's host
    ("记者：这些政策已经落地了。", True),
    ("李明：是的。", True),  # a speaker's reply too short for a measure
    ("答：对。", True),
    ("李明：新认定的省级孵化器，我们奖励一百万。", False),  # a speaker's measure
    ("配合单位：市财政局。", False),  # a field's label is no speaker
    ("今年重点抓好三件事。", True),  # a lead-in counting what follows
    ("欢迎关注“科技之窗”微信公众号。", True),  # how to reach the authors
    ("☎咨询电话：010-12345678", True),  # a contact line behind an icon
    ("市科学技术局 2024年3月", True),  # a byline with its date
    ("某某科技园运营管理有限公司 2023年12月", True),
    ("附件：2024年度示范基地名单", True),  # an attachment line
    ("具体名单见附件。", True),
    ("2025年是全面完成“十四五”规划目标的决胜之年。", True),  # what a year is
    ("2024年是深化改革的关键一年。", True),
    ("附件2：孵化载体扶持资金申报表", True),
    ("县科学技术局 2024年5月8日", True),
    ("在孵企业中高新技术企业占比提高1.5个百分点。", True),
    ("全市研发投入强度达到2.8%，提高0.2个百分点。", True),  # a change reported in percentage points
    ("力争研发投入强度提高0.2个百分点。", False),  # a target's change
])
def test_more_of_the_frame_states_no_measure(text, frame):
    assert bool(clause_roles.no_measure(["d:3.1.1"], [text])[0]) is frame


def test_a_section_of_lessons_states_no_measure_until_the_next_section():
    texts = ["四、几点启示", "一是坚持规划引领，统筹布局载体；", "二是坚持市场运作。", "五、下一步工作",
             "建立创业导师库。"]
    out = clause_roles.no_measure([f"d:{p}.1.1" for p in range(2, 7)], texts)
    assert out.tolist() == [True, True, True, False, False]


def test_a_period_is_no_count_reported():
    texts = ["市科技局在15个工作日内完成审核。",  # a deadline: no figure reported
             "运营满6个月的团队可以申请。",
             "全市众创空间12个。"]  # a count with no act: reported
    assert clause_roles.reported_figure(texts).tolist() == [False, False, True]


@pytest.mark.parametrize("text", ["连续两年考核不合格的，撤销其示范基地称号。", "去年评估摘了五家的牌子。",
                                  "取消其市级众创空间资格。"])
def test_a_revoked_status_is_a_sanction(text):
    assert clause_roles.sanction([text])[0]


def test_a_target_sentence_cut_by_line_breaks_is_one_target():
    # 到2026年 opens the sentence on the first line; each line ending in ， continues it
    ids = ["d:5.1.1", "d:6.1.1", "d:7.1.1", "d:8.1.1"]
    texts = ["到2026年，孵化面积达到50万平方米，", "年培训创业者3000人次以上，", "在孵企业突破800家。",
             "新建孵化器2家以上。"]  # a new sentence without a year: no target
    assert clause_roles.target(ids, texts).tolist() == [True, True, True, False]


@pytest.mark.parametrize("text, grant", [
    ("开发区将在未来五年投入20亿元，支持载体升级。", True),  # a budget to spend (codebook: 计划5年投入资金1.5亿元)
    ("计划三年投入资金3000万元建设公共平台。", True),
    ("省财政科技投入412亿元，增长15%。", False),  # spent, reported: no grant's structure
])
def test_a_planned_budget_is_a_grant(text, grant):
    assert bool(clause_roles.grant([text])[0]) is grant


# --- the form of a measure ------------------------------------------------------------------------

@pytest.mark.parametrize("text, measure", [
    ("自治区科技厅安排创业项目资金50万元。", True),  # an autonomous region's department as the subject
    ("全年举办创业沙龙不少于40场。", True),  # a plan's task opening with a time phrase, then its verb
    ("每年组织创业培训10期。", True),
    ("全年营业收入增长10%。", False),  # a time phrase, then no act
])
def test_more_forms_of_a_measure(text, measure):
    assert bool(measure_form.states_measure([text])[0]) is measure


def test_an_article_or_a_section_heading_on_its_own_line_heads_the_lines_below():
    ids = _ids(8)
    texts = ["第三条 首购。",  # an article's heading: its body the lines up to the next article
             "采购人可采用单一来源方式首购；", "首购合同金额最高500万元。",
             "第四条 采购人应当按合同约定支付资金。",  # the next article (not a heading): ends the body
             "一、扩大风险补偿资金池。",  # a measure's section heading, a sentence: its body up to the next section
             "设立风险补偿资金池，规模2亿元；", "单笔补偿最高200万元。",
             "二、保障措施"]
    assert measure_form.heading_bodies(ids, texts) == [[1, 2], [], [], [], [5, 6], [], [], []]


def test_a_heading_over_a_body_split_evenly_takes_the_code_its_words_score_higher():
    ids = _ids(6)
    texts = ["一、扩大科技信贷风险补偿资金池。",  # body E_FIN and E_GOA: the heading's scores favour E_FIN
             "设立风险补偿资金池，规模5亿元；", "力争合作银行贷款余额达到100亿元。",
             "二、完善创业服务",  # no final mark: a section's title names a group, stays none
             "建设一站式服务平台；", "力争服务企业达到500家。"]
    classes = np.array(["E_FIN", "E_GOA", "S_PUB", "none"], dtype=object)
    scores = np.array([[0.2, -0.5, -0.9, 0.4]] + [[0.0, 0.0, 0.0, 0.0]] * 5)
    primary = _codes("none", "E_FIN", "E_GOA", "none", "S_PUB", "E_GOA")
    out, _ = coder_rules.heading_rule(ids, texts, primary, _codes(*[""] * 6), scores, classes)
    assert out.tolist() == ["E_FIN", "E_FIN", "E_GOA", "none", "S_PUB", "E_GOA"]
    out, _ = coder_rules.heading_rule(ids, texts, primary, _codes(*[""] * 6))  # without scores: none
    assert out[0] == "none"


# --- English clauses ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, before, expected", [
    ("The park has attracted 450 start-ups since 2021.", "S_INF", "none"),  # a report (perfect, a number)
    ("Last year, the city held 200 roadshows.", "E_STR", "none"),
    ("Of the 90 incubators, 20 are provincial-level.", "S_TAL", "none"),  # a count in the present
    ("The district aims to have 150 maker spaces by 2027.", "S_INF", "E_GOA"),  # a target (R4)
    ("Returnee entrepreneurs can apply for a rent-free office for two years.", "S_INF", "D_OVE"),  # R2
    ("The city will provide 50 million yuan in subsidies.", "S_FUN", "S_FUN"),  # a measure: the classifier's code
    ("Applications close on October 15.", "S_FUN", "S_FUN"),  # a schedule, no report
    ("对新认定的孵化器给予50万元奖励。", "S_FUN", "S_FUN"),  # Chinese: untouched
])
def test_english_clauses_are_read_by_their_form(text, before, expected):
    assert english_clauses.english_rule([text], _codes(before))[0] == expected
